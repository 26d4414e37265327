import Foundation
import WFMCore

/// One row of sweep.csv: a variant and what its run produced.
public struct SweepRow: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        /// The run wrote a roster.
        case ok
        /// The run ended with exit status 1 (no roster) or 2 (bad input after the overrides).
        case failed
        /// No record: not run yet, still running, or its process died (`SweepLocal.Crash`).
        case missing
    }

    /// Weekly figures of one queue in the variant's summary.json.
    public struct Queue: Sendable, Hashable {
        public var id: String
        /// Weekly service level by Erlang, 0...1.
        public var serviceLevel: Double
        /// Weekly service level in the run's discrete-event simulation (`queues[].simulated`), 0...1;
        /// nil when the run did not simulate.
        public var simulatedServiceLevel: Double?
    }

    public var variant: SweepVariant
    public var status: Status
    public var exitStatus: Int?
    public var message: String
    public var queues: [Queue]
    public var paidHours: Double?
    public var agentsUsed: Int?
    public var objective: Double?
    /// `solver.service_bound` of summary.json when the run reports one.
    public var serviceBound: Double?
    public var seconds: Double?
    /// The roster's risk per queue when the sweep computed it.
    public var risk: [SweepVariantRecord.QueueRisk] = []
}

/// `wfm sweep merge DIR`: sweep.csv and report.html from whatever variants finished.
///
/// sweep.csv has one row per variant of the manifest, in manifest order, with the columns
/// `id, <each grid key>, quantile, service_<queue>…, simulated_<queue>…, paid_hours, agents_used, objective,
/// service_bound, status, exit_status, message, seconds`; with roster risk (`--risk-paths`), also
/// `p_below_target_<queue>…` after `service_bound` (queues with a target). Queues appear in the order of the first
/// finished variant that has them. Numbers: service 4 decimals, paid hours 2, objective and bound 4,
/// seconds 2; an empty field is a value the variant does not have. Only `seconds` differs between
/// two sweeps of the same manifest (runs are repeatable when they end by their work budget).
public enum SweepMerge {
    public static let csvName = "sweep.csv"
    public static let reportName = "report.html"

    /// The rows of every variant in `folder`; `crashes` (from a local run) give the exit status of
    /// variants whose process died without a record.
    public static func rows(folder: String, plan: SweepPlan, crashes: [SweepLocal.Crash] = []) -> [SweepRow] {
        let crashed = Dictionary(crashes.map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
        return plan.variants.map { variant in
            let path = (folder as NSString).appendingPathComponent(variant.folder)
            var row = SweepRow(variant: variant, status: .missing, exitStatus: nil, message: "", queues: [])
            guard let record = SweepVariantRecord.read((path as NSString).appendingPathComponent(SweepVariantRecord.fileName)) else {
                if let crash = crashed[variant.index] {
                    row.exitStatus = crash.exitStatus
                    row.message = crash.message
                } else {
                    row.message = "not finished"
                }
                return row
            }
            row.exitStatus = record.exitStatus
            row.message = record.message
            row.seconds = record.seconds
            guard record.succeeded else {
                row.status = .failed
                return row
            }
            guard let data = FileManager.default.contents(atPath: (path as NSString).appendingPathComponent("summary.json")),
                  let summary = try? JSONDecoder().decode(RunSummary.self, from: data) else {
                row.message = "summary.json missing or unreadable"
                return row
            }
            row.status = .ok
            row.queues = summary.queues.map {
                SweepRow.Queue(id: $0.id, serviceLevel: $0.serviceLevel, simulatedServiceLevel: $0.simulated?.serviceLevel)
            }
            row.paidHours = summary.paidHours
            row.agentsUsed = summary.agentsUsed
            row.objective = summary.solver.objective
            row.serviceBound = serviceBound(summaryJSON: data)
            row.risk = record.risk
            return row
        }
    }

    /// `solver.service_bound` of a summary.json, nil when absent or null.
    static func serviceBound(summaryJSON data: Data) -> Double? {
        let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        let solver = object?["solver"] as? [String: Any]
        return (solver?["service_bound"] as? NSNumber)?.doubleValue
    }

    /// Queue ids in the order of the first finished variant, then any others as they appear.
    public static func queueIDs(_ rows: [SweepRow]) -> [String] {
        var ids: [String] = []
        for row in rows { for q in row.queues where !ids.contains(q.id) { ids.append(q.id) } }
        return ids
    }

    /// sweep.csv text.
    public static func csv(plan: SweepPlan, rows: [SweepRow]) -> String {
        let queues = queueIDs(rows)
        let riskQueues = riskQueueIDs(plan: plan, rows: rows)
        var writer = CSVWriter(header: ["id"] + plan.grids.map(\.key) + ["quantile"] + queues.map { "service_\($0)" }
            + queues.map { "simulated_\($0)" } + ["paid_hours", "agents_used", "objective", "service_bound"] + riskQueues.map { "p_below_target_\($0)" }
            + ["status", "exit_status", "message", "seconds"])
        for row in rows {
            let values = plan.grids.map { grid in gridValue(row.variant, key: grid.key) }
            let queue = queues.map { id in row.queues.first { $0.id == id } }
            let service = queue.map { $0.map { Exporters.fixed($0.serviceLevel, 4) } ?? "" }
                + queue.map { Exporters.optional($0?.simulatedServiceLevel, 4) }
            writer.append([row.variant.id] + values + [row.variant.quantile.map(SweepPlan.quantileText) ?? ""] + service + [
                Exporters.optional(row.paidHours, 2), row.agentsUsed.map(String.init) ?? "", Exporters.optional(row.objective, 4),
                Exporters.optional(row.serviceBound, 4)] + riskQueues.map { id in
                    Exporters.optional(row.risk.first { $0.queue == id }?.probabilityBelowTarget, 4)
                } + [row.status.rawValue, row.exitStatus.map(String.init) ?? "",
                oneLine(row.message), Exporters.optional(row.seconds, 2),
            ])
        }
        return writer.text
    }

    /// Queues with a risk target, in the order of the first variant that has them; empty without risk.
    static func riskQueueIDs(plan: SweepPlan, rows: [SweepRow]) -> [String] {
        guard plan.riskPaths > 0 else { return [] }
        var ids: [String] = []
        for row in rows { for r in row.risk where r.probabilityBelowTarget != nil && !ids.contains(r.queue) { ids.append(r.queue) } }
        return ids
    }

    /// The value a variant gives to a grid key (its override `key=value`).
    static func gridValue(_ variant: SweepVariant, key: String) -> String {
        let prefix = key + "="
        return variant.overrides.first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) } ?? ""
    }

    /// A message on one line (diagnostics are one per line): lines joined with " | ".
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " | ")
    }

    /// Writes sweep.csv and report.html into `folder` (each atomically) and returns the rows.
    @discardableResult
    public static func write(folder: String, plan: SweepPlan, crashes: [SweepLocal.Crash] = []) throws -> [SweepRow] {
        let rows = rows(folder: folder, plan: plan, crashes: crashes)
        try AtomicFile.write(csv(plan: plan, rows: rows), to: (folder as NSString).appendingPathComponent(csvName))
        try AtomicFile.write(SweepReport.render(plan: plan, rows: rows), to: (folder as NSString).appendingPathComponent(reportName))
        return rows
    }
}
