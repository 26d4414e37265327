import ArgumentParser
import Foundation
import WFMCore

extension ParsableCommand {
    /// Parses the process arguments, runs the chosen subcommand, and exits with the product's exit
    /// status (SPEC.md): 0 success (help and version included); 1 the run finished but something is
    /// wrong (`ExitCode(1)` thrown by a subcommand after printing why); 2 bad input: any
    /// argument-parsing or validation error and any `DiagnosticError` from reading files (printed with
    /// file, line and key). swift-argument-parser's own 64 (EX_USAGE) for bad arguments becomes 2.
    public static func runWithExitStatus() -> Never {
        do {
            var command = try parseAsRoot()
            try command.run()
            Foundation.exit(0)
        } catch let diagnostics as DiagnosticError {
            FileHandle.standardError.write(Data((diagnostics.description + "\n").utf8))
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                Foundation.exit(0)
            }
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
