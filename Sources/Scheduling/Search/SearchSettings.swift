import Foundation

/// How long and how hard to search, and the seed that makes the search repeatable.
///
/// Every phase is budgeted by work, not by the clock (`SearchBudget`): construction evaluations,
/// local-search moves, GLPK neighbourhood rounds and branch-and-bound nodes per GLPK solve. The
/// same problem, seed and thread count therefore give the same roster whenever the run finishes
/// within `timeLimitSeconds`, which stays a wall-clock cap (on a machine much slower than the
/// calibration, or a busy one, the cap cuts earlier and the run is then not repeatable).
public struct SearchSettings: Sendable, Hashable {
    /// Wall-clock cap and the unit of the default budgets, seconds.
    public var timeLimitSeconds: Double
    /// Relative gap at which a GLPK (sub)problem stops.
    public var relativeGap: Double
    public var seed: UInt64
    /// Local-search moves of each search chain; `.max` (default) derives them from the time limit.
    public var maxMoves: Int
    /// GLPK neighbourhood rounds of each chain; `.max` (default) derives them from the time limit. 0
    /// also skips the exact whole-team round of a team of up to 8 agents (`RosterScheduler`).
    public var maxNeighbourhoods: Int
    /// Independent search chains run in parallel (one thread each, seeds seed, seed+1, …); the best
    /// roster wins (ties to the lower chain). Part of what makes a run repeatable.
    public var threads: Int
    /// Ends the search early when requested (the first interrupt of a run); nil: only the deadline.
    public var stop: StopRequest? = nil
    public init(timeLimitSeconds: Double = 60, relativeGap: Double = 0.005, seed: UInt64 = 1, maxMoves: Int = .max,
                maxNeighbourhoods: Int = .max, threads: Int = 2) {
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeGap = relativeGap
        self.seed = seed
        self.maxMoves = maxMoves
        self.maxNeighbourhoods = maxNeighbourhoods
        self.threads = threads
    }

    /// Local-search moves per second of time limit on problems with queues of up to
    /// `movesPerSecondAgents` agents: calibrated on roster-60
    /// on the 2-core development machine so the moves and neighbourhoods of a run fit its limit with a
    /// margin (release build: about 58 k moves/s measured; a 60 s run makes 2.1 M moves and 6 rounds
    /// in about 45 s). The same in every build, so a seed gives the same roster in debug and release;
    /// a debug build runs the moves many times slower, so tests bound their runs by `maxMoves`.
    public static let movesPerSecond = 35_000.0
    /// Microseconds of one move on a problem without queues (head-count cover and requests only: no
    /// interval is re-allocated, the agent's row is re-checked): fixed part and per horizon day,
    /// calibrated on the Curtois instances with two chains and the LP bound sharing two cores
    /// (28 days: about 0.7–1 µs per move with 30 agents, up to 3 µs with 60 agents and 10 templates),
    /// so the budget ends the annealing at about half to all of the limit (a run cut by the clock
    /// would stop before its cold end). Mean gap on Instances 1–12 at 60 s: 0.5 + 0.1 µs/day 7.8 %,
    /// 0.3 + 0.06 4.42 %, 0.2 + 0.04 3.19 % (runs end after 25–39 s, Instances 11–12 at the cap).
    static let headCountMoveMicroseconds = (fixed: 0.2, perDay: 0.04)
    /// Problems with queues: the agent count up to which `movesPerSecond` holds; above it the rate
    /// falls as (movesPerSecondAgents / agents)^0.8. A move re-allocates every interval it touches, and
    /// the skill split's work grows with the agents on shift (`CapacityAllocator`). Measured in release
    /// with two chains, moves/s per chain of the first annealing phase (40-s runs): scale-200 20.5 k,
    /// scale-500 9.9 k, i.e. 2.07 times fewer for 2.5 times the agents (exponent 0.79). This rate gives
    /// 16.5 k and 7.9 k, so the moves take about 80 % of the time the chains have at both sizes. With
    /// the rate fixed at `movesPerSecond` the 500-agent week's first phase was cut by the clock at a
    /// third of its moves, at 3 contacts of temperature instead of 0.1.
    static let movesPerSecondAgents = 78.0
    /// GLPK branch-and-bound nodes per second of a solve's time share (`SolveOptions.maxNodes`),
    /// calibrated like `movesPerSecond` with a margin of two (GLPK is the same C library in every
    /// build; neighbourhood and small exact models: 100–150 nodes/s measured).
    public static let nodesPerSecond = 50.0
    /// One neighbourhood round per this many seconds of the time limit (problems with queues: their
    /// rounds take 1–3 s; head-count problems: 0.1–0.5 s).
    static let secondsPerNeighbourhood = (queues: 5.0, headCount: 1.0)
    /// Share of the move budget the construction may spend on priced candidates, and the floor below
    /// which it is never cut (a full construction of a small team costs fewer evaluations than that).
    /// The share is of the budget before the per-agent scaling (`movesPerSecondAgents`): a large team
    /// needs more candidates priced, not fewer (scale-500 at 90 s: 472 k evaluations, 14.6 s, every
    /// agent complete; with the scaled budget, 57 k, the construction was cut and left 669 k of
    /// shortfall that the run could not repair in time).
    static let constructionShare = 0.15
    static let constructionFloor = 20_000

