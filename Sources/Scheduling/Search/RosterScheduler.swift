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
    /// A valid lower bound on that objective: the largest of `costBound` at the service bound, the
    /// background bound when it finished, the exact model's on tiny teams and the row master's on
    /// small head-count teams, each checked against the roster's objective (a bound above it is
    /// invalid: dropped, with a line in `warnings`). −∞ when none survived.
    public var bound: Double
    /// Upper bound on contacts answered within threshold that any roster can reach (`ServiceBound`),
    /// nil when it was dropped for lying below the roster's own answered contacts (see `warnings`).
    public var serviceBound: ServiceBound?
    public var answeredBound: Double { serviceBound?.answered ?? .infinity }
    /// Bounds found invalid and dropped (a bug in a bound, reported rather than hidden).
    public var warnings: [String] = []
    public var seconds: Double
    /// Which rules had to move for which agents and days, when `status == .infeasible`.
    public var conflicts: [RuleConflict]
    /// Every rule's violations and penalty in the returned roster (empty without a roster).
    public var rules: [RuleOutcome]
    public var statistics: SearchStatistics

    public var gap: Double { roster == nil ? .infinity : abs(objective - bound) / max(1, abs(objective)) }
}

/// Counters of one run, for benchmarks and reports.
public struct SearchStatistics: Sendable, Hashable {
    public var greedySeconds = 0.0
    public var localSearchMoves = 0
    public var neighbourhoodsSolved = 0
    public var neighbourhoodsImproved = 0
    /// Seconds of the background bound (`BackgroundBound`: the LP relaxation or the head-count bound).
    public var boundSeconds = 0.0
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
    ///
    /// Phases (`ScheduleRun`, settings in `SearchSettings`): a lower bound starts on its own thread
    /// (`BackgroundBound`); greedy construction (bounded work); the LP service bound (`ServiceBound`)
    /// starts on its own thread within `serviceBoundSeconds`; agents the construction left short of a
    /// minimum are repaired within `repairSeconds` (a new row, then their contract-only MIP: no week
    /// at all means the rules collide: explained, no roster); a team of up to `exactModelMaxAgents`
    /// gets the exact model (`exactModelSeconds`); `threads` chains search in parallel from that
    /// start (`SearchChains`: local search, GLPK neighbourhoods, local search; the best chain wins),
    /// leaving `finishReserveSeconds` and, on small head-count problems, the row master's share
    /// (`RowMaster.reserveShare`); agents still short of a priced rule are repaired again, up to
    /// `repairOverrunSeconds` past the limit (an agent whose contract admits no row makes the run
    /// infeasible, explained); then the independent rule check, the projected service and the bounds
    /// that survive the check against the objective. Budgets are work, not time
    /// (`SearchSettings.budget(for:)`): the deadline only caps every phase.
    public func schedule(_ problem: RosterProblem) throws -> ScheduleResult {
        try problem.validate()
        var run = ScheduleRun(problem: problem, solver: solver, progress: progress)
        let serviceTask = run.startServiceBound()
        let early = run.repairConstruction()
        if !early.isEmpty { return run.failure(.infeasible, conflicts: early) }
        run.solveExactModel()
        if run.gap > problem.search.relativeGap { run.search() }
        if run.state.totalDeficit > 0 {
            let late = run.repairShortAgents()
            if !late.isEmpty { return run.failure(.infeasible, conflicts: late) }
        }
        return run.finish(serviceTask: serviceTask)
    }

    /// The largest of `bounds` at most `objective` (−∞ when none), and one warning for each bound
    /// above it: a lower bound above a rule-abiding roster's cost is wrong, so it is dropped and
    /// reported, never used to claim optimality (tolerance 10⁻⁹ relative, for rounding).
    static func validBound(_ bounds: [(source: String, value: Double)], objective: Double) -> (bound: Double, warnings: [String]) {
        let tolerance = 1e-9 * max(1, abs(objective))
        var bound = -Double.infinity
        var warnings: [String] = []
        for b in bounds {
            if b.value > objective + tolerance {
                warnings.append(String(format: "%@ %.4f above the roster's objective %.4f: invalid, dropped", b.source as NSString, b.value, objective))
            } else {
                bound = max(bound, b.value)
            }
        }
        return (bound, warnings)
    }

