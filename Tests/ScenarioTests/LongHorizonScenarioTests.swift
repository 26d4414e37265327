import Foundation
@testable import Scenario
import Scheduling
import Testing
import WFMCore

/// The scenario keys of the long-horizon rules, forbidden successions, shift cover and requests
/// (docs/scenario.md), read from scenarios/long-horizon and from `--set` overrides.

private func day(_ text: String) -> LocalDate { LocalDate(text)! }

@Test func everyLongHorizonKeyReachesTheRosterProblem() throws {
    let scenario = try ScenarioLoader.load(path: scenarioPath("long-horizon/long-horizon.yaml"))
    let problem = RosterProblemBuilder.build(scenario, demand: try DemandStage.run(scenario), timeLimitSeconds: nil, seed: nil)
    // Expected values written out from long-horizon.yaml, shift_cover.csv and requests.csv.
    #expect(problem.templates.map(\.id) == ["early", "late"])
    #expect(problem.templates.map(\.cannotFollow) == [[], ["early"]])
    #expect(problem.contracts == [
        Contract(id: "full-time", weekMinutesMin: 1800, weekMinutesMax: 2250, daysOffMin: 2, maxConsecutiveDays: 5,
                 minRestMinutes: 660, maxNightShifts: 7, maxStartSpreadMinutes: 1440, templateIDs: ["early", "late"],
                 minConsecutiveDays: 2, minConsecutiveDaysOff: 2, maxWeekends: 1, maxShiftsPerTemplate: ["late": 6],
                 horizonMinutesMin: 4050, horizonMinutesMax: 4500),
        Contract(id: "part-time", weekMinutesMin: 900, weekMinutesMax: 1350, daysOffMin: 3, maxConsecutiveDays: 4,
                 minRestMinutes: 660, maxNightShifts: 7, maxStartSpreadMinutes: 1440, templateIDs: ["early", "late"],
                 minConsecutiveDays: 1, minConsecutiveDaysOff: 1, maxWeekends: nil, maxShiftsPerTemplate: [:],
                 horizonMinutesMin: 0, horizonMinutesMax: 2250),
    ])
    #expect(problem.shiftCover == [
        ShiftCover(date: day("2026-03-02"), templateID: "early", required: 3, underWeight: 50, overWeight: 5),
        ShiftCover(date: day("2026-03-02"), templateID: "late", required: 2, underWeight: 50, overWeight: 5),
        ShiftCover(date: day("2026-03-07"), templateID: "early", required: 1, underWeight: 30, overWeight: 10),
        ShiftCover(date: day("2026-03-08"), templateID: "late", required: 1, underWeight: 30, overWeight: 10),
        ShiftCover(date: day("2026-03-09"), templateID: "early", required: 3, underWeight: 50, overWeight: 5),
        ShiftCover(date: day("2026-03-15"), templateID: "late", required: 0, underWeight: 0, overWeight: 20),
    ])
    #expect(problem.requests == [
        ShiftRequest(agentID: "f1", date: day("2026-03-06"), templateID: nil, kind: .off, weight: 20),
        ShiftRequest(agentID: "f2", date: day("2026-03-03"), templateID: "early", kind: .on, weight: 5),
        ShiftRequest(agentID: "f3", date: day("2026-03-14"), templateID: nil, kind: .on, weight: 3),
        ShiftRequest(agentID: "p1", date: day("2026-03-11"), templateID: "late", kind: .off, weight: 8.5),
        ShiftRequest(agentID: "p2", date: day("2026-03-13"), templateID: nil, kind: .off, weight: 20),
    ])
    #expect(problem.grid.days == 14)
    // The scheduler's own validation agrees that the loaded problem is consistent.
    #expect(problem.diagnostics().isEmpty)
}

@Test func requestsOfAgentsLeftOutAreDropped() throws {
    let scenario = try ScenarioLoader.load(path: scenarioPath("long-horizon/long-horizon.yaml"), overrides: ["agents_off=[f1, p2]"])
    #expect(scenario.requests.map(\.agentID) == ["f2", "f3", "p1"])
}

@Test func longRulesAndFilesCanBeSetFromTheCommandLine() throws {
    let folder = try copyOfSmallScenario()
    defer { try? FileManager.default.removeItem(at: folder) }
    try "date,shift_id,required,under_weight,over_weight\n2026-03-03,day,2,40,4\n"
        .write(to: folder.appendingPathComponent("cover.csv"), atomically: true, encoding: .utf8)
    try "agent_id,date,shift_id,kind,weight\na2,2026-03-04,day,on,7\n"
        .write(to: folder.appendingPathComponent("wishes.csv"), atomically: true, encoding: .utf8)
    let s = try ScenarioLoader.load(path: folder.appendingPathComponent("valid.yaml").path, overrides: [
        "shifts.day.cannot_follow=[day]",
        "contracts.full-time.min_consecutive_days=2",
        "contracts.full-time.min_consecutive_days_off=3",
        "contracts.full-time.max_weekends=1",
        "contracts.full-time.max_shifts_per_template.day=4",
        "contracts.full-time.horizon_minutes.max=2400",
        "shift_cover=cover.csv",
        "requests=wishes.csv",
    ])
    #expect(s.template("day")?.cannotFollow == ["day"])
    let c = try #require(s.contract("full-time"))
    #expect(c.minConsecutiveDays == 2 && c.minConsecutiveDaysOff == 3 && c.maxWeekends == 1)
    #expect(c.maxShiftsPerTemplate == ["day": 4] && c.horizonMinutesMin == 0 && c.horizonMinutesMax == 2400)
    #expect(s.shiftCover == [ShiftCover(date: day("2026-03-03"), templateID: "day", required: 2, underWeight: 40, overWeight: 4)])
    #expect(s.requests == [ShiftRequest(agentID: "a2", date: day("2026-03-04"), templateID: "day", kind: .on, weight: 7)])
    #expect(s.inputFiles.map(\.key).suffix(2) == ["shift_cover", "requests"])
}

