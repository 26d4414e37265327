import Simulation
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
