/// The exact cheapest row of one agent for given per-day option costs, by dynamic programming over
/// labelled states: every hard rule of `WeekRules` is a state component or a check on a transition,
/// so the row returned keeps them all (`allowsExceptMinimum`, no `shortfall`) and no valid row is
/// cheaper.
///
/// State after day d: yesterday's option (its template when the contract has no rest rule), the
/// length of the current run of work or rest (capped where the rules stop caring) and whether it
/// began on the first day (runs touching the horizon's ends are exempt from the minimum runs), and
/// only for the rules that bind this agent: paid minutes so far, this week's paid minutes, days,
/// nights and earliest and latest start, weekends worked, shifts per limited template. A rule binds
/// when some row of the agent's options could break it. Cost O(days × states × options); states
/// grow with the counts tracked, so the search gives up (nil) above `maxStates` states on one day:
/// Curtois Instance4 (10 agents × 28 days, two 480-minute shifts, horizon minutes, weekends) needs
/// about 2,000. Breaks no tie by anything but state order, so the result is deterministic.
struct RowLabels {
    let context: SchedulingContext
    let rules: WeekRules
    /// States on one day above which `cheapest` gives up.
    var maxStates = 60_000

    private struct Key: Hashable {
        var last: Int32 = -1          // option (or template) worked yesterday, −1 off
        var run: Int16 = 0
        var fromStart = true
        var total: Int32 = 0
        var weekPaid: Int32 = 0
        var weekDays: Int16 = 0
        var weekNights: Int16 = 0
        var lo: Int16 = Int16.max
        var hi: Int16 = Int16.min
        var weekends: Int16 = 0
        var counts: [Int16] = []
    }

    private struct Label {
        var cost: Double
        var parent: Int32
        var option: Int32
    }