    /// The work budgets of a run of `problem` (per chain).
    public func budget(for problem: RosterProblem) -> SearchBudget {
        let base = problem.queues.isEmpty
            ? 1e6 / (Self.headCountMoveMicroseconds.fixed + Self.headCountMoveMicroseconds.perDay * Double(problem.grid.days))
            : Self.movesPerSecond
        let rate = problem.queues.isEmpty ? base : base * min(1, pow(Self.movesPerSecondAgents / Double(max(1, problem.agents.count)), 0.8))
        let moves = maxMoves != .max ? maxMoves : max(1, Int(timeLimitSeconds * rate))
        let period = problem.queues.isEmpty ? Self.secondsPerNeighbourhood.headCount : Self.secondsPerNeighbourhood.queues
        let rounds = maxNeighbourhoods != .max ? maxNeighbourhoods : max(1, Int(timeLimitSeconds / period))
        return SearchBudget(moves: moves, neighbourhoods: rounds,
                            constructionEvaluations: max(Self.constructionFloor, Int(Double(max(1, Int(timeLimitSeconds * base))) * Self.constructionShare)))
    }

    /// Teams of up to this many agents get one GLPK round over the whole team before the chains: the
    /// exact model, within `exactModelSeconds` (skipped with `maxNeighbourhoods == 0`, which keeps such
    /// a run free of GLPK time limits).
    static let exactModelMaxAgents = 8
    /// Node limit and time cap of the exact whole-team round, seconds: a third of the time limit.
    var exactModelSeconds: Double { timeLimitSeconds / 3 }
    /// Share of the time limit within which the repairs after the construction (new rows, then each
    /// short agent's contract MIP) and the LP service bound (`ServiceBound`) run: a quarter, so the
    /// search chains keep most of the run.
    static let repairShare = 0.25
    static let serviceBoundShare = 0.25
    /// Seconds of the time limit the repairs after the construction may use.
    var repairSeconds: Double { timeLimitSeconds * Self.repairShare }
    /// Seconds of the time limit the LP service bound may use.
    var serviceBoundSeconds: Double { timeLimitSeconds * Self.serviceBoundShare }
    /// Time the chains leave for restoring the best state, checking and projecting the roster:
    /// `fixedSeconds + secondsPerAgent · agents`, at most `maxShare` of the time limit (about 2 ms per
    /// agent measured on scale-500, plus a fixed part).
    static let finishReserve = (fixedSeconds: 0.5, secondsPerAgent: 0.002, maxShare: 0.1)
    /// `finishReserve` for a team of `agents`, seconds.
    func finishReserveSeconds(agents: Int) -> Double {
        min(Self.finishReserve.maxShare * timeLimitSeconds, Self.finishReserve.fixedSeconds + Self.finishReserve.secondsPerAgent * Double(agents))
    }
    /// How far past the time limit the final repairs of agents still short of a priced rule may run:
    /// max(`minimumSeconds`, `share` · time limit) (a roster beats none; only when the search ended
    /// short, e.g. a construction cut by the clock on a loaded machine).
    static let repairOverrun = (minimumSeconds: 1.0, share: 0.1)
    /// `repairOverrun` for this time limit, seconds.
    var repairOverrunSeconds: Double { max(Self.repairOverrun.minimumSeconds, Self.repairOverrun.share * timeLimitSeconds) }

    /// Node limit of a GLPK solve given `seconds` of the time limit.
    static func nodes(seconds: Double) -> Int { max(1, Int(seconds * nodesPerSecond)) }
}

/// Work budgets of one search chain (`SearchSettings.budget(for:)`).
public struct SearchBudget: Sendable, Hashable {
    /// Local-search moves (split between the phases before and after the neighbourhoods).
    public var moves: Int
    /// GLPK neighbourhood rounds.
    public var neighbourhoods: Int
    /// Priced candidates of the construction (`GreedyConstruction`).
    public var constructionEvaluations: Int
}
