import Foundation
import Scheduling
import WFMCore

/// The short text `wfm validate` prints: what a scenario contains, one topic per line.
public enum ScenarioSummary {
    public static func text(_ s: Scenario) -> String {
        var lines: [String] = []
        let grid = s.grid
        let last = grid.startDate.adding(days: grid.days - 1)
        lines.append("scenario \(s.name) (\(s.file)): valid")
        lines.append("horizon \(grid.startDate) to \(last) (\(grid.days) days, \(s.timeZone.identifier)), "
            + "\(grid.intervalMinutes)-minute intervals: \(grid.intervals.count)")
        lines.append("queues: " + s.queues.map(describe).joined(separator: "; "))
        let byContract = s.contracts.map { c in "\(c.id) \(s.agents.filter { $0.contractID == c.id }.count)" }
        let off = s.agentsOff.isEmpty ? "" : "; off: \(s.agentsOff.joined(separator: ", "))"
        lines.append("agents: \(s.agents.count) (\(byContract.joined(separator: ", ")))\(off)")
        let skills = s.queues.map { q in
            let skilled = s.agents.filter { $0.skills.contains { $0.queueID == q.id } }
            let primary = skilled.filter { $0.skills.contains { $0.queueID == q.id && $0.level == 1 } }.count
            return "\(q.id) \(skilled.count) (\(primary) primary)"
        }
        lines.append("skills: " + skills.joined(separator: ", "))
        lines.append("shift templates: " + s.templates.map(describe).joined(separator: "; "))
        lines.append("contracts: " + s.contracts.map { c in
            "\(c.id) \(c.weekMinutesMin)-\(c.weekMinutesMax) paid min/week on \(c.templateIDs.joined(separator: "/"))"
        }.joined(separator: "; "))
        let kinds = AvailabilityWindow.Kind.allKinds.map { k in "\(s.availability.filter { $0.kind == k }.count) \(k.rawValue)" }
        lines.append("availability: \(s.availability.count) windows (\(kinds.joined(separator: ", "))); carry-in: \(s.carryIn.count) shifts")
        switch s.forecast {
        case .method(let method): lines.append("forecast: method \(method) from \(s.history.count) history file\(s.history.count == 1 ? "" : "s")")
        case .file(let file, let rows): lines.append("forecast: \(rows.count) rows from \(file.displayName)")
        }
        if !s.calendar.isEmpty {
            lines.append("calendar: \(s.calendar.count) special days (\(s.calendar.filter(\.closed).count) closed)")
        }
        if !s.shiftCover.isEmpty {
            lines.append("shift cover: \(s.shiftCover.count) targets, \(s.shiftCover.reduce(0) { $0 + $1.required }) agent-shifts required")
        }
        if !s.requests.isEmpty {
            let on = s.requests.filter { $0.kind == .on }.count
            lines.append("requests: \(s.requests.count) (\(on) on, \(s.requests.count - on) off)")
        }
        if let published = s.publishedRoster {
            lines.append("published roster: \(published.shifts.count) shifts from \(published.file.displayName), change penalty \(published.changePenalty)")
        }
        lines.append("objective \(s.objective.rawValue); shrinkage \(s.shrinkage); solver \(number(s.solver.timeLimitSeconds)) s, "
            + "gap \(s.solver.relativeGap), seed \(s.solver.seed)")
        if !s.overrides.isEmpty {
            lines.append("overrides: " + s.overrides.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
        }
        lines.append("files: " + s.inputFiles.map(\.displayName).joined(separator: ", "))
        lines.append("inputs_sha256 \(s.inputsSHA256)")
        return lines.joined(separator: "\n")
    }

    static func describe(_ q: QueueSettings) -> String {
        var parts = [q.channel.rawValue]
        if let sl = q.serviceLevel { parts.append("SL \(percent(sl.target)) in \(number(sl.seconds)) s") }
        if let hours = q.responseHours { parts.append("answered within \(number(hours)) h") }
        if q.concurrency > 1 { parts.append("concurrency \(q.concurrency)") }
        if let aht = q.ahtSeconds { parts.append("AHT \(number(aht)) s") }
        if q.openFromMinute != 0 || q.openToMinute != 1440 {
            parts.append("open \(NodeReader.clock(q.openFromMinute))-\(NodeReader.clock(q.openToMinute))")
        }
        if q.volumeFactor != 1 { parts.append("volume ×\(number(q.volumeFactor))") }
        if q.ahtDeltaSeconds != 0 { parts.append("AHT \(q.ahtDeltaSeconds > 0 ? "+" : "")\(number(q.ahtDeltaSeconds)) s") }
        return "\(q.id) (\(parts.joined(separator: ", ")))"
    }

    static func describe(_ t: ShiftTemplate) -> String {
        let lengths = t.lengthsMinutes.map(String.init).joined(separator: "/")
        let next = t.cannotFollow.isEmpty ? "" : ", not followed by \(t.cannotFollow.joined(separator: "/"))"
        return "\(t.id) starts \(NodeReader.clock(t.startEarliestMinute))-\(NodeReader.clock(t.startLatestMinute)), \(lengths) min, \(t.breaks.count) break\(t.breaks.count == 1 ? "" : "s")\(next)"
    }

    static func percent(_ x: Double) -> String { number(x * 100) + "%" }

    /// Shortest decimal text of a number (`20`, `0.85`).
    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}

extension AvailabilityWindow.Kind {
    static let allKinds: [AvailabilityWindow.Kind] = [.unavailable, .preferOff, .preferOn]
}
