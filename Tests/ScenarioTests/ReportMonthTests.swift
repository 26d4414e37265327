import Foundation
import Testing
@testable import Scenario
import WFMCore

/// The report of a horizon longer than a week (docs/report.md, "A horizon longer than a week") and
/// the worst-week indicators of agents.csv (docs/outputs.md).

private func stamp(_ text: String) -> RunTimestamp { RunTimestamp(text)! }

private func shift(_ agent: String, _ start: String, _ end: String, _ template: String = "early") -> ShiftRow {
    ShiftRow(agentID: agent, date: stamp(start).date, shiftID: template, start: stamp(start), end: stamp(end), paidMinutes: 450)
}

/// Two weekly blocks from Monday 2 March: 2–8 March and the 3-day 9–11 March. The day shifts' start
/// spread over the horizon is 210 minutes and the horizon holds 2 night shifts; no single week has
/// more than 60 minutes or 1 night shift, so a contract of at most 120 minutes and 1 night shift a
/// week is not broken. A shift starting after the horizon counts for no block.
@Test func worstWeekIndicatorsCountEachWeeklyBlockNotTheHorizon() {
    let weeks = HorizonWeeks(first: LocalDate(year: 2026, month: 3, day: 2), days: 10)
    #expect(weeks.blocks.map(\.count) == [7, 3])
    #expect(weeks.blocks[1].first == LocalDate(year: 2026, month: 3, day: 9))
    #expect(weeks.block(of: LocalDate(year: 2026, month: 3, day: 8)) == 0 && weeks.block(of: LocalDate(year: 2026, month: 3, day: 9)) == 1)
    #expect(weeks.block(of: LocalDate(year: 2026, month: 3, day: 12)) == nil && weeks.block(of: LocalDate(year: 2026, month: 3, day: 1)) == nil)
    let shifts = [
        shift("a", "2026-03-02T08:00+01:00", "2026-03-02T16:00+01:00"),
        shift("a", "2026-03-03T09:00+01:00", "2026-03-03T17:00+01:00"),
        shift("a", "2026-03-05T22:00+01:00", "2026-03-06T06:00+01:00", "night"),   // night: past midnight
        shift("a", "2026-03-09T05:30+01:00", "2026-03-09T13:30+01:00"),            // night: before 06:00, start 05:30
        shift("a", "2026-03-10T06:00+01:00", "2026-03-10T14:00+01:00"),
        shift("a", "2026-03-12T01:00+01:00", "2026-03-12T09:00+01:00"),            // outside the horizon: counts for none
    ]
    // Week 1 starts 08:00, 09:00, 22:00 (spread 840); drop the night shift to see the day spread.
    let worst = weeks.worstWeek(of: shifts)
    #expect(worst.nightShifts == 1)
    #expect(worst.startSpreadMinutes == 22 * 60 - 8 * 60)
    let days = shifts.filter { $0.shiftID == "early" }.dropLast()
    let dayWorst = weeks.worstWeek(of: Array(days))
    // Week 1: 08:00 and 09:00 → 60; week 2: 05:30 and 06:00 → 30. Over the horizon: 09:00 − 05:30 = 210.
    #expect(dayWorst.startSpreadMinutes == 60 && dayWorst.nightShifts == 1)
    #expect(LimitStatus.against(maximum: 120, dayWorst.startSpreadMinutes) == .ok)
    #expect(LimitStatus.against(maximum: 1, dayWorst.nightShifts) == .near)
}

