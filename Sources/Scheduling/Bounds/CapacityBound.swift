/// An upper bound on contacts answered within threshold that ignores shift shapes.
///
/// Relaxation: every agent's on-floor budget over the horizon (`OnFloorBudget`: at most its weekly
/// maximum paid minutes in every week block, capped by the horizon maximum) becomes freely
/// placeable on-phone time, split into interval-sized pieces worth `u = 1 − shrinkage` capacity
/// each, usable by any queue the agent is skilled for, at most (skilled agents × u) per queue and
/// interval; each interval's curve is replaced by its concave envelope (≥ the curve). The
/// constraints (total pool ⊇ per-queue pools ⊇ per-interval caps) form a laminar family and the
/// objective is separable concave, so taking envelope segments in order of decreasing slope while
/// every enclosing pool has room is optimal for the relaxation (greedy on a laminar polymatroid),
/// hence a valid bound on every roster. `alone[q]` is the same greedy over queue q's segments only:
/// a bound on queue q's answered contacts (the joint split `answeredPerQueue` is not one).
public struct CapacityBound: Sendable {
    /// The joint bound's split per queue (their sum bounds the total, each alone bounds nothing).
    public let answeredPerQueue: [Double]
    /// alone[q]: upper bound on queue q's answered contacts in every roster.
    public let alone: [Double]
    public var answered: Double { answeredPerQueue.reduce(0, +) }

    init(context: SchedulingContext) {
        self.init(problem: context.problem, tables: context.tables, budgetMinutes: OnFloorBudget(context: context).minutes)
    }

    /// `budgetMinutes[a]`: the most on-floor minutes agent a can give over the horizon.
    init(problem: RosterProblem, tables: ServiceTables, budgetMinutes: [Double]) {
        let u = 1 - problem.shrinkage
        let intervalMinutes = Double(problem.grid.intervalMinutes)
        let Q = problem.queues.count
        let agentPool = budgetMinutes.map { $0 / intervalMinutes * u }
        let queuePool = problem.queues.map { q in
            zip(problem.agents, agentPool).filter { $0.0.skills.contains { $0.queueID == q.id } }.reduce(0) { $0 + $1.1 }
        }
        struct Segment { var queue: Int, slope: Double, width: Double }
        var segments: [Segment] = []
        for q in 0..<Q {
            for row in tables.values[q] {
                for s in CapacityBound.envelope(row) { segments.append(Segment(queue: q, slope: s.slope, width: s.width)) }
            }
        }
        segments.sort { $0.slope > $1.slope }
        func greedy(_ queues: Set<Int>) -> [Double] {
            var total = agentPool.reduce(0, +)
            var pool = queuePool
            var answered = Array(repeating: 0.0, count: Q)
            for s in segments where s.slope > 0 && total > 0 && queues.contains(s.queue) {
                let take = min(s.width, total, pool[s.queue])
                guard take > 0 else { continue }
                answered[s.queue] += take * s.slope
                total -= take
                pool[s.queue] -= take
            }
            return answered
        }
        answeredPerQueue = greedy(Set(0..<Q))
        alone = (0..<Q).map { greedy([$0])[$0] }
    }

    /// Segments (slope per capacity unit, width) of the upper concave envelope of points (n, row[n]).
    static func envelope(_ row: [Double]) -> [(slope: Double, width: Double)] {
        var hull: [Int] = []
        for n in row.indices {
            while hull.count >= 2 {
                let a = hull[hull.count - 2], b = hull[hull.count - 1]
                // Drop b when it lies on or below the chord a → n.
                if (row[b] - row[a]) * Double(n - a) <= (row[n] - row[a]) * Double(b - a) { hull.removeLast() } else { break }
            }
            hull.append(n)
        }
        return zip(hull, hull.dropFirst()).map { a, b in ((row[b] - row[a]) / Double(b - a), Double(b - a)) }
    }
}
