import WFMCore

/// One queue's history as a day × interval matrix ready for learning: dense values and, per day,
/// whether it is a normal day that methods may learn from.
///
/// Day `d` is the local date `dayNumber0 + d`; days `dayCount...` are the future days a method forecasts.
struct DaySeries: Sendable {
    var dayNumber0: Int
    var slotsPerDay: Int
    /// Contacts per cell, `dayCount * slotsPerDay`, finite and ≥ 0.
    var values: [Double]
    /// Per day: true for a normal day (learned), false for closed, special, missing or screened-out days.
    var learnable: [Bool]
    /// ISO weekdays on which the centre is closed (no row on any such day): their days hold zeros.
    var closedWeekdays: Set<Int> = []

    var dayCount: Int { learnable.count }

    /// ISO weekday (1 = Monday … 7 = Sunday) of day `d`, also for future days.
    func weekday(_ d: Int) -> Int { ((dayNumber0 + d) % 7 + 10) % 7 + 1 }

    /// Day of month (1…31) of day `d`.
    func dayOfMonth(_ d: Int) -> Int { LocalDate(dayNumber: dayNumber0 + d).day }

    func day(_ d: Int) -> ArraySlice<Double> { values[(d * slotsPerDay)..<((d + 1) * slotsPerDay)] }

    func total(_ d: Int) -> Double { day(d).reduce(0, +) }

    /// The last `count` learnable days before day `before` (most recent first) whose weekday is `weekday`.
    func recentDays(weekday: Int, count: Int, before: Int? = nil) -> [Int] {
        var found: [Int] = []
        var d = (before ?? dayCount) - 1
        while d >= 0 && found.count < count {
            if learnable[d] && self.weekday(d) == weekday { found.append(d) }
            d -= 1
        }
        return found
    }

    /// The series cut to its first `days` days (a training window of a backtest).
    func prefix(days: Int) -> DaySeries {
        DaySeries(dayNumber0: dayNumber0, slotsPerDay: slotsPerDay, values: Array(values[0..<(days * slotsPerDay)]),
                  learnable: Array(learnable[0..<days]), closedWeekdays: closedWeekdays)
    }
}

extension DaySeries {
    /// Prepares the days of `history` before local date `end` for learning.
    ///
    /// A day is learnable when it has rows, its weekday is not closed, it is not in `specialDays`,
    /// and it passes the outlier screen (`screenOutlierDays`). Cells of a local hour skipped by a
    /// daylight-saving gap take the value of the same cell on the last learnable same weekday (0 if none).
    /// Returns nil when no day of the history lies before `end`.
    init?(history: QueueHistory, end: LocalDate, specialDays: SpecialDays) {
        let days = min(history.dayCount, end.dayNumber - history.firstDate.dayNumber)
        guard days > 0 else { return nil }
        let slots = history.slotsPerDay
        let closed = history.closedWeekdays(firstDays: days)
        var learnable = (0..<days).map { d in
            let date = history.date(ofDay: d)
            return history.dayHasRows[d] && !closed.contains(date.isoWeekday) && specialDays.kind(on: date, queue: history.queue) == nil
        }
        var values = Array(history.contacts[0..<(days * slots)])
        for d in 0..<days {
            for cell in (d * slots)..<((d + 1) * slots) where values[cell].isNaN {
                var back = d - 7
                while back >= 0 && !learnable[back] { back -= 7 }
                values[cell] = back >= 0 ? values[cell - (d - back) * slots] : 0
            }
        }
        for d in 0..<days where !history.dayHasRows[d] { learnable[d] = false }
        self.init(dayNumber0: history.firstDate.dayNumber, slotsPerDay: slots, values: values, learnable: learnable,
                  closedWeekdays: closed)
        screenOutlierDays()
    }

    /// Marks as not learnable the days whose total is far from their weekday's usual total: below
    /// `low` or above `1 / low` times the median total of up to 5 learnable same-weekday days on
    /// each side. This catches holidays and outages that no calendar names (a robust screen in the
    /// spirit of Hampel's identifier, on ratios). Needs at least 3 neighbours with a positive median.
    mutating func screenOutlierDays(low: Double = 0.6) {
        let totals = (0..<dayCount).map(total)
        var flagged: [Int] = []
        for d in 0..<dayCount where learnable[d] {
            var neighbours: [Double] = []
            for step in [-7, 7] {
                var e = d + step
                var taken = 0
                while e >= 0 && e < dayCount && taken < 5 {
                    if learnable[e] { neighbours.append(totals[e]); taken += 1 }
                    e += step
                }
            }
            guard neighbours.count >= 3 else { continue }
            let median = Self.median(neighbours)
            guard median > 0 else { continue }
            let ratio = totals[d] / median
            if ratio < low || ratio > 1 / low { flagged.append(d) }
        }
        for d in flagged { learnable[d] = false }
    }

    static func median(_ values: [Double]) -> Double {
        precondition(!values.isEmpty, "median of no values")
        let sorted = values.sorted()
        let n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }
}
