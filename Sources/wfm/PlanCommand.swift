import ArgumentParser
import Foundation
import Scenario

/// `wfm plan PLAN.yaml`: the long-term capacity and hiring plan (docs/plan.md). Exit 0 with a
/// summary; 1 when the solver found no plan (nothing written); 2 when the plan file or its files are invalid.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Capacity and hiring plan: weekly FTE demand, attrition, classes, training; an integer programme solved by GLPK."
    )

    @Argument(help: "The plan file (YAML, version 1, kind: plan).") var plan: String
    @Option(help: "Output folder (default out/<plan name>).") var out: String?
    @Option(name: .customLong("set"),
            help: ArgumentHelp("Override a plan key by dotted path, e.g. attrition_per_month=0.05.", valueName: "KEY=VALUE"))
    var overrides: [String] = []
    @Flag(help: "No progress on stderr.") var quiet = false

    func run() throws {
        let loaded = try PlanLoader.load(path: plan, overrides: overrides)
        for warning in loaded.warnings { FileHandle.standardError.write(Data((warning.description + "\n").utf8)) }
        let progress: (@Sendable (String) -> Void)? = quiet ? nil : { @Sendable line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        do {
            print(try PlanRunner(progress: progress).run(loaded, folder: out ?? "out/\(loaded.name)").text)
        } catch let failure as PlanFailure {
            FileHandle.standardError.write(Data(("wfm plan: no plan written: \(failure.explanation)\n").utf8))
            throw ExitCode(1)
        }
    }
}