/// A 10-day run folder in memory: one voice queue open 08:00–12:00 (hourly intervals) in
/// Europe/Berlin from Monday 2 March, three agents, one of whom does not work.
private func tenDayRun() throws -> RunDirectory {
    let summary = try JSONDecoder().decode(RunSummary.self, from: Data("""
        {"scenario": "ten-days", "timezone": "Europe/Berlin", "overrides": [],
         "queues": [{"id": "voice", "service_level": 0.8, "asa_seconds": 20.0, "occupancy": 0.7}],
         "paid_hours": 75.0, "agents_used": 2,
         "solver": {"status": "feasible"}, "rules": []}
        """.utf8))
    var coverage: [CoverageRow] = [], requirements: [RequirementRow] = []
    for day in 0..<10 {
        let date = LocalDate(year: 2026, month: 3, day: 2).adding(days: day)
        for hour in 8..<12 {
            let start = RunTimestamp(date: date, minuteOfDay: hour * 60, utcOffsetMinutes: 60)
            // Week 1: 10 contacts an interval at 90 % and 10 s; week 2: 20 at 60 % and 40 s.
            let late = day >= 7
            coverage.append(CoverageRow(intervalStart: start, queue: "voice", contacts: late ? 20 : 10, ahtSeconds: 300,
                                        requiredAgents: 2, scheduledAgents: late ? 1 : 2, serviceLevel: late ? 0.6 : 0.9,
                                        asaSeconds: late ? 40 : 10, occupancy: 0.7))
            requirements.append(RequirementRow(intervalStart: start, queue: "voice", contacts: late ? 20 : 10, ahtSeconds: 300,
                                               requiredAgents: 2, requiredWithShrinkage: 3))
        }
    }
    var shifts: [ShiftRow] = []
    for day in 0..<10 {
        let date = LocalDate(year: 2026, month: 3, day: 2).adding(days: day)
        let agent = day < 5 ? "A1" : "A2"
        shifts.append(ShiftRow(agentID: agent, date: date, shiftID: day % 2 == 0 ? "early" : "late",
                               start: RunTimestamp(date: date, minuteOfDay: 8 * 60, utcOffsetMinutes: 60),
                               end: RunTimestamp(date: date, minuteOfDay: 16 * 60, utcOffsetMinutes: 60), paidMinutes: 450))
    }
    let agents = [
        AgentRow(agentID: "A1", contract: "full-time", paidMinutes: 2250, daysWorked: 5, maxConsecutiveDays: 5, minRestMinutes: 960,
                 nightShifts: 0, startSpreadMinutes: 0, prefsMet: 0, prefsTotal: 0),
        AgentRow(agentID: "A2", contract: "full-time", paidMinutes: 2250, daysWorked: 5, maxConsecutiveDays: 5, minRestMinutes: 960,
                 nightShifts: 0, startSpreadMinutes: 0, prefsMet: 0, prefsTotal: 0),
        AgentRow(agentID: "A3", contract: "part-time", paidMinutes: 0, daysWorked: 0, maxConsecutiveDays: 0, minRestMinutes: nil,
                 nightShifts: 0, startSpreadMinutes: 0, prefsMet: 0, prefsTotal: 0),
    ]
    return RunDirectory(path: "ten-days", summary: summary, requirements: requirements, coverage: coverage,
                        shifts: shifts, breaks: [], agents: agents)
}

/// The part of `html` from the first `start` to the next `end` after it.
private func slice(_ html: String, from start: String, to end: String) throws -> String {
    let tail = try #require(html.components(separatedBy: start).dropFirst().first, "\(start) not in the page")
    return try #require(tail.components(separatedBy: end).first)
}

private func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

@Test func monthKPITableHasARowPerWeekAndOneForTheHorizon() throws {
    let html = Report.render(try tenDayRun())
    #expect(unbalancedTag(html) == nil, "\(unbalancedTag(html) ?? "")")
    #expect(html.contains("<h2>KPIs per week and for the horizon</h2>") && !html.contains("Weekly KPIs"))
    let body = try slice(html, from: "<table class=\"kpi\">", to: "</table>").components(separatedBy: "<tbody>")[1]
    #expect(count("<tr", in: body) == 3)
    // Week 1: 7 days × 4 intervals × 10 contacts at 90 %, ASA 10 s, none short; 28 × 3 required agents = 84 h.
    #expect(body.contains("<tr><th>voice</th><td class=\"period\">week 1 · Mon 2 Mar – Sun 8 Mar</td><td class=\"num\">280</td><td class=\"num\">90.0%</td><td class=\"num\">10.0 s</td><td class=\"num\">–</td><td class=\"num\">0 of 28</td><td class=\"num\">84.0</td></tr>"))
    // Week 2, the 3-day block: 12 intervals × 20 contacts at 60 %, all short; 36 h.
    #expect(body.contains("<tr><th>voice</th><td class=\"period\">week 2 · Mon 9 Mar – Wed 11 Mar</td><td class=\"num\">240</td><td class=\"num\">60.0%</td><td class=\"num\">40.0 s</td><td class=\"num\">–</td><td class=\"num\">12 of 12</td><td class=\"num\">36.0</td></tr>"))
    // The horizon row: summary.json's figures, contacts and counts over all 40 intervals.
    #expect(body.contains("<tr class=\"horizon\"><th>voice</th><td class=\"period\">10 days</td><td class=\"num\">520</td><td class=\"num\">80.0%</td><td class=\"num\">20.0 s</td><td class=\"num\">70.0%</td><td class=\"num\">12 of 40</td><td class=\"num\">120.0</td></tr>"))
}

