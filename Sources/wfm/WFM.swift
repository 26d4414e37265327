import ArgumentParser
import Foundation
import CommandLineSupport

/// The `wfm` command line: one subcommand per file, no logic here.
///
/// Exit status (SPEC.md): 0 success; 1 the run finished but something is wrong (`ExitCode(1)`
/// thrown by a subcommand after printing why); 2 bad input: any argument-parsing or validation
/// error and any `DiagnosticError` from reading files.
@main
struct WFM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wfm",
        abstract: "Workforce management for contact centres: forecast, staff, roster, what-if.",
        subcommands: [RunCommand.self, CheckCommand.self, SimulateCommand.self, StaffCommand.self, ForecastCommand.self, ValidateCommand.self,
                      CompareCommand.self, PlanCommand.self, SweepCommand.self, RiskCommand.self]
    )

    static func main() { runWithExitStatus() }
}
