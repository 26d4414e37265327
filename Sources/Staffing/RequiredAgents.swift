/// The smallest agent count meeting every `ServiceTargets` target for one interval (the inverse Erlang problem).
///
/// Search: one upward Erlang B walk (`ErlangBSequence`), so the whole search is O(N) for the N found,
/// with O(1) work per candidate for Erlang C and chat (plus O(1 + √a) per candidate for Erlang A).
/// - Erlang C: candidates start at `max(⌊A⌋ + 1, ⌈A / maxOccupancy⌉)`; N ≤ A is never returned.
/// - Chat (k conversations per agent): the same search over agents with k·N Erlang C servers,
///   starting at the smallest N with k·N > A and k·N ≥ A / maxOccupancy.
/// - Erlang A: every N from 1 is a candidate (with abandonment the queue is stable for any N).
/// A load of 0 needs 0 agents. Deferred queues are planned over a whole day (`DeferredWork`), not here.
/// The service-level target may be 1 only in the limit sense: SL rounds to 1 in double precision
/// once C·exp(−(N−A)T/AHT) < 1.1e−16, which the walk reaches.
public enum RequiredAgents {
    /// The performance at the smallest agent count meeting `targets` (its `agents` field is that count).
    public static func minimum(load: Double, ahtSeconds: Double, model: QueueModel, targets: ServiceTargets) -> QueuePerformance {
        precondition(load >= 0 && load.isFinite, "load must be finite and ≥ 0 erlangs (got \(load))")
        precondition(ahtSeconds > 0 && ahtSeconds.isFinite, "AHT must be finite and > 0 s (got \(ahtSeconds))")
        model.checkParameters()
        var erlangB = ErlangBSequence(load: load)
        switch model {
        case .erlangC, .chat:
            let slots: Int
            if case .chat(let concurrency) = model { slots = concurrency } else { slots = 1 }
            if load == 0 {
                return QueuePerformance(load: 0, ahtSeconds: ahtSeconds, agents: 0, thresholdSeconds: targets.thresholdSeconds, erlangB: 1)
            }
            let servers = max((load.rounded(.down) + 1), (load / (targets.maxOccupancy ?? 1)).rounded(.up))
            var agents = Int((servers / Double(slots)).rounded(.up))
            while true {
                erlangB.advance(to: agents * slots)
                var performance = QueuePerformance(load: load, ahtSeconds: ahtSeconds, agents: agents * slots,
                                                   thresholdSeconds: targets.thresholdSeconds, erlangB: erlangB.blocking)
                if targets.areMet(by: performance) {
                    performance.agents = agents
                    return performance
                }
                agents += 1
            }
        case .erlangA(let patience):
            var agents = load == 0 ? 0 : 1
            while true {
                erlangB.advance(to: agents)
                let performance = QueuePerformance(load: load, ahtSeconds: ahtSeconds, agents: agents,
                                                   thresholdSeconds: targets.thresholdSeconds,
                                                   patienceSeconds: patience, erlangB: erlangB.blocking)
                if targets.areMet(by: performance) { return performance }
                agents += 1
            }
        case .deferred:
            preconditionFailure("deferred work is planned over a day with DeferredWork, not per interval")
        }
    }
}
