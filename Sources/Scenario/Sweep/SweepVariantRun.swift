import Foundation
import MIP
import WFMCore

/// What became of one variant (DIR/runs/<id>/variant.json): its overrides, exit status and time.
public struct SweepVariantRecord: Sendable, Hashable, Codable {
    public static let fileName = "variant.json"
    public var id: String
    public var index: Int
    /// Every `--set` the run had (grid values and `forecast.quantile`).
    public var overrides: [String]
    public var timeLimitSeconds: Double?
    /// The exit status `wfm run` would have given: 0 roster written, 1 no roster, 2 bad input.
    public var exitStatus: Int
    /// Why it failed (the run's diagnostics or collision), empty on success.
    public var message: String
    /// Wall-clock seconds of the whole run.
    public var seconds: Double
    /// The roster's risk per queue when the sweep asks for it (`SweepPlan.riskPaths`), else empty.
    public var risk: [QueueRisk]

    /// Weekly service of one queue over the risk's volume paths.
    public struct QueueRisk: Sendable, Hashable, Codable {
        public var queue: String
        public var p10: Double
        public var p50: Double
        public var p90: Double
        /// P(weekly service < target); nil for a queue without a target.
        public var probabilityBelowTarget: Double?

        enum CodingKeys: String, CodingKey {
            case queue, p10, p50, p90
            case probabilityBelowTarget = "p_below_target"
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, index, overrides, message, seconds, risk
        case timeLimitSeconds = "time_limit_seconds", exitStatus = "exit_status"
    }

    public var succeeded: Bool { exitStatus == 0 }

    init(id: String, index: Int, overrides: [String], timeLimitSeconds: Double?, exitStatus: Int, message: String, seconds: Double,
         risk: [QueueRisk]) {
        self.id = id
        self.index = index
        self.overrides = overrides
        self.timeLimitSeconds = timeLimitSeconds
        self.exitStatus = exitStatus
        self.message = message
        self.seconds = seconds
        self.risk = risk
    }

    /// Reads a record; `risk` may be absent (a sweep without roster risk).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        index = try c.decode(Int.self, forKey: .index)
        overrides = try c.decode([String].self, forKey: .overrides)
        timeLimitSeconds = try c.decodeIfPresent(Double.self, forKey: .timeLimitSeconds)
        exitStatus = try c.decode(Int.self, forKey: .exitStatus)
        message = try c.decode(String.self, forKey: .message)
        seconds = try c.decode(Double.self, forKey: .seconds)
        risk = try c.decodeIfPresent([QueueRisk].self, forKey: .risk) ?? []
    }

    static func read(_ path: String) -> SweepVariantRecord? {
        FileManager.default.contents(atPath: path).flatMap { try? JSONDecoder().decode(SweepVariantRecord.self, from: $0) }
    }

    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(self), as: UTF8.self) + "\n"  // strings and numbers only
    }
}

/// `wfm sweep run-one DIR --index I`: runs one variant of a sweep, exactly as `wfm run SCENARIO
/// --set … --time-limit S --out DIR/runs/<id>` would, and records it (`SweepVariantRecord`).
///
/// Atomic: the run is written into a staging folder `DIR/runs/.<id>.staging-<host>-<pid>` and renamed
/// to `DIR/runs/<id>` only when its files and variant.json are complete; a reader (`SweepMerge`)
/// sees the whole variant or none. Idempotent: a variant whose folder exists is skipped, and when two
/// tasks race on one index the second rename fails and its copy is discarded. A failed variant is a
/// finished variant too (its folder holds only variant.json): its failure is deterministic.
public enum SweepVariantRun {
    public enum Outcome: Sendable, Equatable {
        case skipped
        case ran(SweepVariantRecord)
    }

    /// Runs variant `index` of the sweep in `folder`. Throws a diagnostic for a bad index or manifest.
    public static func run(folder: String, index: Int, progress: (@Sendable (String) -> Void)? = nil) throws -> Outcome {
        let plan = try SweepPlan.read(folder: folder)
        guard plan.variants.indices.contains(index) else {
            throw DiagnosticError([Diagnostic(file: (folder as NSString).appendingPathComponent(SweepPlan.manifestName),
                                              message: "no variant \(index): the sweep has \(plan.variants.count) (0–\(plan.variants.count - 1))")])
        }
        let variant = plan.variants[index]
        let final = (folder as NSString).appendingPathComponent(variant.folder)
        let manager = FileManager.default
        if manager.fileExists(atPath: final) { return .skipped }

        let runs = (final as NSString).deletingLastPathComponent
        let staging = (runs as NSString).appendingPathComponent(".\(variant.id).staging-\(ProcessInfo.processInfo.hostName)-\(getpid())")
        try? manager.removeItem(atPath: staging)
        try manager.createDirectory(atPath: staging, withIntermediateDirectories: true)
        defer { try? manager.removeItem(atPath: staging) }

        let overrides = plan.runOverrides(variant)
        let start = ContinuousClock.now
        var status = 0
        var message = ""
        var risk: [SweepVariantRecord.QueueRisk] = []
        do {
            let scenario = try ScenarioLoader.load(path: plan.scenario, overrides: overrides)
            _ = try ScenarioRunner(timeLimitSeconds: plan.timeLimitSeconds, progress: progress).run(scenario, folder: staging)
            if plan.riskPaths > 0 {
                risk = try RosterRisk.run(scenario, folder: staging, paths: plan.riskPaths).queues.map {
                    .init(queue: $0.id, p10: $0.quantile(0.1), p50: $0.quantile(0.5), p90: $0.quantile(0.9),
                          probabilityBelowTarget: $0.probabilityBelowTarget)
                }
            }
        } catch let failure as RunFailure {
            status = 1
            message = "no roster written: \(failure.explanation)"
        } catch let diagnostics as DiagnosticError {
            status = 2
            message = diagnostics.description
        }
        if status != 0 {
            // Keep nothing of a failed run but its record, as `wfm run` writes nothing then.
            for name in try manager.contentsOfDirectory(atPath: staging) {
                try manager.removeItem(atPath: (staging as NSString).appendingPathComponent(name))
            }
        }
        let record = SweepVariantRecord(id: variant.id, index: index, overrides: overrides, timeLimitSeconds: plan.timeLimitSeconds,
                                        exitStatus: status, message: message, seconds: (ContinuousClock.now - start).inSeconds, risk: risk)
        try AtomicFile.write(record.json(), to: (staging as NSString).appendingPathComponent(SweepVariantRecord.fileName))
        if rename(staging, final) != 0 {
            // Another task finished this variant first (rename onto a non-empty folder fails): keep theirs.
            if manager.fileExists(atPath: (final as NSString).appendingPathComponent(SweepVariantRecord.fileName)) { return .skipped }
            let code = errno
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: final, "errno": code])
        }
        return .ran(record)
    }

    /// The array index of this task when `--index` is absent: `SLURM_ARRAY_TASK_ID` (Slurm job
    /// array) or `JOB_COMPLETION_INDEX` (Kubernetes Indexed Job); nil when neither is set.
    public static func indexFromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        for name in ["SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX"] {
            if let text = environment[name], let index = Int(text) { return index }
        }
        return nil
    }
}
