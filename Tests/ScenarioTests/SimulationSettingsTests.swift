import Scheduling
import Simulation
import Staffing
import Testing
@testable import Scenario

/// The simulation's scenario keys: `queues[].handle_time` and `solver.simulation_replications`.
@Test func handleTimeAndReplicationsAreRead() throws {
    let s = try ScenarioLoader.load(path: scenarioPath("broken/valid.yaml"), overrides: [
        "queues.voice.handle_time={distribution: lognormal, cv: 1.2}",
        "queues.chat.handle_time={distribution: exponential}",
        "solver.simulation_replications=0",
    ])
    #expect(s.queue("voice")?.handleTime == .lognormal(cv: 1.2))
    #expect(s.queue("chat")?.handleTime == .exponential)
    #expect(s.solver.simulationReplications == 0)
    let defaults = try ScenarioLoader.load(path: scenarioPath("broken/valid.yaml"))
    #expect(defaults.queue("voice")?.handleTime == .exponential)
    #expect(defaults.solver.simulationReplications == 20)
}

@Test func badSimulationKeysNameTheKey() {
    let printed = loadDiagnostics(scenarioPath("broken/valid.yaml"), overrides: [
        "queues.voice.handle_time={distribution: gamma}",
        "queues.chat.handle_time={distribution: lognormal}",
        "solver.simulation_replications=-1",
    ])
    #expect(printed.count == 3, "\(printed)")
    #expect(printed.contains { $0.contains("queues[0].handle_time.distribution: expected exponential or lognormal, got \"gamma\"") })
    #expect(printed.contains { $0.contains("queues[1].handle_time") && $0.contains("cv") })
    #expect(printed.contains { $0.contains("solver.simulation_replications") && $0.contains("0 (no simulation) to 1000") })
}

/// The feedback's effective handle time: the multiplier at which the split model meets a target
/// service level is recovered from a target computed at a known multiplier.
@Test func effectiveHandleTimeInvertsTheServiceCurve() throws {
    let queue = QueueDemand(id: "voice", contacts: [100], ahtSeconds: [180], thresholdSeconds: 20, serviceLevelTarget: 0.8)
    let curve = ServiceCurve(contacts: 100, ahtSeconds: 180 * 1.2, intervalSeconds: 900, thresholdSeconds: 20, model: .erlangC)
    let target = (curve.answered(agents: 27) + 0.4 * (curve.answered(agents: 28) - curve.answered(agents: 27))) / 100
    let m = try #require(SimulationFeedback.multiplier(queue: queue, interval: 0, capacity: 27.4, target: target, intervalSeconds: 900))
    #expect(abs(m - 1.2) < 1e-6)
    #expect(SimulationFeedback.multiplier(queue: queue, interval: 0, capacity: 27.4, target: 0, intervalSeconds: 900) == SimulationFeedback.bound)
    #expect(SimulationFeedback.multiplier(queue: queue, interval: 0, capacity: 0.2, target: 0.5, intervalSeconds: 900) == nil)
}
