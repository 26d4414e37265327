/// The dynamic programme of `RowPlanner`: one round, the cheapest row under given multipliers.
///
/// Measured (release, this machine): on Curtois Instance24 (364 days × 150 agents, 32 templates,
/// 480/600/720-minute shifts under horizon windows) the scheduler's pass over the agents the
/// construction left short (at most the 150) took 58.6 s (`wfm-bench curtois --time-limit 400`,
/// progress lines "greedy" at 21.6 s and "rows" at 80.2 s).
extension RowPlanner {
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
    /// into a narrow window when shifts cost alike), within the counts `window` admits
    /// (`countWindow`): never above its top, and never so low that the remaining days cannot reach
    /// its bottom.
    func solve(agent a: Int, costs: [[Double]], prices: [Double], unit: Double, window: ClosedRange<Int>?,
               trace: inout [Int32]) -> [Int]? {
        let c = context.contracts[a]
        let days = context.days
        let carry = context.carryInRun[a]
        let carryEnd = context.carryIn[a].last?.end
        let maxBinds = c.maxConsecutiveDays < days + carry
        let R = max(1, maxBinds ? c.maxConsecutiveDays : max(1, c.minConsecutiveDays))
        let M = max(1, c.minConsecutiveDaysOff)
        let W = context.weeks.count
        let rest = c.minRestMinutes * 60
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
                        // A day off keeps the count: yesterday's counts that are today's too (maybe none).
                        let restCounts = max(before.lowerBound, now.lowerBound)..<max(before.lowerBound, now.lowerBound, min(before.upperBound, now.upperBound) + 1)
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
    struct ClassEntry {
        var option: Int, template: Int, start: Int, end: Int
        var cost: Double
    }

    /// The classes of agent `a`'s options on day `d` with their cheapest option and its price:
    /// the cost plus the multipliers' prices of its paid minutes (week and horizon), its worked day,
    /// a night, its template's limit. Day-0 options too close to the carry-in's end are left out.
    func classes(agent a: Int, day d: Int, costs: [Double], prices: [Double], unit: Double, templatePrice: [Double],
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
    func countWindow(agent a: Int) -> ClosedRange<Int>? {
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
}
