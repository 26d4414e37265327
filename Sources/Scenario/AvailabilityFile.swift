import Scheduling
import WFMCore

/// availability.csv: `agent_id,date,start,end,kind` (SPEC.md), `kind` one of unavailable,
/// prefer-off, prefer-on. Times are local "HH:MM", `start < end`, `end` may be "24:00".
/// Rows for dates outside the horizon are ignored with a warning. `agentIDs` nil: agents unknown
/// (their file failed), ids not checked.
enum AvailabilityFile {
    static let columns = ["agent_id", "date", "start", "end", "kind"]

    static func read(_ file: InputFile, agentIDs: Set<String>?, horizon: ClosedRange<LocalDate>?,
                     bag: inout DiagnosticBag) -> [AvailabilityWindow] {
        guard let csv = CSVInput.open(file, required: columns, bag: &bag) else { return [] }
        var windows: [AvailabilityWindow] = []
        let kinds = ["unavailable", "prefer-off", "prefer-on"]
        for record in csv.completeRecords(bag: &bag) {
            let line = record.line
            func fail(_ key: String, _ message: String) { bag.error(file: csv.file, line: line, key: key, message) }
            let agent = csv.field(record, "agent_id")
            let dateText = csv.field(record, "date"), startText = csv.field(record, "start")
            let endText = csv.field(record, "end"), kindText = csv.field(record, "kind")
            var valid = true
            if let agentIDs, !agentIDs.contains(agent) { fail("agent_id", "no agent '\(agent)' in the agents file"); valid = false }
            let date = LocalDate(dateText)
            if date == nil { fail("date", "expected a date YYYY-MM-DD or DD.MM.YYYY, got \"\(dateText)\""); valid = false }
            let start = parseTimeOfDay(startText).flatMap { $0 < 1440 ? $0 : nil }
            if start == nil { fail("start", "expected a time \"HH:MM\" from 00:00 to 23:59, got \"\(startText)\""); valid = false }
            let end = parseTimeOfDay(endText)
            if end == nil { fail("end", "expected a time \"HH:MM\" from 00:00 to 24:00, got \"\(endText)\""); valid = false }
            if let start, let end, end <= start {
                fail("end", "must be after start \(startText), got \(endText); split a window that crosses midnight into two rows")
                valid = false
            }
            let kind = AvailabilityWindow.Kind(rawValue: kindText)
            if kind == nil { fail("kind", "expected one of \(kinds.joined(separator: ", ")), got \"\(kindText)\""); valid = false }
            guard valid, let date, let start, let end, let kind else { continue }
            if let horizon, !horizon.contains(date) {
                bag.warning(file: csv.file, line: line, key: "date", "\(date) is outside the horizon \(horizon.lowerBound)…\(horizon.upperBound); row ignored")
                continue
            }
            windows.append(AvailabilityWindow(agentID: agent, date: date, startMinute: start, endMinute: end, kind: kind))
        }
        return windows
    }
}
