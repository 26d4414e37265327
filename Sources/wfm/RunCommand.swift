import ArgumentParser
import CommandLineSupport
import Foundation
import Scenario
import Scheduling

/// `wfm run SCENARIO.yaml`: forecast, staff, roster, project and export one scenario (SPEC.md).
/// Exit 0 with a compact summary; 1 when no roster meets the hard rules (the collision is printed);
/// 2 when the scenario or its files are invalid (every problem printed, nothing written), or another
/// run holds the output folder. The first SIGINT (Ctrl-C) or SIGTERM stops the search: the best
/// valid roster so far is written with solver status `interrupted`, then the exit status is
/// 128 + the signal (130, 143); a second one exits at once (same status) with nothing written.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Plan a scenario: forecast, requirements, roster, projected service, CSV/JSON/HTML files."
    )

    @Argument(help: "The scenario file (YAML, version 1).") var scenario: String
    @Option(help: "Output folder (default out/<scenario name>).") var out: String?
    @Option(name: .customLong("time-limit"), help: "Roster solver time limit in seconds (overrides solver.time_limit_seconds).")
    var timeLimit: Double?
    @Option(help: "Seed of the search (overrides solver.seed).") var seed: Int?
    @Option(name: .customLong("set"),
            help: ArgumentHelp("Override a scenario key by dotted path, e.g. queues.voice.volume_factor=1.15.", valueName: "KEY=VALUE"))
    var overrides: [String] = []
    @Flag(help: "No progress on stderr.") var quiet = false

    func validate() throws {
        if let timeLimit, !(timeLimit > 0 && timeLimit.isFinite) {
            throw ValidationError("--time-limit must be a number of seconds > 0, got \(timeLimit)")
        }
    }

    func run() throws {
        let loaded = try ScenarioLoader.load(path: scenario, overrides: overrides)
        let stderr = FileHandle.standardError
        for warning in loaded.warnings { stderr.write(Data((warning.description + "\n").utf8)) }
        let progress: (@Sendable (String) -> Void)? = quiet ? nil : { @Sendable line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        let folder = out ?? "out/\(loaded.name)"
        let stop = StopRequest()
        let interrupts = Interrupts(command: "wfm run", stopping: "stopping the search and writing the best roster so far") { stop.request() }
        do {
            let outcome = try ScenarioRunner(timeLimitSeconds: timeLimit, seed: seed, progress: progress, stop: stop)
                .run(loaded, folder: folder)
            print(RunSummaryText.text(outcome))
            if let signal = interrupts.first { throw ExitCode(128 + signal) }
        } catch let failure as RunFailure {
            stderr.write(Data(("wfm run: no roster written: \(failure.explanation)\n").utf8))
            throw ExitCode(1)
        }
    }
}
