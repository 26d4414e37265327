import WFMCore

/// The forecast of one queue on the local wall clock: `days × slotsPerDay` contacts from `start`,
/// before mapping onto the time grid.
struct QueuePlan: Sendable {
    var contacts: [Double]
    /// The method that produced it (`auto` resolved).
    var method: ForecastMethod
    /// The prepared history it was learned from.
    var series: DaySeries
}

enum QueueForecaster {
    /// Fits `method` on the days of `history` before `start` and forecasts `days` days from `start`.
    /// Normal days get the method's forecast; closed weekdays and closed special days 0; a special day
    /// with factor `f` gets `f` × the normal forecast. A gap between the history's end and `start` is
    /// forecast through. Nil when the history has no day before `start`.
    static func plan(_ history: QueueHistory, start: LocalDate, days: Int, method: ForecastMethod,
                     specialDays: SpecialDays) -> QueuePlan? {
        guard let s = DaySeries(history: history, end: start, specialDays: specialDays) else { return nil }
        let chosen = method == .auto ? AutoSelection.choose(s) : method
        let contacts = calendarAdjusted(s, queue: history.queue, closed: history.closedWeekdays(firstDays: s.dayCount),
                                        start: start, days: days, specialDays: specialDays) { chosen.normalDays(s, horizon: $0) }
        return QueuePlan(contacts: contacts, method: chosen, series: s)
    }

    /// `days` days from `start` of the normal-day forecast `normalDays(horizon)` (which forecasts
    /// `horizon` days following the series), with the calendar applied: closed weekdays and closed
    /// special days 0, a special day with factor `f` × f.
    static func calendarAdjusted(_ s: DaySeries, queue: String, closed: Set<Int>, start: LocalDate, days: Int,
                                 specialDays: SpecialDays, normalDays: (Int) -> [Double]) -> [Double] {
        let skipped = start.dayNumber - (s.dayNumber0 + s.dayCount)
        let normal = normalDays(skipped + days)
        let n = s.slotsPerDay
        var contacts = Array(normal[(skipped * n)...])
        for k in 0..<days {
            let date = start.adding(days: k)
            let factor: Double
            switch specialDays.kind(on: date, queue: queue) {
            case .closed?: factor = 0
            case .volumeFactor(let f)?: factor = f
            case nil: factor = closed.contains(date.isoWeekday) ? 0 : 1
            }
            if factor != 1 {
                for i in (k * n)..<((k + 1) * n) { contacts[i] *= factor }
            }
        }
        return contacts
    }
}
