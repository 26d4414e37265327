/// The service a queue must give in every interval; `RequiredAgents` finds the fewest agents meeting all of them.
///
/// - `serviceLevel`: minimum share of all arrivals answered within `thresholdSeconds`, a fraction in [0, 1].
/// - `thresholdSeconds`: the service-level threshold T in seconds (≥ 0).
/// - `maxOccupancy`: cap on agent occupancy, a fraction in (0, 1]; for Erlang C and chat this is
///   `N ≥ A / maxOccupancy`, for Erlang A the carried-load occupancy `A·(1 − P(Ab)) / N`.
/// - `maxASASeconds`: cap on the mean time in queue over all arrivals, seconds (≥ 0).
/// - `maxAbandonment`: cap on P(abandon), a fraction in [0, 1]; Erlang A only (others never abandon).
public struct ServiceTargets: Sendable, Hashable {
    public var serviceLevel: Double
    public var thresholdSeconds: Double
    public var maxOccupancy: Double?
    public var maxASASeconds: Double?
    public var maxAbandonment: Double?

    public init(serviceLevel: Double, thresholdSeconds: Double, maxOccupancy: Double? = nil,
                maxASASeconds: Double? = nil, maxAbandonment: Double? = nil) {
        precondition((0...1).contains(serviceLevel), "service-level target must be in [0, 1] (got \(serviceLevel))")
        precondition(thresholdSeconds >= 0 && thresholdSeconds.isFinite, "threshold must be finite and ≥ 0 s (got \(thresholdSeconds))")
        if let maxOccupancy { precondition(maxOccupancy > 0 && maxOccupancy <= 1, "max occupancy must be in (0, 1] (got \(maxOccupancy))") }
        if let maxASASeconds { precondition(maxASASeconds >= 0, "max ASA must be ≥ 0 s (got \(maxASASeconds))") }
        if let maxAbandonment { precondition((0...1).contains(maxAbandonment), "max abandonment must be in [0, 1] (got \(maxAbandonment))") }
        self.serviceLevel = serviceLevel
        self.thresholdSeconds = thresholdSeconds
        self.maxOccupancy = maxOccupancy
        self.maxASASeconds = maxASASeconds
        self.maxAbandonment = maxAbandonment
    }

    /// Whether `performance` meets every target.
    public func areMet(by performance: QueuePerformance) -> Bool {
        performance.serviceLevel >= serviceLevel
            && performance.occupancy <= (maxOccupancy ?? 1)
            && performance.asaSeconds <= (maxASASeconds ?? .infinity)
            && performance.abandonProbability <= (maxAbandonment ?? 1)
    }
}
