import Simulation

/// One queue of `queues:` (SPEC.md): how its contacts arrive and what service they must get.
public struct QueueSettings: Sendable, Hashable {
    public enum Channel: String, Sendable, Hashable, CaseIterable {
        /// Contacts wait in line (Erlang C, or Erlang A with `patienceSeconds`).
        case voice
        /// Like voice, but an agent serves `concurrency` conversations at once.
        case chat
        /// Deferred work: each item answered within `responseHours`.
        case email
    }

    /// Service-level goal: `target` fraction of contacts answered within `seconds`.
    public struct ServiceLevel: Sendable, Hashable {
        /// Fraction in (0, 1).
        public var target: Double
        /// Threshold in seconds, ≥ 0.
        public var seconds: Double

        public init(target: Double, seconds: Double) {
            self.target = target
            self.seconds = seconds
        }
    }

    public var id: String
    public var channel: Channel
    /// Handle time used where history has none, seconds, > 0.
    public var ahtSeconds: Double?
    /// Required for voice and chat; nil for email.
    public var serviceLevel: ServiceLevel?
    /// Occupancy cap in (0, 1]; 1 means no cap. Default 1.
    public var maxOccupancy: Double
    /// Mean patience before abandoning, seconds (> 0): Erlang A instead of Erlang C. Voice only.
    public var patienceSeconds: Double?
    /// Conversations an agent handles at once (chat only), ≥ 1. Default 1.
    public var concurrency: Int
    /// Every item answered within this many hours (email only), > 0.
    public var responseHours: Double?
    /// What-if multiplier on the forecast, ≥ 0. Default 1.
    public var volumeFactor: Double
    /// What-if change of every interval's forecast handle time, seconds (may be negative; the
    /// runner rejects a resulting AHT ≤ 0). Default 0.
    public var ahtDeltaSeconds: Double
    /// Local opening hours each day, minutes after midnight, `openFrom < openTo ≤ 1440`. Default all day.
    public var openFromMinute: Int
    public var openToMinute: Int
    /// `handle_time: {distribution: exponential | lognormal, cv}`: how the simulation draws handle
    /// times around the AHT (docs/simulation.md). Default exponential.
    public var handleTime: HandleTimeDistribution = .exponential
}
