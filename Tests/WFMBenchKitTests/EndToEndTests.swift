import CurtoisFormat
import GLPKSolver
import Testing
@testable import WFMBenchKit

/// The whole benchmark path on the small instance: the scheduler's roster passes `CurtoisChecker`,
/// its own objective equals the benchmark objective, and it is no worse than the valid base
/// solution (62), which the exact model of two agents can always reach.
@Test func smallInstanceGetsACheckedRoster() throws {
    let instance = try smallInstance()
    let result = CurtoisBenchmark(solver: GLPKSolver(), timeLimitSeconds: 5, seed: 1).run(instance, bestKnown: smallBaseObjective)
    #expect(result.violations.isEmpty, "\(result.violations)")
    #expect(result.status == .optimal || result.status == .feasible)
    let solution = try #require(result.solution)
    #expect(CurtoisChecker.violations(solution, of: instance).isEmpty)
    #expect(result.objective == CurtoisChecker.objective(solution, of: instance))
    #expect(result.objective.map { $0 <= smallBaseObjective } == true)
}
