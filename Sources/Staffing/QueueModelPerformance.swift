/// One interval's performance at a given agent count under a real-time queue model.
///
/// Erlang C and Erlang A as in `ErlangC.swift` / `ErlangA.swift`; chat(k) is Erlang C with k·N
/// servers (its occupancy is per conversation slot; `agents` stays N). O(N) (one Erlang B walk).
/// Deferred work has no per-interval queue; it is planned with `DeferredWork`.
extension QueueModel {
    public func performance(load: Double, ahtSeconds: Double, agents: Int, thresholdSeconds: Double) -> QueuePerformance {
        checkParameters()
        switch self {
        case .erlangC:
            return QueuePerformance(load: load, ahtSeconds: ahtSeconds, agents: agents, thresholdSeconds: thresholdSeconds)
        case .erlangA(let patience):
            return QueuePerformance(load: load, ahtSeconds: ahtSeconds, agents: agents, thresholdSeconds: thresholdSeconds,
                                    patienceSeconds: patience)
        case .chat(let concurrency):
            var result = QueuePerformance(load: load, ahtSeconds: ahtSeconds, agents: agents * concurrency,
                                          thresholdSeconds: thresholdSeconds)
            result.agents = agents
            return result
        case .deferred:
            preconditionFailure("deferred work has no per-interval queue performance; use DeferredWork")
        }
    }
}
