import ArgumentParser
import Foundation
import Scenario
import WFMCore

/// `wfm compare RUN_DIR RUN_DIR [...] [--csv FILE]` (SPEC.md): the KPIs of several runs side by
/// side with differences against the first; see docs/report.md for every row.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare the KPIs of two or more run folders side by side, with differences against the first."
    )

    @Argument(help: "Run folders written by `wfm run`, or all by `wfm plan` (the first is the baseline).") var runs: [String]
    @Option(help: "Also write the table as CSV to this file (written atomically).") var csv: String?

    func validate() throws {
        guard runs.count >= 2 else {
            throw ValidationError("give at least two run folders to compare, got \(runs.count)")
        }
    }

    func run() throws {
        if let plans = try PlanRunSummary.readAll(runs) {
            try show(RunComparison(plans: plans))
            return
        }
        var problems: [Diagnostic] = []
        var directories: [RunDirectory] = []
        for path in runs {
            do { directories.append(try RunDirectory.read(path: path)) } catch let error as DiagnosticError {
                problems.append(contentsOf: error.diagnostics)
            }
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
        try show(RunComparison(directories))
    }

    private func show(_ comparison: RunComparison) throws {
        print(comparison.text, terminator: "")
        if let csv { try AtomicFile.write(comparison.csv, to: csv) }
    }
}
