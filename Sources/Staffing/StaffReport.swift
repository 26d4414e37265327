import Foundation

/// The staffing answer for one interval (`wfm staff`, SPEC.md): the performance of a given agent
/// count, or of the smallest count meeting every target, and the agents to schedule after shrinkage;
/// JSON keys as SPEC.md names them.
public struct StaffReport: Encodable, Sendable, Hashable {
    public var agents: Int
    public var scheduledAgents: Int
    /// Erlangs.
    public var offeredLoad: Double
    public var serviceLevel: Double
    /// nil (JSON null) when infinite: the queue is unstable.
    public var asaSeconds: Double?
    public var waitProbability: Double
    public var occupancy: Double
    /// Erlang A only (nil, no JSON key, otherwise).
    public var abandonProbability: Double?

    /// Offered load A = calls × ahtSeconds / (intervalMinutes × 60) erlangs; the performance of
    /// `agents` when given (threshold `targets.thresholdSeconds`), else of the fewest agents meeting
    /// `targets` (`RequiredAgents.minimum`); scheduled agents after `shrinkage` (`Shrinkage.scheduled`).
    public init(calls: Double, ahtSeconds: Double, intervalMinutes: Double, model: QueueModel, agents: Int?,
                targets: ServiceTargets, shrinkage: Double) {
        let load = calls * ahtSeconds / (intervalMinutes * 60)
        let p = agents.map { model.performance(load: load, ahtSeconds: ahtSeconds, agents: $0, thresholdSeconds: targets.thresholdSeconds) }
            ?? RequiredAgents.minimum(load: load, ahtSeconds: ahtSeconds, model: model, targets: targets)
        self.agents = p.agents
        scheduledAgents = Shrinkage.scheduled(required: p.agents, shrinkage: shrinkage)
        offeredLoad = p.offeredLoad
        serviceLevel = p.serviceLevel
        asaSeconds = p.asaSeconds.isFinite ? p.asaSeconds : nil
        waitProbability = p.waitProbability
        occupancy = p.occupancy
        if case .erlangA = model { abandonProbability = p.abandonProbability }
    }

    enum CodingKeys: String, CodingKey {
        case agents, scheduledAgents = "scheduled_agents", offeredLoad = "offered_load", serviceLevel = "service_level",
             asaSeconds = "asa_seconds", waitProbability = "wait_probability", occupancy,
             abandonProbability = "abandon_probability"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(agents, forKey: .agents)
        try c.encode(scheduledAgents, forKey: .scheduledAgents)
        try c.encode(offeredLoad, forKey: .offeredLoad)
        try c.encode(serviceLevel, forKey: .serviceLevel)
        try c.encode(asaSeconds, forKey: .asaSeconds) // null when unstable
        try c.encode(waitProbability, forKey: .waitProbability)
        try c.encode(occupancy, forKey: .occupancy)
        try c.encodeIfPresent(abandonProbability, forKey: .abandonProbability)
    }

    /// One JSON object, keys sorted.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// The lines `wfm staff` prints without `--json`.
    public var text: String {
        func percent(_ x: Double) -> String { String(format: "%.1f %%", x * 100) }
        var lines = [
            "agents             \(agents)",
            "scheduled agents   \(scheduledAgents)   (after shrinkage)",
            "offered load       \(String(format: "%.3f", offeredLoad)) erlangs",
            "service level      \(percent(serviceLevel))",
            "ASA                \(asaSeconds.map { String(format: "%.1f s", $0) } ?? "unbounded (agents ≤ load)")",
            "wait probability   \(percent(waitProbability))",
            "occupancy          \(percent(occupancy))",
        ]
        if let abandonProbability { lines.append("abandonment        \(percent(abandonProbability))") }
        return lines.joined(separator: "\n")
    }
}
