/// Plans one agent's whole row at once: the cheapest sequence of shifts and days off over the
/// horizon for given per-day option costs, by dynamic programming over the sequence rules with the
/// counting rules priced by Lagrange multipliers.
///
/// Exact in the dynamic programme (`solve` in RowProgramme.swift; state: yesterday's option class
/// and the length of the current run of work, or the length of the current run of rest, and under a
/// horizon paid-minute rule the days worked so far): the options each day allows
/// (`OptionCatalog.allowed`), `max-consecutive-days` (carry-in counted), `min-consecutive-days` and
/// `min-consecutive-days-off` (runs touching the first or last day exempt), `forbidden-succession`,
/// `min-rest` between shifts on consecutive days and after the carry-in, and the weekend count
/// (a weekend costs its multiplier once, on its first worked day).
///
/// Priced (Lagrangian relaxation): paid minutes per week and over the horizon (one signed multiplier
/// per window), days
/// off per week, night shifts per week, per-template maxima, weekends. Each round solves the
/// programme with the current multipliers; every multiplier then moves by its step times its
/// rule's violation (in shifts: minutes divided by the mean paid minutes of the agent's options),
/// the step halving whenever the violation changes sign and growing by half while it keeps it
/// (subgradient steps, Held–Wolfe–Crowder 1974; adaptive steps as in Fisher 1981, "The Lagrangian
/// relaxation method for solving integer programming problems"). Alike shifts priced alike make a
/// multiplier switch whole families on or off, so after the first round the costs get a small fixed
/// jitter and every round's row is `fit`ted: moved into its windows and limits a day at a time.
/// Rows are returned only when they keep every maximum; among them the cheapest by cost plus
/// `RosterState.deficitWeight` per minute short of a minimum wins. The start-spread rule is not
/// modelled: rows breaking it are rejected.
struct RowPlanner {
    let context: SchedulingContext
    let rules: WeekRules
    /// Class of each template: templates with equal forbidden successions both ways share one (its
    /// lowest template index); without a rest rule the programme needs only a class's cheapest option.
    let classOfTemplate: [Int]
    /// Lagrangian rounds at most, and rounds after the first row that keeps every counting rule.
    var rounds = 30
    var roundsAfterFeasible = 3
    /// Steps of `fit` at most; rows further from their rules are left to the multipliers.
    var fitDays = 12
    /// States over the horizon above which the worked-day count is left to the multipliers (the
    /// predecessors take 4 bytes each).
    var maxCountStates = 20_000_000

    init(context: SchedulingContext, rules: WeekRules) {
        self.context = context
        self.rules = rules
        let n = context.forbiddenNext.count
        let grouping = SuccessionClasses.group(count: n, template: { $0 }, extra: { _ in 0 }, among: Array(0..<n), next: context.forbiddenNext)
        classOfTemplate = grouping.classOf.map { grouping.first[$0] }
    }

    /// Where each counting rule's multiplier (and violation) stands: per week b its paid minutes
    /// (signed: one multiplier for both bounds of the window), worked days and nights; then the
    /// horizon's paid minutes (signed), the weekends, and one entry per limited template
    /// (`WeekRules.templateLimits` order).
    struct Multipliers {
        let weeks: Int, limits: Int
        func weekPaid(_ b: Int) -> Int { 3 * b }
        func weekDays(_ b: Int) -> Int { 3 * b + 1 }
        func weekNights(_ b: Int) -> Int { 3 * b + 2 }
        var horizonPaid: Int { 3 * weeks }
        var weekends: Int { 3 * weeks + 1 }
        func template(_ i: Int) -> Int { 3 * weeks + 2 + i }
        var count: Int { 3 * weeks + 2 + limits }
        /// True for the paid-minute windows, whose multiplier may be negative.
        func isSigned(_ i: Int) -> Bool { i == horizonPaid || (i < horizonPaid && i % 3 == 0) }
    }

    func multipliers(agent a: Int) -> Multipliers { Multipliers(weeks: context.weeks.count, limits: rules.templateLimits[a].count) }

