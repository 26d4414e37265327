import Staffing

/// Answered-within-threshold contacts of every queue × interval at every whole agent count that
/// the roster could reach (`Staffing.ServiceCurve`, per the queue's model), evaluated once per problem.
///
/// `answered(q, t, capacity)` interpolates linearly between whole agent counts (capacity is
/// fractional after shrinkage and partial intervals); this is the "true" service the scheduler
/// optimises and reports. Table size per queue: the agents skilled for it × (1 − shrinkage), rounded up, + 1.
public struct ServiceTables: Sendable {
    /// values[q][t][n] = expected contacts answered within threshold with n agents.
    public let values: [[[Double]]]

    public init(problem: RosterProblem) {
        let intervalSeconds = Double(problem.grid.intervalMinutes * 60)
        values = problem.queues.map { queue in
            let skilled = problem.agents.filter { $0.skills.contains { $0.queueID == queue.id } }.count
            let upTo = Int((Double(skilled) * (1 - problem.shrinkage)).rounded(.up)) + 1
            return queue.contacts.indices.map { t in
                ServiceCurve(contacts: queue.contacts[t], ahtSeconds: queue.ahtSeconds[t], intervalSeconds: intervalSeconds,
                             thresholdSeconds: queue.thresholdSeconds, model: queue.model).values(upTo: upTo)
            }
        }
    }

    /// Largest capacity the table for queue `q` covers.
    public func maxCapacity(queue q: Int) -> Int { (values[q].first?.count ?? 1) - 1 }

    /// Linear interpolation of the table at a fractional capacity ≥ 0 (clamped to the table's end).
    @inline(__always)
    public func answered(queue q: Int, interval t: Int, capacity: Double) -> Double {
        let row = values[q][t]
        let c = min(max(capacity, 0), Double(row.count - 1))
        let k = Int(c)
        if k >= row.count - 1 { return row[row.count - 1] }
        let f = c - Double(k)
        return row[k] + f * (row[k + 1] - row[k])
    }
}
