/// A feasible start in seconds: agents take shifts one at a time, round-robin, each time the
/// (day, option) with the best change in cost given everything placed so far (breaks placed
/// coverage-aware), as long as it improves the cost. Paid minutes below a contract minimum are
/// priced at `RosterState.deficitWeight` per minute, so agents short of their minimum keep taking
/// shifts even when the service gain alone would not pay for them; an addition is taken only if
/// the weekly minimum stays reachable within the maximum (`WeekRules.canReachMinimum`), and every
/// other hard rule is never broken.
struct GreedyConstruction {
    /// Fills `state` (normally empty) and returns the number of shifts placed. `agents` restricts the
    /// construction to those agents (the others keep their weeks), e.g. to rebuild a neighbourhood.
    @discardableResult
    static func run(on state: RosterState, agents: [Int]? = nil, deadline: ContinuousClock.Instant? = nil) -> Int {
        let context = state.context
        let order = agents ?? Array(0..<context.agentCount)
        var placed = 0
        var active = Set(order)
        while !active.isEmpty {
            if let deadline, ContinuousClock.now >= deadline { break }
            for a in order where active.contains(a) {
                guard let best = bestAddition(agent: a, state: state) else {
                    active.remove(a)
                    continue
                }
                _ = state.evaluate([best])
                state.commit()
                placed += 1
            }
        }
        return placed
    }

    /// The improving (day, option) on a day off of agent `a` with the lowest cost change, if any.
    static func bestAddition(agent a: Int, state: RosterState) -> RosterState.Change? {
        var best: RosterState.Change? = nil
        var bestDelta = -1e-9
        for d in 0..<state.context.days where state.choice[a][d] < 0 {
            var week = state.choice[a]
            for o in state.context.catalog.allowed[a][d] {
                week[d] = o
                guard state.rules.canReachMinimum(agent: a, week: week) else { continue }
                if let delta = state.evaluate([.init(agent: a, day: d, option: o, breaks: nil)]), delta < bestDelta {
                    bestDelta = delta
                    best = state.pending.first
                }
            }
        }
        state.discard()
        return best
    }
}
