import Foundation
import MIP

/// Large-neighbourhood search with an exact MIP on each neighbourhood (fix-and-optimise).
///
/// Each round frees part of the roster and fixes the rest. Fixed agents become a constant base
/// capacity per queue and interval (`RosterState.fixedPart`), so the freed agents' marginal service
/// is modelled exactly on the few curve segments above that base, with ordering binaries only where
/// the curve is still convex (`RosterFormulation`). The sub-MIP is started from the current roster
/// (completed by a solve with x fixed), solved by `solver` within a per-round node limit (a time
/// limit caps it), decoded, its breaks placed exactly, and kept if the exact cost falls.
///
/// Three kinds of neighbourhood, chosen adaptively (probability ∝ (improving rounds + 1) / (rounds
/// + 2) of each kind, so the kinds that pay keep being drawn; drawn with the run's seeded generator):
/// - *agents × window*: a random agent plus agents of its skill group (or of any group, 1 in 3),
///   free on a window of up to `windowDays` (28) consecutive days (the whole week of a contact
///   centre); the size adapts: +1 after a round proved optimal without improvement, −1 after a round
///   that hit its node (or time) limit (1…12). Re-plans days off and start times together.
/// - *day × agents*: one random day for `dayAgents` (8) agents (same selection), their other days
///   pinned; re-times many agents at once, which single moves cannot (two agents moving together
///   into an interval where one alone gains little: the convex part of the curve).
/// - *days × everyone* (head-count problems with at most `allAgentsCells` agent-day-template cells):
///   every agent free on 2–3 consecutive days, the rest pinned: re-solves the cover of those days
///   exactly, with the runs of work and rest around them as constraints.
/// After `patience` rounds in a row without improvement the phase ends early: on large weeks GLPK
/// often cannot beat a locally optimal roster within a round, and the local search uses the time better.
struct NeighbourhoodSearch {
    let solver: any MIPSolver
    var size = 3
    var dayAgents = 8
    var windowDays = 28
    var allAgentsCells = 50_000
    var roundSeconds = 2.0
    /// Branch-and-bound nodes of one round's solves (the repeatable limit; `roundSeconds` caps the time).
    var maxNodes = SearchSettings.nodes(seconds: 2.0)
    /// Consecutive rounds without improvement after which the phase gives its time back.
    var patience = 6
    /// The same for head-count problems, whose rounds are short and whose three kinds need a few
    /// rounds each before the adaptive choice has learnt which pays.
    static let headCountPatience = 20
    /// Least time cap of a final one-agent repair (`RosterScheduler`), seconds.
    static let minimumRepairSeconds = 0.5

    private enum Kind: Int, CaseIterable { case agentsWindow, dayAgents, daysEveryone }

