/// How contacts of a queue are served, mirroring `Staffing.QueueModel` (the service-curve API).
public enum ServiceModel: Sendable, Hashable {
    /// M/M/N, no abandonment (voice).
    case erlangC
    /// M/M/N+M with mean patience in seconds (voice with abandonment).
    case erlangA(patienceSeconds: Double)
    /// Chat: one agent holds `concurrency` conversations at once.
    case chat(concurrency: Int)
    /// Deferred work (email): answered within `responseHours`.
    case deferred(responseHours: Double)

    /// Contacts one agent serves at once (chat concurrency; 1 otherwise).
    public var serversPerAgent: Double {
        if case .chat(let k) = self { return Double(k) }
        return 1
    }
}

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
    public var model: ServiceModel

    public init(id: String, contacts: [Double], ahtSeconds: [Double], thresholdSeconds: Double,
                serviceLevelTarget: Double, maxOccupancy: Double = 1, model: ServiceModel = .erlangC) {
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
