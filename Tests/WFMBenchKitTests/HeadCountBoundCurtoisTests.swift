import CurtoisFormat
import Foundation
import Scheduling
import Testing
import WFMBenchKit

/// `HeadCountBound` on the Curtois benchmark: 1000 iterations aimed at the best known objective (as
/// the scheduler would aim at its incumbent) stay at or below it, and beat the GLPK LP bound of the
/// compact model that the scheduler reports today (docs/curtois.md: 407.2, 719.4, 1000.0, 1261.0).
/// Measured (release): 557.85, 828.00, 1000.61, 1715.76 against best known 607, 828, 1001, 1716, so
/// a bound error upwards would show on Instances 2–4.
@Test(arguments: [(1, 407.2), (2, 719.4), (3, 1000.0), (4, 1261.0)])
func headCountBoundIsValidAndBeatsTheLPBoundOnCurtois(_ instance: Int, _ lpBound: Double) throws {
    let best = try BestKnown.read(path: curtoisFolder.appendingPathComponent("best_known.csv").path)
    let known = Double(try #require(best.objectives["Instance\(instance)"]))
    let problem = CurtoisAdapter(instance: try benchmarkInstance(instance)).problem(search: SearchSettings())
    let bound = HeadCountBound(context: SchedulingContext(problem: problem))
    let value = bound.value(iterations: 1000, upperBound: known, deadline: .now + .seconds(3600))
    #expect(value <= known, "Instance\(instance): bound \(value) above the best known \(known)")
    #expect(value > lpBound, "Instance\(instance): bound \(value) not above the LP bound \(lpBound)")
}
