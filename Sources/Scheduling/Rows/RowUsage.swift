/// What one agent's row uses of each counting rule: paid minutes, worked days and night shifts per
/// week (week b = days 7b…7b + 6), paid minutes and weekends over the horizon (a weekend counts once
/// when any of its days is worked), and shifts per template index. The counting rules of
/// `RowPlanner` and `HeadCountCounting` are measured by it.
struct RowUsage {
    var weekPaid: [Int], weekDays: [Int], weekNights: [Int]
    var paid = 0, weekends = 0
    var templates: [Int]

    /// `row[d]`: what is worked on day d, −1 off; `shift` gives its paid minutes, night flag and template.
    init(row: [Int], weeks: Int, templates: Int, weekendOfDay: [Int], shift: (Int) -> (paid: Int, night: Bool, template: Int)) {
        weekPaid = Array(repeating: 0, count: weeks)
        weekDays = weekPaid
        weekNights = weekPaid
        self.templates = Array(repeating: 0, count: templates)
        var lastWeekend = -1
        for (d, o) in row.enumerated() where o >= 0 {
            let s = shift(o)
            let b = d / 7
            weekPaid[b] += s.paid
            weekDays[b] += 1
            if s.night { weekNights[b] += 1 }
            paid += s.paid
            self.templates[s.template] += 1
            let weekend = weekendOfDay[d]
            if weekend >= 0 && weekend != lastWeekend { weekends += 1; lastWeekend = weekend }
        }
    }
}