    /// Lower bound on the cost at a valid service bound (every other term of the objective is ≥ 0,
    /// weights being ≥ 0): unanswered contacts at least (contacts − service.answered); the shortfall
    /// Σ_q max(0, target_q − answered_q) at least Σ_q max(0, target_q − perQueue_q) over the queues
    /// with a per-queue bound (the others add ≥ 0), and at least max(0, Σ target − service.answered) (convexity); paid
    /// hours at least every agent's max(horizon minimum, Σ over the horizon's week blocks of the
    /// block's weekly minimum, `Contract.weekMinutesMin(in:)`), each block holding the weekly rule.
    static func costBound(context: SchedulingContext, service: ServiceBound) -> Double {
        let k = context.coefficients
        let queues = context.problem.queues
        let contacts = queues.reduce(0) { $0 + $1.volume }
        let minimumMinutes = context.contracts.reduce(0.0) { total, c in
            total + Double(max(c.horizonMinutesMin, context.weeks.reduce(0) { $0 + c.weekMinutesMin(in: $1) }))
        }
        let target = queues.reduce(0) { $0 + $1.serviceLevelTarget * $1.volume }
        let perQueue = zip(queues, service.perQueue).reduce(0.0) { sum, pair in
            guard let b = pair.1 else { return sum }
            return sum + max(0, pair.0.serviceLevelTarget * pair.0.volume - b)
        }
        let shortfall = max(target - service.answered, perQueue, 0)
        return k.unanswered * max(0, contacts - service.answered) + k.paidHour * minimumMinutes / 60 + k.shortfall * shortfall
    }
}

/// One run of `RosterScheduler.schedule`: its clock, budgets, roster and the bounds found so far,
/// with one method per phase (in the order the scheduler calls them).
private struct ScheduleRun {
    let problem: RosterProblem
    let solver: any MIPSolver
    let settings: SearchSettings
    let context: SchedulingContext
    let budget: SearchBudget
    let clock: ContinuousClock.Instant
    /// The time limit's end: every phase stops by it, except the final repairs (`repairOverrunSeconds`).
    let deadline: ContinuousClock.Instant
    let state: RosterState
    /// Whether the construction ran to its end (else the clock cut it).
    let constructed: Bool
    let background: BackgroundTask<Double?>?
    let planner: RowPlanner
    let explanation: InfeasibilityExplanation
    var statistics = SearchStatistics()
    /// The capacity bound, replaced by the LP service bound when that finishes (`finish`).
    var serviceBound: ServiceBound
    /// The best lower bound so far (reported with the progress), and every bound by source, checked
    /// against the final objective before one is reported.
    var bound: Double
    var bounds: [(source: String, value: Double)]
    /// Sendable, so the search chains can report from their threads (with the bound as it was then).
    let emit: @Sendable (String, Double?, Double) -> Void

