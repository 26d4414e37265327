import Foundation
import MIP

/// A lower bound on the roster's cost, computed on its own thread while the search runs
/// (`BackgroundTask`; nil when it failed or ran out of time).
enum BackgroundBound {
    /// Largest model (shift variables) whose LP is attempted: measured on roster-60 (17,000 shift
    /// variables), GLPK's simplex does not finish within 60 s, while 2,000 solve in seconds.
    static let maxShiftVariables = 2_000
    /// Iterations of the head-count bound (`HeadCountBound`), a cap next to `headCountShare`: about
    /// 5 ms each on Curtois Instance12 and 0.42 s on Instance24 (helper's probe runs); in the
    /// scheduler at 60 s Instances 1–12 end with bounds 40–4,587 (docs/curtois.md, fourth session).
    static let headCountIterations = 1_000
    /// Share of the time limit the head-count bound may take (it shares the two cores with the
    /// search: Instance24 needs about 0.42 s per iteration).
    static let headCountShare = 0.25

    /// The LP relaxation of the full roster model, with a time limit in seconds.
    ///
    /// The model counts only breaks that are certain under every placement (`.certainOnly`), so for
    /// every roster its capacity is at least the true capacity and its optimal skill flows at least
    /// as good as the allocator's split; its exact curve makes its value at a roster's x at most that
    /// roster's true cost (shift cover, requests and every hard rule of long horizons are exact at
    /// integer x), and its LP relaxation (where the ordering binaries relax to the concave envelope) is
    /// at most the MIP optimum: a valid lower bound on the cost of every roster.
    static func lp(context: SchedulingContext, solver: any MIPSolver, timeLimit: Double) -> BackgroundTask<Double?> {
        BackgroundTask {
            let model = RosterFormulation(context: context, free: Array(0..<context.agentCount), breaks: .certainOnly).model
            let solution = solver.solveBuilt(model, options: SolveOptions(timeLimitSeconds: timeLimit, relaxation: true))
            return solution.status == .optimal ? solution.objective : nil
        }
    }

    /// The Lagrangian bound of a head-count problem (`HeadCountBound`), until `deadline`.
    static func headCount(context: SchedulingContext, deadline: ContinuousClock.Instant) -> BackgroundTask<Double?> {
        BackgroundTask { HeadCountBound(context: context).value(iterations: headCountIterations, upperBound: nil, deadline: deadline) }
    }

    /// True when `HeadCountBound` applies: no queues, and the terms it leaves out weigh ≥ 0.
    static func headCountApplies(to context: SchedulingContext) -> Bool {
        let w = context.problem.weights
        return context.problem.queues.isEmpty && w.preferOff >= 0 && w.preferOn >= 0 && w.fairNights >= 0 && w.fairWeekends >= 0
            && context.coefficients.paidHour >= 0
    }
}
