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
    /// Phases: a lower bound starts on its own thread (`BackgroundBound`: on head-count problems the
    /// Lagrangian `HeadCountBound` within a quarter of the limit; else the LP relaxation of models up
    /// to `BackgroundBound.maxShiftVariables` shift variables, larger LPs do not finish in time with
    /// GLPK and would only slow the search);
    /// greedy construction (bounded work), after which the service bound (`ServiceBound`, GLPK LP)
    /// starts on its own thread within a quarter of the limit; agents it left short of a minimum get a whole new row
    /// (`RowPlanner`), and, when the construction ran to its end, those still short their own
    /// contract-only MIP (a week from it repairs them; no week at all means the rules collide:
    /// explained, no roster), both within a quarter of the limit. Tiny problems (≤ 8 agents) then
    /// get one neighbourhood holding every agent, i.e. the exact model (node limit for a third of
    /// the time limit). Then
    /// `SearchSettings.threads` chains search in parallel from that start, each with its own seed:
    /// local search (half the move budget), GLPK neighbourhoods (they stop early when idle), local
    /// search again (the rest); the best chain wins. On small head-count problems (`RowMaster.applies`)
    /// the chains leave the last quarter of the limit to the row master
    /// (price and branch over whole rows, with its own bound). Agents still short of a priced rule then get a
    /// new row (`RowPlanner`), else an exact one-agent neighbourhood (all days, everyone else fixed;
    /// these repairs may overrun the limit by max(1 s, 10 %)); an agent short even then whose
    /// contract admits no row at all makes the run infeasible (explained). Budgets are work, not time
    /// (`SearchSettings.budget(for:)`): the deadline only caps every phase.
    public func schedule(_ problem: RosterProblem) throws -> ScheduleResult {
        try problem.validate()
        let clock = ContinuousClock.now
        let settings = problem.search
        let budget = settings.budget(for: problem)
        let deadline = clock + .milliseconds(Int(settings.timeLimitSeconds * 1000))
        func elapsed() -> Double { (ContinuousClock.now - clock).inSeconds }
        let context = SchedulingContext(problem: problem)
        var statistics = SearchStatistics()
        let shiftVariables = context.catalog.allowed.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } }
        let background: BackgroundTask<Double?>?
        if BackgroundBound.headCountApplies(to: context) {
            let end = clock + .milliseconds(Int(settings.timeLimitSeconds * BackgroundBound.headCountShare * 1000))
            background = BackgroundBound.headCount(context: context, deadline: end)
        } else if shiftVariables <= BackgroundBound.maxShiftVariables {
            background = BackgroundBound.lp(context: context, solver: solver, timeLimit: settings.timeLimitSeconds)
        } else {
            background = nil
        }
        let state = RosterState(context: context)
        let constructed = GreedyConstruction.run(on: state, deadline: deadline, maxEvaluations: budget.constructionEvaluations)
        statistics.greedySeconds = elapsed()
        // The bounds after the construction, so that they do not slow the one phase every roster needs.
        let capacity = CapacityBound(context: context)
        var serviceBound = ServiceBound(capacity: capacity)
        var bound = costBound(context: context, service: serviceBound)
        // Lower bounds by source, checked against the final objective before one is reported.
        var bounds: [(source: String, value: Double)] = [("capacity bound", bound)]
        let progress = self.progress
        // Sendable, so the search chains can report from their threads (with the bound as it was then).
        let emit: @Sendable (String, Double?, Double) -> Void = { stage, cost, bound in
            progress?(ScheduleProgress(stage: stage, incumbent: cost, bound: bound, elapsedSeconds: (ContinuousClock.now - clock).inSeconds))
        }
        func report(_ stage: String, _ cost: Double?) { emit(stage, cost, bound) }
        func failure(_ status: SolveStatus, conflicts: [RuleConflict] = [], violations: [RuleViolation] = []) -> ScheduleResult {
            ScheduleResult(status: status, roster: nil, violations: violations, service: nil, objective: .nan, bound: bound,
                           serviceBound: serviceBound, seconds: elapsed(), conflicts: conflicts, rules: [], statistics: statistics)
        }
        report("greedy", state.cost)
        // The LP service bound (GLPK) on its own thread within a quarter of the limit.
        let serviceTask = BackgroundTask { [solver] in
            ServiceBound(context: context, solver: solver, deadline: .now + .milliseconds(Int(settings.timeLimitSeconds * 250)))
        }
        let explanation = InfeasibilityExplanation(context: context, solver: solver)
        // Agents the construction left short get a whole new row (`RowPlanner`), then, when the
        // construction ran to its end, their own contract MIP; both within a quarter of the limit
        // (the search and the final repairs complete the rest).
        let repairEnd = clock + .milliseconds(Int(settings.timeLimitSeconds * 250))
        let planner = RowPlanner(context: context, rules: state.rules)
        for a in 0..<context.agentCount where state.shortfall(agent: a) > 0 && ContinuousClock.now < repairEnd {
            planner.replan(agent: a, in: state)
        }
        report("rows", state.cost)
        if constructed {
            var conflicts: [RuleConflict] = []
            for a in 0..<context.agentCount where state.shortfall(agent: a) > 0 {
                let left = (repairEnd - ContinuousClock.now).inSeconds
                guard left > 0 else { break }
                switch explanation.week(agent: a, seconds: min(5, left)) {
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
            if !conflicts.isEmpty {
                report("infeasible", nil)
                return failure(.infeasible, conflicts: conflicts)
            }
        }

        var rng = SplitMix64(seed: settings.seed)
        // A team of up to 8 agents first gets one exact round over the whole team (a neighbourhood round
        // too: `maxNeighbourhoods == 0` skips it, which keeps such a run free of GLPK time limits).
        if context.agentCount <= 8 && settings.maxNeighbourhoods > 0 {
            var lns = NeighbourhoodSearch(solver: solver)
            lns.size = context.agentCount
            lns.roundSeconds = settings.timeLimitSeconds / 3
            lns.maxNodes = SearchSettings.nodes(seconds: lns.roundSeconds)
            let r = lns.run(on: state, deadline: deadline, rng: &rng, maxRounds: 1)
            statistics.neighbourhoodsSolved += r.rounds
            statistics.neighbourhoodsImproved += r.improved
            if let b = r.bound {
                bounds.append(("exact model", b))
                bound = max(bound, b)
            }
            report("exact model", state.cost)
        }
        if abs(state.cost - bound) / max(1, abs(state.cost)) > settings.relativeGap {
            // The chains stop early enough to leave time for restoring the best state, checking and
            // projecting the roster (about 2 ms per agent measured on scale-500, plus a fixed part),
            // and on small head-count teams for the row master (under 1 s on Curtois Instances 1–5).
            let reserve = min(0.1 * settings.timeLimitSeconds, 0.5 + 0.002 * Double(context.agentCount))
            let master = RowMaster.applies(to: context)
            let masterReserve = master ? RowMaster.reserveShare * settings.timeLimitSeconds : 0
            let chains = SearchChains(solver: solver, budget: budget, deadline: deadline - .milliseconds(Int((reserve + masterReserve) * 1000)),
                                      threads: max(1, settings.threads))
            let b = bound
            let best = chains.run(from: state, seed: settings.seed) { emit($0, $1, b) }
            statistics.localSearchMoves += best.moves
            statistics.neighbourhoodsSolved += best.rounds
            statistics.neighbourhoodsImproved += best.improved
            report("search", state.cost)
            if master {
                let rows = RowMaster(solver: solver).improve(state, deadline: deadline - .milliseconds(Int(reserve * 1000)))
                if let b = rows.bound { bounds.append(("row master", b)) }
                report("rows master", state.cost)
            }
        }
        if state.totalDeficit > 0 {
            // A roster beats none: the repairs may overrun the limit by max(1 s, 10 %) (only when the
            // search ended short, e.g. a construction cut by the clock on a loaded machine).
            let repairDeadline = deadline + .milliseconds(Int(max(1, 0.1 * settings.timeLimitSeconds) * 1000))
            let repair = NeighbourhoodSearch(solver: solver)
            for a in 0..<context.agentCount where state.shortfall(agent: a) > 0 && ContinuousClock.now < repairDeadline {
                if planner.replan(agent: a, in: state) && state.shortfall(agent: a) == 0 { continue }
                _ = repair.solveNeighbourhood(free: [a], days: Array(0..<context.days), state: state,
                                              limit: max(0.5, (repairDeadline - ContinuousClock.now).inSeconds / 2))
            }
            report("repair", state.cost)
            // Still short: does the agent's contract admit any row at all? If not, the rules collide.
            var conflicts: [RuleConflict] = []
            for a in 0..<context.agentCount where state.shortfall(agent: a) > 0 && ContinuousClock.now < repairDeadline {
                let left = (repairDeadline - ContinuousClock.now).inSeconds
                if case .infeasible = explanation.week(agent: a, seconds: min(5, left)) {
                    conflicts += explanation.conflicts(agent: a, seconds: min(10, max(1, left)))
                }
            }
            if !conflicts.isEmpty {
                report("infeasible", nil)
                return failure(.infeasible, conflicts: conflicts)
            }
        }

        guard state.totalDeficit == 0 else { return failure(.noSolution) }
        let roster = state.roster()
        let violations = RuleChecker(problem: problem).violations(of: roster)
        guard violations.isEmpty else { return failure(.noSolution, violations: violations) }
        let service = ProjectedService(roster: roster, context: context)
        if let background, let value = background.result(waitingUntil: deadline) ?? nil {
            bounds.append((BackgroundBound.headCountApplies(to: context) ? "head-count bound" : "LP relaxation", value))
            statistics.boundSeconds = background.seconds
        }
        var warnings: [String] = []
        if let lp = serviceTask.result(waitingUntil: deadline) { serviceBound = lp }
        report(String(format: "service bound (%@) %.1f of %.1f contacts", serviceBound.method as NSString, serviceBound.answered,
                      service.queues.reduce(0) { $0 + $1.contacts }), state.cost)
        var checkedService: ServiceBound? = serviceBound
        let tolerance = 1e-6 * max(1, service.queues.reduce(0) { $0 + $1.contacts })
        if service.answeredWithinThreshold > serviceBound.answered + tolerance {
            warnings.append(String(format: "service bound %.3f (%@) below the roster's %.3f answered contacts: invalid, dropped",
                                   serviceBound.answered, serviceBound.method as NSString, service.answeredWithinThreshold))
            checkedService = nil
        }
        for (q, week) in service.queues.enumerated() where checkedService != nil {
            if let b = serviceBound.perQueue[q], week.answeredWithinThreshold > b + tolerance {
                warnings.append(String(format: "service bound of queue %@ %.3f below the roster's %.3f: invalid, dropped",
                                       week.queueID as NSString, b, week.answeredWithinThreshold))
                checkedService?.perQueue[q] = nil
            }
        }
        if let checkedService { bounds.append(("service bound", costBound(context: context, service: checkedService))) }
        let objective = state.cost
        let checked = Self.validBound(bounds, objective: objective)
        bound = checked.bound
        warnings += checked.warnings
        let gap = abs(objective - bound) / max(1, abs(objective))
        report("done", objective)
        return ScheduleResult(status: gap <= settings.relativeGap ? .optimal : .feasible, roster: roster, violations: [],
                              service: service, objective: objective, bound: bound, serviceBound: checkedService,
                              warnings: warnings, seconds: elapsed(), conflicts: [],
                              rules: RuleOutcome.outcomes(roster: roster, service: service, violations: [], problem: problem),
                              statistics: statistics)
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
    func costBound(context: SchedulingContext, service: ServiceBound) -> Double {
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
