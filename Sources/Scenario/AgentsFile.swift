import Scheduling
import WFMCore

/// agents.csv: `agent_id,name,contract,skills` (SPEC.md).
///
/// `skills` lists queue ids separated by `|`, each optionally with a level after `:`
/// (`voice|chat:2`): 1 primary (the default), 2 secondary, 3 backup. An agent needs a unique id,
/// an existing contract and at least one skill on an existing queue; an empty name defaults to the id.
/// Returns the valid agents and every agent id in the file (for cross-references of later files);
/// the ids are nil when the file or its header could not be read, so that references to agents are
/// then not checked (one error for the file, not one per row of every file that names an agent).
enum AgentsFile {
    static let columns = ["agent_id", "name", "contract", "skills"]

    static func read(_ file: InputFile, queueIDs: [String], contractIDs: [String],
                     bag: inout DiagnosticBag) -> (agents: [Agent], ids: Set<String>?) {
        guard let csv = CSVInput.open(file, required: columns, bag: &bag) else { return ([], nil) }
        var agents: [Agent] = []
        var firstLine: [String: Int] = [:]
        for record in csv.completeRecords(bag: &bag) {
            let line = record.line
            let id = csv.field(record, "agent_id")
            guard !id.isEmpty else {
                bag.error(file: csv.file, line: line, key: "agent_id", "agent_id is empty")
                continue
            }
            if let first = firstLine[id] {
                bag.error(file: csv.file, line: line, key: "agent_id", "duplicate agent_id '\(id)' (first on line \(first))")
                continue
            }
            firstLine[id] = line
            let contract = csv.field(record, "contract")
            var valid = true
            if contract.isEmpty {
                bag.error(file: csv.file, line: line, key: "contract", "agent '\(id)' has no contract: expected one of \(contractIDs.joined(separator: ", "))")
                valid = false
            } else if !contractIDs.contains(contract) {
                bag.error(file: csv.file, line: line, key: "contract", "no contract '\(contract)' (defined: \(contractIDs.joined(separator: ", ")))")
                valid = false
            }
            let skills = parseSkills(csv.field(record, "skills"), queueIDs: queueIDs, file: csv.file, line: line, bag: &bag)
            guard valid, let skills else { continue }
            let name = csv.field(record, "name")
            agents.append(Agent(id: id, name: name.isEmpty ? id : name, contractID: contract, skills: skills))
        }
        return (agents, Set(firstLine.keys))
    }

    /// Parses `voice|chat:2`; nil after reporting when any part is bad.
    static func parseSkills(_ text: String, queueIDs: [String], file: String, line: Int, bag: inout DiagnosticBag) -> [Skill]? {
        guard !text.isEmpty else {
            bag.error(file: file, line: line, key: "skills", "no skills: expected queue ids such as voice|chat:2")
            return nil
        }
        var skills: [Skill] = []
        var valid = true
        for part in text.split(separator: "|", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let queue = pieces[0]
            var level = 1
            if pieces.count > 2 || queue.isEmpty {
                bag.error(file: file, line: line, key: "skills", "bad skill '\(part)': expected QUEUE or QUEUE:LEVEL, e.g. voice|chat:2")
                valid = false
                continue
            }
            if pieces.count == 2 {
                guard let parsed = Int(pieces[1]), (1...3).contains(parsed) else {
                    bag.error(file: file, line: line, key: "skills", "bad level in '\(part)': expected 1 (primary), 2 (secondary) or 3 (backup)")
                    valid = false
                    continue
                }
                level = parsed
            }
            if !queueIDs.contains(queue) {
                bag.error(file: file, line: line, key: "skills", "no queue '\(queue)' (defined: \(queueIDs.joined(separator: ", ")))")
                valid = false
            } else if skills.contains(where: { $0.queueID == queue }) {
                bag.error(file: file, line: line, key: "skills", "queue '\(queue)' is listed twice")
                valid = false
            } else {
                skills.append(Skill(queueID: queue, level: level))
            }
        }
        return valid ? skills : nil
    }
}