    /// Runs rounds until `deadline`; returns (rounds, improving rounds, and a lower bound on the cost
    /// when a neighbourhood held every agent and day, was solved to optimality, and its model is
    /// exact for the problem: no breaks, whose averaging is the one approximation of the model).
    mutating func run(on state: RosterState, deadline: ContinuousClock.Instant, rng: inout SplitMix64,
                      maxRounds: Int = .max) -> (rounds: Int, improved: Int, bound: Double?) {
        let context = state.context
        let n = context.agentCount
        let days = context.days
        var rounds = 0, improved = 0, idle = 0
        var bound: Double? = nil
        let exactModel = context.problem.templates.allSatisfy(\.breaks.isEmpty)
        let groups = Dictionary(grouping: 0..<n, by: { context.groups.groupOfAgent[$0] })
        func pick(_ k: Int) -> [Int] {
            guard k < n else { return Array(0..<n) }
            let seed = Int.random(in: 0..<n, using: &rng)
            var pool = Int.random(in: 0..<3, using: &rng) == 0 ? Array(0..<n) : groups[context.groups.groupOfAgent[seed]]!
            pool.removeAll { $0 == seed }
            pool.shuffle(using: &rng)
            var free = [seed] + pool.prefix(k - 1)
            if free.count < k { free += (0..<n).filter { !free.contains($0) }.shuffled(using: &rng).prefix(k - free.count) }
            return free.sorted()
        }
        let cells = n * days * context.problem.templates.count
        var kinds: [Kind] = [.agentsWindow]
        if size < n { kinds.append(.dayAgents) }
        if context.problem.queues.isEmpty && days > 1 && cells <= allAgentsCells { kinds.append(.daysEveryone) }
        var tried = Array(repeating: 0, count: Kind.allCases.count)
        var paid = Array(repeating: 0, count: Kind.allCases.count)
        while rounds < maxRounds {
            // A round's two solves stop at `maxNodes`, each capped at `roundSeconds` (GLPK checks the
            // clock only between nodes; building the model takes time too): start a round only when
            // 2.5 times its limit is left.
            let left = (deadline - ContinuousClock.now).inSeconds
            guard left > 2.5 * roundSeconds, !state.context.stopRequested else { break }
            let scores = kinds.map { Double(paid[$0.rawValue] + 1) / Double(tried[$0.rawValue] + 2) }
            var r = Double.random(in: 0..<scores.reduce(0, +), using: &rng)
            var kind = kinds.last!
            for (k, score) in zip(kinds, scores) {
                if r < score { kind = k; break }
                r -= score
            }
            rounds += 1
            let free: [Int]
            let window: [Int]
            switch kind {
            case .agentsWindow:
                free = pick(size)
                let length = min(days, windowDays)
                let first = Int.random(in: 0...(days - length), using: &rng)
                window = Array(first..<(first + length))
            case .dayAgents:
                free = pick(dayAgents)
                window = [Int.random(in: 0..<days, using: &rng)]
            case .daysEveryone:
                free = Array(0..<n)
                let length = min(days, Int.random(in: 2...3, using: &rng))
                let first = Int.random(in: 0...(days - length), using: &rng)
                window = Array(first..<(first + length))
            }
            let outcome = solveNeighbourhood(free: free, days: window, state: state, limit: roundSeconds)
            tried[kind.rawValue] += 1
            if outcome.improved {
                improved += 1
                paid[kind.rawValue] += 1
            }
            if free.count == n, window.count == days, exactModel, !outcome.timedOut, let b = outcome.bound {
                bound = b
                break
            }
            idle = outcome.improved ? 0 : idle + 1
            if idle >= patience { break }
            guard kind == .agentsWindow else { continue }
            if outcome.timedOut { size = max(1, size - 1) }
            else if !outcome.improved { size = min(12, size + 1) }
        }
        return (rounds, improved, bound)
    }

    /// Solves one neighbourhood (agents `free` on `days`; their other days pinned); applies the result
    /// when its exact cost is lower. Returns whether it improved, whether the solve stopped short of
    /// optimality, and the solver's lower bound on the neighbourhood's optimum (nil without a solution).
    func solveNeighbourhood(free: [Int], days: [Int], state: RosterState, limit: Double) -> (improved: Bool, timedOut: Bool, bound: Double?) {
        let fixed = state.fixedPart(free: free)
        var formulation = RosterFormulation(context: state.context, free: free, fixed: fixed)
        let current = Dictionary(uniqueKeysWithValues: free.map { ($0, state.choice[$0]) })
        let pinned = Set(0..<state.context.days).subtracting(days)
        if !pinned.isEmpty { formulation.fix(choices: current, days: pinned) }
        var startModel = formulation
        startModel.fix(choices: current)
        let completion = solver.solveBuilt(startModel.model, options: SolveOptions(timeLimitSeconds: limit, relativeGap: 1e-6,
                                                                                    maxNodes: maxNodes))
        let options = SolveOptions(timeLimitSeconds: limit, relativeGap: 1e-6,
                                   start: completion.hasSolution ? completion.values : nil, maxNodes: maxNodes)
        let solution = solver.solveBuilt(formulation.model, options: options)
        guard solution.hasSolution else {
            return (false, true, nil)
        }
        let timedOut = solution.status != .optimal
        let choices = formulation.choices(from: solution)
        var changes: [RosterState.Change] = []
        for a in free where choices[a]! != state.choice[a] {
            for d in days { changes.append(.init(agent: a, day: d, option: choices[a]![d], breaks: nil)) }
        }
        guard !changes.isEmpty, let delta = state.evaluate(changes), delta < -1e-9 else {
            state.discard()
            return (false, timedOut, solution.bound)
        }
        state.commit()
        return (true, timedOut, solution.bound)
    }
}
