import MIP

/// A solved capacity plan: the classes chosen, their weeks and costs, and what the solver reported.
public struct PlanResult: Sendable {
    public var outcome: PlanOutcome
    /// As `wfm run` reports it: `optimal` (within the relative gap), `feasible` (stopped by the time
    /// limit with a plan), `infeasible`, `no-solution`.
    public var status: SolveStatus
    /// The solver's objective and best bound (money), nil without a solution or bound.
    public var objective: Double?
    public var bound: Double?
    public var gap: Double?
    public var seconds: Double
}

/// Solves a capacity plan's integer programme (`PlanProgramme`) with any `MIPSolver` (GLPK in
/// production, brute force in tests). The rule-based plan (`RulePlan`) is injected as the first
/// incumbent, so a time-limited solve always returns a plan at least as cheap as the rule's (the
/// rule's own, status `feasible`, when the limit passes before the solver took it).
public enum CapacityPlanner {
    public static func solve(_ plan: CapacityPlan, solver: any MIPSolver, timeLimitSeconds: Double,
                             relativeGap: Double) throws -> PlanResult {
        let programme = PlanProgramme(plan)
        let start = startValues(programme, plan: plan, classes: RulePlan.classes(plan))
        let options = SolveOptions(timeLimitSeconds: timeLimitSeconds, relativeGap: relativeGap,
                                   start: programme.model.maxViolation(of: start) <= 1e-7 ? start : nil)
        var solution = try solver.solve(programme.model, options: options)
        if solution.status == .noSolution, let start = options.start {
            // Stopped (time limit) before the solver took the start as its incumbent: the start is
            // then the best plan known, feasible by construction.
            solution = Solution(status: .feasible, values: start, objective: programme.model.objective(of: start),
                                bound: solution.bound, seconds: solution.seconds)
        }
        let classes = solution.hasSolution ? programme.classes(in: solution) : []
        return PlanResult(outcome: PlanOutcome(plan: plan, classes: classes), status: solution.status,
                          objective: solution.hasSolution ? solution.objective : nil,
                          bound: solution.bound.isFinite ? solution.bound : nil,
                          gap: solution.hasSolution && solution.gap.isFinite ? solution.gap : nil,
                          seconds: solution.seconds)
    }

    /// The programme's variable values of a set of classes, with overtime and shortfall as
    /// `PlanOutcome` computes them.
    static func startValues(_ programme: PlanProgramme, plan: CapacityPlan, classes: [PlanOutcome.Class]) -> [Double] {
        var values = Array(repeating: 0.0, count: programme.model.variables.count)
        for cls in classes {
            guard let h = programme.classSize[cls.startWeek], let y = programme.classStarts[cls.startWeek] else { continue }
            values[h.index] = Double(cls.size)
            values[y.index] = 1
        }
        let outcome = PlanOutcome(plan: plan, classes: classes)
        for (t, week) in outcome.weeks.enumerated() {
            values[programme.overtime[t].index] = week.overtimeFTE
            values[programme.shortfall[t].index] = week.shortfallFTE
        }
        return values
    }
}

/// The simple hiring rule the optimiser is compared with (docs/plan.md): in each decision week d, look
/// `lead_weeks + training_weeks` ahead to week t = d + lead + training; if the staff already planned
/// leaves a shortfall there (required_t > A_t, before overtime), open a class of the maximum size
/// starting in week d + lead, unless a class started fewer than `min_weeks_between_classes` weeks before.
public enum RulePlan {
    public static func classes(_ plan: CapacityPlan) -> [PlanOutcome.Class] {
        let hiring = plan.hiring
        var classes: [PlanOutcome.Class] = []
        var d = 0
        while d + hiring.leadWeeks < plan.weeks {
            let s = d + hiring.leadWeeks, t = s + hiring.trainingWeeks
            d += 1
            guard t < plan.weeks else { break }
            if let last = classes.last, s - last.startWeek < hiring.minWeeksBetweenClasses { continue }
            let available = PlanOutcome(plan: plan, classes: classes).weeks[t].availableFTE
            if plan.requiredFTE[t] > available + 1e-9 { classes.append(PlanOutcome.Class(startWeek: s, size: hiring.maxSize)) }
        }
        return classes
    }
}
