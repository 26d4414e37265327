import ArgumentParser
import Foundation
import Scenario

/// `wfm risk SCENARIO.yaml --roster DIR [--paths N] [--simulate]`: a roster's weekly service across volume paths
/// drawn from the forecast's error distribution, and P(weekly service < target) per queue
/// (`RosterRisk`, docs/forecasting.md "Roster risk"). Exit 0; 2 on bad input.
struct RiskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk",
        abstract: "Weekly service of a roster across sampled volume paths; P(service < target) per queue."
    )

    @Argument(help: "The scenario file the roster was planned for.") var scenario: String
    @Option(help: "Folder holding shifts.csv and breaks.csv (a run folder).") var roster: String
    @Option(help: "Volume paths to sample.") var paths: Int = RosterRisk.defaultPaths
    @Option(help: "Seed of the paths.") var seed: Int = 1
    @Flag(help: "Also measure each path by one replication of the discrete-event simulation (docs/simulation.md).")
    var simulate = false
    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario key by dotted path.", valueName: "KEY=VALUE"))
    var overrides: [String] = []

    func validate() throws {
        guard paths >= 1 else { throw ValidationError("--paths must be at least 1, got \(paths)") }
        guard seed >= 0 else { throw ValidationError("--seed must be ≥ 0, got \(seed)") }
    }

    func run() throws {
        let loaded = try ScenarioLoader.load(path: scenario, overrides: overrides)
        print(try RosterRisk.run(loaded, folder: roster, paths: paths, seed: UInt64(seed), simulate: simulate).text)
    }
}
