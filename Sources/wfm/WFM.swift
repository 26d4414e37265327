import ArgumentParser
import Foundation
import WFMCore

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
        subcommands: [RunCommand.self, CheckCommand.self, StaffCommand.self, ForecastCommand.self, ValidateCommand.self, CompareCommand.self]
    )

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let diagnostics as DiagnosticError {
            FileHandle.standardError.write(Data((diagnostics.description + "\n").utf8))
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            // swift-argument-parser uses 64 (EX_USAGE) for bad arguments; the product contract says 2.
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
