/// Same weekday-interval average: the forecast of interval `i` on a day of weekday `w` is the
/// average of interval `i` over the last `weeks` learnable days of weekday `w`.
///
/// `weeks = 1` is the seasonal naive method (same interval, same weekday, last normal week).
/// With `.mean` the average is weighted, weight `decay^j` for the `j`-th most recent day (`decay = 1`:
/// the plain mean planners use); with `.median` it is the interval-wise median (robust to one odd
/// week). A weekday with no learnable day is forecast 0. Complexity O(horizon × weeks × slots).
struct WeekdayAverage: Sendable {
    enum Statistic: Sendable { case mean, median }

    var weeks: Int
    var statistic: Statistic = .mean
    var decay: Double = 1

    func forecast(_ s: DaySeries, horizon: Int) -> [Double] {
        precondition(weeks >= 1 && decay > 0, "WeekdayAverage needs weeks ≥ 1 and decay > 0, got \(weeks), \(decay)")
        var out = Array(repeating: 0.0, count: horizon * s.slotsPerDay)
        var byWeekday: [Int: [Double]] = [:]
        for h in 0..<horizon {
            let w = s.weekday(s.dayCount + h)
            let profile: [Double]
            if let cached = byWeekday[w] { profile = cached } else {
                profile = average(s, days: s.recentDays(weekday: w, count: weeks))
                byWeekday[w] = profile
            }
            out.replaceSubrange((h * s.slotsPerDay)..<((h + 1) * s.slotsPerDay), with: profile)
        }
        return out
    }

    private func average(_ s: DaySeries, days: [Int]) -> [Double] {
        guard !days.isEmpty else { return Array(repeating: 0, count: s.slotsPerDay) }
        switch statistic {
        case .mean:
            var sum = Array(repeating: 0.0, count: s.slotsPerDay)
            var weight = 1.0, weights = 0.0
            for d in days {
                for (i, v) in s.day(d).enumerated() { sum[i] += weight * v }
                weights += weight
                weight *= decay
            }
            return sum.map { $0 / weights }
        case .median:
            return (0..<s.slotsPerDay).map { i in DaySeries.median(days.map { s.values[$0 * s.slotsPerDay + i] }) }
        }
    }
}
