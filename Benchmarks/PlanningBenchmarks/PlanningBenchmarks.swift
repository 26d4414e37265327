import Benchmark
import Foundation
import Scenario

/// The 52-week capacity plan of scenarios/plan/plan.yaml (docs/plan.md) through `PlanRunner`, as
/// `wfm plan` runs it: demand from the Anonymous Bank history (forecast, staffing per interval, FTE),
/// the integer programme solved by GLPK, the three files written. Target: under 10 s wall clock.
/// Custom metric: the solver's relative gap ×10⁶.
let benchmarks: @Sendable () -> Void = {
    _ = Benchmark("plan.bank-2000.52-weeks",
                  configuration: .init(metrics: [.wallClock, .peakMemoryResident, .custom("gap-ppm", useScalingFactor: false)],
                                       warmupIterations: 0, maxDuration: .seconds(120), maxIterations: 3)) { benchmark in
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let plan = try PlanLoader.load(path: root.appendingPathComponent("scenarios/plan/plan.yaml").path)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wfm-plan-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        benchmark.startMeasurement()
        let outcome = try PlanRunner().run(plan, folder: folder)
        benchmark.stopMeasurement()
        benchmark.measurement(.custom("gap-ppm"), Int(((outcome.result.gap ?? 1) * 1_000_000).rounded()))
    }
}
