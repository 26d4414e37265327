import Foundation

/// Erlang B and Erlang C (M/M/N) probabilities, computed without factorials.
///
/// Offered load `A = λ · AHT` in erlangs (λ arrivals per second, AHT seconds), `N` agents.
/// - Erlang B (blocking of M/M/N/N): `B(0) = 1`, `1/B(n) = 1 + (n/A) · 1/B(n−1)`
///   (`ErlangBSequence`). Every term is positive, so the recursion is stable for every load and N;
///   `1/B` reaching +∞ means B underflowed below 1e−308 and is returned as 0.
/// - Erlang C (wait probability of M/M/N): `C = N·B / (N − A·(1 − B))` for N > A, and 1 for N ≤ A
///   (the queue is unstable and every arrival waits).
///
/// Valid for loads 0 … 20,000 erlangs and N up to at least 25,000 (checked against 40-digit
/// references in the tests). Source: Cooper, *Introduction to Queueing Theory* (1981), §3.3–3.4;
/// Jagerman, "Some properties of the Erlang loss function", Bell Syst. Tech. J. 53 (1974).
public enum Erlang {
    /// Erlang B blocking probability for `agents` servers and `load` erlangs. O(agents).
    public static func b(load: Double, agents: Int) -> Double {
        precondition(load >= 0 && agents >= 0, "Erlang B needs load ≥ 0 and agents ≥ 0 (load \(load), agents \(agents))")
        var sequence = ErlangBSequence(load: load)
        sequence.advance(to: agents)
        return sequence.blocking
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
