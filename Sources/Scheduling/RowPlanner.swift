/// Plans one agent's whole row at once: the cheapest sequence of shifts and days off over the
/// horizon for given per-day option costs, by dynamic programming over the sequence rules with the
/// counting rules priced by Lagrange multipliers.
///
/// Exact in the dynamic programme (state: yesterday's option and the length of the current run of
/// work, or the length of the current run of rest): the options each day allows
/// (`OptionCatalog.allowed`), `max-consecutive-days` (carry-in counted), `min-consecutive-days` and
/// `min-consecutive-days-off` (runs touching the first or last day exempt), `forbidden-succession`,
/// `min-rest` between shifts on consecutive days and after the carry-in, and the weekend count
/// (a weekend costs its multiplier once, on its first worked day).
///
/// Priced (Lagrangian relaxation): paid minutes per week and over the horizon (both bounds), days
/// off per week, night shifts per week, per-template maxima, weekends. Each round solves the
/// programme with the current multipliers; every multiplier then moves by its step times its
/// rule's violation (in shifts: minutes divided by the mean paid minutes of the agent's options),
/// the step halving whenever the violation changes sign and growing by half while it keeps it
/// (subgradient steps, Held–Wolfe–Crowder 1974; adaptive steps as in Fisher 1981, "The Lagrangian
/// relaxation method for solving integer programming problems"). Rows are returned only when they
/// keep every maximum; among them the cheapest by cost plus `RosterState.deficitWeight` per minute
/// short of a minimum wins. The start-spread rule is not modelled: rows breaking it are rejected.
///
/// Cost: O(days · options² · run length) per round: for 364 days and 34 templates about 2 M steps.
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
        let next = context.forbiddenNext
        let n = next.count
        classOfTemplate = (0..<n).map { t in
            (0..<n).first { u in next[u] == next[t] && (0..<n).allSatisfy { next[$0][u] == next[$0][t] } } ?? t
        }
    }

    /// What a row uses of each counting rule.
    private struct Usage {
        var weekPaid: [Int], weekDays: [Int], weekNights: [Int]
        var paid = 0, weekends = 0
        var templates: [Int]
    }

    /// Multipliers and violations share one layout: per week w, at 3w the paid minutes (signed: one
    /// multiplier for both bounds of the window), at 3w + 1 the worked days, at 3w + 2 the nights;
    /// then the horizon's paid minutes (signed), the weekends, and one entry per limited template.
    private func isSigned(_ i: Int) -> Bool { i == 3 * context.weeks.count || (i < 3 * context.weeks.count && i % 3 == 0) }

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
        let count = 3 * context.weeks.count + 2 + rules.templateLimits[a].count
        var prices = Array(repeating: 0.0, count: count)
        var steps = Array(repeating: scale, count: count)
        var signs = Array(repeating: 0, count: count)
        var best: (row: [Int], value: Double)? = nil
        var feasibleRound: Int? = nil
        var trace: [Int32] = []
        for round in 0..<rounds {
            if let f = feasibleRound, round - f > roundsAfterFeasible { break }
            guard let solved = solve(agent: a, costs: round == 0 ? costs : jittered, prices: prices, unit: unit, trace: &trace) else {
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
                if !isSigned(i) { prices[i] = max(0, prices[i]) }
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
    private func violations(agent a: Int, usage u: Usage, unit: Double) -> ([Double], shortMinutes: Int) {
        let c = context.contracts[a]
        var v: [Double] = []
        var short = 0
        func window(_ paid: Int, _ lo: Int, _ hi: Int?) {
            if let hi, paid > hi { v.append(Double(paid - hi) / unit) }
            else if paid < lo { v.append(-Double(lo - paid) / unit); short += lo - paid }
            else { v.append(0) }
        }
        for (b, block) in context.weeks.enumerated() {
            window(u.weekPaid[b], c.weekMinutesMin, c.weekMinutesMax)
            v.append(Double(u.weekDays[b] - max(0, block.count - c.daysOffMin)))
            v.append(Double(u.weekNights[b] - c.maxNightShifts))
        }
        window(u.paid, c.horizonMinutesMin, c.horizonMinutesMax)
        v.append(c.maxWeekends.map { Double(u.weekends - $0) } ?? -1)
        for (i, limit) in rules.templateLimits[a].enumerated() { v.append(Double(u.templates[i] - limit.max)) }
        return (v, short)
    }

    private func usage(agent a: Int, row: [Int]) -> Usage {
        let options = context.catalog.options
        let limits = rules.templateLimits[a]
        var u = Usage(weekPaid: Array(repeating: 0, count: context.weeks.count), weekDays: Array(repeating: 0, count: context.weeks.count),
                      weekNights: Array(repeating: 0, count: context.weeks.count), templates: Array(repeating: 0, count: limits.count))
        var lastWeekend = -1
        for (d, o) in row.enumerated() where o >= 0 {
            let option = options[o]
            let b = d / 7
            u.weekPaid[b] += option.paidMinutes
            u.weekDays[b] += 1
            if option.isNight { u.weekNights[b] += 1 }
            u.paid += option.paidMinutes
            if let i = limits.firstIndex(where: { $0.template == option.templateIndex }) { u.templates[i] += 1 }
            let weekend = context.weekendOfDay[d]
            if weekend >= 0 && weekend != lastWeekend { u.weekends += 1; lastWeekend = weekend }
        }
        return u
    }

    /// One round of the dynamic programme: the cheapest row under `prices`, nil when the sequence
    /// rules admit none. `trace` is scratch space for the predecessors (reused across rounds).
    ///
    /// States per day: work (option class k, run length r in 1…R, worked days n) and rest (run
    /// length l in 1…M, M meaning "M or more", worked days n). A class is one option, or, without a
    /// rest rule, the options of templates with the same forbidden successions both ways (only the
    /// cheapest of a class can be on a cheapest row). R is the maximum run when it can bind, else the
    /// minimum run (a longer run then stays at R). A run that contains day 0 has length carry-in + d + 1
    /// at day d, which identifies it for the exemption of the minimum-run rules. Worked days n are
    /// counted only under a horizon paid-minute rule (a count is what the multipliers cannot steer
    /// into a narrow window when shifts cost alike), within the counts the window admits
    /// (`countWindow`): never above its top, and never so low that the remaining days cannot reach
    /// its bottom.
    private func solve(agent a: Int, costs: [[Double]], prices: [Double], unit: Double, trace: inout [Int32]) -> [Int]? {
        let c = context.contracts[a]
        let days = context.days
        let carry = context.carryInRun[a]
        let carryEnd = context.carryIn[a].last?.end
        let maxBinds = c.maxConsecutiveDays < days + carry
        let R = max(1, maxBinds ? c.maxConsecutiveDays : max(1, c.minConsecutiveDays))
        let M = max(1, c.minConsecutiveDaysOff)
        let W = context.weeks.count
        let rest = c.minRestMinutes * 60
        let window = countWindow(agent: a)
        let L = window.map { $0.upperBound + 1 } ?? 1
        let step = window == nil ? 0 : 1
        let bottom = window?.lowerBound ?? 0
        var templatePrice = Array(repeating: 0.0, count: context.problem.templates.count)
        for (i, limit) in rules.templateLimits[a].enumerated() { templatePrice[limit.template] += prices[3 * W + 2 + i] }
        let dayClasses = (0..<days).map { d in
            classes(agent: a, day: d, costs: costs[d], prices: prices, unit: unit, templatePrice: templatePrice,
                    carryEnd: d == 0 ? carryEnd : nil, rest: rest)
        }
        let K = dayClasses.map(\.count).max() ?? 0
        let workStride = R * L
        let restBase = K * workStride
        let stride = restBase + M * L
        if trace.count < days * stride { trace = Array(repeating: -1, count: days * stride) }
        var previous = Array(repeating: Double.infinity, count: stride)
        var current = previous
        var restBest = Array(repeating: Double.infinity, count: L)
        var restCode = Array(repeating: Int32(-1), count: L)
        var top = Array(repeating: (v1: Double.infinity, j1: -1, v2: Double.infinity, j2: -1), count: R * L)
        // Counts possible after day d: at most d + 1 and the top; at least what still reaches the bottom.
        func counts(after d: Int) -> ClosedRange<Int>? {
            let lo = max(0, bottom - (days - 1 - d)), hi = min(L - 1, (d + 1) * step)
            return lo <= hi ? lo...hi : nil
        }
        trace.withUnsafeMutableBufferPointer { tr in
            for d in 0..<days {
                let list = dayClasses[d]
                let weekend = context.weekendOfDay[d]
                let weekendPrice = weekend >= 0 ? prices[3 * W + 1] : 0
                let extendWeekend = d > 0 && weekend >= 0 && context.weekendOfDay[d - 1] == weekend ? 0 : weekendPrice
                let row = d * stride
                guard let now = counts(after: d) else { current.withUnsafeMutableBufferPointer { $0.update(repeating: .infinity) }; swap(&previous, &current); continue }
                current.withUnsafeMutableBufferPointer { cur in
                    cur.update(repeating: .infinity)
                    if d == 0 {
                        if now.contains(0) { cur[restBase] = 0; tr[row + restBase] = -1 }
                        let r = carry + 1
                        guard !maxBinds || r <= c.maxConsecutiveDays, now.contains(step) else { return }
                        for k in list.indices {
                            let s = k * workStride + (min(R, r) - 1) * L + step
                            cur[s] = list[k].cost + weekendPrice
                            tr[row + s] = -1
                        }
                        return
                    }
                    guard let before = counts(after: d - 1) else { return }
                    let earlier = dayClasses[d - 1]
                    previous.withUnsafeBufferPointer { prev in
                        // Rest after work: the run that ended yesterday must be long enough or contain day 0.
                        let restCounts = max(before.lowerBound, now.lowerBound)...max(before.lowerBound, min(before.upperBound, now.upperBound))
                        for j in earlier.indices {
                            for r in 1...R where r >= c.minConsecutiveDays || r == carry + d {
                                let base = j * workStride + (r - 1) * L
                                for n in restCounts where prev[base + n] < cur[restBase + n] {
                                    cur[restBase + n] = prev[base + n]; tr[row + restBase + n] = Int32(base + n)
                                }
                            }
                        }
                        for l in 1...M {
                            let from = restBase + (l - 1) * L, to = restBase + (min(M, l + 1) - 1) * L
                            for n in restCounts where prev[from + n] < cur[to + n] {
                                cur[to + n] = prev[from + n]; tr[row + to + n] = Int32(from + n)
                            }
                        }
                        // Work after rest: the rest must be long enough or contain day 0 (l == d).
                        for n in 0..<L { restBest[n] = .infinity }
                        for l in 1...M where l >= M || l == d {
                            let from = restBase + (l - 1) * L
                            for n in before where prev[from + n] < restBest[n] { restBest[n] = prev[from + n]; restCode[n] = Int32(from + n) }
                        }
                        // Yesterday's counts that lead into today's.
                        let lo = max(before.lowerBound, now.lowerBound - step), hi = min(before.upperBound, now.upperBound - step)
                        guard lo <= hi else { return }
                        // Per run length and count, yesterday's two cheapest classes: a class follows
                        // the cheapest it may follow (a scan of all only when both are barred).
                        for r in 1...R {
                            for n in lo...hi {
                                var v1 = Double.infinity, v2 = Double.infinity, j1 = -1, j2 = -1
                                for j in earlier.indices {
                                    let v = prev[j * workStride + (r - 1) * L + n]
                                    if v < v1 { v2 = v1; j2 = j1; v1 = v; j1 = j } else if v < v2 { v2 = v; j2 = j }
                                }
                                top[(r - 1) * L + n] = (v1, j1, v2, j2)
                            }
                        }
                        for k in list.indices {
                            let entry = list[k]
                            let start = entry.cost + weekendPrice
                            let first = k * workStride + step
                            for n in lo...hi where restBest[n] + start < cur[first + n] {
                                cur[first + n] = restBest[n] + start; tr[row + first + n] = restCode[n]
                            }
                            let extend = entry.cost + extendWeekend
                            let follows = earlier.map { p in !context.forbiddenNext[p.template][entry.template] && entry.start - p.end >= rest }
                            for r in 1...R {
                                if maxBinds && r + 1 > c.maxConsecutiveDays { continue }
                                let target = k * workStride + (min(R, r + 1) - 1) * L + step
                                for n in lo...hi {
                                    let t = top[(r - 1) * L + n]
                                    var v = Double.infinity, j = -1
                                    if t.j1 >= 0 && follows[t.j1] { (v, j) = (t.v1, t.j1) }
                                    else if t.j2 >= 0 && follows[t.j2] { (v, j) = (t.v2, t.j2) }
                                    else if t.j2 >= 0 {
                                        for i in earlier.indices where follows[i] {
                                            let w = prev[i * workStride + (r - 1) * L + n]
                                            if w < v { (v, j) = (w, i) }
                                        }
                                    }
                                    guard j >= 0, v + extend < cur[target + n] else { continue }
                                    cur[target + n] = v + extend; tr[row + target + n] = Int32(j * workStride + (r - 1) * L + n)
                                }
                            }
                        }
                    }
                }
                swap(&previous, &current)
            }
        }
        // Cheapest final state (a count inside the window), then back along the predecessors.
        var code = -1, value = Double.infinity
        for (s, v) in previous.enumerated() where v < value && (window?.contains(s % L) ?? true) { value = v; code = s }
        guard value < .infinity else { return nil }
        var row = Array(repeating: -1, count: days)
        var d = days - 1
        while d >= 0, code >= 0 {
            if code < restBase { row[d] = dayClasses[d][code / workStride].option }
            code = Int(trace[d * stride + code])
            d -= 1
        }
        return row
    }

    /// A class of options on one day, represented by its cheapest option under the multipliers.
    private struct ClassEntry {
        var option: Int, template: Int, start: Int, end: Int
        var cost: Double
    }

    /// The classes of agent `a`'s options on day `d` with their cheapest option and its price:
    /// the cost plus the multipliers' prices of its paid minutes (week and horizon), its worked day,
    /// a night, its template's limit. Day-0 options too close to the carry-in's end are left out.
    private func classes(agent a: Int, day d: Int, costs: [Double], prices: [Double], unit: Double, templatePrice: [Double],
                         carryEnd: Int?, rest: Int) -> [ClassEntry] {
        let W = context.weeks.count
        let b = d / 7
        let minutePrice = (prices[3 * W] + prices[3 * b]) / unit
        var entries: [ClassEntry] = []
        var keys: [Int] = []
        for (k, o) in context.catalog.allowed[a][d].enumerated() {
            let option = context.catalog.options[o]
            if let carryEnd, option.start - carryEnd < rest { continue }
            let cost = costs[k] + minutePrice * Double(option.paidMinutes) + prices[3 * b + 1]
                + (option.isNight ? prices[3 * b + 2] : 0) + templatePrice[option.templateIndex]
            let key = rest > 0 ? o : classOfTemplate[option.templateIndex]
            if let i = keys.firstIndex(of: key) {
                if cost < entries[i].cost { entries[i] = ClassEntry(option: o, template: option.templateIndex, start: option.start, end: option.end, cost: cost) }
            } else {
                keys.append(key)
                entries.append(ClassEntry(option: o, template: option.templateIndex, start: option.start, end: option.end, cost: cost))
            }
        }
        return entries
    }

    /// The worked-day counts that can meet the horizon paid-minute window (from the longest and
    /// shortest paid shift of the agent), when the horizon has such a rule and counting stays within
    /// `maxCountStates` states over the horizon; nil otherwise.
    private func countWindow(agent a: Int) -> ClosedRange<Int>? {
        let c = context.contracts[a]
        guard c.horizonMinutesMin > 0 || c.horizonMinutesMax != nil else { return nil }
        let paid = context.catalog.allowed[a].flatMap { $0.map { context.catalog.options[$0].paidMinutes } }.filter { $0 > 0 }
        guard let shortest = paid.min(), let longest = paid.max() else { return nil }
        let lo = (c.horizonMinutesMin + longest - 1) / longest
        let hi = min(context.days, c.horizonMinutesMax.map { $0 / shortest } ?? context.days)
        guard lo <= hi else { return nil }
        let classes = Set(classOfTemplate).count
        let states = context.days * (hi + 1) * (classes * max(1, c.maxConsecutiveDays) + max(1, c.minConsecutiveDaysOff))
        return states <= maxCountStates ? lo...hi : nil
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