@Test func monthChartsHaveOnePanelPerWeekOnOneScale() throws {
    let html = Report.render(try tenDayRun())
    #expect(count("<figure id=\"chart-voice-week", in: html) == 2 && !html.contains("<figure id=\"chart-voice\">"))
    let first = try slice(html, from: "<figure id=\"chart-voice-week1\">", to: "</figure>")
    let second = try slice(html, from: "<figure id=\"chart-voice-week2\">", to: "</figure>")
    #expect(first.contains("week 1 · Mon 2 Mar – Sun 8 Mar · no understaffed interval"))
    #expect(second.contains("week 2 · Mon 9 Mar – Wed 11 Mar · 12 understaffed intervals"))
    #expect(count("class=\"daylabel\"", in: first) == 7 && count("class=\"daylabel\"", in: second) == 3)
    // The short week keeps the full week's slot width: 28 slots over 1264 px, its last day ends at 46 + 12 × 1264/28.
    #expect(second.contains("x1=\"587.7\" x2=\"587.7\""))
}

@Test func monthRosterIsACalendarWithARowPerAgentAndAColumnPerDay() throws {
    let html = Report.render(try tenDayRun())
    #expect(!html.contains("<table class=\"roster\">"))
    let calendar = try slice(html, from: "<table class=\"calendar\">", to: "</table>")
    #expect(count("<th class=\"d", in: calendar) == 10)
    #expect(calendar.contains("<th class=\"week\" colspan=\"7\">week 1</th><th class=\"week wk\" colspan=\"3\">week 2</th>"))
    let rows = try slice(calendar, from: "<tbody>", to: "</tbody>").components(separatedBy: "<tr").dropFirst()
    #expect(rows.count == 3)
    for row in rows { #expect(count("<td", in: row) == 1 + 10 + 1) }
    // Templates in id order: early = E on t0, late = L on t1; A1 works Monday 2 March early.
    #expect(calendar.contains("<td class=\"t0\" title=\"Mon 2 Mar: early 08:00–16:00, paid 7h30; no breaks\">E</td>"))
    #expect(calendar.contains("<td class=\"t0 weekend\" title=\"Sun 8 Mar: early 08:00–16:00, paid 7h30; no breaks\">E</td>"))
    // Monday 9 March starts week 2: its cells carry the block line.
    #expect(calendar.contains("<td class=\"t1 wk\" title=\"Mon 9 Mar: late"))
    #expect(count("class=\"off", in: rows[rows.startIndex]) == 5)
    #expect(html.contains(">night shifts (worst week)</th>") && html.contains(">start spread (worst week)</th>"))
    #expect(html.contains("@page { size: A4 landscape;"))
}

/// `wfm compare` reads the worst-week columns of agents.csv and names its rows for them.
@Test func compareBurnoutRowsAreTheWorstWeek() throws {
    var run = try tenDayRun()
    run.agents[0].startSpreadMinutes = 90
    run.agents[1].nightShifts = 2
    let rows = RunComparison([run]).rows
    #expect(rows.first { $0.metric == "max start spread in a week, worst agent" }?.values == [.number(90)])
    #expect(rows.first { $0.metric == "max night shifts in a week, worst agent" }?.values == [.number(2)])
}

@Test func aOneWeekRunKeepsTheWeekLayout() throws {
    let html = Report.render(try RunDirectory.read(path: fixture("run-base")))
    #expect(html.contains("<h2>Weekly KPIs</h2>") && html.contains("<table class=\"roster\">"))
    #expect(!html.contains("<table class=\"calendar\">") && !html.contains("-week1\"") && !html.contains("(worst week)"))
}

@Test func shiftCodesAreTheShortestDistinctPrefixes() {
    #expect(ShiftCodes(templates: ["early", "late", "night"]).code("night") == "N")
    let close = ShiftCodes(templates: ["early", "evening"])
    #expect(close.code("early") == "EA" && close.code("evening") == "EV")
    #expect(ShiftCodes(templates: ["early1", "early2"]).code("early2") == "early2")
    #expect(ShiftCodes(templates: (0..<13).map { "t\($0)x" }).colour("t12x") == "t0")
}
