/// How one queue is staffed: its model, its targets and the shrinkage between paid and available time.
///
/// For deferred queues only `targets.maxOccupancy` applies (agents = profile / maxOccupancy); the
/// response-time deadline of `QueueModel.deferred` replaces the service-level target.
public struct QueueStaffing: Sendable, Hashable {
    public var model: QueueModel
    public var targets: ServiceTargets
    /// Fraction of paid time not available for contacts, in [0, 1).
    public var shrinkage: Double

    public init(model: QueueModel, targets: ServiceTargets, shrinkage: Double = 0) {
        model.checkParameters()
        precondition(shrinkage >= 0 && shrinkage < 1, "shrinkage must be in [0, 1) (got \(shrinkage))")
        self.model = model
        self.targets = targets
        self.shrinkage = shrinkage
    }
}

/// Forecast contacts and handle time of one queue in one interval.
public struct IntervalDemand: Sendable, Hashable {
    public var contacts: Double
    public var ahtSeconds: Double
    /// Whether the queue is open: real-time queues need 0 agents when closed; deferred work arriving
    /// while closed waits for the next open interval.
    public var isOpen: Bool

    public init(contacts: Double, ahtSeconds: Double, isOpen: Bool = true) {
        precondition(contacts >= 0 && contacts.isFinite, "contacts must be finite and ≥ 0 (got \(contacts))")
        precondition(ahtSeconds > 0 && ahtSeconds.isFinite, "AHT must be finite and > 0 s (got \(ahtSeconds))")
        self.contacts = contacts
        self.ahtSeconds = ahtSeconds
        self.isOpen = isOpen
    }
}

/// The staffing requirement of one queue in one interval (a row of requirements.csv).
public struct IntervalRequirement: Sendable, Hashable {
    public var contacts: Double
    public var ahtSeconds: Double
    /// A = contacts · AHT / intervalSeconds, erlangs.
    public var offeredLoad: Double
    /// Agents that must be available (after shrinkage) to meet every target.
    public var requiredAgents: Int
    /// Agents to schedule: ⌈required / (1 − shrinkage)⌉ (`Shrinkage`).
    public var requiredWithShrinkage: Int
}

/// Staffing requirements for a whole forecast (every queue × interval) in one call.
///
/// Real-time queues (Erlang C, Erlang A, chat): each open interval independently by `RequiredAgents`
/// (one Erlang B walk, O(N) per interval, no restarts). Deferred queues: the whole interval sequence
/// at once by `DeferredWork`, rounded up per interval (rounding up keeps every deadline window
/// feasible). Intervals must be consecutive, each `intervalSeconds` long.
public enum Requirements {
    public static func compute(queues: [(staffing: QueueStaffing, demand: [IntervalDemand])],
                               intervalSeconds: Double) -> [[IntervalRequirement]] {
        queues.map { compute(staffing: $0.staffing, demand: $0.demand, intervalSeconds: intervalSeconds) }
    }

    public static func compute(staffing: QueueStaffing, demand: [IntervalDemand], intervalSeconds: Double) -> [IntervalRequirement] {
        precondition(intervalSeconds > 0 && intervalSeconds.isFinite, "interval must be > 0 s (got \(intervalSeconds))")
        let required: [Int]
        if case .deferred(let responseHours) = staffing.model {
            let profile = DeferredWork.agentProfile(contacts: demand.map(\.contacts), ahtSeconds: demand.map(\.ahtSeconds),
                                                    isOpen: demand.map(\.isOpen), intervalSeconds: intervalSeconds,
                                                    responseHours: responseHours)
            let occupancy = staffing.targets.maxOccupancy ?? 1
            required = profile.map { Int(($0 / occupancy * (1 - 1e-12)).rounded(.up)) }
        } else {
            required = demand.map { interval in
                guard interval.isOpen else { return 0 }
                let load = interval.contacts * interval.ahtSeconds / intervalSeconds
                return RequiredAgents.minimum(load: load, ahtSeconds: interval.ahtSeconds, model: staffing.model,
                                              targets: staffing.targets).agents
            }
        }
        return zip(demand, required).map { interval, agents in
            IntervalRequirement(contacts: interval.contacts, ahtSeconds: interval.ahtSeconds,
                                offeredLoad: interval.contacts * interval.ahtSeconds / intervalSeconds,
                                requiredAgents: agents,
                                requiredWithShrinkage: Shrinkage.scheduled(required: agents, shrinkage: staffing.shrinkage))
        }
    }
}
