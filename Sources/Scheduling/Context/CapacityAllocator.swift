/// Splits the agents on shift in one interval across the queues they are skilled for.
///
/// Capacity unit: one agent on shift, not on break, gives `u = 1 − shrinkage` agents of capacity.
/// Groups with one skill give all of it to that queue. Groups with several skills hand it out one
/// agent (`u`) at a time to the queue with the best *rate*: the largest average gain per capacity
/// `max_k (A_q(c_q + k·u) − A_q(c_q)) / (k·u)` over look-aheads k up to the group's remaining agents,
/// minus `(level − 1) · secondarySkill / u`. The look-ahead matters because A_q is S-shaped: below
/// its inflection a single agent gains little although several together gain a lot, and a myopic
/// water-filling would starve a thin queue. Above the inflection (`concaveFrom`) k = 1 is enough.
/// Groups with one skill go first (their capacity is fixed), then the multi-skilled groups in index
/// order, so flexible agents see the dedicated capacity and fill what it leaves; ties to the lower
/// queue index. Deterministic.
///
/// This is the search's hot path (84 % of a scale-500 run's samples under `perf` when it was written
/// step by step), so it computes that definition bit for bit with less work (`CapacityAllocatorTests`
/// compares it with a literal step-by-step version; docs/formulation.md has the measurements):
/// a skill is re-priced only when its rate can have changed (its queue received the agent, its open
/// look-ahead's best k left the agents remaining, or the step turned fractional); the look-ahead
/// scans down from its last k and stops at the first end at or below the inflection (the row is
/// convex there); and once every look-ahead is closed whole agents go out in blocks (`handOut`).
struct CapacityAllocator {
    let tables: ServiceTables
    let groups: SkillGroups
    let unit: Double
    let secondaryPenalty: Double
    /// concaveFrom[q][t]: from this whole agent count on, increments of answered are non-increasing.
    let concaveFrom: [[Int]]
    let queueCount: Int
    /// Skills of every group in one buffer: group g's are `skillQueue/skillLevel[groupSkills[g]]`.
    private let skillQueue: [Int]
    private let skillLevel: [Int]
    private let groupSkills: [Range<Int>]
    /// concaveFrom flattened, `queue · T + t`.
    private let lookAheadLimit: [Double]
    /// Whether row (q, t) is convex up to concaveFrom (increments non-decreasing), `queue · T + t`:
    /// true for the queueing curves (S-shaped); a row that is not gets the full look-ahead scan.
    private let convexBelow: [Bool]
    private let intervals: Int
    private let maxSkills: Int
    /// Groups in allocation order: one skill first, then several, each in index order.
    private let order: [Int]
    /// Whether group g's skills name distinct queues (`handOut` needs it).
    private let distinctQueues: [Bool]

    init(tables: ServiceTables, groups: SkillGroups, shrinkage: Double, secondarySkill: Double) {
        self.tables = tables
        self.groups = groups
        unit = 1 - shrinkage
        secondaryPenalty = secondarySkill
        queueCount = tables.values.count
        concaveFrom = tables.values.map { $0.map(CapacityAllocator.concaveStart) }
        intervals = tables.values.first?.count ?? 0
        lookAheadLimit = concaveFrom.flatMap { $0.map { Double($0) + 1 } }
        convexBelow = zip(tables.values, concaveFrom).flatMap { rows, starts in zip(rows, starts).map { CapacityAllocator.isConvex($0, upTo: $1) } }
        skillQueue = groups.skills.flatMap { $0.map(\.queue) }
        skillLevel = groups.skills.flatMap { $0.map(\.level) }
        groupSkills = groups.skills.reduce(into: [Range<Int>]()) { ranges, list in
            let from = ranges.last?.upperBound ?? 0
            ranges.append(from..<(from + list.count))
        }
        maxSkills = groups.skills.map(\.count).max() ?? 0
        order = groups.skills.indices.filter { groups.skills[$0].count <= 1 } + groups.skills.indices.filter { groups.skills[$0].count > 1 }
        distinctQueues = groups.skills.map { Set($0.map(\.queue)).count == $0.count }
    }

