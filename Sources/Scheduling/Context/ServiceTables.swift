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
        let tables = values
        let lengths = tables.map { $0.first?.count ?? 1 }
        for (q, rows) in tables.enumerated() {
            precondition(rows.allSatisfy { $0.count == lengths[q] }, "service table rows of queue \(q) differ in length")
        }
        rowLength = lengths
        rowStart = tables.indices.reduce(into: [Int]()) { starts, q in
            starts.append(q == 0 ? 0 : starts[q - 1] + tables[q - 1].count * lengths[q - 1])
        }
        flat = tables.flatMap { $0.flatMap { $0 } }
    }

    /// `values` in one contiguous buffer, for the allocator's inner loop: row (q, t) holds
    /// `rowLength[q]` values from `rowStart[q] + t · rowLength[q]`.
    let flat: [Double]
    let rowStart: [Int]
    let rowLength: [Int]

    /// Largest capacity the table for queue `q` covers.
    public func maxCapacity(queue q: Int) -> Int { (values[q].first?.count ?? 1) - 1 }

    /// Linear interpolation of the table at a fractional capacity ≥ 0 (clamped to the table's end).
    @inline(__always)
    public func answered(queue q: Int, interval t: Int, capacity: Double) -> Double {
        flat.withUnsafeBufferPointer { Self.interpolate($0, start: rowStart[q] + t * rowLength[q], count: rowLength[q], at: capacity) }
    }

    /// The same interpolation on `count` values of `table` from `start` (the allocator's form).
    @inline(__always)
    static func interpolate(_ table: UnsafeBufferPointer<Double>, start: Int, count: Int, at capacity: Double) -> Double {
        let c = min(max(capacity, 0), Double(count - 1))
        let k = Int(c)
        if k >= count - 1 { return table[start + count - 1] }
        let f = c - Double(k)
        return table[start + k] + f * (table[start + k + 1] - table[start + k])
    }
}
