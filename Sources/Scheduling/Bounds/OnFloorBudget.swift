/// The most on-floor minutes each agent can give over the whole horizon, under its weekly rules.
///
/// An option's on-floor minutes inside the horizon are at most min(its covered minutes of the grid,
/// length − every break's length): breaks are never on the floor, and paid breaks only make paid
/// minutes larger, so on-floor ≤ paid. Per week block of `SchedulingContext.weeks` (every weekly
/// rule applies to every block, a short last block included), a dynamic programme over the block's
/// days with state (paid minutes, days worked) finds the largest on-floor sum of one option or a
/// day off per day with paid ≤ `weekMinutesMax` and days worked ≤ block days − `daysOffMin`, among
/// the end states that keep `weekMinutesMin` (all of them when none does: the rules then admit no
/// row, and any budget is valid). The blocks' sum, capped by `horizonMinutesMax`, is an upper bound
/// on the agent's on-floor minutes in every rule-abiding roster (rules across days and between
/// weeks are only dropped, never added).
struct OnFloorBudget: Sendable {
    /// minutes[a]: the bound for agent a.
    let minutes: [Double]

    init(context: SchedulingContext) {
        let options = context.catalog.options
        let intervalMinutes = Double(context.problem.grid.intervalMinutes)
        let onFloor = options.map { o in
            let breaks = context.problem.templates[o.templateIndex].breaks.reduce(0) { $0 + $1.lengthMinutes }
            return min(o.coverage.reduce(0, +) * intervalMinutes, Double(o.lengthMinutes - breaks))
        }
        struct Key: Hashable { var contract: String, paid: [[Int]], onFloor: [[Double]] }
        var memo: [Key: Double] = [:]
        minutes = (0..<context.agentCount).map { a in
            let c = context.contracts[a]
            // Per day the options that differ in (paid, on-floor), keeping the best on-floor per paid.
            let days = context.catalog.allowed[a].map { list in
                var best: [Int: Double] = [:]
                for o in list { best[options[o].paidMinutes] = max(best[options[o].paidMinutes] ?? 0, onFloor[o]) }
                return best.map { (paid: $0.key, onFloor: $0.value) }.sorted { $0.paid < $1.paid }
            }
            let key = Key(contract: c.id, paid: days.map { $0.map(\.paid) }, onFloor: days.map { $0.map(\.onFloor) })
            if let known = memo[key] { return known }
            var total = 0.0
            for block in context.weeks {
                total += Self.week(Array(days[block]), block: block, contract: c)
            }
            if let cap = c.horizonMinutesMax { total = min(total, Double(cap)) }
            memo[key] = total
            return total
        }
    }

    /// The block's largest on-floor sum (see the type's comment); `days` lists each day's (paid, on-floor) pairs.
    private static func week(_ days: [[(paid: Int, onFloor: Double)]], block: Range<Int>, contract c: Contract) -> Double {
        let maxWorked = max(0, days.count - c.daysOffMin(in: block))
        let unit = days.joined().reduce(c.weekMinutesMax) { gcd($0, $1.paid) }
        guard unit > 0 else { return 0 }
        let top = c.weekMinutesMax / unit
        // best[n][p]: largest on-floor minutes with n days worked and p·unit paid minutes (−∞: unreachable).
        var best = Array(repeating: Array(repeating: -Double.infinity, count: top + 1), count: maxWorked + 1)
        best[0][0] = 0
        for options in days where !options.isEmpty {
            var next = best
            for n in stride(from: maxWorked - 1, through: 0, by: -1) {
                for p in 0...top where best[n][p] > -.infinity {
                    for o in options {
                        let q = p + o.paid / unit
                        if q <= top { next[n + 1][q] = max(next[n + 1][q], best[n][p] + o.onFloor) }
                    }
                }
            }
            best = next
        }
        let least = (c.weekMinutesMin(in: block) + unit - 1) / unit
        let keeping = best.map { $0[min(least, top + 1)...].max() ?? -.infinity }.max() ?? -.infinity
        return keeping > -.infinity ? keeping : best.map { $0.max() ?? 0 }.max() ?? 0
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
