import ArgumentParser
import Foundation
import Scenario

/// `wfm validate SCENARIO.yaml [--set KEY=VALUE ...]`: load and check a scenario and the files it
/// references, print what it contains, and exit 0; or print every problem and exit 2.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario file and its data files; print a short summary or every problem."
    )

    @Argument(help: "The scenario file (YAML, version 1).") var scenario: String
    @Option(name: .customLong("set"),
            help: ArgumentHelp("Override a scenario key by dotted path, e.g. queues.voice.volume_factor=1.15 (docs/scenario.md).",
                               valueName: "KEY=VALUE"))
    var overrides: [String] = []

    func run() throws {
        let loaded = try ScenarioLoader.load(path: scenario, overrides: overrides)
        for warning in loaded.warnings { FileHandle.standardError.write(Data((warning.description + "\n").utf8)) }
        print(ScenarioSummary.text(loaded))
    }
}