@Test func badLongRuleOverridesAreReportedAgainstTheOverride() {
    let printed = loadDiagnostics(scenarioPath("broken/valid.yaml"), overrides: [
        "contracts.full-time.max_weekends=-1",
        "contracts.full-time.min_consecutive_days=9",
        "shifts.day.cannot_follow=late",
    ])
    #expect(printed == [
        "--set shifts.day.cannot_follow=late: error: shifts[0].cannot_follow: expected a list of shift template ids, got \"late\"",
        "--set contracts.full-time.min_consecutive_days=9: error: contracts[0].min_consecutive_days: must not exceed max_consecutive_days (5), got 9",
        "--set contracts.full-time.max_weekends=-1: error: contracts[0].max_weekends: expected a whole number of weekends ≥ 0, got \"-1\"",
    ])
}

/// valid.yaml's contract: 2250–2400 paid minutes a week, 2 days off, 450-minute paid shifts.
@Test func weeklyBoundsMustBeReachableInEveryWeekOfALongerHorizon() {
    let path = scenarioPath("broken/valid.yaml")
    func errors(_ overrides: [String]) -> [String] {
        loadDiagnostics(path, overrides: overrides).map { $0.components(separatedBy: ": error: ").last! }
    }
    #expect(errors(["horizon.days=14"]).isEmpty)
    // 10 days: the last block has 3 days and owes its share of the minima, ⌊2250 · 3/7⌋ = 964 paid
    // minutes and ⌊2 · 3/7⌋ = 0 days off: reachable. 8 days: ⌊2250/7⌋ = 321 minutes in 1 day.
    #expect(errors(["horizon.days=10"]).isEmpty)
    #expect(errors(["horizon.days=8"]).isEmpty)
    #expect(errors(["horizon.days=31"]).isEmpty)
    #expect(errors(["horizon.days=10", "contracts.full-time.horizon_minutes.max=3200"]) == [
        "contracts[0].horizon_minutes.max: 3200 is below the 3214 paid minutes week_minutes.min (2250 a week, pro-rated in a short last week) requires over the 10-day horizon",
    ])
    #expect(errors(["horizon.days=10", "contracts.full-time.days_off_min=8"]) == [
        "contracts[0].days_off_min: 8 days off do not fit a 7-day week",
    ])
    #expect(errors(["horizon.days=21", "contracts.full-time.days_off_min=6"]) == [
        "contracts[0].week_minutes.min: 2250 paid minutes cannot be reached in a 7-day week: at most 1 working days × 450 paid minutes (longest shift of day) = 450",
    ])
    // 14 days: at most 2 × min(2400, 5 × 450) = 4500 paid minutes, at least 2 × 2250 = 4500.
    #expect(errors(["horizon.days=14", "contracts.full-time.horizon_minutes={min: 4500, max: 4500}"]).isEmpty)
    #expect(errors(["horizon.days=14", "contracts.full-time.horizon_minutes.min=4530"]) == [
        "contracts[0].horizon_minutes.min: 4530 paid minutes cannot be reached: week_minutes.max, days_off_min and the longest shift allow at most 4500 over the 14-day horizon",
    ])
    #expect(errors(["horizon.days=14", "contracts.full-time.horizon_minutes.max=4470"]) == [
        "contracts[0].horizon_minutes.max: 4470 is below the 4500 paid minutes week_minutes.min (2250 a week, pro-rated in a short last week) requires over the 14-day horizon",
    ])
}

@Test func theDigestCoversShiftCoverAndRequests() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wfm-long-horizon-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("scenarios/long-horizon"), to: folder)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("long-horizon.yaml").path
    let base = try ScenarioLoader.load(path: path)
    #expect(base.inputFiles.map(\.key) == ["scenario", "forecast.file", "agents", "shift_cover", "requests"])
    #expect(base.inputsSHA256 == (try ScenarioLoader.load(path: scenarioPath("long-horizon/long-horizon.yaml"))).inputsSHA256)
    for (name, from, to) in [("shift_cover.csv", "2026-03-15,late,0,0,20", "2026-03-15,late,0,0,21"),
                             ("requests.csv", "f3,2026-03-14,,on,3", "f3,2026-03-14,,on,4")] {
        let file = folder.appendingPathComponent(name)
        let original = try String(contentsOf: file, encoding: .utf8)
        try original.replacingOccurrences(of: from, with: to).write(to: file, atomically: true, encoding: .utf8)
        #expect(try ScenarioLoader.load(path: path).inputsSHA256 != base.inputsSHA256, "\(name)")
        try original.write(to: file, atomically: true, encoding: .utf8)
    }
    #expect(try ScenarioLoader.load(path: path).inputsSHA256 == base.inputsSHA256)
}

@Test func aLimitOnATemplateTheContractDoesNotWorkIsAWarning() throws {
    let s = try ScenarioLoader.load(path: scenarioPath("long-horizon/long-horizon.yaml"), overrides: [
        "contracts.part-time.shifts=[early]", "contracts.part-time.max_shifts_per_template.late=2",
    ])
    #expect(s.contract("part-time")?.maxShiftsPerTemplate == ["late": 2])
    #expect(s.warnings.map(\.description) == [
        "--set contracts.part-time.max_shifts_per_template.late=2: warning: contracts[1].max_shifts_per_template.late: the contract does not work 'late' (its shifts: early); the limit has no effect",
    ])
}
