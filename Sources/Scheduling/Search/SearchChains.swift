import Foundation
import MIP

/// Independent search chains from one start, one thread each (`SearchSettings.threads`).
///
/// Chain i runs with seed `seed + i`: local search on half the move budget, GLPK neighbourhoods
/// (`NeighbourhoodSearch`, its own GLPK problems on its own thread: GLPK keeps its environment per
/// thread), local search on the other half, then, on long head-count horizons, sweeps of whole-row
/// re-plans (`sweepRows`). Every chain is repeatable on its own (work budgets), and
/// the winner is the lowest cost, ties to the lower chain, so the result depends on the seed and
/// the thread count only. Independent restarts pay on rugged problems (the Curtois instances
/// spread by several per cent between seeds) and use the second core the single chain left idle.
struct SearchChains {
    let solver: any MIPSolver
    let budget: SearchBudget
    let deadline: ContinuousClock.Instant
    let threads: Int

    /// Work done by all chains together (the winner is loaded into the start state).
    struct Outcome {
        var moves = 0
        var rounds = 0
        var improved = 0
    }

    private struct ChainResult: Sendable {
        var choice: [[Int]]
        var breaks: [[[Int]]]
        var cost: Double
        var moves: Int
        var rounds: Int
        var improved: Int
    }

    private final class Results: @unchecked Sendable {
        let lock = NSLock()
        var items: [Int: ChainResult] = [:]
        func set(_ i: Int, _ r: ChainResult) { lock.withLock { items[i] = r } }
    }

    /// Sweeps of whole-row re-plans after the annealing, at most this many (each ends early when
    /// one sweep improved nothing).
    static let maxRowSweeps = 4
    /// The sweeps run on head-count problems longer than this many days only: measured to pay on
    /// half-year rows (Curtois Instance20 at 60 s: 11,407 → 8,922), to find nothing on 14–28-day
    /// instances (Instances 6 and 9: same objectives); with queues a sweep prices service per option
    /// and day, slow enough that the clock would cut it and the run would no longer repeat.
    static let sweepDaysAbove = 28

    /// Re-plans every agent's row against the others (`RowPlanner.replan`), agents in a random order,
    /// sweep after sweep while a sweep improves: a neighbourhood of a whole row at once, which the
    /// annealing's day and block moves cannot reach (a rest day moved across a week with its runs).
    static func sweepRows(_ state: RosterState, rng: inout SplitMix64, deadline: ContinuousClock.Instant) {
        let planner = RowPlanner(context: state.context, rules: state.rules)
        for _ in 0..<maxRowSweeps {
            var improved = false
            for a in (0..<state.context.agentCount).shuffled(using: &rng) where ContinuousClock.now < deadline && !state.context.stopRequested {
                if planner.replan(agent: a, in: state) { improved = true }
            }
            if !improved { break }
        }
    }

    /// Runs the chains from `start` and loads the winner into `start`; `report(stage, cost)` receives
    /// the progress of chain 0.
    func run(from start: RosterState, seed: UInt64, report: @escaping @Sendable (String, Double) -> Void) -> Outcome {
        let context = start.context
        let choice = start.choice, breaks = start.breakStarts
        let results = Results()
        let solver = self.solver, budget = self.budget, deadline = self.deadline
        DispatchQueue.concurrentPerform(iterations: threads) { i in
            let state = RosterState(context: context)
            state.load(choice: choice, breaks: breaks)
            var rng = SplitMix64(seed: seed &+ UInt64(i))
            let search = LocalSearch.tuned(for: context.problem)
            let progress: ((Double) -> Void)? = i == 0 ? { report("local search", $0) } : nil
            var moves = search.run(on: state, deadline: deadline, maxMoves: budget.moves / 2, rng: &rng, progress: progress)
            var lns = NeighbourhoodSearch(solver: solver)
            if context.problem.queues.isEmpty { lns.patience = NeighbourhoodSearch.headCountPatience }
            let r = lns.run(on: state, deadline: deadline, rng: &rng, maxRounds: budget.neighbourhoods)
            if i == 0 { report("neighbourhoods", state.cost) }
            moves += search.run(on: state, deadline: deadline, maxMoves: budget.moves - budget.moves / 2, rng: &rng, progress: progress)
            if context.problem.queues.isEmpty && context.days > Self.sweepDaysAbove {
                Self.sweepRows(state, rng: &rng, deadline: deadline)
                if i == 0 { report("rows", state.cost) }
            }
            results.set(i, ChainResult(choice: state.choice, breaks: state.breakStarts, cost: state.cost, moves: moves,
                                       rounds: r.rounds, improved: r.improved))
        }
        let all = (0..<threads).compactMap { results.items[$0] }
        let best = all.enumerated().min { ($0.element.cost, $0.offset) < ($1.element.cost, $1.offset) }!.element
        start.load(choice: best.choice, breaks: best.breaks)
        return Outcome(moves: all.reduce(0) { $0 + $1.moves }, rounds: all.reduce(0) { $0 + $1.rounds },
                       improved: all.reduce(0) { $0 + $1.improved })
    }
}
