/// Erlang B walked upward one agent at a time, so a search over N costs O(1) per step.
///
/// Keeps `y(n) = 1/B(n)` with `y(0) = 1`, `y(n) = 1 + y(n−1) · n/A` (one fused multiply-add per step,
/// all terms positive, so no cancellation). `y` grows without bound once N ≫ A; when it overflows to
/// +∞ the blocking probability is below 1e−308 and `blocking` returns 0, which is exact to double
/// precision. A load of 0 gives B(0) = 1 and B(n ≥ 1) = 0.
/// Source: the inverse form of the Erlang B recursion, Cooper (1981) §3.3 eq. (3.4).
public struct ErlangBSequence: Sendable, Hashable {
    /// Offered load A in erlangs (≥ 0).
    public let load: Double
    /// The agent count N the current value belongs to.
    public private(set) var agents: Int = 0
    private var inverseBlocking: Double = 1
    private let inverseLoad: Double

    public init(load: Double) {
        precondition(load >= 0 && load.isFinite, "Erlang B needs a finite load ≥ 0 (load \(load))")
        self.load = load
        inverseLoad = 1 / load
    }

    /// Erlang B blocking probability B(agents, load).
    public var blocking: Double { 1 / inverseBlocking }

    /// Moves to agents + 1.
    public mutating func advance() {
        agents += 1
        inverseBlocking = (1 as Double).addingProduct(inverseBlocking, Double(agents) * inverseLoad)
    }

    /// Moves forward to `target` agents (no-op when already there). Precondition: target ≥ agents.
    public mutating func advance(to target: Int) {
        precondition(target >= agents, "ErlangBSequence only moves forward (at \(agents), asked for \(target))")
        while agents < target { advance() }
    }
}
