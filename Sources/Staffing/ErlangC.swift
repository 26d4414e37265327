import Foundation

/// Erlang B and Erlang C (M/M/N) for one interval, computed without factorials.
///
/// Offered load `A = λ · AHT` in erlangs (λ arrivals per second, AHT seconds). Erlang B uses the
/// forward recursion `B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1))`, which is numerically stable for
/// every load and agent count (every step is a convex combination; no overflow, no cancellation).
/// Erlang C follows as `C = N·B / (N − A·(1 − B))` for N > A, and C = 1 for N ≤ A (unstable queue).
/// Source: Cooper, *Introduction to Queueing Theory* (1981), §3.3–3.4; Jagerman (1974).
public enum Erlang {
    /// Erlang B blocking probability for `agents` servers and `load` erlangs. O(agents).
    public static func b(load: Double, agents: Int) -> Double {
        precondition(load >= 0 && agents >= 0, "Erlang B needs load ≥ 0 and agents ≥ 0 (load \(load), agents \(agents))")
        var blocking = 1.0
        if agents == 0 { return 1 }
        for n in 1...agents {
            blocking = load * blocking / (Double(n) + load * blocking)
        }
        return blocking
    }

    /// Erlang C wait probability P(W > 0) from the Erlang B value at the same N. 1 when N ≤ A.
    public static func c(load: Double, agents: Int, erlangB blocking: Double) -> Double {
        let n = Double(agents)
        guard n > load else { return 1 }
        return n * blocking / (n - load * (1 - blocking))
    }

    /// Erlang C wait probability P(W > 0). O(agents).
    public static func c(load: Double, agents: Int) -> Double {
        c(load: load, agents: agents, erlangB: b(load: load, agents: agents))
    }
}

/// Erlang C performance of one interval at a given agent count.
///
/// - `serviceLevel = P(W ≤ T) = 1 − C · exp(−(N − A) · T / AHT)`
/// - `asaSeconds = C · AHT / (N − A)` (mean wait over all arrivals, answered immediately included)
/// - `occupancy = A / N` (capped at 1)
/// With N ≤ A the queue is unstable: service level 0, ASA infinite, occupancy 1.
public struct ErlangCResult: Sendable, Hashable {
    public var agents: Int
    public var offeredLoad: Double
    public var waitProbability: Double
    public var serviceLevel: Double
    public var asaSeconds: Double
    public var occupancy: Double

    public init(load: Double, ahtSeconds: Double, agents: Int, thresholdSeconds: Double) {
        self.init(load: load, ahtSeconds: ahtSeconds, agents: agents, thresholdSeconds: thresholdSeconds,
                  erlangB: Erlang.b(load: load, agents: agents))
    }

    /// Uses a precomputed Erlang B value for (load, agents), so a search over N costs O(1) per step.
    public init(load: Double, ahtSeconds: Double, agents: Int, thresholdSeconds: Double, erlangB: Double) {
        self.agents = agents
        offeredLoad = load
        let n = Double(agents)
        if load <= 0 {
            waitProbability = 0
            serviceLevel = 1
            asaSeconds = 0
            occupancy = 0
            return
        }
        guard n > load else {
            waitProbability = 1
            serviceLevel = 0
            asaSeconds = .infinity
            occupancy = 1
            return
        }
        let pw = Erlang.c(load: load, agents: agents, erlangB: erlangB)
        waitProbability = pw
        serviceLevel = max(0, 1 - pw * exp(-(n - load) * thresholdSeconds / ahtSeconds))
        asaSeconds = pw * ahtSeconds / (n - load)
        occupancy = load / n
    }
}
