import Benchmark
import GLPKSolver
import Scheduling

/// roster-60 (scenarios/roster-60): one 60-second schedule. Custom metrics, all ×1000 where a
/// fraction: true service (contacts answered within threshold / contacts, Erlang recomputed on the
/// final roster's coverage), the shape-free capacity bound on it, the objective's relative gap to
/// its bound, seconds, paid hours and hard-rule violations found by the independent checker.
let benchmarks: @Sendable () -> Void = {
    Benchmark("roster-60.schedule-60s",
              configuration: .init(metrics: [.wallClock,
                                             .custom("true-service-permille", polarity: .prefersLarger, useScalingFactor: false),
                                             .custom("capacity-bound-permille", polarity: .prefersLarger, useScalingFactor: false),
                                             .custom("gap-permille", useScalingFactor: false),
                                             .custom("violations", useScalingFactor: false),
                                             .custom("paid-hours", useScalingFactor: false)],
                                   warmupIterations: 0, maxDuration: .seconds(600), maxIterations: 1)) { benchmark in
        let problem = try Roster60.problem(timeLimitSeconds: 60)
        benchmark.startMeasurement()
        let result = try RosterScheduler(solver: GLPKSolver()).schedule(problem)
        benchmark.stopMeasurement()
        let contacts = problem.queues.reduce(0) { $0 + $1.volume }
        let service = result.service?.serviceLevel ?? 0
        print("roster-60: status \(result.status), true service \(service), capacity bound \(result.answeredBound / contacts), "
              + "per queue \(result.service?.queues.map { "\($0.queueID) \($0.serviceLevel)" } ?? []), gap \(result.gap), "
              + "seconds \(result.seconds), paid hours \(result.service?.paidHours ?? 0), violations \(result.violations.count)")
        benchmark.measurement(.custom("true-service-permille"), Int((service * 1000).rounded()))
        benchmark.measurement(.custom("capacity-bound-permille"), Int((result.answeredBound / contacts * 1000).rounded()))
        benchmark.measurement(.custom("gap-permille"), Int((min(result.gap, 1) * 1000).rounded()))
        benchmark.measurement(.custom("violations"), result.violations.count)
        benchmark.measurement(.custom("paid-hours"), Int(result.service?.paidHours ?? 0))
    }
}
