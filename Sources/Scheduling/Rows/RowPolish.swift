/// Descent on one agent's row against per-day option costs: the best change of one day or of two
/// days at once, repeated while it lowers the row's cost and the row keeps every hard rule
/// (`WeekRules.allowsExceptMinimum` and no `shortfall`).
///
/// The planner's Lagrange multipliers price a counting rule for a whole family of alike shifts, so
/// near a tight window (Curtois: total minutes between a minimum and a maximum, shifts per type)
/// they miss rows that move a shift from one day to another; a two-day change reaches them. Work per
/// pass: (days × (options + 1))² cost sums; the rules are checked only for changes that pay.
struct RowPolish {
    let context: SchedulingContext
    let rules: WeekRules
    /// Passes at most (each applies the best change found).
    var passes = 20

    /// The polished row, or `row` itself when it already breaks a rule or no change pays.
    /// `costs[d][k]` is the cost of option `context.catalog.allowed[a][d][k]` against a day off.
    func polish(agent a: Int, row start: [Int], costs: [[Double]]) -> [Int] {
        var row = start
        guard keeps(a, row) else { return row }
        let allowed = context.catalog.allowed[a]
        let days = context.days
        // choices[d]: (option, cost against the day off), the day off first.
        let choices = (0..<days).map { d in [(option: -1, cost: 0.0)] + allowed[d].enumerated().map { (option: $1, cost: costs[d][$0]) } }
        func current(_ d: Int) -> Double { choices[d].first { $0.option == row[d] }?.cost ?? 0 }
        for _ in 0..<passes {
            var best: (days: [(Int, Int)], gain: Double)? = nil
            func consider(_ changes: [(Int, Int)], _ gain: Double) {
                guard gain > 1e-9, best == nil || gain > best!.gain + 1e-12 else { return }
                var candidate = row
                for (d, o) in changes { candidate[d] = o }
                if keeps(a, candidate) { best = (changes, gain) }
            }
            for d1 in 0..<days {
                let c1 = current(d1)
                for x in choices[d1] where x.option != row[d1] {
                    consider([(d1, x.option)], c1 - x.cost)
                    for d2 in (d1 + 1)..<days {
                        let c2 = current(d2)
                        for y in choices[d2] where y.option != row[d2] { consider([(d1, x.option), (d2, y.option)], c1 - x.cost + c2 - y.cost) }
                    }
                }
            }
            guard let chosen = best else { break }
            for (d, o) in chosen.days { row[d] = o }
        }
        return row
    }

    private func keeps(_ a: Int, _ row: [Int]) -> Bool {
        guard rules.allowsExceptMinimum(agent: a, week: row) else { return false }
        let short = rules.shortfall(agent: a, week: row)
        return short.minutes == 0 && short.days == 0
    }
}
