import Foundation
import WFMCore

/// The files of one finished run (SPEC.md, "Files a run writes"), read back as plain data for the
/// report and `wfm compare`. Rows keep file order.
public struct RunDirectory: Sendable {
    /// The folder as given (used to name the run and in diagnostics).
    public var path: String
    public var summary: RunSummary
    public var requirements: [RequirementRow]
    public var coverage: [CoverageRow]
    public var shifts: [ShiftRow]
    public var breaks: [BreakRow]
    public var agents: [AgentRow]

    public init(path: String, summary: RunSummary, requirements: [RequirementRow], coverage: [CoverageRow],
                shifts: [ShiftRow], breaks: [BreakRow], agents: [AgentRow]) {
        self.path = path
        self.summary = summary
        self.requirements = requirements
        self.coverage = coverage
        self.shifts = shifts
        self.breaks = breaks
        self.agents = agents
    }

    /// Reads a run folder. Every problem in every file (missing file, missing column, malformed
    /// field, an agent or queue that another file does not know) is collected and thrown together as
    /// a `DiagnosticError` naming file, line and column.
    public static func read(path: String) throws -> RunDirectory {
        var bag = DiagnosticBag()
        func file(_ name: String) -> String { URL(fileURLWithPath: path).appendingPathComponent(name).path }
        func table(_ name: String) -> CSVTable? {
            do { return try CSVTable.read(path: file(name)) } catch let error as DiagnosticError {
                bag.append(contentsOf: error.diagnostics)
            } catch {
                bag.error(file: file(name), "\(error)")
            }
            return nil
        }

        let summary = readSummary(file("summary.json"), into: &bag)
        let requirements = table("requirements.csv").map { t in
            readRows(t, columns: ["interval_start", "queue", "contacts", "aht_seconds", "required_agents", "required_with_shrinkage"],
                     into: &bag) { f in
                RequirementRow(intervalStart: f.timestamp("interval_start"), queue: f.text("queue"), contacts: f.number("contacts"),
                               ahtSeconds: f.number("aht_seconds"), requiredAgents: f.number("required_agents"),
                               requiredWithShrinkage: f.number("required_with_shrinkage"))
            }
        } ?? []
        let coverage = table("coverage.csv").map { (t: CSVTable) -> [CoverageRow] in
            // simulated_service_level is optional: folders written before the simulation lack it.
            let simulated = t.column("simulated_service_level") != nil
            return readRows(t, columns: ["interval_start", "queue", "contacts", "aht_seconds", "required_agents", "scheduled_agents",
                                         "service_level", "asa_seconds", "occupancy"] + (simulated ? ["simulated_service_level"] : []),
                            into: &bag) { (f: inout RecordFields) -> CoverageRow in
                CoverageRow(intervalStart: f.timestamp("interval_start"), queue: f.text("queue"), contacts: f.number("contacts"),
                            ahtSeconds: f.number("aht_seconds"), requiredAgents: f.number("required_agents"),
                            scheduledAgents: f.number("scheduled_agents"), serviceLevel: f.optionalNumber("service_level"),
                            asaSeconds: f.optionalNumber("asa_seconds"), occupancy: f.optionalNumber("occupancy"),
                            simulatedServiceLevel: simulated ? f.optionalNumber("simulated_service_level") : nil)
            }
        } ?? []
        let shifts = table("shifts.csv").map { t in
            readRows(t, columns: ["agent_id", "date", "shift_id", "start", "end", "paid_minutes"], into: &bag) { (f: inout RecordFields) -> ShiftRow in
                let row = ShiftRow(agentID: f.text("agent_id"), date: f.date("date"), shiftID: f.text("shift_id"),
                                   start: f.timestamp("start"), end: f.timestamp("end"), paidMinutes: f.count("paid_minutes"))
                if f.diagnostics.isEmpty && row.end <= row.start { f.reject("end", "\(row.end) is not after start \(row.start)") }
                return row
            }
        } ?? []
        let breaks = table("breaks.csv").map { t in
            readRows(t, columns: ["agent_id", "start", "end", "paid"], into: &bag) { (f: inout RecordFields) -> BreakRow in
                let row = BreakRow(agentID: f.text("agent_id"), start: f.timestamp("start"), end: f.timestamp("end"), paid: f.flag("paid"))
                if f.diagnostics.isEmpty && row.end <= row.start { f.reject("end", "\(row.end) is not after start \(row.start)") }
                return row
            }
        } ?? []
        let problemsBeforeAgents = bag.diagnostics.count
        let agents = table("agents.csv").map { t in
            readRows(t, columns: ["agent_id", "contract", "paid_minutes", "days_worked", "max_consecutive_days", "min_rest_minutes",
                                  "night_shifts", "start_spread_minutes", "prefs_met", "prefs_total"], into: &bag) { f in
                AgentRow(agentID: f.text("agent_id"), contract: f.text("contract"), paidMinutes: f.count("paid_minutes"),
                         daysWorked: f.count("days_worked"), maxConsecutiveDays: f.count("max_consecutive_days"),
                         minRestMinutes: f.optionalCount("min_rest_minutes"), nightShifts: f.count("night_shifts"),
                         startSpreadMinutes: f.count("start_spread_minutes"), prefsMet: f.count("prefs_met"),
                         prefsTotal: f.count("prefs_total"))
            }
        } ?? []
        let agentsComplete = bag.diagnostics.count == problemsBeforeAgents

        if let summary {
            let queues = Set(summary.queues.map(\.id))
            checkKnown(coverage.map(\.queue), in: queues, file: file("coverage.csv"), column: "queue",
                       what: "queue not listed in summary.json", into: &bag)
            checkKnown(requirements.map(\.queue), in: queues, file: file("requirements.csv"), column: "queue",
                       what: "queue not listed in summary.json", into: &bag)
        }
        // Only against a complete agents.csv: a rejected row would make its agent look unknown.
        let agentIDs = Set(agents.map(\.agentID))
        if agentsComplete {
            checkKnown(shifts.map(\.agentID), in: agentIDs, file: file("shifts.csv"), column: "agent_id",
                       what: "agent not listed in agents.csv", into: &bag)
            checkKnown(breaks.map(\.agentID), in: agentIDs, file: file("breaks.csv"), column: "agent_id",
                       what: "agent not listed in agents.csv", into: &bag)
        }
        try bag.throwIfErrors()
        guard let summary else { preconditionFailure("summary.json failed to read without a diagnostic") }
        return RunDirectory(path: path, summary: summary, requirements: requirements, coverage: coverage,
                            shifts: shifts, breaks: breaks, agents: agents)
    }

