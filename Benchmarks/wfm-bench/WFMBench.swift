import ArgumentParser
import Foundation
import CommandLineSupport

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

    static func main() { runWithExitStatus() }
}
