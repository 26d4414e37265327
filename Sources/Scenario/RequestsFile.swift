import Scheduling
import WFMCore

/// requests.csv: `agent_id,date,shift_id,kind,weight` — agents' weighted shift requests
/// (`ShiftRequest`). `kind` is `on` (rule `shift-on-request`: paid `weight` when the agent works no
/// matching shift that day) or `off` (rule `shift-off-request`: paid when it does); an empty
/// `shift_id` matches any shift. `weight` is contacts per unmet request, finite and ≥ 0. Dates must
/// lie in the horizon, agents and templates must exist, and each (agent, date, shift_id, kind)
/// appears once. `agentIDs` nil: agents unknown (their file failed), ids not checked.
enum RequestsFile {
    static let columns = ["agent_id", "date", "shift_id", "kind", "weight"]

    static func read(_ file: InputFile, agentIDs: Set<String>?, templateIDs: [String], horizon: ClosedRange<LocalDate>?,
                     bag: inout DiagnosticBag) -> [ShiftRequest] {
        guard let csv = CSVInput.open(file, required: columns, bag: &bag) else { return [] }
        var requests: [ShiftRequest] = []
        struct Key: Hashable { var agent: String, date: LocalDate, shiftID: String, kind: ShiftRequest.Kind }
        var seen: [Key: Int] = [:]
        for record in csv.completeRecords(bag: &bag) {
            let line = record.line
            func fail(_ key: String, _ message: String) { bag.error(file: csv.file, line: line, key: key, message) }
            let agent = csv.field(record, "agent_id"), shiftID = csv.field(record, "shift_id")
            let kindText = csv.field(record, "kind")
            var valid = true
            if agent.isEmpty {
                fail("agent_id", "agent_id is empty"); valid = false
            } else if let agentIDs, !agentIDs.contains(agent) {
                fail("agent_id", "no agent '\(agent)' in the agents file"); valid = false
            }
            let date = csv.date(record, horizon: horizon, bag: &bag)
            if date == nil { valid = false }
            if !shiftID.isEmpty && !templateIDs.contains(shiftID) {
                fail("shift_id", NodeReader.unknownTemplate(shiftID, declared: templateIDs) + "; leave it empty for any shift")
                valid = false
            }
            let kind = ShiftRequest.Kind(rawValue: kindText)
            if kind == nil { fail("kind", "expected on or off, got \"\(kindText)\""); valid = false }
            let weight = csv.weight(record, "weight", what: "contacts per unmet request", bag: &bag)
            guard valid, let date, let kind, let weight else { continue }
            let key = Key(agent: agent, date: date, shiftID: shiftID, kind: kind)
            if let first = seen[key] {
                fail("kind", "the same request again (first on line \(first))")
                continue
            }
            seen[key] = line
            requests.append(ShiftRequest(agentID: agent, date: date, templateID: shiftID.isEmpty ? nil : shiftID, kind: kind, weight: weight))
        }
        return requests
    }
}