    /// The cheapest row keeping every hard rule (option per day, −1 off), `costs[d][k]` being the cost
    /// of `context.catalog.allowed[a][d][k]` against a day off; nil when no row keeps them or the state
    /// space exceeds `maxStates`.
    func cheapest(agent a: Int, costs: [[Double]]) -> [Int]? {
        let c = context.contracts[a]
        let options = context.catalog.options
        let allowed = context.catalog.allowed[a]
        let days = context.days
        let mine = Set(allowed.joined())
        let paid = mine.map { options[$0].paidMinutes }
        let maxPaid = paid.max() ?? 0
        let starts = mine.map { options[$0].startMinute }
        // Template limits that can bind: below the days the template is open to the agent.
        let limits = rules.templateLimits[a].filter { limit in
            limit.max < allowed.filter { $0.contains { options[$0].templateIndex == limit.template } }.count
        }
        // Which rules bind (can be broken by some row of these options).
        let horizon = c.horizonMinutesMin > 0 || (c.horizonMinutesMax.map { $0 < maxPaid * days } ?? false)
        let weekMinutes = c.weekMinutesMin > 0 || c.weekMinutesMax < 7 * maxPaid
        let weekDays = c.daysOffMin > 0
        let nights = c.maxNightShifts < 7 && mine.contains { options[$0].isNight }
        let spread = (starts.max() ?? 0) - (starts.min() ?? 0) > c.maxStartSpreadMinutes
        let weekends = c.maxWeekends != nil
        let rest = c.minRestMinutes > 0 || !context.carryIn[a].isEmpty
        let capOff = Int16(max(1, c.minConsecutiveDaysOff))
        // Paid minutes still reachable from day d on (for pruning against the horizon minimum).
        var reach = Array(repeating: 0, count: days + 1)
        for d in stride(from: days - 1, through: 0, by: -1) { reach[d] = reach[d + 1] + (allowed[d].map { options[$0].paidMinutes }.max() ?? 0) }

        var layers: [[Label]] = []
        var keys: [Key] = [Key(counts: Array(repeating: 0, count: limits.count))]
        var previous: [Label] = [Label(cost: 0, parent: -1, option: -1)]
        for d in 0..<days {
            let weekStart = d % 7 == 0
            let blockDays = min(7, days - d / 7 * 7)
            let block = d / 7 * 7..<d / 7 * 7 + blockDays
            let weekEnd = d % 7 == 6 || d == days - 1
            var index: [Key: Int] = [:]
            var nextKeys: [Key] = []
            var next: [Label] = []
            func offer(_ key: Key, _ label: Label) {
                if let i = index[key] {
                    if label.cost < next[i].cost - 1e-12 { next[i] = label }
                } else {
                    index[key] = next.count
                    nextKeys.append(key)
                    next.append(label)
                }
            }
            for (i, key) in keys.enumerated() {
                var base = key
                if weekStart { base.weekPaid = 0; base.weekDays = 0; base.weekNights = 0; base.lo = .max; base.hi = .min }
                let cost = previous[i].cost
                // A day off.
                do {
                    var k = base
                    var valid = true
                    if d > 0 && key.last >= 0 {
                        if !key.fromStart && Int(key.run) < c.minConsecutiveDays { valid = false }
                        k.run = 1
                        k.fromStart = false
                    } else {
                        k.run = d == 0 ? 1 : min(capOff, key.run + 1)
                        if d == 0 { k.fromStart = true }
                    }
                    k.last = -1
                    if valid && (!weekEnd || closesWeek(k, c, weekMinutes, block: block)) && reachable(k, c, horizon, reach[d + 1]) {
                        offer(k, Label(cost: cost, parent: Int32(i), option: -1))
                    }
                }
                // A shift.
                for (j, o) in allowed[d].enumerated() {
                    let option = options[o]
                    var k = base
                    if d == 0 {
                        if let end = context.carryIn[a].last?.end, option.start - end < c.minRestMinutes * 60 { continue }
                        k.run = Int16(context.carryInRun[a] + 1)
                        k.fromStart = true
                    } else if key.last >= 0 {
                        let lastTemplate = rest ? options[Int(key.last)].templateIndex : Int(key.last)
                        if context.forbiddenNext[lastTemplate][option.templateIndex] { continue }
                        if rest && option.start - options[Int(key.last)].end < c.minRestMinutes * 60 { continue }
                        k.run = key.run + 1
                    } else {
                        if !key.fromStart && Int(key.run) < c.minConsecutiveDaysOff { continue }
                        k.run = 1
                        k.fromStart = false
                    }
                    if Int(k.run) > c.maxConsecutiveDays { continue }
                    k.last = Int32(rest ? o : option.templateIndex)
                    if horizon {
                        k.total += Int32(option.paidMinutes)
                        if let cap = c.horizonMinutesMax, Int(k.total) > cap { continue }
                    }
                    if weekMinutes {
                        k.weekPaid += Int32(option.paidMinutes)
                        if Int(k.weekPaid) > c.weekMinutesMax { continue }
                    }
                    if weekDays {
                        k.weekDays += 1
                        if Int(k.weekDays) > blockDays - c.daysOffMin(in: block) { continue }
                    }
                    if nights && option.isNight {
                        k.weekNights += 1
                        if Int(k.weekNights) > c.maxNightShifts { continue }
                    }
                    if spread {
                        k.lo = min(k.lo, Int16(option.startMinute))
                        k.hi = max(k.hi, Int16(option.startMinute))
                        if Int(k.hi) - Int(k.lo) > c.maxStartSpreadMinutes { continue }
                    }
                    if weekends, context.weekendOfDay[d] >= 0, d == 0 || key.last < 0 || context.weekendOfDay[d - 1] != context.weekendOfDay[d] {
                        k.weekends += 1
                        if Int(k.weekends) > c.maxWeekends! { continue }
                    }
                    if let l = limits.firstIndex(where: { $0.template == option.templateIndex }) {
                        k.counts[l] += 1
                        if Int(k.counts[l]) > limits[l].max { continue }
                    }
                    if weekEnd && !closesWeek(k, c, weekMinutes, block: block) { continue }
                    if !reachable(k, c, horizon, reach[d + 1]) { continue }
                    offer(k, Label(cost: cost + costs[d][j], parent: Int32(i), option: Int32(o)))
                }
            }
            guard next.count <= maxStates, !next.isEmpty else { return nil }
            layers.append(next)
            keys = nextKeys
            previous = next
        }
        // Runs touching the last day are exempt; the horizon minimum was enforced by `reachable`.
        guard var at = previous.indices.min(by: { previous[$0].cost < previous[$1].cost }) else { return nil }
        var row = Array(repeating: -1, count: days)
        for d in stride(from: days - 1, through: 0, by: -1) {
            row[d] = Int(layers[d][at].option)
            at = Int(layers[d][at].parent)
        }
        return row
    }

    /// The week's minimum paid minutes (pro-rated in a short last block), checked on its last day.
    private func closesWeek(_ k: Key, _ c: Contract, _ weekMinutes: Bool, block: Range<Int>) -> Bool {
        !weekMinutes || Int(k.weekPaid) >= c.weekMinutesMin(in: block)
    }

    /// Whether the horizon minimum can still be met with `left` paid minutes at most to come.
    private func reachable(_ k: Key, _ c: Contract, _ horizon: Bool, _ left: Int) -> Bool {
        !horizon || Int(k.total) + left >= c.horizonMinutesMin
    }
}
