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
                    serviceLevel: 0.812345, asaSeconds: nil, occupancy: 0.7),
    ])
    #expect(coverage == """
        interval_start,queue,contacts,aht_seconds,required_agents,scheduled_agents,service_level,asa_seconds,occupancy
        2026-03-02T08:30+03:00,voice,100.00,180.0,14.00,13.50,0.8123,,0.7000

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
                 .init(queueID: "chat", contacts: 10, serviceLevel: 0.9, asaSeconds: 5, occupancy: 0.7, understaffedIntervals: 0)],
        paidHours: 1750.5, agentsUsed: 58,
        solver: .init(status: "feasible", objective: 123.45678, bound: 120, gap: nil, seconds: 59.987, serviceBound: 0.881234),
        rules: [.init(id: "min-rest-between-shifts", kind: .hard, violations: 0, penalty: 0),
                .init(id: "prefer-off", kind: .soft, violations: 2, penalty: 10)],
        timings: .init(forecastSeconds: 0.4, staffingSeconds: 0.01, rosterSeconds: 59.8))
    let text = Exporters.summaryJSON(summary)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(Set(object.keys) == ["scenario", "timezone", "inputs_sha256", "overrides", "queues", "paid_hours", "agents_used",
                                 "solver", "rules", "timings"])
    #expect(object["scenario"] as? String == "demo \"week\"")
    #expect(object["overrides"] as? [String] == ["queues.voice.volume_factor=1.15"])
    let queues = try #require(object["queues"] as? [[String: Any]])
    #expect(queues.map { $0["id"] as? String } == ["voice", "chat"])
    #expect(queues[0]["service_level"] as? Double == 0.8123)
    #expect(queues[0]["asa_seconds"] as? Double == 14.3)
    #expect(queues[0]["contacts"] as? Double == 9123.46)
    #expect(queues[0]["understaffed_intervals"] as? Int == 7)
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
            {"id": "voice", "contacts": 9123.46, "service_level": 0.8123, "service_bound": 0.8500, "asa_seconds": 14.3, "occupancy": 0.8000, "understaffed_intervals": 7},
        """))
}

@Test func outputFolderWritesEveryFileAndLeavesNoStaging() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wfm-out-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try OutputFolder.write([(name: "a.csv", contents: "x\n"), (name: "summary.json", contents: "{}\n")], to: folder.path)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["a.csv", "summary.json"])
    #expect(try String(contentsOf: folder.appendingPathComponent("a.csv"), encoding: .utf8) == "x\n")
}

/// When staging fails (a name too long for the file system), no final name is touched.
@Test func failedStagingLeavesFinalNamesAlone() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wfm-out-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try OutputFolder.write([(name: "a.csv", contents: "old\n")], to: folder.path)
    #expect(throws: (any Error).self) {
        try OutputFolder.write([(name: "a.csv", contents: "new\n"), (name: String(repeating: "n", count: 300), contents: "")], to: folder.path)
    }
    #expect(try String(contentsOf: folder.appendingPathComponent("a.csv"), encoding: .utf8) == "old\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a.csv"])
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