    /// One diagnostic per id that is not in `known` (at its first use; the row's line is not kept,
    /// so the key names the column and value).
    private static func checkKnown(_ ids: [String], in known: Set<String>, file: String, column: String, what: String,
                                   into bag: inout DiagnosticBag) {
        var seen = Set<String>()
        for id in ids where !known.contains(id) && seen.insert(id).inserted {
            bag.error(file: file, key: column, "'\(id)': \(what)")
        }
    }

    /// Decodes summary.json, turning decoding errors into diagnostics with the key path.
    private static func readSummary(_ file: String, into bag: inout DiagnosticBag) -> RunSummary? {
        guard let data = FileManager.default.contents(atPath: file) else {
            bag.error(file: file, "cannot read file (missing or not readable)")
            return nil
        }
        do {
            return try JSONDecoder().decode(RunSummary.self, from: data)
        } catch let error as DecodingError {
            bag.append(contentsOf: [summaryDiagnostic(error, file: file)])
        } catch {
            bag.error(file: file, "\(error)")
        }
        return nil
    }

    /// `queues[0].service_level`-style key path and a readable message for a decoding error.
    static func summaryDiagnostic(_ error: DecodingError, file: String) -> Diagnostic {
        func keyPath(_ path: [any CodingKey]) -> String? {
            guard !path.isEmpty else { return nil }
            var text = ""
            for key in path {
                if let i = key.intValue { text += "[\(i)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text
        }
        switch error {
        case let .keyNotFound(key, context):
            return Diagnostic(file: file, key: keyPath(context.codingPath + [key]), message: "missing key")
        case let .typeMismatch(type, context):
            return Diagnostic(file: file, key: keyPath(context.codingPath), message: "wrong type; expected \(jsonTypeName(type))")
        case let .valueNotFound(type, context):
            return Diagnostic(file: file, key: keyPath(context.codingPath), message: "is null; expected \(jsonTypeName(type))")
        case let .dataCorrupted(context):
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return Diagnostic(file: file, key: keyPath(context.codingPath),
                              message: context.codingPath.isEmpty ? "not valid JSON" + (underlying.map { ": \($0)" } ?? "")
                                                                  : context.debugDescription)
        @unknown default:
            return Diagnostic(file: file, message: "\(error)")
        }
    }

    private static func jsonTypeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is [Any].Type: return "an array"
        default: return "an object"
        }
    }
}
