import Foundation

/// Runs a sweep's variants on this machine: `jobs` child processes of the same `wfm` binary at a
/// time, each `wfm sweep run-one DIR --index I` (`SweepVariantRun`), the same task a Slurm array or a
/// Kubernetes Indexed Job runs, so a local sweep and a batch sweep produce the same folders.
public struct SweepLocal: Sendable {
    /// Path of the `wfm` executable to run the variants with.
    public var executable: String
    /// Child processes at once, ≥ 1.
    public var jobs: Int
    /// Receives one line per finished variant; nil for none.
    public var progress: (@Sendable (String) -> Void)?

    public init(executable: String, jobs: Int, progress: (@Sendable (String) -> Void)? = nil) {
        precondition(jobs >= 1, "jobs must be at least 1, got \(jobs)")
        self.executable = executable
        self.jobs = jobs
        self.progress = progress
    }

    /// Default `--jobs`: the cores divided by the search threads of one run (`SearchSettings.threads`,
    /// 2), at least 1.
    public static func defaultJobs(threadsPerRun: Int = 2) -> Int {
        max(1, ProcessInfo.processInfo.activeProcessorCount / max(threadsPerRun, 1))
    }

    /// A child that died without writing its variant's record: its exit status and last stderr line.
    public struct Crash: Sendable, Hashable {
        public var index: Int
        public var exitStatus: Int
        public var message: String
    }

    /// Runs every variant of the plan in `folder` that has not finished yet; returns the children that
    /// ended without a record (a crash, a kill), which `SweepMerge` lists as failed.
    public func run(folder: String, plan: SweepPlan) -> [Crash] {
        let state = SharedState()
        let group = DispatchGroup()
        for _ in 0..<min(jobs, max(plan.variants.count, 1)) {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                while true {
                    guard let index = state.take(below: plan.variants.count) else { return }
                    let (status, stderr) = runChild(folder: folder, index: index)
                    let variant = plan.variants[index]
                    let recordPath = (folder as NSString).appendingPathComponent(variant.folder + "/" + SweepVariantRecord.fileName)
                    let record = SweepVariantRecord.read(recordPath)
                    if record == nil {
                        let last = stderr.split(separator: "\n").last.map(String.init) ?? "exited without a record"
                        state.add(Crash(index: index, exitStatus: Int(status), message: last))
                    }
                    let what = record.map { $0.succeeded ? "ok" : "failed (exit \($0.exitStatus))" } ?? "crashed (exit \(status))"
                    let seconds = record.map { String(format: ", %.1f s", $0.seconds) } ?? ""
                    progress?("\(variant.id) \(what)\(seconds): \(plan.runOverrides(variant).joined(separator: " "))")
                }
            }
        }
        group.wait()
        return state.crashes.sorted { $0.index < $1.index }
    }

    /// The next variant to start and the crashes so far, shared by the worker threads under a lock.
    private final class SharedState: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var found: [Crash] = []

        func take(below count: Int) -> Int? {
            lock.withLock {
                guard next < count else { return nil }
                defer { next += 1 }
                return next
            }
        }

        func add(_ crash: Crash) { lock.withLock { found.append(crash) } }
        var crashes: [Crash] { lock.withLock { found } }
    }

    /// `wfm sweep run-one folder --index index`, its stdout discarded; returns its exit status and stderr.
    private func runChild(folder: String, index: Int) -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["sweep", "run-one", folder, "--index", String(index), "--quiet"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return (127, "cannot start \(executable): \(error)")
        }
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