    /// The best row for agent `a` (option per day, −1 off) given `costs[d][k]` for option
    /// `context.catalog.allowed[a][d][k]` against a day off; nil when no round produced a row keeping
    /// every maximum and the sequence rules.
    func plan(agent a: Int, costs: [[Double]]) -> [Int]? {
        let allowed = context.catalog.allowed[a]
        let options = context.catalog.options
        let paidValues = allowed.flatMap { $0.map { Double(options[$0].paidMinutes) } }
        let unit = max(1, paidValues.isEmpty ? 1 : paidValues.reduce(0, +) / Double(paidValues.count))
        let flat = costs.flatMap { $0 }
        let scale = max(1, flat.isEmpty ? 1 : flat.reduce(0) { $0 + abs($1) } / Double(flat.count))
        // After the first round (exact costs, all multipliers 0: the optimum when no counting rule
        // binds), alike shifts get slightly different prices in the programme (a fixed hash of agent,
        // day and template, up to half the mean cost), so a multiplier near its balance point turns
        // part of a family of shifts on rather than all or none.
        let jittered = costs.enumerated().map { d, list in
            list.enumerated().map { k, cost in
                var hash = SplitMix64(seed: UInt64(a) &* 0x9E37_79B9 &+ UInt64(d) &* 0x85EB_CA6B &+ UInt64(options[allowed[d][k]].templateIndex))
                return cost + 0.5 * scale * Double(hash.next() >> 11) / Double(1 << 53)
            }
        }
        let layout = multipliers(agent: a)
        let count = layout.count
        var prices = Array(repeating: 0.0, count: count)
        var steps = Array(repeating: scale, count: count)
        var signs = Array(repeating: 0, count: count)
        var best: (row: [Int], value: Double)? = nil
        var feasibleRound: Int? = nil
        let scratch = RunLengthProgramme.Scratch()
        let window = countWindow(agent: a)
        for round in 0..<rounds {
            if let f = feasibleRound, round - f > roundsAfterFeasible { break }
            guard let solved = solve(agent: a, costs: round == 0 ? costs : jittered, prices: prices, unit: unit, window: window, scratch: scratch) else {
                return best?.row
            }
            let solvedViolations = violations(agent: a, usage: usage(agent: a, row: solved), unit: unit)
            let v = solvedViolations.0
            let row = fit(agent: a, row: solved, costs: costs, unit: unit)
            let (fitted, shortMinutes) = row == solved ? solvedViolations : violations(agent: a, usage: usage(agent: a, row: row), unit: unit)
            let keepsMaxima = fitted.allSatisfy { $0 <= 0 } && rules.allowsExceptMinimum(agent: a, week: row)
            if keepsMaxima {
                var value = RosterState.deficitWeight * Double(shortMinutes)
                for (d, o) in row.enumerated() where o >= 0 { value += costs[d][allowed[d].firstIndex(of: o)!] }
                if best == nil || value < best!.value - 1e-9 { best = (row, value) }
                if feasibleRound == nil && shortMinutes == 0 { feasibleRound = round }
            }
            for i in v.indices {
                let sign = v[i] > 0 ? 1 : (v[i] < 0 ? -1 : 0)
                if sign != 0 && signs[i] != 0 { steps[i] *= sign == signs[i] ? 1.5 : 0.5 }
                if sign != 0 { signs[i] = sign }
                prices[i] += steps[i] * v[i]
                if !layout.isSigned(i) { prices[i] = max(0, prices[i]) }
            }
        }
        return best?.row
    }

    /// How far a row is from keeping the counting rules, in shifts: above the maxima (paid minutes per
    /// week and horizon divided by `unit`, days and nights per week, weekends, per-template shifts)
    /// and below the minima (paid minutes). Sequence rules are not counted (see `sound`).
    private func distance(agent a: Int, row: [Int], unit: Double) -> (over: Double, under: Double) {
        let (v, short) = violations(agent: a, usage: usage(agent: a, row: row), unit: unit)
        let over = v.reduce(0) { $0 + max(0, $1) }
        return (over, Double(short) / unit)
    }

    /// True when the row keeps the rules the dynamic programme keeps exactly: runs of work and rest
    /// within their bounds, forbidden successions, rest between consecutive days.
    private func sound(agent a: Int, row: [Int]) -> Bool {
        let c = context.contracts[a]
        let options = context.catalog.options
        var run = context.carryInRun[a]
        for d in row.indices {
            guard row[d] >= 0 else { run = 0; continue }
            run += 1
            if run > c.maxConsecutiveDays { return false }
            if d > 0, row[d - 1] >= 0 {
                let p = options[row[d - 1]], o = options[row[d]]
                if context.forbiddenNext[p.templateIndex][o.templateIndex] || o.start - p.end < c.minRestMinutes * 60 { return false }
            }
        }
        return rules.shortfall(agent: a, week: row).days == 0
    }

