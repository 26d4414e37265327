import Foundation
import Scenario
import Scheduling
import Staffing
import Testing
import WFMCore

/// The demo loads and maps onto the domain types as its files say (counts checked against the files).
@Test func demoLoadsWithItsAgentsContractsAndWeek() throws {
    let s = try ScenarioLoader.load(path: scenarioPath("demo/demo.yaml"))
    #expect(s.name == "demo-week")
    #expect(s.warnings.isEmpty)
    #expect(s.timeZone.identifier == "Etc/GMT-2")
    // 7 days of 15 minutes, no DST change in January: 7 × 96 intervals, all at +02:00.
    #expect(s.grid.intervals.count == 336)
    #expect(TimeGrid.iso8601(s.grid.intervals[0]) == "2000-01-02T00:00+02:00")
    #expect(s.grid.intervals[0].date.isoWeekday == 7)   // a Sunday, the first busy day of the Israeli week
    #expect(s.queues.map(\.id) == ["voice", "chat", "email"])
    #expect(s.queue("chat")?.concurrency == 2)
    #expect(s.queue("email")?.responseHours == 4)
    #expect(s.queue("voice")?.openFromMinute == 420 && s.queue("voice")?.openToMinute == 1440)
    #expect(s.agents.count == 60)
    let byContract = Dictionary(grouping: s.agents, by: \.contractID).mapValues(\.count)
    #expect(byContract == ["full-time": 36, "part-time": 16, "student": 8])
    let multi = s.agents.first { $0.id == "A035" }
    #expect(multi?.skills == [Skill(queueID: "voice"), Skill(queueID: "chat", level: 2), Skill(queueID: "email", level: 3)])
    #expect(s.templates.map(\.id) == ["early", "late", "short", "evening"])
    let early = try #require(s.template("early"))
    #expect(early.paidMinutes(length: 510) == 480)
    #expect(early.breaks.first == BreakRule(lengthMinutes: 30, paid: false, earliestAfterMinutes: 180, latestAfterMinutes: 300))
    #expect(s.contract("full-time")?.templateIDs == ["early", "late"])
    #expect(s.contract("student")?.daysOffMin == 3)
    #expect(s.availability.count == 16)
    #expect(s.carryIn.count == 8)
    #expect(s.history.map(\.queueID) == ["voice", "chat", "email"])
    #expect(s.calendar.count == 12 && s.calendar.filter(\.closed).count == 7)
    #expect(s.forecast == .method("auto"))
    #expect(s.objective == .balance)
    #expect(s.solver == SolverSettings(timeLimitSeconds: 60, relativeGap: 0.005, seed: 1))
}

/// Carry-in times are absolute: a shift 19:00–24:00 local at +02:00 is 17:00–22:00 UTC.
@Test func carryInShiftsAreAbsoluteInstants() throws {
    let s = try ScenarioLoader.load(path: scenarioPath("demo/demo.yaml"))
    let shift = try #require(s.carryIn.first { $0.agentID == "A053" })
    #expect(shift.date == LocalDate("2000-01-01"))
    #expect(shift.start == LocalDate("2000-01-01")!.dayNumber * 86_400 + 17 * 3600)
    #expect(shift.end - shift.start == 5 * 3600)
}

/// The demo's history starts where the derived files say: every queue has a history file.
@Test func demoHistoryFilesExistAndHaveNoHandleTimes() throws {
    let s = try ScenarioLoader.load(path: scenarioPath("demo/demo.yaml"))
    for file in s.history {
        #expect(FileManager.default.fileExists(atPath: file.file.path))
        #expect(!file.hasHandleTime)
    }
}

/// Each channel maps onto its staffing model and targets.
@Test func queuesMapOntoStaffingModels() throws {
    let s = try ScenarioLoader.load(path: scenarioPath("demo/demo.yaml"))
    #expect(s.queue("voice")?.staffingModel == .erlangA(patienceSeconds: 120))
    #expect(s.queue("chat")?.staffingModel == .chat(concurrency: 2))
    #expect(s.queue("email")?.staffingModel == .deferred(responseHours: 4))
    #expect(s.queue("voice")?.staffingTargets == ServiceTargets(serviceLevel: 0.8, thresholdSeconds: 20, maxOccupancy: 0.85))
    #expect(s.queue("email")?.staffingTargets == nil)
    let erlangC = try ScenarioLoader.load(path: scenarioPath("demo/demo.yaml"), overrides: ["queues.voice.patience_seconds=~"])
    #expect(erlangC.queue("voice")?.staffingModel == .erlangC)
}
