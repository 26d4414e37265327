import ArgumentParser
import Foundation
import Scenario
import WFMCore

/// `wfm simulate SCENARIO --roster DIR`: a roster (shifts.csv + breaks.csv) through the discrete-event
/// simulation with skill-based routing (docs/simulation.md), printed beside its Erlang projection.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate a roster's service: Poisson arrivals, skill-based routing, chat, email, patience, breaks, shrinkage."
    )

    @Argument(help: "The scenario file the roster was planned for.") var scenario: String
    @Option(help: "Folder holding shifts.csv and breaks.csv (a run folder).") var roster: String
    @Option(help: "Replications (default: the scenario's solver.simulation_replications, or 20 where that is 0).") var reps: Int?
    @Option(help: "Seed of the random streams (default: the scenario's solver.seed).") var seed: Int?
    @Flag(help: "Print JSON instead of the table.") var json = false
    @Option(help: "Also write per-interval projected and simulated service to this CSV file.") var intervals: String?
    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario key by dotted path.", valueName: "KEY=VALUE"))
    var overrides: [String] = []

    func validate() throws {
        if let reps, !(1...1000).contains(reps) { throw ValidationError("--reps must be a whole number from 1 to 1000") }
        if let seed, seed < 0 { throw ValidationError("--seed must be ≥ 0") }
    }

    func run() throws {
        let loaded = try ScenarioLoader.load(path: scenario, overrides: overrides)
        let check = try SimulationCheck.run(loaded, folder: roster, replications: reps, seed: seed)
        print(json ? check.json : check.text, terminator: json ? "" : "\n")
        if let intervals { try AtomicFile.write(check.intervalsCSV, to: intervals) }
    }
}