    /// Moves a row towards its counting rules one day at a time (the multipliers price whole
    /// families of alike shifts, so they jump over narrow windows and limits): while a maximum is
    /// exceeded, drops a working day or changes its option; else, while a minimum is missed, adds an
    /// option on an open day next to a run (or at a horizon end). Each step takes the cheapest change
    /// that brings the row closer and keeps it `sound`; at most `fitDays` steps, and only when the row
    /// is that close.
    func fit(agent a: Int, row start: [Int], costs: [[Double]], unit: Double) -> [Int] {
        let allowed = context.catalog.allowed[a]
        let days = context.days
        var row = start
        var e = distance(agent: a, row: row, unit: unit)
        guard e.over + e.under > 0, e.over + e.under <= Double(fitDays) else { return row }
        func cost(_ d: Int, _ o: Int) -> Double { o < 0 ? 0 : costs[d][allowed[d].firstIndex(of: o)!] }
        for _ in 0..<fitDays where e.over + e.under > 0 {
            var best: (day: Int, option: Int, cost: Double, distance: (over: Double, under: Double))? = nil
            var candidate = row
            for d in 0..<days {
                let current = row[d]
                var choices: [Int] = []
                if e.over > 0 {
                    if current >= 0 { choices = [-1] + allowed[d].filter { $0 != current } }
                } else if current >= 0 {
                    choices = allowed[d].filter { $0 != current }
                } else if d == 0 || d == days - 1 || row[d - 1] >= 0 || row[d + 1] >= 0 {
                    choices = allowed[d]
                }
                for o in choices {
                    let change = cost(d, o) - cost(d, current)
                    guard best == nil || change < best!.cost else { continue }
                    candidate[d] = o
                    let x = distance(agent: a, row: candidate, unit: unit)
                    if (e.over > 0 ? x.over < e.over - 1e-9 : x.under < e.under - 1e-9 && x.over <= e.over) && sound(agent: a, row: candidate) {
                        best = (d, o, change, x)
                    }
                }
                candidate[d] = current
            }
            guard let chosen = best else { break }
            row[chosen.day] = chosen.option
            e = chosen.distance
        }
        return row
    }

    /// Violations in the multipliers' layout, in shifts (minutes divided by `unit`): positive above
    /// a maximum; for the signed paid-minute windows negative below the minimum; for the other rules
    /// negative slack (its multiplier then falls back towards 0). Also the minutes short of every
    /// minimum, which the caller prices.
    private func violations(agent a: Int, usage u: RowUsage, unit: Double) -> ([Double], shortMinutes: Int) {
        let c = context.contracts[a]
        let layout = multipliers(agent: a)
        var v = Array(repeating: 0.0, count: layout.count)
        var short = 0
        func window(_ i: Int, _ paid: Int, _ lo: Int, _ hi: Int?) {
            if let hi, paid > hi { v[i] = Double(paid - hi) / unit }
            else if paid < lo { v[i] = -Double(lo - paid) / unit; short += lo - paid }
        }
        for (b, block) in context.weeks.enumerated() {
            window(layout.weekPaid(b), u.weekPaid[b], c.weekMinutesMin(in: block), c.weekMinutesMax)
            v[layout.weekDays(b)] = Double(u.weekDays[b] - max(0, block.count - c.daysOffMin(in: block)))
            v[layout.weekNights(b)] = Double(u.weekNights[b] - c.maxNightShifts)
        }
        window(layout.horizonPaid, u.paid, c.horizonMinutesMin, c.horizonMinutesMax)
        v[layout.weekends] = c.maxWeekends.map { Double(u.weekends - $0) } ?? -1
        for (i, limit) in rules.templateLimits[a].enumerated() { v[layout.template(i)] = Double(u.templates[limit.template] - limit.max) }
        return (v, short)
    }

    private func usage(agent a: Int, row: [Int]) -> RowUsage {
        let options = context.catalog.options
        return RowUsage(row: row, weeks: context.weeks.count, templates: context.problem.templates.count,
                        weekendOfDay: context.weekendOfDay) { o in (options[o].paidMinutes, options[o].isNight, options[o].templateIndex) }
    }

    /// Re-plans agent `a`'s row against the rest of `state` and commits it when it leaves the agent
    /// less short of the priced rules, or as short and cheaper. Returns whether it committed.
    @discardableResult
    func replan(agent a: Int, in state: RosterState) -> Bool {
        guard let row = plan(agent: a, costs: state.dayCosts(agent: a)) else { return false }
        let before = state.shortfall(agent: a)
        let after = rules.shortfall(agent: a, week: row)
        guard let delta = state.evaluate(row.enumerated().map { .init(agent: a, day: $0, option: $1, breaks: nil) }),
              after.minutes + after.days < before || (after.minutes + after.days == before && delta < -1e-9) else {
            state.discard()
            return false
        }
        state.commit()
        return true
    }
}
