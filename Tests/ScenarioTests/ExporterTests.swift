import Foundation
@testable import Scenario
import Testing
import WFMCore

/// Moscow is UTC+3 all year: 2026-03-02 08:00 local is 05:00Z.
let moscow = TimeZone(identifier: "Europe/Moscow")!
let mondayEight = LocalDate("2026-03-02")!.dayNumber * 86_400 + 5 * 3600
let smallGrid = TimeGrid(timeZone: moscow, startDate: LocalDate("2026-03-02")!, days: 1, intervalMinutes: 30)
func moscowTime(_ instant: Int) -> RunTimestamp { RunTimestamp(instant: instant, in: moscow) }

@Test func requirementsAndCoverageHaveTheSpecColumnsAndFixedDecimals() {
    let slot = RunTimestamp(smallGrid.intervals[17])   // 08:30
    let requirements = Exporters.requirementsCSV([
        RequirementRow(intervalStart: slot, queue: "voice", contacts: 100, ahtSeconds: 180, requiredAgents: 14, requiredWithShrinkage: 20),
        RequirementRow(intervalStart: slot, queue: "email", contacts: 12.345, ahtSeconds: 300.04, requiredAgents: 2.0555, requiredWithShrinkage: -0.0001),
    ])
    #expect(requirements == """
        interval_start,queue,contacts,aht_seconds,required_agents,required_with_shrinkage
        2026-03-02T08:30+03:00,voice,100.00,180.0,14.00,20.00
        2026-03-02T08:30+03:00,email,12.35,300.0,2.06,0.00

        """)
    let coverage = Exporters.coverageCSV([
        CoverageRow(intervalStart: slot, queue: "voice", contacts: 100, ahtSeconds: 180, requiredAgents: 14, scheduledAgents: 13.5,
                    serviceLevel: 0.812345, asaSeconds: nil, occupancy: 0.7, simulatedServiceLevel: 0.79876),
        CoverageRow(intervalStart: slot, queue: "chat", contacts: 0, ahtSeconds: 400, requiredAgents: 0, scheduledAgents: 1,
                    serviceLevel: 1, asaSeconds: 0, occupancy: 0),
    ])
    #expect(coverage == """
        interval_start,queue,contacts,aht_seconds,required_agents,scheduled_agents,service_level,asa_seconds,occupancy,simulated_service_level
        2026-03-02T08:30+03:00,voice,100.00,180.0,14.00,13.50,0.8123,,0.7000,0.7988
        2026-03-02T08:30+03:00,chat,0.00,400.0,0.00,1.00,1.0000,0.0,0.0000,

        """)
}

@Test func shiftsBreaksAndAgentsUseLocalTimesWithOffset() {
    let shifts = Exporters.shiftsCSV([
        ShiftRow(agentID: "a1", date: LocalDate("2026-03-02")!, shiftID: "late", start: moscowTime(mondayEight + 10 * 3600),
                 end: moscowTime(mondayEight + 18 * 3600), paidMinutes: 450),
    ])
    #expect(shifts == "agent_id,date,shift_id,start,end,paid_minutes\na1,2026-03-02,late,2026-03-02T18:00+03:00,2026-03-03T02:00+03:00,450\n")
    let breaks = Exporters.breaksCSV([BreakRow(agentID: "a1", start: moscowTime(mondayEight + 3600), end: moscowTime(mondayEight + 5400), paid: false)])
    #expect(breaks == "agent_id,start,end,paid\na1,2026-03-02T09:00+03:00,2026-03-02T09:30+03:00,false\n")
    let agents = Exporters.agentsCSV([
        AgentRow(agentID: "a1", contract: "full-time", paidMinutes: 2280, daysWorked: 5, maxConsecutiveDays: 5, minRestMinutes: 720,
                 nightShifts: 1, startSpreadMinutes: 60, prefsMet: 2, prefsTotal: 3),
        AgentRow(agentID: "a2", contract: "student", paidMinutes: 0, daysWorked: 0, maxConsecutiveDays: 0, minRestMinutes: nil,
                 nightShifts: 0, startSpreadMinutes: 0, prefsMet: 0, prefsTotal: 0),
    ])
    #expect(agents == """
        agent_id,contract,paid_minutes,days_worked,max_consecutive_days,min_rest_minutes,night_shifts,start_spread_minutes,prefs_met,prefs_total
        a1,full-time,2280,5,5,720,1,60,2,3
        a2,student,0,0,0,,0,0,0,0

        """)
}

/// A DST change: Berlin springs forward on 2026-03-29 at 02:00 → 03:00; labels carry the new offset.
@Test func timestampsFollowTheOffsetInForce() {
    let berlin = TimeZone(identifier: "Europe/Berlin")!
    let beforeJump = LocalDate("2026-03-29")!.dayNumber * 86_400 + 0 * 3600 + 30 * 60   // 00:30Z = 01:30+01:00
    let rows = [BreakRow(agentID: "x", start: RunTimestamp(instant: beforeJump, in: berlin),
                         end: RunTimestamp(instant: beforeJump + 3600, in: berlin), paid: true)]
    #expect(Exporters.breaksCSV(rows) == "agent_id,start,end,paid\nx,2026-03-29T01:30+01:00,2026-03-29T03:30+02:00,true\n")
}

/// What the exporter writes, the loader reads back as last week's shifts (carry_in) unchanged.
@Test func exportedShiftsReadBackAsCarryIn() throws {
    let folder = try copyOfSmallScenario()
    defer { try? FileManager.default.removeItem(at: folder) }
    let sunday = LocalDate("2026-03-01")!
    let start = sunday.dayNumber * 86_400 + 20 * 3600   // 23:00 local
    let text = Exporters.shiftsCSV([ShiftRow(agentID: "a2", date: sunday, shiftID: "day", start: moscowTime(start),
                                             end: moscowTime(start + 8 * 3600), paidMinutes: 450)])
    try text.write(to: folder.appendingPathComponent("last_week.csv"), atomically: true, encoding: .utf8)
    let s = try ScenarioLoader.load(path: folder.appendingPathComponent("valid.yaml").path, overrides: ["carry_in=last_week.csv"])
    #expect(s.carryIn.count == 1)
    #expect(s.carryIn.first?.start == start && s.carryIn.first?.end == start + 8 * 3600 && s.carryIn.first?.date == sunday)
}

@Test func summaryJSONHasTheDocumentedShapeAndParses() throws {
    let summary = RunSummaryOutput(
        scenario: "demo \"week\"", timezone: "Asia/Jerusalem", inputsSHA256: String(repeating: "ab", count: 32),
        overrides: [AppliedOverride(key: "queues.voice.volume_factor", value: "1.15", path: "queues[0].volume_factor")],
        queues: [.init(queueID: "voice", contacts: 9123.456, serviceLevel: 0.81234, asaSeconds: 14.26, occupancy: 0.8, understaffedIntervals: 7,
                       serviceBound: 0.85),
                 .init(queueID: "chat", contacts: 10, serviceLevel: 0.9, asaSeconds: 5, occupancy: 0.7, understaffedIntervals: 0,
                       simulated: .init(serviceLevel: 0.93456, ci95: 0.00512, asaSeconds: 7.26, abandonRate: 0, occupancy: 0.71234))],
        paidHours: 1750.5, agentsUsed: 58,
        solver: .init(status: "feasible", objective: 123.45678, bound: 120, gap: nil, seconds: 59.987, serviceBound: 0.881234),
        rules: [.init(id: "min-rest-between-shifts", kind: .hard, violations: 0, penalty: 0),
                .init(id: "prefer-off", kind: .soft, violations: 2, penalty: 10)],
        timings: .init(forecastSeconds: 0.4, staffingSeconds: 0.01, rosterSeconds: 59.8))
    let text = Exporters.summaryJSON(summary)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(Set(object.keys) == ["scenario", "timezone", "weekend", "inputs_sha256", "overrides", "queues", "paid_hours", "agents_used",
                                 "solver", "rules", "timings"])
    #expect(object["scenario"] as? String == "demo \"week\"")
    #expect(object["weekend"] as? [String] == ["sat", "sun"])
    #expect(object["overrides"] as? [String] == ["queues.voice.volume_factor=1.15"])
    let queues = try #require(object["queues"] as? [[String: Any]])
    #expect(queues.map { $0["id"] as? String } == ["voice", "chat"])
    #expect(queues[0]["service_level"] as? Double == 0.8123)
    #expect(queues[0]["asa_seconds"] as? Double == 14.3)
    #expect(queues[0]["contacts"] as? Double == 9123.46)
    #expect(queues[0]["understaffed_intervals"] as? Int == 7)
    #expect(queues[0]["simulated"] is NSNull)
    let simulated = try #require(queues[1]["simulated"] as? [String: Double])
    #expect(simulated == ["service_level": 0.9346, "ci95": 0.0051, "asa_seconds": 7.3, "abandon_rate": 0, "occupancy": 0.7123])
    let solver = object["solver"] as? [String: Any]
    #expect(solver?["gap"] is NSNull)
    #expect(solver?["objective"] as? Double == 123.4568)
    #expect(solver?["service_bound"] as? Double == 0.8812)
    #expect(queues[1]["service_bound"] is NSNull, "no per-queue bound: null")
    #expect((object["rules"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["hard", "soft"])
    #expect((object["timings"] as? [String: Double])?["roster_seconds"] == 59.8)
    // Keys come in the documented order with fixed decimals, so equal inputs give equal text.
    #expect(text.contains("""
          "queues": [
            {"id": "voice", "contacts": 9123.46, "service_level": 0.8123, "service_bound": 0.8500, "asa_seconds": 14.3, "occupancy": 0.8000, "understaffed_intervals": 7, "unstable_intervals": 0, "unstable_contacts": 0.00, "response_hours": null, "mean_response_minutes": null, "p90_response_minutes": null, "backlog_end_of_day": [], "simulated": null},
        """))
}

@Test func outputFolderWritesEveryFileAndLeavesNoStaging() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wfm-out-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try OutputFolder.write([(name: "a.csv", contents: "x\n"), (name: "summary.json", contents: "{}\n")], to: folder.path) { staging in
        try "<html>".write(toFile: staging + "/report.html", atomically: false, encoding: .utf8)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["a.csv", "report.html", "summary.json"])
    #expect(try String(contentsOf: folder.appendingPathComponent("a.csv"), encoding: .utf8) == "x\n")
    // A second write replaces the folder as a whole: files of the first run not written again are gone.
    try OutputFolder.write([(name: "b.csv", contents: "y\n"), (name: "summary.json", contents: "{}\n")], to: folder.path)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["b.csv", "summary.json"])
    let siblings = try FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path)
    #expect(!siblings.contains { $0.hasPrefix(".\(folder.lastPathComponent).wfm-new") || $0.hasPrefix(".\(folder.lastPathComponent).wfm-old") })
}

/// A folder that is not a run folder is never replaced; a second lock on one folder is refused.
@Test func outputFolderRefusesForeignFoldersAndASecondLock() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wfm-out-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try "mine".write(to: folder.appendingPathComponent("notes.txt"), atomically: false, encoding: .utf8)
    #expect(throws: DiagnosticError.self) { try OutputFolder.write([(name: "summary.json", contents: "{}")], to: folder.path) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
    let lock = try OutputFolder.lock(folder.path)
    #expect(throws: DiagnosticError.self) { _ = try OutputFolder.lock(folder.path) }
    lock.release()
    try OutputFolder.lock(folder.path).release()
}

/// When staging fails (a name too long for the file system), no final name is touched.
@Test func failedStagingLeavesFinalNamesAlone() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wfm-out-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try OutputFolder.write([(name: "summary.json", contents: "old\n")], to: folder.path)
    #expect(throws: (any Error).self) {
        try OutputFolder.write([(name: "summary.json", contents: "new\n"), (name: String(repeating: "n", count: 300), contents: "")], to: folder.path)
    }
    #expect(try String(contentsOf: folder.appendingPathComponent("summary.json"), encoding: .utf8) == "old\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["summary.json"])
}

/// What the exporters write, `RunDirectory` (the report's and `wfm compare`'s reader) reads back
/// unchanged: one definition of each file on both sides.
@Test func writtenRunFolderReadsBackThroughRunDirectory() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wfm-run-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let slot = RunTimestamp(smallGrid.intervals[18])
    let requirements = [RequirementRow(intervalStart: slot, queue: "voice", contacts: 100, ahtSeconds: 180, requiredAgents: 14,
                                       requiredWithShrinkage: 20)]
    let coverage = [CoverageRow(intervalStart: slot, queue: "voice", contacts: 100, ahtSeconds: 180, requiredAgents: 14,
                                scheduledAgents: 12.5, serviceLevel: 0.7123, asaSeconds: 31.4, occupancy: 0.9)]
    let shifts = [ShiftRow(agentID: "a1", date: LocalDate("2026-03-02")!, shiftID: "day", start: moscowTime(mondayEight),
                           end: moscowTime(mondayEight + 8 * 3600), paidMinutes: 450)]
    let breaks = [BreakRow(agentID: "a1", start: moscowTime(mondayEight + 4 * 3600), end: moscowTime(mondayEight + 4 * 3600 + 1800), paid: false)]
    let agents = [AgentRow(agentID: "a1", contract: "full-time", paidMinutes: 450, daysWorked: 1, maxConsecutiveDays: 1,
                           minRestMinutes: nil, nightShifts: 0, startSpreadMinutes: 0, prefsMet: 0, prefsTotal: 0)]
    let summary = RunSummaryOutput(
        scenario: "small", timezone: "Europe/Moscow", inputsSHA256: String(repeating: "0", count: 64),
        overrides: [AppliedOverride(key: "shrinkage", value: "0.3", path: "shrinkage")],
        queues: [.init(queueID: "voice", contacts: 100, serviceLevel: 0.7123, asaSeconds: 31.4, occupancy: 0.9, understaffedIntervals: 1)],
        paidHours: 7.5, agentsUsed: 1, solver: .init(status: "optimal", objective: 3, bound: 3, gap: 0, seconds: 0.5),
        rules: [.init(id: "min-rest-between-shifts", kind: .hard, violations: 0, penalty: 0)],
        timings: .init(forecastSeconds: 0, staffingSeconds: 0, rosterSeconds: 0.5))
    try OutputFolder.write([
        (name: "requirements.csv", contents: Exporters.requirementsCSV(requirements)),
        (name: "coverage.csv", contents: Exporters.coverageCSV(coverage)),
        (name: "shifts.csv", contents: Exporters.shiftsCSV(shifts)),
        (name: "breaks.csv", contents: Exporters.breaksCSV(breaks)),
        (name: "agents.csv", contents: Exporters.agentsCSV(agents)),
        (name: "summary.json", contents: Exporters.summaryJSON(summary)),
    ], to: folder.path)
    let run = try RunDirectory.read(path: folder.path)
    #expect(run.requirements == requirements)
    #expect(run.coverage == coverage)
    #expect(run.shifts == shifts)
    #expect(run.breaks == breaks)
    #expect(run.agents == agents)
    #expect(run.summary.overrides == ["shrinkage=0.3"])
    #expect(run.summary.queues.map(\.serviceLevel) == [0.7123])
    #expect(run.summary.queues.first?.understaffedIntervals == 1)
    #expect(run.summary.solver.status == "optimal" && run.summary.paidHours == 7.5)
}

/// An ASA unbounded somewhere and a deferred queue: the run table says so, and summary.json writes
/// `null` where a figure does not apply.
@Test func unboundedASAAndDeferredWorkAreSaidSoInTheTableAndTheJSON() throws {
    var voice = RunSummaryOutput.QueueKPI(queueID: "voice", contacts: 100, serviceLevel: 0.881, asaSeconds: nil, occupancy: 0.9,
                                          understaffedIntervals: 3)
    voice.unstableIntervals = 4
    voice.unstableContacts = 12.5
    var email = RunSummaryOutput.QueueKPI(queueID: "email", contacts: 50, serviceLevel: 0.973, asaSeconds: nil, occupancy: nil,
                                          understaffedIntervals: 0)
    email.deferred = .init(responseHours: 4, meanResponseMinutes: 41.3, p90ResponseMinutes: 118,
                           backlogEndOfDay: [.init(date: LocalDate("2026-03-02")!, contacts: 3.254), .init(date: LocalDate("2026-03-03")!, contacts: 0)])
    let summary = RunSummaryOutput(
        scenario: "s", timezone: "UTC", inputsSHA256: "", overrides: [], queues: [voice, email], paidHours: 1, agentsUsed: 1,
        solver: .init(status: "feasible", objective: nil, bound: nil, gap: nil, seconds: 1), rules: [],
        timings: .init(forecastSeconds: 0, staffingSeconds: 0, rosterSeconds: 0))
    let lines = RunSummaryText.text(RunOutcome(folder: "out", summary: summary, changedShifts: nil)).split(separator: "\n").map(String.init)
    #expect(lines.contains("voice       88.1 %      ∞ s   90.0 %    3"), "\(lines)")
    #expect(lines.contains("email       97.3 %        –      –      0"), "\(lines)")
    #expect(lines.contains("  voice: ASA unbounded in 4 intervals (12.5 contacts) (capacity ≤ offered load there)"))
    #expect(lines.contains("  email: SL = answered within 4 h, response mean 41.3 min, p90 118.0 min (open time); backlog at day end 3.25, 0.00"))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(Exporters.summaryJSON(summary).utf8)) as? [String: Any])
    let queues = try #require(object["queues"] as? [[String: Any]])
    #expect(queues[0]["asa_seconds"] is NSNull && queues[0]["unstable_intervals"] as? Int == 4 && queues[0]["response_hours"] is NSNull)
    #expect(queues[1]["asa_seconds"] is NSNull && queues[1]["occupancy"] is NSNull && queues[1]["unstable_intervals"] is NSNull)
    #expect(queues[1]["mean_response_minutes"] as? Double == 41.3 && queues[1]["p90_response_minutes"] as? Double == 118)
    #expect((queues[1]["backlog_end_of_day"] as? [[String: Any]])?.map { $0["date"] as? String } == ["2026-03-02", "2026-03-03"])
    // The report's reader takes the same fields back.
    let read = try JSONDecoder().decode(RunSummary.self, from: Data(Exporters.summaryJSON(summary).utf8))
    #expect(read.queues[1].backlogEndOfDay?.map(\.contacts) == [3.25, 0] && read.queues[0].unstableIntervals == 4)
}
