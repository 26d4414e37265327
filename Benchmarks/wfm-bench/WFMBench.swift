import ArgumentParser
import Foundation
import WFMCore

/// The `wfm-bench` command line: runs the scheduler on published benchmarks (docs/curtois.md).
///
/// Exit status: 0 every instance got a roster that passed the independent check; 1 some did not
/// (their violations are printed); 2 bad arguments or unreadable input files.
@main
struct WFMBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wfm-bench",
        abstract: "Benchmarks of the wfm roster scheduler on published instances.",
        subcommands: [CurtoisCommand.self]
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
