import Benchmark
import Foundation
import Scenario

/// The contact-centre scale suite (scenarios/scale-200, scenarios/scale-500; docs/scale.md): one full
/// `wfm run` pipeline (forecast file → requirements → roster → projected service → files) per
/// benchmark, at a 60-second roster time limit, through `ScenarioRunner` exactly as the command line
/// runs it. Peak resident memory is measured (target: under 4 GB). Custom metrics, ×1000 where a
/// fraction: weekly service (volume-weighted over all queues, Erlang recomputed on the final roster),
/// the solver's relative gap, and paid hours. Time limits of 300/600 s are run with `wfm run`
/// (docs/scale.md gives the commands); a benchmark iteration is kept at 60 s.
let benchmarks: @Sendable () -> Void = {
    for name in ["scale-200", "scale-500"] {
        _ = Benchmark("\(name).run-60s",
                  configuration: .init(metrics: [.wallClock, .peakMemoryResident,
                                                 .custom("service-permille", polarity: .prefersLarger, useScalingFactor: false),
                                                 .custom("gap-permille", useScalingFactor: false),
                                                 .custom("paid-hours", useScalingFactor: false)],
                                       warmupIterations: 0, maxDuration: .seconds(900), maxIterations: 1)) { benchmark in
            let scenario = try ScenarioLoader.load(path: ScaleSuite.scenarioPath(name))
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wfm-\(name)-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: folder) }
            benchmark.startMeasurement()
            let outcome: RunOutcome = try ScenarioRunner(timeLimitSeconds: 60).run(scenario, folder: folder)
            benchmark.stopMeasurement()
            let s = outcome.summary
            let contacts: Double = s.queues.reduce(0) { $0 + $1.contacts }
            let service: Double = s.queues.reduce(0) { $0 + $1.serviceLevel * $1.contacts } / contacts
            print("\(name): service \(service), per queue \(s.queues.map { "\($0.queueID) \($0.serviceLevel)" }), "
                  + "gap \(s.solver.gap ?? .nan), roster seconds \(s.timings.rosterSeconds), paid hours \(s.paidHours)")
            benchmark.measurement(.custom("service-permille"), Int((service * 1000).rounded()))
            benchmark.measurement(.custom("gap-permille"), Int((min(s.solver.gap ?? 1, 1) * 1000).rounded()))
            benchmark.measurement(.custom("paid-hours"), Int(s.paidHours.rounded()))
        }
    }
}