    /// Starts the background bound (`startBackgroundBound`), builds the first roster (greedy
    /// construction, bounded work) and then the capacity bound, so that the bounds do not slow the one
    /// phase every roster needs.
    init(problem: RosterProblem, solver: any MIPSolver, progress: (@Sendable (ScheduleProgress) -> Void)?) {
        self.problem = problem
        self.solver = solver
        settings = problem.search
        budget = settings.budget(for: problem)
        let clock = ContinuousClock.now
        self.clock = clock
        deadline = clock + Self.milliseconds(settings.timeLimitSeconds)
        context = SchedulingContext(problem: problem)
        emit = { stage, cost, bound in
            progress?(ScheduleProgress(stage: stage, incumbent: cost, bound: bound, elapsedSeconds: (ContinuousClock.now - clock).inSeconds))
        }
        background = Self.startBackgroundBound(context: context, solver: solver, settings: settings, clock: clock)
        state = RosterState(context: context)
        constructed = GreedyConstruction.run(on: state, deadline: deadline, maxEvaluations: budget.constructionEvaluations)
        statistics.greedySeconds = (ContinuousClock.now - clock).inSeconds
        serviceBound = ServiceBound(capacity: CapacityBound(context: context))
        bound = RosterScheduler.costBound(context: context, service: serviceBound)
        bounds = [("capacity bound", bound)]
        planner = RowPlanner(context: context, rules: state.rules)
        explanation = InfeasibilityExplanation(context: context, solver: solver)
        emit("greedy", state.cost, bound)
    }

    static func milliseconds(_ seconds: Double) -> Duration { .milliseconds(Int(seconds * 1000)) }

    func elapsed() -> Double { (ContinuousClock.now - clock).inSeconds }
    func report(_ stage: String, _ cost: Double?) { emit(stage, cost, bound) }
    /// The relative gap of the current roster to the best bound so far.
    var gap: Double { abs(state.cost - bound) / max(1, abs(state.cost)) }

    func failure(_ status: SolveStatus, conflicts: [RuleConflict] = [], violations: [RuleViolation] = []) -> ScheduleResult {
        if status == .infeasible { report("infeasible", nil) }
        return ScheduleResult(status: status, roster: nil, violations: violations, service: nil, objective: .nan, bound: bound,
                              serviceBound: serviceBound, seconds: elapsed(), conflicts: conflicts, rules: [], statistics: statistics)
    }

