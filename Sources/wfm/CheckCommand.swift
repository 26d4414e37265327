import ArgumentParser
import Foundation
import Scenario

/// `wfm check SCENARIO.yaml --roster DIR`: put any roster (shifts.csv + breaks.csv) through the
/// independent rule checker and the service projection. Exit 0 when every hard rule holds, 1 when
/// one is broken (each printed), 2 on bad input.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a roster's hard rules and project its service (shifts.csv + breaks.csv against a scenario)."
    )

    @Argument(help: "The scenario file the roster was planned for.") var scenario: String
    @Option(help: "Folder holding shifts.csv and breaks.csv (a run folder).") var roster: String
    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario key by dotted path.", valueName: "KEY=VALUE"))
    var overrides: [String] = []

    func run() throws {
        let loaded = try ScenarioLoader.load(path: scenario, overrides: overrides)
        let check = try RosterCheck.run(loaded, folder: roster)
        print(check.text)
        if !check.violations.isEmpty { throw ExitCode(1) }
    }
}
