import Foundation
import Scheduling
import WFMCore

/// Reads a roster back from a run folder's shifts.csv and breaks.csv (SPEC.md columns), so any
/// roster — ours, last week's, or another tool's — can be put through the rule checker and the
/// service projection.
///
/// Each break is attached to the agent's shift that contains its start. Breaks keep their file
/// order within a shift (the checker matches them to the template's break rules by length and paid
/// flag, and in order among equals). Every problem is reported with file and line.
enum RosterFiles {
    static func read(folder: String, scenario: Scenario) throws -> Roster {
        var bag = DiagnosticBag()
        let zone = scenario.timeZone
        let dates = Set(scenario.grid.intervals.map(\.date))
        let agentIDs = Set(scenario.agents.map(\.id))
        let templateIDs = Set(scenario.templates.map(\.id))
        let shiftsFile = InputFile(key: "shifts", displayName: folder + "/shifts.csv", path: folder + "/shifts.csv")
        var shifts = ShiftsFile.read(shiftsFile, zone: zone, bag: &bag) { shift in
            if !dates.contains(shift.date) { return .reject(key: "date", message: "\(shift.date) is outside the scenario's horizon") }
            if !agentIDs.contains(shift.agentID) { return .reject(key: "agent_id", message: "no agent '\(shift.agentID)' in the scenario") }
            if !templateIDs.contains(shift.templateID) { return .reject(key: "shift_id", message: "no shift template '\(shift.templateID)'") }
            return .accept
        }
        let breaksFile = InputFile(key: "breaks", displayName: folder + "/breaks.csv", path: folder + "/breaks.csv")
        if let csv = CSVInput.open(breaksFile, required: ["agent_id", "start", "end", "paid"], bag: &bag) {
            for record in csv.completeRecords(bag: &bag) {
                func fail(_ key: String, _ message: String) { bag.error(file: csv.file, line: record.line, key: key, message) }
                let agent = csv.field(record, "agent_id")
                guard let start = LocalTimestamp.parse(csv.field(record, "start"), in: zone),
                      let end = LocalTimestamp.parse(csv.field(record, "end"), in: zone), end > start else {
                    fail("start", "expected local start < end with offset such as 2026-03-02T08:15+03:00")
                    continue
                }
                let paidText = csv.field(record, "paid")
                guard paidText == "true" || paidText == "false" else {
                    fail("paid", "expected true or false, got \"\(paidText)\"")
                    continue
                }
                guard let s = shifts.firstIndex(where: { $0.agentID == agent && $0.start <= start && start < $0.end }) else {
                    fail("start", "agent '\(agent)' has no shift containing this break")
                    continue
                }
                shifts[s].breaks.append(RosterBreak(start: start, end: end, paid: paidText == "true"))
            }
        }
        try bag.throwIfErrors()
        return Roster(shifts: shifts)
    }
}

/// The result of checking a roster against a scenario: broken hard rules and the service it gives.
public struct RosterCheck: Sendable {
    public var violations: [RuleViolation]
    public var service: ProjectedService
    /// The service figures every output reports (`ServiceFigures`).
    public var figures: ServiceFigures

    /// Loads the roster in `folder`, runs the independent rule checker, and projects its service with
    /// the scenario's own demand (forecast, what-ifs, calendar) — the same maths as coverage.csv.
    public static func run(_ scenario: Scenario, folder: String) throws -> RosterCheck {
        let roster = try RosterFiles.read(folder: folder, scenario: scenario)
        let demand = try DemandStage.run(scenario)
        let problem = RosterProblemBuilder.build(scenario, demand: demand, timeLimitSeconds: nil, seed: nil)
        let service = ProjectedService(roster: roster, problem: problem)
        return RosterCheck(violations: RuleChecker(problem: problem).violations(of: roster), service: service,
                           figures: ServiceFigures(service: service, demand: demand, scenario: scenario))
    }

    /// A planner-readable report: every violation, then per-queue weekly service and paid hours.
    public var text: String {
        var lines = violations.isEmpty ? ["every hard rule holds"]
            : ["\(violations.count) hard-rule violation(s):"] + violations.map { "  - \($0)" }
        for q in figures.queues {
            lines.append("\(q.queueID): " + ServiceText.weekly(q))
        }
        lines.append(String(format: "all queues: %.2f %% answered within threshold; paid hours %.1f",
                            figures.serviceLevel * 100, service.paidHours))
        return lines.joined(separator: "\n")
    }
}
