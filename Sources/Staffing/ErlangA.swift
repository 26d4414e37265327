import Foundation

/// Erlang A (M/M/N+M: Poisson arrivals, exponential handle times, exponential patience) performance
/// of one interval.
///
/// Notation: A = λ·AHT offered load (erlangs), N agents, mean patience `p` seconds (θ = 1/p),
/// `a = N·p/AHT`, `x = A·p/AHT`, `B` = Erlang B(N, A), `J = J(a, x)` and P(a, ·) the regularised
/// lower incomplete gamma function (`ImpatientQueueSums`), `u = exp(−T/p)`.
/// - Wait probability (all agents busy on arrival, PASTA): `Pw = B·J / (1 − B + B·J)`.
/// - Abandonment: `P(Ab) = Pw · E[Q | wait] / x` (abandonment flow θ·E[Q] divided by λ).
/// - Offered wait V (time until an agent would take the contact): `P(V > t | wait) = P(a, x·e^(−θt)) / P(a, x)`.
/// - Answered within T among waiters (served before patience runs out and V ≤ T):
///   `∫₀ᵀ e^(−θv) dF(v) = (a/x) · [(1 − 1/J(a, x)) − P(V > T | wait) · (1 − 1/J(a, x·u))]`,
///   evaluated as a sum of two non-negative terms (see the code) so it keeps its relative precision
///   when tiny (heavily overloaded queues).
/// - `serviceLevel = (1 − Pw) + Pw · answeredWithinT`: share of ALL arrivals answered within T
///   (abandons are misses; pyworkforce's convention).
/// - `asaSeconds = E[Q] / λ = P(Ab) · p`: mean time in queue over all arrivals (abandoners count
///   the time they waited), by Little's law.
/// - `occupancy = A · (1 − P(Ab)) / N`: carried load per agent (≤ 1; rounding above 1 when
///   overloaded is clipped).
/// N = 0: everyone abandons (service level 0, Pw 1, P(Ab) 1, ASA = p, occupancy 1).
/// As p → ∞ the results tend to Erlang C (tested).
/// Sources: Garnett, Mandelbaum & Reiman, M&SOM 4(3) 2002; Mandelbaum & Zeltyn, "The impact of
/// customers' patience on delay and abandonment", Queueing Systems 2004 (and Zeltyn's thesis,
/// Technion 2005) for the incomplete-gamma forms; the answered-within-T integral is derived in
/// docs/staffing.md and checked against pyworkforce 0.5.4 (Pw 0.14526, P(Ab) 0.013984, SL 0.916792).
extension QueuePerformance {
    public init(load: Double, ahtSeconds: Double, agents: Int, thresholdSeconds: Double, patienceSeconds: Double) {
        self.init(load: load, ahtSeconds: ahtSeconds, agents: agents, thresholdSeconds: thresholdSeconds,
                  patienceSeconds: patienceSeconds, erlangB: Erlang.b(load: load, agents: agents))
    }

    /// Uses a precomputed Erlang B value for (load, agents). Cost: O(1 + √a) for the incomplete gamma sums.
    public init(load: Double, ahtSeconds: Double, agents: Int, thresholdSeconds: Double, patienceSeconds: Double,
                erlangB: Double) {
        precondition(patienceSeconds > 0 && patienceSeconds.isFinite, "Erlang A needs a finite patience > 0 s (got \(patienceSeconds))")
        if load <= 0 {
            self.init(agents: agents, offeredLoad: load, waitProbability: 0, serviceLevel: 1, asaSeconds: 0,
                      occupancy: 0, abandonProbability: 0)
            return
        }
        guard agents > 0 else {
            self.init(agents: 0, offeredLoad: load, waitProbability: 1, serviceLevel: 0, asaSeconds: patienceSeconds,
                      occupancy: 1, abandonProbability: 1)
            return
        }
        let ratio = patienceSeconds / ahtSeconds
        let a = Double(agents) * ratio
        let x = load * ratio
        let sums = ImpatientQueueSums(a: a, x: x)
        // Pw = 1 / (1 + r) with r = (1 − B) / (B·J), in logs so that B → 0 and J → ∞ stay finite;
        // 1 − Pw is computed as 1 / (1 + 1/r), not by subtraction.
        let logR = log1p(-erlangB) - log(erlangB) - sums.logJ
        let pw = 1 / (1 + exp(logR))
        let noWait = 1 / (1 + exp(-logR))
        let abandon = pw * sums.meanQueueGivenWait / x
        var answeredAmongWaiters = 0.0
        if thresholdSeconds > 0 {
            // (a/x)·[(1/J(xu) − 1/J(x)) + (1 − 1/J(xu))·(1 − P(V > T | wait))]: two non-negative terms,
            // each with full relative precision (no difference of nearly equal numbers).
            let atThreshold = ImpatientQueueSums(a: a, x: x * exp(-thresholdSeconds / patienceSeconds))
            let inverseJGain = exp(-atThreshold.logJ) * -expm1(atThreshold.logJ - sums.logJ)
            let reachedAgent = -expm1(atThreshold.logRegularizedGamma - sums.logRegularizedGamma)
            answeredAmongWaiters = (a / x) * (inverseJGain + atThreshold.oneMinusInverseJ * reachedAgent)
        }
        self.init(agents: agents, offeredLoad: load, waitProbability: pw,
                  serviceLevel: min(1, noWait + pw * answeredAmongWaiters),
                  asaSeconds: abandon * patienceSeconds,
                  occupancy: min(1, load * (1 - abandon) / Double(agents)), abandonProbability: abandon)
    }
}
