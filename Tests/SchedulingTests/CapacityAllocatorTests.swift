import Testing
@testable import Scheduling

/// The skill split as `CapacityAllocator` defines it, written step by step: single-skill groups
/// first, then every agent of a multi-skilled group handed out one at a time after re-pricing every
/// skill of its group with the full look-ahead. The allocator caches rates that
/// cannot have changed; this is the independent definition it must reproduce.
private func referenceAllocation(_ allocator: CapacityAllocator, interval t: Int, on: [Double])
    -> (capacity: [Double], answered: [Double], penalty: Double) {
    let tables = allocator.tables, u = allocator.unit
    var capacity = Array(repeating: 0.0, count: allocator.queueCount)
    var penalty = 0.0
    func rate(_ q: Int, from c: Double, step: Double, agents: Double) -> Double {
        let base = tables.answered(queue: q, interval: t, capacity: c)
        var best = (tables.answered(queue: q, interval: t, capacity: c + step * u) - base) / (step * u)
        let limit = Double(allocator.concaveFrom[q][t]) + 1
        var k = step + 1
        while k <= agents + 1e-9 && c + (k - 1) * u < limit {
            best = max(best, (tables.answered(queue: q, interval: t, capacity: c + k * u) - base) / (k * u))
            k += 1
        }
        return best
    }
    let groups = allocator.groups.skills.enumerated()
    for (g, skills) in groups.filter({ $0.element.count == 1 }) + groups.filter({ $0.element.count > 1 }) where on[g] > 1e-12 {
        if skills.count == 1 {   // one skill: every agent to that queue
            capacity[skills[0].queue] += on[g] * u
            penalty += Double(skills[0].level - 1) * allocator.secondaryPenalty * on[g]
            continue
        }
        var remaining = on[g]
        while remaining > 1e-12 {
            let step = min(1, remaining)
            var chosen = skills[0], bestRate = -Double.infinity
            for s in skills {
                let r = rate(s.queue, from: capacity[s.queue], step: step, agents: remaining)
                    - Double(s.level - 1) * allocator.secondaryPenalty / u
                if r > bestRate + 1e-12 { bestRate = r; chosen = s }
            }
            capacity[chosen.queue] += step * u
            penalty += Double(chosen.level - 1) * allocator.secondaryPenalty * step
            remaining -= step
        }
    }
    return (capacity, capacity.indices.map { tables.answered(queue: $0, interval: t, capacity: capacity[$0]) }, penalty)
}

/// Random skill mixes, loads from a few to a few hundred agents' worth, fractional head counts
/// (breaks cut intervals): the allocator's split equals the reference bit for bit, and every row
/// is convex below its inflection (so the look-ahead's short cut is the path taken).
@Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
func allocatorReproducesTheStepByStepSplit(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    var problem = midProblem()
    let scale = [1.0, 8, 40][Int(seed % 3)]
    for q in problem.queues.indices { problem.queues[q].contacts = problem.queues[q].contacts.map { $0 * scale * Double.random(in: 0.5...1.5, using: &rng) } }
    let mixes: [[Skill]] = [[Skill(queueID: "voice")], [Skill(queueID: "chat")],
                            [Skill(queueID: "voice"), Skill(queueID: "chat", level: 2)],
                            [Skill(queueID: "chat"), Skill(queueID: "voice", level: 2)],
                            [Skill(queueID: "voice"), Skill(queueID: "chat")]]
    let agents = Int(20 * scale)
    problem.agents = (0..<agents).map { Agent(id: "a\($0)", name: "A", contractID: "ft", skills: mixes.randomElement(using: &rng)!) }
    let tables = ServiceTables(problem: problem)
    let groups = SkillGroups(problem: problem)
    let size = (0..<groups.count).map { g in groups.groupOfAgent.filter { $0 == g }.count }
    // The look-ahead's short cut applies to rows convex below their inflection: the queueing curves.
    let allocator = CapacityAllocator(tables: tables, groups: groups, shrinkage: problem.shrinkage, secondarySkill: 0)
    for (rows, starts) in zip(tables.values, allocator.concaveFrom) {
        #expect(zip(rows, starts).allSatisfy { CapacityAllocator.isConvex($0, upTo: $1) })
    }
    for secondary in [0.0, 0.3] {
        let allocator = CapacityAllocator(tables: tables, groups: groups, shrinkage: problem.shrinkage, secondarySkill: secondary)
        var capacity = [0.0, 0.0], answered = [0.0, 0.0]
        for _ in 0..<300 {
            let t = Int.random(in: 0..<problem.grid.intervals.count, using: &rng)
            let on = size.map { n in Double(Int.random(in: 0...(4 * n), using: &rng)) / 4 }
            let penalty = allocator.allocate(interval: t, on: on, capacity: &capacity, answered: &answered)
            let reference = referenceAllocation(allocator, interval: t, on: on)
            #expect(capacity == reference.capacity, "interval \(t), on \(on)")
            #expect(answered == reference.answered)
            #expect(penalty == reference.penalty)
        }
    }
}
