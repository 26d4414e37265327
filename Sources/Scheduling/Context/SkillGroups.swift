/// Agents with identical skill sets (queue and level) form one skill group; capacity flows from
/// groups to queues, so the model and the allocation work per group, not per agent.
public struct SkillGroups: Sendable {
    /// skills[g] = (queue index, level) pairs of group g, sorted by level then queue.
    public let skills: [[(queue: Int, level: Int)]]
    /// groupOfAgent[a] = g.
    public let groupOfAgent: [Int]

    public init(problem: RosterProblem) {
        let queueIndex = Dictionary(uniqueKeysWithValues: problem.queues.enumerated().map { ($1.id, $0) })
        var keys: [[Int]] = []
        var skills: [[(queue: Int, level: Int)]] = []
        var groupOfAgent: [Int] = []
        for agent in problem.agents {
            let list = agent.skills.compactMap { s in queueIndex[s.queueID].map { (queue: $0, level: s.level) } }
                .sorted { ($0.level, $0.queue) < ($1.level, $1.queue) }
            let key = list.flatMap { [$0.queue, $0.level] }
            if let g = keys.firstIndex(of: key) {
                groupOfAgent.append(g)
            } else {
                keys.append(key)
                skills.append(list)
                groupOfAgent.append(keys.count - 1)
            }
        }
        self.skills = skills
        self.groupOfAgent = groupOfAgent
    }

    public var count: Int { skills.count }
}
