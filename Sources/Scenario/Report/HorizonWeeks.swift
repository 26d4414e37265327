import WFMCore

/// The weekly blocks of a horizon, counted as the scheduler and the rule checker count them for the
/// weekly contract rules (`week_minutes`, `days_off_min`, `max_night_shifts`,
/// `max_start_spread_minutes`): 7-day blocks from the horizon's first local date, the last block
/// shorter when the horizon is not a whole number of weeks (31 days: 7, 7, 7, 7, 3).
struct HorizonWeeks: Sendable, Hashable {
    /// The horizon's first local date.
    let first: LocalDate
    /// The horizon's length in days.
    let days: Int

    /// Each block's dates, in order.
    var blocks: [[LocalDate]] {
        TimeGrid.weekBlocks(days: days).map { block in block.map { first.adding(days: $0) } }
    }

    /// Index of the block holding `date`; nil outside the horizon.
    func block(of date: LocalDate) -> Int? {
        let day = date.dayNumber - first.dayNumber
        return (0..<days).contains(day) ? day / 7 : nil
    }

    /// The weekly indicators of one agent in its worst block: the most night shifts in one block (a
    /// night shift starts before 06:00 local or runs past the next local midnight, by its local start
    /// minute plus its length) and the widest start spread in one block (latest minus earliest local
    /// start minute, minutes). Shifts count for the block of their local start date; those outside the horizon
    /// count for none, as in the rule checker.
    func worstWeek(of shifts: [ShiftRow]) -> (nightShifts: Int, startSpreadMinutes: Int) {
        let byBlock = Dictionary(grouping: shifts.filter { block(of: $0.start.date) != nil }) { block(of: $0.start.date)! }
        var nights = 0, spread = 0
        for week in byBlock.values {
            nights = max(nights, week.filter { s in
                s.start.minuteOfDay < 360 || s.start.minuteOfDay + (s.end.epochMinutes - s.start.epochMinutes) > 1440
            }.count)
            let starts = week.map(\.start.minuteOfDay)
            spread = max(spread, (starts.max() ?? 0) - (starts.min() ?? 0))
        }
        return (nights, spread)
    }
}
