import Foundation
import MIP

/// Finds agents whose hard rules cannot all hold, and explains them.
///
/// Every hard rule concerns one agent, so the roster is feasible exactly when each agent's week
/// is: each agent gets a small contract-only MIP (`RosterFormulation(service: false)`). For an
/// infeasible agent the elastic model relaxes every rule family with named slack variables
/// (weekly and horizon minutes in hours, days, shifts, weekends; working inside an unavailable
/// window allowed at one unit per shift), minimises the total slack, and reports the rules that had
/// to move, with the agent, the days and the amount. `one-shift-per-day` and the allowed templates
/// stay hard: they define what a roster is.
struct InfeasibilityExplanation {
    let context: SchedulingContext
    let solver: any MIPSolver

    static let families: Set<RuleID> = [.weekMinutesMin, .weekMinutesMax, .minDaysOff, .maxConsecutiveDays,
                                        .minRestBetweenShifts, .maxNightShifts, .maxStartSpread, .unavailable,
                                        .horizonMinutesMin, .horizonMinutesMax, .maxTemplateShifts, .maxWeekends,
                                        .forbiddenSuccession, .minConsecutiveDays, .minConsecutiveDaysOff]

    /// What an agent's own contract-only MIP says about its week.
    enum WeekVerdict {
        /// A week satisfying every hard rule: option per day, −1 off.
        case feasible([Int])
        /// Proven: no week satisfies every hard rule.
        case infeasible
        /// The solver could not decide within its time limit.
        case unknown
    }

    /// Time cap of one agent's contract-only MIP (`week`) and of its elastic explanation
    /// (`conflicts`), seconds.
    static let weekSeconds = 5.0
    static let conflictSeconds = 10.0

    func week(agent a: Int, seconds: Double = weekSeconds) -> WeekVerdict {
        let formulation = RosterFormulation(context: context, free: [a], service: false)
        let s = solver.solveBuilt(formulation.model, options: SolveOptions(timeLimitSeconds: seconds, relativeGap: 1))
        switch s.status {
        case .optimal, .feasible: return .feasible(formulation.choices(from: s)[a]!)
        case .infeasible: return .infeasible
        default: return .unknown
        }
    }

    /// The rules agent `a` would have to break, least total slack first.
    func conflicts(agent a: Int, seconds: Double = conflictSeconds) -> [RuleConflict] {
        let formulation = RosterFormulation(context: context, free: [a], elastic: InfeasibilityExplanation.families,
                                            relaxedAvailability: true, service: false)
        let s = solver.solveBuilt(formulation.model, options: SolveOptions(timeLimitSeconds: seconds, relativeGap: 1e-6))
        guard s.hasSolution else {
            return [RuleConflict(rule: .oneShiftPerDay, agentID: context.problem.agents[a].id, dates: [], amount: .nan,
                                 detail: "no week satisfies the rules even with every rule relaxed")]
        }
        let start = context.problem.grid.startDate
        var found: [RuleConflict] = []
        for slack in formulation.slacks where s.value(slack.variable) > 1e-6 {
            let amount = s.value(slack.variable)
            let name = formulation.model.variables[slack.variable.index].name
            found.append(RuleConflict(rule: slack.rule, agentID: context.problem.agents[a].id,
                                      dates: slack.days.map { start.adding(days: $0) }, amount: amount,
                                      detail: "\(name.hasPrefix("slack-over") ? "exceeded" : "short") by \(Self.format(amount)) \(slack.unit)"))
        }
        return found
    }

    static func format(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(format: "%.1f", x)
    }
}