    /// Whether `row` is convex on 0…n (its increments up to n non-decreasing).
    static func isConvex(_ row: [Double], upTo n: Int) -> Bool {
        guard n >= 2 else { return true }
        for k in 1..<n where row[k + 1] - row[k] < row[k] - row[k - 1] { return false }
        return true
    }

    /// Smallest n such that row[k+1] − row[k] is non-increasing for every k ≥ n.
    static func concaveStart(_ row: [Double]) -> Int {
        var n = max(0, row.count - 2)
        while n > 0 && row[n] - row[n - 1] >= row[n + 1] - row[n] - 1e-12 { n -= 1 }
        return n
    }

    /// Allocates interval `t` given agents on shift (not on break) per group, `on[g]`, writing capacity
    /// per queue into `capacity` and answered per queue into `answered`; returns the secondary-skill
    /// penalty (contacts).
    func allocate(interval t: Int, on: [Double], capacity: inout [Double], answered: inout [Double]) -> Double {
        tables.flat.withUnsafeBufferPointer { table in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * max(1, maxSkills)) { scratch in
                allocate(interval: t, on: on, capacity: &capacity, answered: &answered, table: table,
                         rates: UnsafeMutableBufferPointer(rebasing: scratch[0..<maxSkills]),
                         reach: UnsafeMutableBufferPointer(rebasing: scratch[maxSkills...]))
            }
        }
    }

    private func allocate(interval t: Int, on: [Double], capacity: inout [Double], answered: inout [Double],
                          table: UnsafeBufferPointer<Double>, rates: UnsafeMutableBufferPointer<Double>,
                          reach: UnsafeMutableBufferPointer<Double>) -> Double {
        for q in 0..<queueCount { capacity[q] = 0 }
        var penalty = 0.0
        for g in order {
            let skills = groupSkills[g]
            let n = on[g]
            if n <= 1e-12 || skills.isEmpty { continue }   // agents without a queue skill give no capacity
            if skills.count == 1 {
                capacity[skillQueue[skills.lowerBound]] += n * unit
                penalty += Double(skillLevel[skills.lowerBound] - 1) * secondaryPenalty * n
                continue
            }
            var remaining = n
            var step = min(1, remaining)
            /// Skill i's rate (`rate` minus its level's penalty) into rates[k] and the look-ahead
            /// that reached it into reach[k] (0: the look-ahead is closed, the rate does not depend on
            /// the agents left).
            func price(_ k: Int, _ i: Int) {
                let q = skillQueue[i]
                let r = self.rate(queue: q, interval: t, from: capacity[q], step: step, agents: remaining, table: table)
                rates[k] = r.value - Double(skillLevel[i] - 1) * secondaryPenalty / unit
                reach[k] = r.open ? r.reach : 0
            }
            for (k, i) in skills.enumerated() { price(k, i) }
            while true {
                if remaining >= 2 && distinctQueues[g] && (0..<skills.count).allSatisfy({ reach[$0] == 0 }) {
                    let whole = Int(remaining) - 1
                    handOut(whole, skills: skills, interval: t, capacity: &capacity, penalty: &penalty, table: table)
                    remaining -= Double(whole)
                    for (k, i) in skills.enumerated() { price(k, i) }
                }
                var best = 0
                var bestRate = -Double.infinity
                for k in 0..<skills.count where rates[k] > bestRate + 1e-12 {
                    bestRate = rates[k]
                    best = k
                }
                let chosen = skillQueue[skills.lowerBound + best]
                capacity[chosen] += step * unit
                penalty += Double(skillLevel[skills.lowerBound + best] - 1) * secondaryPenalty * step
                remaining -= step
                if remaining <= 1e-12 { break }
                let next = min(1, remaining)
                let all = next != step
                step = next
                // An open look-ahead whose best k is still within the agents left keeps its value
                // (the maximum over fewer k that still holds the best one).
                for (k, i) in skills.enumerated() where all || skillQueue[i] == chosen || reach[k] > remaining + 1e-9 {
                    price(k, i)
                }
            }
        }
        for q in 0..<queueCount {
            answered[q] = ServiceTables.interpolate(table, start: tables.rowStart[q] + t * tables.rowLength[q], count: tables.rowLength[q], at: capacity[q])
        }
        return penalty
    }

    /// Hands out `whole` agents of a group one at a time as the step-by-step split does, when every
    /// skill's look-ahead is closed (each queue at or past its inflection) and the queues are distinct:
    /// each skill's rates then form a non-increasing sequence (A concave), and the agents go to the
    /// `whole` largest rates of the merged sequences. Found in blocks: with s = max(1, left / skills),
    /// the skill whose s-th next rate is the largest (ties to the lower skill, as in the step) has all
    /// of its next s rates among the largest `left` (every other skill has fewer than s above it, and
    /// (skills − 1)(s − 1) < left). About skills · log(whole) rates instead of `whole`; capacities and
    /// penalties are summed agent by agent, so the split is bit for bit the step-by-step one
    /// (`CapacityAllocatorTests`). Adds the secondary-skill penalty to `penalty`.
    private func handOut(_ whole: Int, skills: Range<Int>, interval t: Int, capacity: inout [Double], penalty: inout Double,
                         table: UnsafeBufferPointer<Double>) {
        var left = whole
        while left > 0 {
            let s = max(1, left / skills.count)
            var chosen = skills.lowerBound
            var bestRate = -Double.infinity
            for i in skills {
                let q = skillQueue[i]
                var c = capacity[q]
                for _ in 1..<s { c += unit }
                let start = tables.rowStart[q] + t * tables.rowLength[q], count = tables.rowLength[q]
                let base = ServiceTables.interpolate(table, start: start, count: count, at: c)
                let rate = (ServiceTables.interpolate(table, start: start, count: count, at: c + unit) - base) / unit
                    - Double(skillLevel[i] - 1) * secondaryPenalty / unit
                if rate > bestRate + 1e-12 {
                    bestRate = rate
                    chosen = i
                }
            }
            for _ in 0..<s {
                capacity[skillQueue[chosen]] += unit
                penalty += Double(skillLevel[chosen] - 1) * secondaryPenalty
            }
            left -= s
        }
    }

    /// Best average gain per unit of capacity of adding `step`, 2, 3, … agents (up to `agents`) to
    /// queue q; the number of agents that reached it; whether the look-ahead beyond `step` was open
    /// (below `concaveFrom` + 1: the value then depends on `agents`).
    @inline(__always)
    private func rate(queue q: Int, interval t: Int, from c: Double, step: Double, agents: Double,
                      table: UnsafeBufferPointer<Double>) -> (value: Double, reach: Double, open: Bool) {
        let start = tables.rowStart[q] + t * tables.rowLength[q], count = tables.rowLength[q]
        let base = ServiceTables.interpolate(table, start: start, count: count, at: c)
        var best = (ServiceTables.interpolate(table, start: start, count: count, at: c + step * unit) - base) / (step * unit)
        let limit = lookAheadLimit[q * intervals + t]
        let open = c + step * unit < limit
        var reach = step
        guard open else { return (best, reach, open) }
        // The look-ahead's k = step + j, j = 1 … last: within the agents and starting below `limit`.
        var last = Int(((limit - c) / unit - step).rounded(.up))
        while last >= 1 && c + (step + Double(last) - 1) * unit >= limit { last -= 1 }
        while c + (step + Double(last)) * unit < limit { last += 1 }
        last = min(last, Int((agents + 1e-9 - step).rounded(.down)))
        // Below concaveFrom the row is convex (`convexBelow`), so the chord from c rises with its
        // end: of the ends up to concaveFrom only the furthest can be best. Scan down from the last
        // k over the ends beyond concaveFrom (at most (1 + u)/u of them) and that one.
        let windowed = convexBelow[q * intervals + t]
        let concave = limit - 1
        var j = last
        while j >= 1 {
            let k = step + Double(j)
            let gain = (ServiceTables.interpolate(table, start: start, count: count, at: c + k * unit) - base) / (k * unit)
            if gain > best || (gain == best && reach > step) {
                best = gain
                reach = k
            }
            if windowed && c + k * unit <= concave { break }
            j -= 1
        }
        return (best, reach, open)
    }
}
