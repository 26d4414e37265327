/// A feasible start in seconds: agents take shifts one at a time, round-robin, each time the
/// candidate (day, option) with the best change in cost given everything placed so far (breaks
/// placed coverage-aware), as long as it improves the cost. Paid minutes below a contract minimum
/// are priced at `RosterState.deficitWeight` per minute, so agents short of their minimum keep
/// taking shifts even when the service gain alone would not pay for them; an addition is taken only
/// if the weekly and horizon minima stay reachable within the maxima (`WeekRules.canReachMinimum`),
/// and every kept hard rule is never broken.
///
/// Work is bounded, so a short time limit is honoured at any size and the start is repeatable:
/// each step prices a bounded number of candidates (every k-th of the agent's open (day, option)
/// pairs, the offset rotating with the step): `candidatesPerStep`, fewer when `maxEvaluations`
/// divided by the shifts the contracts call for (days minus minimum days off, per week and agent)
/// is smaller, down to `minimumCandidatesPerStep`, so the construction completes within its budget
/// on large problems too. An agent still short of a minimum whose sample holds no improving
/// candidate samples again among the candidates that keep its minima reachable before it leaves the
/// round-robin (at 500 agents the first sample alone left agents short: greedy cost 2,054,012). A construction still cut by the budget leaves agents short; the search
/// then completes them (their shortfall is priced).
struct GreedyConstruction {
    static let candidatesPerStep = 128
    static let minimumCandidatesPerStep = 8

    /// Fills `state` (normally empty); returns whether the construction ran to its end (false: cut by
    /// `maxEvaluations` or the deadline). `agents` restricts the construction to those agents (the
    /// others keep their weeks).
    @discardableResult
    static func run(on state: RosterState, agents: [Int]? = nil, deadline: ContinuousClock.Instant? = nil,
                    maxEvaluations: Int = .max) -> Bool {
        let context = state.context
        let order = agents ?? Array(0..<context.agentCount)
        let shifts = order.reduce(0) { total, a in
            total + context.weeks.reduce(0) { $0 + max(1, $1.count - context.contracts[a].daysOffMin(in: $1)) }
        }
        let perStep = min(candidatesPerStep, max(minimumCandidatesPerStep, maxEvaluations / max(1, shifts)))
        var evaluations = 0, step = 0
        var active = Set(order)
        while !active.isEmpty {
            if let deadline, ContinuousClock.now >= deadline { return false }
            for a in order where active.contains(a) {
                guard evaluations < maxEvaluations else { return false }
                step += 1
                // An agent short of a minimum whose sample held nothing to take samples again among the
                // candidates that keep its minima reachable (the minimum may need the one length the
                // first sample skipped); it leaves only when none of those helps either.
                guard let best = bestAddition(agent: a, state: state, step: step, candidates: perStep, evaluations: &evaluations)
                        ?? (state.shortfall(agent: a) > 0
                            ? bestAddition(agent: a, state: state, step: step, candidates: perStep, reachableOnly: true,
                                           evaluations: &evaluations) : nil) else {
                    active.remove(a)
                    continue
                }
                _ = state.evaluate([best])
                state.commit()
            }
        }
        return true
    }

    /// The improving candidate on a day off of agent `a` with the lowest cost change, if any, among
    /// every k-th of its open (day, option) pairs (k so that about `candidates` are priced, the offset
    /// rotating with `step`); `reachableOnly` samples only the pairs that keep every minimum reachable
    /// (else those are skipped after sampling). Whether a pair keeps them reachable depends only on its
    /// week and its paid minutes (`WeekRules.canReachMinimum` counts open days and paid minutes per
    /// week), so that is judged once per week and length.
    static func bestAddition(agent a: Int, state: RosterState, step: Int, candidates: Int, reachableOnly: Bool = false,
                             evaluations: inout Int) -> RosterState.Change? {
        let context = state.context
        var verdicts: [Int: Bool] = [:]
        var week = state.choice[a]
        func reachable(_ d: Int, _ o: Int) -> Bool {
            let key = context.week(of: d) << 32 | context.catalog.options[o].paidMinutes
            if let known = verdicts[key] { return known }
            week[d] = o
            defer { week[d] = -1 }
            let verdict = state.rules.canReachMinimum(agent: a, week: week)
            verdicts[key] = verdict
            return verdict
        }
        var count = 0
        for d in 0..<context.days where state.choice[a][d] < 0 {
            for o in context.catalog.allowed[a][d] where !reachableOnly || reachable(d, o) { count += 1 }
        }
        let stride = candidates >= count ? 1 : (count + candidates - 1) / candidates
        let offset = step % stride
        var best: RosterState.Change? = nil
        var bestDelta = -1e-9
        var index = -1
        for d in 0..<context.days where state.choice[a][d] < 0 {
            for o in context.catalog.allowed[a][d] where !reachableOnly || reachable(d, o) {
                index += 1
                guard index % stride == offset, reachableOnly || reachable(d, o) else { continue }
                evaluations += 1
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
