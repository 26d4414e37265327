import ArgumentParser
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
        let interrupts = Interrupts()
        do {
            let outcome = try ScenarioRunner(timeLimitSeconds: timeLimit, seed: seed, progress: progress, stop: interrupts.stop)
                .run(loaded, folder: folder)
            print(RunSummaryText.text(outcome))
            if let signal = interrupts.first { throw ExitCode(128 + signal) }
        } catch let failure as RunFailure {
            stderr.write(Data(("wfm run: no roster written: \(failure.explanation)\n").utf8))
            throw ExitCode(1)
        }
    }
}

/// SIGINT and SIGTERM during a run: the first requests a stop of the search (`StopRequest`), the
/// second ends the process at once with 128 + the signal, before anything more is written.
final class Interrupts: @unchecked Sendable {
    let stop = StopRequest()
    private let lock = NSLock()
    private var received: Int32?
    private var sources: [DispatchSourceSignal] = []

    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [unowned self] in self.receive(number) }
            source.resume()
            sources.append(source)
        }
    }

    /// The first signal received, if any.
    var first: Int32? { lock.withLock { received } }

    private func receive(_ number: Int32) {
        let again = lock.withLock { () -> Bool in
            defer { if received == nil { received = number } }
            return received != nil
        }
        if again {
            FileHandle.standardError.write(Data("wfm run: interrupted again: exiting, nothing written\n".utf8))
            _exit(128 + number)
        }
        FileHandle.standardError.write(Data("wfm run: interrupted: stopping the search and writing the best roster so far (interrupt again to exit at once, writing nothing)\n".utf8))
        stop.request()
    }
}
