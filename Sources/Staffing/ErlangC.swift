import Foundation

/// Erlang C (M/M/N, infinite patience) performance of one interval.
///
/// With `C` the Erlang C wait probability (`Erlang.c`), AHT in seconds and T the threshold in seconds:
/// - `serviceLevel = P(W ≤ T) = 1 − C · exp(−(N − A) · T / AHT)`
/// - `asaSeconds = C · AHT / (N − A)` (mean wait over all arrivals, answered immediately included)
/// - `occupancy = A / N`
/// With N ≤ A the queue is unstable: service level 0, ASA +∞, occupancy 1. A load of 0 gives
/// service level 1, ASA 0, occupancy 0.
/// Source: Cooper (1981) §3.4; Gross & Harris, *Fundamentals of Queueing Theory* (1998) §2.3.
extension QueuePerformance {
    public init(load: Double, ahtSeconds: Double, agents: Int, thresholdSeconds: Double) {
        self.init(load: load, ahtSeconds: ahtSeconds, agents: agents, thresholdSeconds: thresholdSeconds,
                  erlangB: Erlang.b(load: load, agents: agents))
    }

    /// Uses a precomputed Erlang B value for (load, agents), so a search over N costs O(1) per step.
    public init(load: Double, ahtSeconds: Double, agents: Int, thresholdSeconds: Double, erlangB: Double) {
        let n = Double(agents)
        if load <= 0 {
            self.init(agents: agents, offeredLoad: load, waitProbability: 0, serviceLevel: 1, asaSeconds: 0,
                      occupancy: 0, abandonProbability: 0)
        } else if n <= load {
            self.init(agents: agents, offeredLoad: load, waitProbability: 1, serviceLevel: 0, asaSeconds: .infinity,
                      occupancy: 1, abandonProbability: 0)
        } else {
            let pw = Erlang.c(load: load, agents: agents, erlangB: erlangB)
            self.init(agents: agents, offeredLoad: load, waitProbability: pw,
                      serviceLevel: max(0, 1 - pw * exp(-(n - load) * thresholdSeconds / ahtSeconds)),
                      asaSeconds: pw * ahtSeconds / (n - load), occupancy: load / n, abandonProbability: 0)
        }
    }
}
