/// Splits the agents on shift in one interval across the queues they are skilled for.
///
/// Capacity unit: one agent on shift, not on break, gives `u = 1 − shrinkage` agents of capacity.
/// Groups with one skill give all of it to that queue. Groups with several skills hand it out one
/// agent (`u`) at a time to the queue with the best *rate*: the largest average gain per capacity
/// `max_k (A_q(c_q + k·u) − A_q(c_q)) / (k·u)` over look-aheads k up to the group's remaining agents,
/// minus `(level − 1) · secondarySkill / u`. The look-ahead matters because A_q is S-shaped: below
/// its inflection a single agent gains little although several together gain a lot, and a myopic
/// water-filling would starve a thin queue. Above the inflection (`concaveFrom`) k = 1 is enough.
/// Deterministic: groups in index order, ties to the lower queue index.
struct CapacityAllocator {
    let tables: ServiceTables
    let groups: SkillGroups
    let unit: Double
    let secondaryPenalty: Double
    /// concaveFrom[q][t]: from this whole agent count on, increments of answered are non-increasing.
    let concaveFrom: [[Int]]
    let queueCount: Int

    init(tables: ServiceTables, groups: SkillGroups, shrinkage: Double, secondarySkill: Double) {
        self.tables = tables
        self.groups = groups
        unit = 1 - shrinkage
        secondaryPenalty = secondarySkill
        queueCount = tables.values.count
        concaveFrom = tables.values.map { $0.map(CapacityAllocator.concaveStart) }
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
        for q in 0..<queueCount { capacity[q] = 0 }
        var penalty = 0.0
        for g in 0..<groups.count {
            let skills = groups.skills[g]
            let n = on[g]
            if n <= 1e-12 || skills.isEmpty { continue }   // agents without a queue skill give no capacity
            if skills.count == 1 {
                capacity[skills[0].queue] += n * unit
                penalty += Double(skills[0].level - 1) * secondaryPenalty * n
                continue
            }
            var remaining = n
            while remaining > 1e-12 {
                let step = min(1, remaining)
                var bestQueue = skills[0].queue
                var bestLevel = skills[0].level
                var bestRate = -Double.infinity
                for s in skills {
                    let rate = self.rate(queue: s.queue, interval: t, from: capacity[s.queue], step: step, agents: remaining)
                        - Double(s.level - 1) * secondaryPenalty / unit
                    if rate > bestRate + 1e-12 {
                        bestRate = rate
                        bestQueue = s.queue
                        bestLevel = s.level
                    }
                }
                capacity[bestQueue] += step * unit
                penalty += Double(bestLevel - 1) * secondaryPenalty * step
                remaining -= step
            }
        }
        for q in 0..<queueCount { answered[q] = tables.answered(queue: q, interval: t, capacity: capacity[q]) }
        return penalty
    }

    /// Best average gain per unit of capacity of adding `step`, 2, 3, … agents (up to `agents`) to queue q.
    @inline(__always)
    func rate(queue q: Int, interval t: Int, from c: Double, step: Double, agents: Double) -> Double {
        let base = tables.answered(queue: q, interval: t, capacity: c)
        var best = (tables.answered(queue: q, interval: t, capacity: c + step * unit) - base) / (step * unit)
        let limit = Double(concaveFrom[q][t]) + 1
        var k = step + 1
        while k <= agents + 1e-9 && c + (k - 1) * unit < limit {
            let gain = (tables.answered(queue: q, interval: t, capacity: c + k * unit) - base) / (k * unit)
            if gain > best { best = gain }
            k += 1
        }
        return best
    }
}
