import Foundation
import GLPKSolver
import MIP
import Planning
import WFMCore

/// What a plan run produced: its folder and the numbers the command line prints.
public struct PlanRunOutcome: Sendable {
    public var folder: String
    public var result: PlanResult
    /// The simple rule's plan (`RulePlan`) on the same inputs.
    public var rule: PlanOutcome
}

/// A plan run that ended without a plan; nothing was written.
public struct PlanFailure: Error, Sendable, CustomStringConvertible {
    public var explanation: String
    public var description: String { explanation }
}

/// `wfm plan`, top to bottom: weekly required FTE (given, or forecast → staffing → FTE), the integer
/// programme solved by GLPK, then plan.csv, summary.json and report.html written together into the
/// output folder (`OutputFolder`, as `wfm run` does).
public struct PlanRunner: Sendable {
    public var progress: (@Sendable (String) -> Void)?

    public init(progress: (@Sendable (String) -> Void)? = nil) { self.progress = progress }

    public func run(_ plan: PlanFile, folder: String) throws -> PlanRunOutcome {
        progress?("demand: \(plan.weeks) weeks from \(plan.start)")
        let clock = ContinuousClock.now
        let weekly = try PlanDemandStage.run(plan)
        progress?(String(format: "demand: %.1f s", (ContinuousClock.now - clock).inSeconds))
        let capacity = plan.capacityPlan(requiredFTE: weekly.requiredFTE)
        let programme = PlanProgramme(capacity)
        progress?("plan: \(programme.model.variables.count) variables, \(programme.model.rows.count) rows, "
            + "time limit \(Int(plan.timeLimitSeconds)) s, gap \(plan.relativeGap)")
        let result = try CapacityPlanner.solve(capacity, solver: GLPKSolver(), timeLimitSeconds: plan.timeLimitSeconds,
                                               relativeGap: plan.relativeGap)
        guard result.status == .optimal || result.status == .feasible else {
            throw PlanFailure(explanation: "the solver returned no plan (\(result.status.rawValue)) in \(plan.timeLimitSeconds) s: "
                + "raise solver.time_limit_seconds or solver.relative_gap")
        }
        let rule = PlanOutcome(plan: capacity, classes: RulePlan.classes(capacity))
        let files = [
            ("plan.csv", PlanFiles.csv(plan, result.outcome)),
            ("summary.json", PlanFiles.summaryJSON(plan, result, rule: rule)),
            ("report.html", PlanReport.render(plan, result, rule: rule, queues: weekly.queues)),
        ]
        try OutputFolder.write(files, to: folder)
        progress?("wrote \(files.count) files to \(folder)")
        return PlanRunOutcome(folder: folder, result: result, rule: rule)
    }
}

extension PlanRunOutcome {
    /// The compact summary `wfm plan` prints: status, cost against the simple rule, classes, short weeks.
    public var text: String {
        let o = result.outcome
        var lines = ["plan written to \(folder)"]
        var solver = "solver: \(result.status.rawValue)"
        if let gap = result.gap { solver += ", gap \(Format.percent(gap, 2))" }
        lines.append(solver + ", \(Format.fixed(result.seconds, 2)) s")
        lines.append("cost: \(Format.fixed(o.costs.total, 0)) (paid \(Format.fixed(o.costs.paid, 0)), hiring \(Format.fixed(o.costs.hiring, 0)), "
            + "overtime \(Format.fixed(o.costs.overtime, 0)), shortfall \(Format.fixed(o.costs.shortfall, 0)))")
        lines.append("simple rule: \(Format.fixed(rule.costs.total, 0)) (\(Format.signed(o.costs.total - rule.costs.total, 0)) for the optimised plan)")
        lines.append("classes: " + (o.classes.isEmpty ? "none" : o.classes.map { "week \($0.startWeek) × \($0.size)" }.joined(separator: ", "))
            + "; hires \(o.classes.reduce(0) { $0 + $1.size })")
        lines.append("weeks short: \(o.weeksShort)")
        return lines.joined(separator: "\n")
    }
}
