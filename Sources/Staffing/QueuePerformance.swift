/// What a queue model predicts for one interval at a given number of agents.
///
/// - `offeredLoad`: A = contacts · AHT / interval length, in erlangs.
/// - `waitProbability`: P(an arrival finds every agent busy), a fraction.
/// - `serviceLevel`: the share of ALL arrivals answered within the threshold T (contacts that
///   abandon count as misses), a fraction.
/// - `asaSeconds`: mean time in queue over all arrivals, in seconds (those answered at once count 0);
///   +∞ when the queue is unstable (Erlang C with N ≤ A).
/// - `occupancy`: the share of agent time spent handling contacts (carried load / N); 1 when N ≤ A
///   in Erlang C and when N = 0.
/// - `abandonProbability`: P(an arrival abandons); 0 in models without abandonment.
/// Built by the Erlang C (`ErlangC.swift`) and Erlang A (`ErlangA.swift`) initialisers.
public struct QueuePerformance: Sendable, Hashable {
    public var agents: Int
    public var offeredLoad: Double
    public var waitProbability: Double
    public var serviceLevel: Double
    public var asaSeconds: Double
    public var occupancy: Double
    public var abandonProbability: Double

    public init(agents: Int, offeredLoad: Double, waitProbability: Double, serviceLevel: Double,
                asaSeconds: Double, occupancy: Double, abandonProbability: Double) {
        self.agents = agents
        self.offeredLoad = offeredLoad
        self.waitProbability = waitProbability
        self.serviceLevel = serviceLevel
        self.asaSeconds = asaSeconds
        self.occupancy = occupancy
        self.abandonProbability = abandonProbability
    }
}

/// The Erlang C result type of the first release; the same value as `QueuePerformance`.
public typealias ErlangCResult = QueuePerformance
