/// Top-down forecast: a daily total per future day, spread over the day by the weekday's intraday profile.
///
/// `total(d) = level(d) × f[weekday(d)] × m[dayOfMonth(d)]` and `contacts(d, i) = total(d) × p_w[i]`, with
/// weekday factors `f` over the last `weekdayWeeks` weeks (detrended for the trend level), intraday shares `p_w` over the last
/// `profileDays` learnable days of the weekday (DailyTotals), and the level of the weekday-adjusted
/// totals from `level`:
/// - `.dampedTrend`: Holt's damped trend (follows a linear trend; the classic top-down planner method);
/// - `.recentMean(days)`: the mean of the adjusted totals over the last `days` days, after dividing each
///   by its day-of-month effect; with `dayOfMonth` the effects `m` multiply the forecast (else m ≡ 1).
struct TopDown: Sendable {
    enum Level: Sendable { case dampedTrend, recentMean(days: Int) }

    var level: Level
    var dayOfMonth: Bool
    var weekdayWeeks = 8
    var profileDays = 12

    func forecast(_ s: DaySeries, horizon: Int) -> [Double] {
        let factors: [Double]
        switch level {
        case .dampedTrend: factors = DailyTotals.weekdayFactors(s, weeks: weekdayWeeks, detrended: true)
        case .recentMean: factors = DailyTotals.weekdayFactors(s, weeks: weekdayWeeks, detrended: false)
        }
        let adjusted = DailyTotals.adjustedTotals(s, factors: factors)
        let effects = dayOfMonth ? DailyTotals.dayOfMonthEffects(s, adjusted: adjusted) : Array(repeating: 1, count: 32)
        let levels: [Double]
        switch level {
        case .dampedTrend:
            levels = DailyLevel.dampedTrend(adjusted, horizon: horizon) ?? Array(repeating: 0, count: horizon)
        case .recentMean(let days):
            let mean = DailyLevel.recentMean(adjusted, days: days) { d, y in y / effects[s.dayOfMonth(d)] } ?? 0
            levels = Array(repeating: mean, count: horizon)
        }
        var profiles: [Int: [Double]] = [:]
        var out: [Double] = []
        out.reserveCapacity(horizon * s.slotsPerDay)
        for h in 0..<horizon {
            let d = s.dayCount + h
            let w = s.weekday(d)
            if profiles[w] == nil { profiles[w] = DailyTotals.profile(s, weekday: w, days: profileDays) }
            let total = levels[h] * factors[w] * effects[s.dayOfMonth(d)]
            out.append(contentsOf: profiles[w]!.map { $0 * total })
        }
        return out
    }
}
