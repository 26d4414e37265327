import ArgumentParser
import Foundation
import Scenario
import WFMCore

/// `wfm sweep`: what-if grids run locally or as a batch job array (docs/sweep.md). The logic is in
/// Sources/Scenario/Sweep; these commands only parse arguments and print.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a grid of what-if variants of a scenario, locally or on Slurm / Kubernetes.",
        subcommands: [SweepStartCommand.self, SweepRunOneCommand.self, SweepMergeCommand.self],
        defaultSubcommand: SweepStartCommand.self
    )
}

/// Where a sweep's variants run: here (`--jobs` processes), or a job file for a batch engine.
enum SweepEngine: String, ExpressibleByArgument, CaseIterable {
    case local, slurm, kubernetes
}

/// `wfm sweep SCENARIO --grid KEY=V1,V2 … --out DIR`: writes DIR/manifest.json, then runs every
/// variant (`--emit local`, the default) and merges, or writes the job file of a batch engine.
/// Exit 0 when every variant wrote a roster, 1 when one failed (listed), 2 for bad input.
struct SweepStartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Plan a sweep into DIR and run it here, or emit a Slurm / Kubernetes job for it."
    )

    @Argument(help: "The scenario file (YAML, version 1).") var scenario: String
    @Option(name: .customLong("grid"),
            help: ArgumentHelp("A key (as --set takes it) and its values; repeat for a product, e.g. queues.voice.volume_factor=0.9,1.0,1.1.",
                               valueName: "KEY=V1,V2,..."))
    var grids: [String] = []
    @Option(name: .customLong("forecast-quantiles"), help: "Run the plan week at these forecast quantiles, e.g. 0.1,0.5,0.9.")
    var forecastQuantiles: String?
    @Option(help: "The sweep folder (manifest, runs/, sweep.csv, report.html).") var out: String
    @Option(help: "Variants run at once (default: cores / 2, the search threads of one run).") var jobs: Int?
    @Option(name: .customLong("time-limit"), help: "Roster time limit of each variant, seconds.") var timeLimit: Double?
    @Option(help: "local (run here, default), slurm (write DIR/sweep.sbatch) or kubernetes (write DIR/job.yaml).")
    var emit: SweepEngine = .local
    @Option(help: "Kubernetes: the container image with wfm on its PATH.") var image = "wfm:latest"
    @Option(name: .customLong("volume-claim"), help: "Kubernetes: the PersistentVolumeClaim holding DIR and the scenario.")
    var volumeClaim = "wfm-sweep"
    @Option(name: .customLong("mount-path"), help: "Kubernetes: where the claim is mounted (default: the folder holding DIR and the scenario).")
    var mountPath: String?
    @Option(name: .customLong("risk-paths"), help: "Evaluate each roster on this many sampled volume paths (wfm risk); 0: none.")
    var riskPaths = 0
    @Flag(help: "No progress on stderr.") var quiet = false

    func validate() throws {
        guard riskPaths >= 0 else { throw ValidationError("--risk-paths must be ≥ 0, got \(riskPaths)") }
        if let timeLimit, !(timeLimit > 0 && timeLimit.isFinite) {
            throw ValidationError("--time-limit must be a number of seconds > 0, got \(timeLimit)")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        _ = try quantiles()
    }

    func quantiles() throws -> [Double] {
        guard let forecastQuantiles else { return [] }
        let values = forecastQuantiles.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard values.allSatisfy({ $0.map { $0 > 0 && $0 < 1 } ?? false }) else {
            throw ValidationError("--forecast-quantiles must be numbers strictly between 0 and 1, e.g. 0.1,0.5,0.9; got \(forecastQuantiles)")
        }
        return values.compactMap { $0 }
    }

    func run() throws {
        let scenarioPath = URL(fileURLWithPath: scenario).standardizedFileURL.path
        let folder = URL(fileURLWithPath: out).standardizedFileURL.path
        _ = try ScenarioLoader.load(path: scenarioPath)  // a broken base scenario is exit 2 before anything runs
        let plan = SweepPlan(scenario: scenarioPath, timeLimitSeconds: timeLimit, grids: try grids.map(SweepGrid.parse),
                             quantiles: try quantiles(), riskPaths: riskPaths)
        try plan.write(folder: folder)
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        switch emit {
        case .slurm:
            let path = (folder as NSString).appendingPathComponent(SweepBatchFiles.slurmName)
            try FileManager.default.createDirectory(atPath: (folder as NSString).appendingPathComponent("slurm"), withIntermediateDirectories: true)
            try AtomicFile.write(SweepBatchFiles.slurm(plan: plan, folder: folder, executable: executable), to: path)
            print("\(plan.variants.count) variants in \(folder)/manifest.json; submit with: sbatch \(path); then: wfm sweep merge \(folder)")
        case .kubernetes:
            let path = (folder as NSString).appendingPathComponent(SweepBatchFiles.kubernetesName)
            let settings = SweepBatchFiles.KubernetesSettings(
                image: image, volumeClaim: volumeClaim,
                mountPath: mountPath ?? SweepBatchFiles.commonFolder([folder, (scenarioPath as NSString).deletingLastPathComponent]),
                parallelism: jobs ?? plan.variants.count)
            try AtomicFile.write(SweepBatchFiles.kubernetes(plan: plan, folder: folder, settings: settings), to: path)
            print("\(plan.variants.count) variants in \(folder)/manifest.json; apply with: kubectl apply -f \(path); then: wfm sweep merge \(folder)")
        case .local:
            let progress: (@Sendable (String) -> Void)? = quiet ? nil : { @Sendable line in
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
            let crashes = SweepLocal(executable: executable, jobs: jobs ?? SweepLocal.defaultJobs(), progress: progress)
                .run(folder: folder, plan: plan)
            let rows = try SweepMerge.write(folder: folder, plan: plan, crashes: crashes)
            try SweepMergeCommand.report(rows, folder: folder)
        }
    }
}

/// `wfm sweep run-one DIR [--index I]`: one variant of a sweep (a batch array task). The index comes
/// from `--index`, else `SLURM_ARRAY_TASK_ID`, else `JOB_COMPLETION_INDEX`. Exit 0 when the variant
/// is written or was already finished, else the variant's own exit status (1 no roster, 2 bad input).
struct SweepRunOneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run-one", abstract: "Run one variant of a sweep (a job-array task).")

    @Argument(help: "The sweep folder.") var folder: String
    @Option(help: "Variant index (default: $SLURM_ARRAY_TASK_ID or $JOB_COMPLETION_INDEX).") var index: Int?
    @Flag(help: "No progress on stderr.") var quiet = false

    func run() throws {
        guard let index = index ?? SweepVariantRun.indexFromEnvironment() else {
            throw ValidationError("no variant index: give --index, or run as a Slurm array task (SLURM_ARRAY_TASK_ID) or a Kubernetes Indexed Job (JOB_COMPLETION_INDEX)")
        }
        let progress: (@Sendable (String) -> Void)? = quiet ? nil : { @Sendable line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        switch try SweepVariantRun.run(folder: folder, index: index, progress: progress) {
        case .skipped:
            print("variant \(index) already finished: skipped")
        case .ran(let record):
            print("\(record.id): exit status \(record.exitStatus), \(String(format: "%.1f", record.seconds)) s")
            if !record.succeeded {
                FileHandle.standardError.write(Data((record.message + "\n").utf8))
                throw ExitCode(Int32(record.exitStatus))
            }
        }
    }
}

/// `wfm sweep merge DIR`: sweep.csv and report.html from the variants that finished; lists the others.
/// Exit 0 when every variant wrote a roster, 1 otherwise.
struct SweepMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "merge", abstract: "Build sweep.csv and report.html from finished variants.")

    @Argument(help: "The sweep folder.") var folder: String

    func run() throws {
        let plan = try SweepPlan.read(folder: folder)
        try Self.report(try SweepMerge.write(folder: folder, plan: plan), folder: folder)
    }

    /// Prints where the files are and each variant that did not write a roster; exit 1 if any.
    static func report(_ rows: [SweepRow], folder: String) throws {
        let ok = rows.filter { $0.status == .ok }.count
        print("\(ok) of \(rows.count) variants wrote a roster; \(folder)/sweep.csv, \(folder)/report.html")
        let others = rows.filter { $0.status != .ok }
        for row in others {
            print("  \(row.variant.id) \(row.status.rawValue)" + (row.exitStatus.map { " (exit \($0))" } ?? "")
                + ": " + (row.message.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""))
        }
        if !others.isEmpty { throw ExitCode(1) }
    }
}
