import CurtoisFormat
import Foundation
import MIP
import Scheduling
import WFMCore

/// Runs the roster scheduler on one Curtois instance and checks its roster independently:
/// map (`CurtoisAdapter`) → `RosterScheduler.schedule` → back to a Curtois solution →
/// `CurtoisChecker.violations` (any → `invalid`, no objective) → `CurtoisChecker.objective`,
/// compared with the scheduler's own objective (different → `objective-mismatch`).
public struct CurtoisBenchmark: Sendable {
    public var solver: any MIPSolver
    public var timeLimitSeconds: Double
    public var seed: UInt64
    /// Parallel search chains (`SearchSettings.threads`).
    public var threads: Int
    /// Receives one line per scheduler progress report.
    public var progress: (@Sendable (String) -> Void)?

    public init(solver: any MIPSolver, timeLimitSeconds: Double, seed: UInt64, threads: Int = 2,
                progress: (@Sendable (String) -> Void)? = nil) {
        self.solver = solver
        self.timeLimitSeconds = timeLimitSeconds
        self.seed = seed
        self.threads = threads
        self.progress = progress
    }

    public func run(_ instance: CurtoisInstance, bestKnown: Int?) -> CurtoisResult {
        let clock = ContinuousClock.now
        let adapter = CurtoisAdapter(instance: instance)
        let problem = adapter.problem(search: SearchSettings(timeLimitSeconds: timeLimitSeconds, seed: seed, threads: threads))
        let name = instance.name
        let report = progress.map { sink in
            { @Sendable (p: ScheduleProgress) in
                let cost = p.incumbent.map { String(format: "%.1f", $0) } ?? "–"
                let bound = p.bound.map { String(format: "%.1f", $0) } ?? "–"
                sink(String(format: "%@ %6.1f s %@: objective %@, bound %@", name, p.elapsedSeconds, p.stage, cost, bound))
            }
        }
        func result(_ status: CurtoisResult.Status, objective: Int? = nil, scheduled: ScheduleResult? = nil,
                    violations: [String] = [], solution: CurtoisSolution? = nil) -> CurtoisResult {
            CurtoisResult(instance: name, status: status, objective: objective,
                          schedulerObjective: scheduled?.roster == nil ? nil : scheduled?.objective,
                          bound: scheduled?.roster == nil ? nil : scheduled?.bound, bestKnown: bestKnown,
                          seconds: (ContinuousClock.now - clock).inSeconds, violations: violations, solution: solution)
        }
        let scheduled: ScheduleResult
        do {
            scheduled = try RosterScheduler(solver: solver, progress: report).schedule(problem)
        } catch let error as DiagnosticError {
            return result(.rejected, violations: error.diagnostics.map(\.description))
        } catch {
            return result(.rejected, violations: ["\(error)"])
        }
        guard let roster = scheduled.roster else {
            let status: CurtoisResult.Status = scheduled.status == .infeasible ? .infeasible : .noSolution
            let reasons = scheduled.conflicts.map(\.description) + scheduled.violations.map(\.description)
            return result(status, scheduled: scheduled,
                          violations: reasons.isEmpty ? ["no roster meeting every hard rule within the time limit"] : reasons)
        }
        let solution = adapter.solution(roster)
        let violations = CurtoisChecker.violations(solution, of: instance)
        guard violations.isEmpty else {
            return result(.invalid, scheduled: scheduled, violations: violations.map(\.description))
        }
        let objective = CurtoisChecker.objective(solution, of: instance)
        if abs(scheduled.objective - Double(objective)) > 1e-6 {
            return result(.objectiveMismatch, objective: objective, scheduled: scheduled,
                          violations: ["scheduler objective \(scheduled.objective) ≠ benchmark objective \(objective)"], solution: solution)
        }
        return result(scheduled.status == .optimal ? .optimal : .feasible, objective: objective, scheduled: scheduled, solution: solution)
    }
}
