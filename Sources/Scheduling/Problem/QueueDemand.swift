import Staffing

/// One queue's forecast and service target over the plan grid.
///
/// `contacts[t]` and `ahtSeconds[t]` are per interval `t` of the problem's `TimeGrid`
/// (same count as `grid.intervals`). The service level is the share of contacts answered within
/// `thresholdSeconds`; `serviceLevelTarget` is used by `min-cost` (weekly, volume-weighted) and to
/// compute `required_agents` per interval.
public struct QueueDemand: Sendable, Hashable {
    public var id: String
    public var contacts: [Double]
    public var ahtSeconds: [Double]
    public var thresholdSeconds: Double
    /// Target fraction in (0, 1].
    public var serviceLevelTarget: Double
    /// Occupancy cap in (0, 1], used for `required_agents` only (the roster's occupancy is reported).
    public var maxOccupancy: Double
    /// Staffing model of the queue (Erlang C / A, chat concurrency, deferred work).
    public var model: QueueModel

    public init(id: String, contacts: [Double], ahtSeconds: [Double], thresholdSeconds: Double,
                serviceLevelTarget: Double, maxOccupancy: Double = 1, model: QueueModel = .erlangC) {
        self.id = id
        self.contacts = contacts
        self.ahtSeconds = ahtSeconds
        self.thresholdSeconds = thresholdSeconds
        self.serviceLevelTarget = serviceLevelTarget
        self.maxOccupancy = maxOccupancy
        self.model = model
    }

    /// Total contacts over the horizon.
    public var volume: Double { contacts.reduce(0, +) }
}

extension QueueModel {
    /// Contacts one agent serves at once (chat concurrency; 1 otherwise).
    var serversPerAgent: Double {
        if case .chat(let k) = self { return Double(k) }
        return 1
    }
}