    /// The lower bound on its own thread: on head-count problems the Lagrangian `HeadCountBound`
    /// within `BackgroundBound.headCountShare` of the limit; else the LP relaxation of models up to
    /// `BackgroundBound.maxShiftVariables` shift variables (larger LPs do not finish in time with
    /// GLPK and would only slow the search); nil otherwise.
    static func startBackgroundBound(context: SchedulingContext, solver: any MIPSolver, settings: SearchSettings,
                                     clock: ContinuousClock.Instant) -> BackgroundTask<Double?>? {
        let shiftVariables = context.catalog.allowed.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } }
        if BackgroundBound.headCountApplies(to: context) {
            return BackgroundBound.headCount(context: context, deadline: clock + milliseconds(settings.timeLimitSeconds * BackgroundBound.headCountShare))
        } else if shiftVariables <= BackgroundBound.maxShiftVariables {
            return BackgroundBound.lp(context: context, solver: solver, timeLimit: settings.timeLimitSeconds)
        }
        return nil
    }

    /// The LP service bound (GLPK) on its own thread within `serviceBoundSeconds`.
    func startServiceBound() -> BackgroundTask<ServiceBound> {
        let context = context, solver = solver, seconds = settings.serviceBoundSeconds
        return BackgroundTask { ServiceBound(context: context, solver: solver, deadline: .now + Self.milliseconds(seconds)) }
    }

    /// Agents the construction left short get a whole new row (`RowPlanner`), then, when the
    /// construction ran to its end, their own contract MIP (a week from it repairs them; no week at
    /// all means the rules collide: the conflicts returned); both within `repairSeconds` (the search
    /// and the final repairs complete the rest).
    func repairConstruction() -> [RuleConflict] {
        let repairEnd = clock + Self.milliseconds(settings.repairSeconds)
        for a in 0..<context.agentCount where state.shortfall(agent: a) > 0 && ContinuousClock.now < repairEnd {
            planner.replan(agent: a, in: state)
        }
        report("rows", state.cost)
        guard constructed else { return [] }
        var conflicts: [RuleConflict] = []
        for a in 0..<context.agentCount where state.shortfall(agent: a) > 0 {
            let left = (repairEnd - ContinuousClock.now).inSeconds
            guard left > 0 else { break }
            switch explanation.week(agent: a, seconds: min(InfeasibilityExplanation.weekSeconds, left)) {
            case .feasible(let week):
                if state.evaluate((0..<context.days).map { .init(agent: a, day: $0, option: week[$0], breaks: nil) }) != nil {
                    state.commit()
                }
            case .infeasible:
                conflicts += explanation.conflicts(agent: a)
            case .unknown:
                break   // the shortfall stays priced; the search or the final repair may still remove it
            }
        }
        return conflicts
    }

    /// A team of up to `SearchSettings.exactModelMaxAgents` agents gets one exact round over the
    /// whole team (a neighbourhood round: `maxNeighbourhoods == 0` skips it), node-limited for
    /// `exactModelSeconds`; its bound joins `bounds` when the round proved it.
    mutating func solveExactModel() {
        guard context.agentCount <= SearchSettings.exactModelMaxAgents && settings.maxNeighbourhoods > 0 else { return }
        var lns = NeighbourhoodSearch(solver: solver)
        lns.size = context.agentCount
        lns.roundSeconds = settings.exactModelSeconds
        lns.maxNodes = SearchSettings.nodes(seconds: lns.roundSeconds)
        var rng = SplitMix64(seed: settings.seed)
        let r = lns.run(on: state, deadline: deadline, rng: &rng, maxRounds: 1)
        statistics.neighbourhoodsSolved += r.rounds
        statistics.neighbourhoodsImproved += r.improved
        if let b = r.bound {
            bounds.append(("exact model", b))
            bound = max(bound, b)
        }
        report("exact model", state.cost)
    }

    /// `SearchSettings.threads` chains search in parallel from `state` (`SearchChains`); the best
    /// chain is loaded into `state`. They stop `finishReserveSeconds` before the deadline, and on small
    /// head-count problems (`RowMaster.applies`) also leave `RowMaster.reserveShare` of the limit to
    /// the row master (price and branch over whole rows, with its own bound).
    mutating func search() {
        let reserve = settings.finishReserveSeconds(agents: context.agentCount)
        let master = RowMaster.applies(to: context)
        let masterReserve = master ? RowMaster.reserveShare * settings.timeLimitSeconds : 0
        let chains = SearchChains(solver: solver, budget: budget, deadline: deadline - Self.milliseconds(reserve + masterReserve),
                                  threads: max(1, settings.threads))
        let b = bound, emit = emit
        let best = chains.run(from: state, seed: settings.seed) { emit($0, $1, b) }
        statistics.localSearchMoves += best.moves
        statistics.neighbourhoodsSolved += best.rounds
        statistics.neighbourhoodsImproved += best.improved
        report("search", state.cost)
        if master {
            let rows = RowMaster(solver: solver).improve(state, deadline: deadline - Self.milliseconds(reserve))
            if let b = rows.bound { bounds.append(("row master", b)) }
            report("rows master", state.cost)
        }
    }

    /// Agents still short of a priced rule get a new row (`RowPlanner`), else an exact one-agent
    /// neighbourhood (all days, everyone else fixed), up to `repairOverrunSeconds` past the deadline;
    /// returns the conflicts of those short even then whose contract admits no row at all.
    func repairShortAgents() -> [RuleConflict] {
        let repairDeadline = deadline + Self.milliseconds(settings.repairOverrunSeconds)
        let repair = NeighbourhoodSearch(solver: solver)
        for a in 0..<context.agentCount where state.shortfall(agent: a) > 0 && ContinuousClock.now < repairDeadline {
            if planner.replan(agent: a, in: state) && state.shortfall(agent: a) == 0 { continue }
            _ = repair.solveNeighbourhood(free: [a], days: Array(0..<context.days), state: state,
                                          limit: max(NeighbourhoodSearch.minimumRepairSeconds, (repairDeadline - ContinuousClock.now).inSeconds / 2))
        }
        report("repair", state.cost)
        var conflicts: [RuleConflict] = []
        for a in 0..<context.agentCount where state.shortfall(agent: a) > 0 && ContinuousClock.now < repairDeadline {
            let left = (repairDeadline - ContinuousClock.now).inSeconds
            if case .infeasible = explanation.week(agent: a, seconds: min(InfeasibilityExplanation.weekSeconds, left)) {
                conflicts += explanation.conflicts(agent: a, seconds: min(InfeasibilityExplanation.conflictSeconds, max(1, left)))
            }
        }
        return conflicts
    }

    /// The result of a run that ended with `state`: the roster checked independently, its projected
    /// service, and the bounds that survive the check against the objective (`validBound`), the
    /// background and service bounds collected now (waiting for them until the deadline at most).
    mutating func finish(serviceTask: BackgroundTask<ServiceBound>) -> ScheduleResult {
        guard state.totalDeficit == 0 else { return failure(.noSolution) }
        let roster = state.roster()
        let violations = RuleChecker(problem: problem).violations(of: roster)
        guard violations.isEmpty else { return failure(.noSolution, violations: violations) }
        let service = ProjectedService(roster: roster, context: context)
        if let background, let value = background.result(waitingUntil: deadline) ?? nil {
            bounds.append((BackgroundBound.headCountApplies(to: context) ? "head-count bound" : "LP relaxation", value))
            statistics.boundSeconds = background.seconds
        }
        if let lp = serviceTask.result(waitingUntil: deadline) { serviceBound = lp }
        report(String(format: "service bound (%@) %.1f of %.1f contacts", serviceBound.method as NSString, serviceBound.answered,
                      service.queues.reduce(0) { $0 + $1.contacts }), state.cost)
        var warnings: [String] = []
        let checkedService = Self.checked(serviceBound, against: service, warnings: &warnings)
        if let checkedService { bounds.append(("service bound", RosterScheduler.costBound(context: context, service: checkedService))) }
        let objective = state.cost
        let checked = RosterScheduler.validBound(bounds, objective: objective)
        bound = checked.bound
        warnings += checked.warnings
        let gap = abs(objective - bound) / max(1, abs(objective))
        report("done", objective)
        return ScheduleResult(status: gap <= settings.relativeGap ? .optimal : .feasible, roster: roster, violations: [],
                              service: service, objective: objective, bound: bound, serviceBound: checkedService,
                              warnings: warnings, seconds: elapsed(), conflicts: [],
                              rules: RuleOutcome.outcomes(roster: roster, service: service, violations: violations, problem: problem),
                              statistics: statistics)
    }

    /// `serviceBound` without what lies below the roster's own answered contacts (overall: dropped
    /// whole; per queue: that queue's figure dropped), one warning for each (tolerance 10⁻⁶ of the
    /// contacts, for rounding).
    static func checked(_ serviceBound: ServiceBound, against service: ProjectedService, warnings: inout [String]) -> ServiceBound? {
        let tolerance = 1e-6 * max(1, service.queues.reduce(0) { $0 + $1.contacts })
        if service.answeredWithinThreshold > serviceBound.answered + tolerance {
            warnings.append(String(format: "service bound %.3f (%@) below the roster's %.3f answered contacts: invalid, dropped",
                                   serviceBound.answered, serviceBound.method as NSString, service.answeredWithinThreshold))
            return nil
        }
        var checked = serviceBound
        for (q, week) in service.queues.enumerated() {
            if let b = serviceBound.perQueue[q], week.answeredWithinThreshold > b + tolerance {
                warnings.append(String(format: "service bound of queue %@ %.3f below the roster's %.3f: invalid, dropped",
                                       week.queueID as NSString, b, week.answeredWithinThreshold))
                checked.perQueue[q] = nil
            }
        }
        return checked
    }
}
