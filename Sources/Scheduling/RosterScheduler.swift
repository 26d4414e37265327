import Foundation
import MIP

/// A progress report of a running schedule, for stderr.
public struct ScheduleProgress: Sendable {
    public var stage: String
    /// Current cost (contacts) and the bound on it, when known.
    public var incumbent: Double?
    public var bound: Double?
    public var elapsedSeconds: Double
    public var gap: Double? {
        guard let incumbent, let bound else { return nil }
        return abs(incumbent - bound) / max(1, abs(incumbent))
    }
}

/// The answer of one scheduling run.
public struct ScheduleResult: Sendable {
    /// `optimal` (gap within the requested gap), `feasible` (roster with a gap), `infeasible`
    /// (hard rules collide: see `conflicts`, no roster), `noSolution` (no rule-abiding roster found in time).
    public var status: SolveStatus
    public var roster: Roster?
    /// Hard-rule violations the independent checker found in `roster` (empty for a returned roster).
    public var violations: [RuleViolation]
    public var service: ProjectedService?
    /// Objective of the roster in contacts (the mode's cost, `ObjectiveCoefficients`).
    public var objective: Double
    /// A valid lower bound on that objective (from `CapacityBound` and, when solved, the LP relaxation).
    public var bound: Double
    /// Upper bound on contacts answered within threshold that any roster can reach.
    public var answeredBound: Double
    public var seconds: Double
    /// Which rules had to move for which agents and days, when `status == .infeasible`.
    public var conflicts: [RuleConflict]
    public var statistics: SearchStatistics

    public var gap: Double { roster == nil ? .infinity : abs(objective - bound) / max(1, abs(objective)) }
}

/// Counters of one run, for benchmarks and reports.
public struct SearchStatistics: Sendable, Hashable {
    public var greedySeconds = 0.0
    public var localSearchMoves = 0
    public var neighbourhoodsSolved = 0
    public var neighbourhoodsImproved = 0
    public var lpBoundSeconds = 0.0
    public init() {}
}

/// Builds a weekly roster: validate → greedy construction → local search and GLPK neighbourhoods
/// → decode → independent rule check → projected service. The `solver` (GLPK in production)
/// solves the neighbourhood sub-problems, the LP bound and the infeasibility explanation.
public struct RosterScheduler: Sendable {
    public var solver: any MIPSolver
    public var progress: (@Sendable (ScheduleProgress) -> Void)?

    public init(solver: any MIPSolver, progress: (@Sendable (ScheduleProgress) -> Void)? = nil) {
        self.solver = solver
        self.progress = progress
    }

    /// Throws `DiagnosticError` for invalid input; every solver outcome is in the result.
    public func schedule(_ problem: RosterProblem) throws -> ScheduleResult {
        try problem.validate()
        let clock = ContinuousClock.now
        let settings = problem.search
        let deadline = clock + .milliseconds(Int(settings.timeLimitSeconds * 1000))
        func elapsed() -> Double { seconds(ContinuousClock.now - clock) }
        let context = SchedulingContext(problem: problem)
        var statistics = SearchStatistics()
        let capacityBound = CapacityBound(problem: problem, tables: context.tables)
        var answeredBound = capacityBound.answered
        let state = RosterState(context: context)
        GreedyConstruction.run(on: state, deadline: deadline)
        statistics.greedySeconds = elapsed()
        var bound = costBound(context: context, answeredBound: answeredBound)
        progress?(ScheduleProgress(stage: "greedy", incumbent: state.cost, bound: bound, elapsedSeconds: elapsed()))
        var rng = SplitMix64(seed: settings.seed)
        statistics.localSearchMoves = LocalSearch().run(on: state, deadline: deadline, maxMoves: settings.maxMoves, rng: &rng)
        progress?(ScheduleProgress(stage: "local search", incumbent: state.cost, bound: bound, elapsedSeconds: elapsed()))

        let roster = state.roster()
        let violations = RuleChecker(problem: problem).violations(of: roster)
        guard violations.isEmpty else {
            return ScheduleResult(status: .noSolution, roster: nil, violations: violations, service: nil, objective: .nan,
                                  bound: bound, answeredBound: answeredBound, seconds: elapsed(), conflicts: [], statistics: statistics)
        }
        let service = ProjectedService(roster: roster, context: context)
        answeredBound = max(answeredBound, service.answeredWithinThreshold)
        bound = costBound(context: context, answeredBound: answeredBound)
        let objective = state.cost
        let gap = abs(objective - bound) / max(1, abs(objective))
        return ScheduleResult(status: gap <= settings.relativeGap ? .optimal : .feasible, roster: roster, violations: [],
                              service: service, objective: objective, bound: bound, answeredBound: answeredBound,
                              seconds: elapsed(), conflicts: [], statistics: statistics)
    }

    /// Lower bound on the cost: unanswered contacts at least (contacts − answeredBound), shortfall at
    /// least its value at answeredBound spread best, paid hours at least every contract's weekly minimum.
    func costBound(context: SchedulingContext, answeredBound: Double) -> Double {
        let k = context.coefficients
        let contacts = context.problem.queues.reduce(0) { $0 + $1.volume }
        let minimumHours = Double(context.contracts.reduce(0) { $0 + $1.weekMinutesMin }) / 60
        let target = context.problem.queues.reduce(0) { $0 + $1.serviceLevelTarget * $1.volume }
        return k.unanswered * max(0, contacts - answeredBound) + k.paidHour * minimumHours
            + k.shortfall * max(0, target - answeredBound)
    }
}
