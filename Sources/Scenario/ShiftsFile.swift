import Foundation
import Scheduling
import WFMCore

/// A shifts.csv as the exporter writes it (`agent_id,date,shift_id,start,end,paid_minutes`), read
/// back as last week's carry-in or as a published roster.
///
/// `start`/`end` are local timestamps (`2026-03-02T08:15+03:00`, see `LocalTimestamp`); the shift
/// must start on `date`, end after it starts, last at most 24 hours, and `paid_minutes` must lie in
/// 0…length. `rowCheck` adds the use-specific rule (carry-in: before the horizon; published: inside
/// it, known agent and template).
enum ShiftsFile {
    /// What `rowCheck` decides about a well-formed row.
    enum Verdict {
        case accept
        /// The row is wrong: an error.
        case reject(key: String, message: String)
        /// The row does not apply (e.g. an agent no longer in agents.csv): a warning, row dropped.
        case skip(key: String, message: String)
    }

    static let columns = ["agent_id", "date", "shift_id", "start", "end", "paid_minutes"]

    static func read(_ file: InputFile, zone: TimeZone, bag: inout DiagnosticBag,
                     rowCheck: (RosterShift) -> Verdict) -> [RosterShift] {
        guard let csv = CSVInput.open(file, required: columns, bag: &bag) else { return [] }
        var shifts: [RosterShift] = []
        var seen: [String: Int] = [:]
        for record in csv.completeRecords(bag: &bag) {
            let line = record.line
            func fail(_ key: String, _ message: String) { bag.error(file: csv.file, line: line, key: key, message) }
            let agent = csv.field(record, "agent_id"), shiftID = csv.field(record, "shift_id")
            let dateText = csv.field(record, "date"), startText = csv.field(record, "start")
            let endText = csv.field(record, "end"), paidText = csv.field(record, "paid_minutes")
            var valid = true
            if agent.isEmpty { fail("agent_id", "agent_id is empty"); valid = false }
            let date = LocalDate(dateText)
            if date == nil { fail("date", "expected a date YYYY-MM-DD or DD.MM.YYYY, got \"\(dateText)\""); valid = false }
            let stampHelp = "expected local time with offset such as 2026-03-02T08:15+03:00 (in \(zone.identifier))"
            let start = LocalTimestamp.parse(startText, in: zone)
            if start == nil { fail("start", "\(stampHelp), got \"\(startText)\""); valid = false }
            let end = LocalTimestamp.parse(endText, in: zone)
            if end == nil { fail("end", "\(stampHelp), got \"\(endText)\""); valid = false }
            let paid = Int(paidText)
            if paid == nil { fail("paid_minutes", "expected whole minutes, got \"\(paidText)\""); valid = false }
            guard valid, let date, let start, let end, let paid else { continue }
            if RunTimestamp(instant: start, in: zone).date != date {
                fail("start", "\(startText) is not on the shift's date \(date)")
                continue
            }
            let length = (end - start) / 60
            guard length > 0, length <= 1440 else {
                fail("end", "a shift must end after it starts and last at most 24 hours; \(startText) to \(endText) is \(length) minutes")
                continue
            }
            guard (0...length).contains(paid) else {
                fail("paid_minutes", "expected 0…\(length) (the shift's length), got \(paid)")
                continue
            }
            let key = "\(agent) \(date)"
            if let first = seen[key] {
                fail("date", "agent '\(agent)' has a second shift on \(date) (first on line \(first)); one shift a day")
                continue
            }
            seen[key] = line
            let shift = RosterShift(agentID: agent, date: date, templateID: shiftID, start: start, end: end, paidMinutes: paid, breaks: [])
            switch rowCheck(shift) {
            case .accept: shifts.append(shift)
            case .reject(let key, let message): fail(key, message)
            case .skip(let key, let message): bag.warning(file: csv.file, line: line, key: key, message)
            }
        }
        return shifts
    }
}
