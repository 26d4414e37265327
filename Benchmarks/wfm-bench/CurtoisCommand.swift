import ArgumentParser
import CurtoisFormat
import Foundation
import GLPKSolver
import WFMBenchKit
import WFMCore

/// `wfm-bench curtois --time-limit 60 --out DIR FILE...`: schedules each Curtois instance with GLPK,
/// checks every roster with `CurtoisChecker`, prints the table and writes DIR/results.csv and
/// DIR/<Instance>.csv (`employee,day,shift`) for each roster that passed.
struct CurtoisCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curtois",
        abstract: "Run the Curtois & Qu employee scheduling benchmark instances."
    )

    /// The package's copy of the best known objectives: Benchmarks/data/curtois/best_known.csv.
    static let defaultBestKnown = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("data/curtois/best_known.csv").path

    @Argument(help: "Instance files (Instance1.txt …).") var files: [String]
    @Option(name: .customLong("time-limit"), help: "Scheduler time limit per instance, seconds.") var timeLimit: Double = 60
    @Option(help: "Output folder for results.csv and the solutions.") var out: String
    @Option(help: "Seed of the search.") var seed: UInt64 = 1
    @Option(help: "Parallel search chains (the result is repeatable per seed and thread count).") var threads: Int = 2
    @Option(name: .customLong("best-known"), help: "CSV of best known objectives (columns instance, best_known_ub).")
    var bestKnown: String = CurtoisCommand.defaultBestKnown
    @Flag(help: "No progress on stderr.") var quiet = false

    func validate() throws {
        guard timeLimit > 0 && timeLimit.isFinite else {
            throw ValidationError("--time-limit must be a number of seconds > 0, got \(timeLimit)")
        }
        guard threads >= 1 else { throw ValidationError("--threads must be ≥ 1, got \(threads)") }
    }

    func run() throws {
        let best = try BestKnown.read(path: bestKnown)
        let instances = try files.map { path in
            do {
                return try CurtoisInstance.read(path: path)
            } catch let error as CurtoisParseError {
                throw DiagnosticError([Diagnostic(file: error.file, line: error.line, message: error.message)])
            } catch {
                throw DiagnosticError([Diagnostic(file: path, message: "cannot read instance: \(error.localizedDescription)")])
            }
        }
        let log: @Sendable (String) -> Void = { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
        let benchmark = CurtoisBenchmark(solver: GLPKSolver(), timeLimitSeconds: timeLimit, seed: seed, threads: threads,
                                         progress: quiet ? nil : log)
        var results: [CurtoisResult] = []
        for instance in instances {
            if !quiet { log("\(instance.name): \(instance.employees.count) employees, \(instance.days) days, \(instance.shifts.count) shift types") }
            let result = benchmark.run(instance, bestKnown: best.objectives[instance.name])
            for line in result.violations { log("\(instance.name): \(result.status.rawValue): \(line)") }
            if let solution = result.solution {
                try AtomicFile.write(ResultsTable.solutionCSV(solution, of: instance),
                                     to: URL(fileURLWithPath: out).appendingPathComponent("\(instance.name).csv").path)
            }
            results.append(result)
            try AtomicFile.write(ResultsTable.csv(results), to: URL(fileURLWithPath: out).appendingPathComponent("results.csv").path)
        }
        print(ResultsTable.text(results), terminator: "")
        if results.contains(where: { $0.solution == nil }) { throw ExitCode(1) }
    }
}
