import Foundation
import Testing
@testable import Scenario
import WFMCore

// MARK: fixtures (made by scripts/make-run-fixtures.py, committed)

/// Path of a committed run folder under Tests/ScenarioTests/Fixtures.
func fixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
}

/// Runs `body` on a fresh copy of a fixture run folder in a temporary directory (to break or write
/// into), then deletes the copy.
func withCopyOfFixture(_ name: String, _ body: (String) throws -> Void) throws {
    let parent = FileManager.default.temporaryDirectory.appendingPathComponent("wfm-report-tests-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: parent) }
    try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    let target = parent.appendingPathComponent(name).path
    try FileManager.default.copyItem(atPath: fixture(name), toPath: target)
    try body(target)
}

/// Replaces the first occurrence of `old` in a file.
func edit(_ path: String, replacing old: String, with new: String) throws {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let range = try #require(text.range(of: old), "'\(old)' not in \(path)")
    try text.replacingCharacters(in: range, with: new).write(toFile: path, atomically: true, encoding: .utf8)
}

/// Data lines of a fixture CSV split on commas (the fixtures have no quoted fields), header dropped.
func rawRows(_ run: String, _ file: String) throws -> [[String]] {
    let text = try String(contentsOfFile: fixture(run) + "/" + file, encoding: .utf8)
    return text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
}

func diagnostics(_ body: () throws -> Void) -> [Diagnostic] {
    do { try body() } catch let error as DiagnosticError { return error.diagnostics } catch { Issue.record("unexpected \(error)") }
    return []
}

// MARK: timestamps and rows

@Test func timestampsParseLocalTimeAndOffset() throws {
    let t = try #require(RunTimestamp("2026-03-02T08:15+03:00"))
    #expect(t.date == LocalDate(year: 2026, month: 3, day: 2) && t.minuteOfDay == 495 && t.utcOffsetMinutes == 180)
    // 2026-03-02T05:15Z = 20514 days · 1440 + 315 minutes since the epoch.
    #expect(t.epochMinutes == 20514 * 1440 + 315)
    #expect(RunTimestamp("2026-03-02T05:15Z")?.epochMinutes == t.epochMinutes)
    #expect(RunTimestamp("2026-03-02T01:15-05:00")?.epochMinutes == t.epochMinutes + 60)
    #expect(t.description == "2026-03-02T08:15+03:00")
    // The one timestamp parser (WallClockReading) also reads a space for T; a run timestamp needs its offset.
    #expect(RunTimestamp("2026-03-02 08:15+03:00") == t)
    for bad in ["2026-03-02T08:15", "2026-02-30T08:15+01:00", "2026-03-02T24:00+01:00", "2026-03-02T08:15+3"] {
        #expect(RunTimestamp(bad) == nil, "\(bad)")
    }
    // The repeated hour of a DST change: same wall clock, different instants, ordered by instant.
    let first = try #require(RunTimestamp("2026-10-25T02:30+02:00")), second = try #require(RunTimestamp("2026-10-25T02:30+01:00"))
    #expect(first < second && second.epochMinutes - first.epochMinutes == 60)
}

@Test func nightShiftsAreThoseOverlappingMidnightToSix() throws {
    func shift(_ start: String, _ end: String) throws -> ShiftRow {
        ShiftRow(agentID: "a", date: try #require(RunTimestamp(start)).date, shiftID: "s",
                 start: try #require(RunTimestamp(start)), end: try #require(RunTimestamp(end)), paidMinutes: 480)
    }
    #expect(try shift("2026-03-02T22:00+01:00", "2026-03-03T06:00+01:00").isNight)
    #expect(try shift("2026-03-02T05:30+01:00", "2026-03-02T13:30+01:00").isNight)
    #expect(try shift("2026-03-02T16:00+01:00", "2026-03-03T00:30+01:00").isNight)
    #expect(try !shift("2026-03-02T15:30+01:00", "2026-03-03T00:00+01:00").isNight)
    #expect(try !shift("2026-03-02T06:00+01:00", "2026-03-02T14:30+01:00").isNight)
}

@Test func limitStatusFlagsWithinTenPercentAndBeyond() {
    #expect(LimitStatus.against(maximum: 5, 4) == .ok)
    #expect(LimitStatus.against(maximum: 5, 5) == .near)
    #expect(LimitStatus.against(maximum: 5, 6) == .over)
    #expect(LimitStatus.against(maximum: 120, 108) == .near && LimitStatus.against(maximum: 120, 107) == .ok)
    #expect(LimitStatus.against(minimum: 660, 726) == .near && LimitStatus.against(minimum: 660, 727) == .ok)
    #expect(LimitStatus.against(minimum: 660, 600) == .over)
    #expect(LimitStatus.against(minimum: 660, nil) == .ok && LimitStatus.against(maximum: nil, 99) == .ok)
}

// MARK: reader

@Test func readsTheFixtureRunFolder() throws {
    let run = try RunDirectory.read(path: fixture("run-base"))
    #expect(run.summary.scenario == "fixture-week" && run.summary.timezone == "Europe/Berlin")
    #expect(run.queueIDs == ["voice", "chat", "email"])
    #expect(run.coverage.count == 3 * 7 * 48 && run.requirements.count == 3 * 7 * 48)
    #expect(run.agents.count == 12)
    #expect(run.shifts.count == (try rawRows("run-base", "shifts.csv")).count)
    #expect(run.breaks.count == (try rawRows("run-base", "breaks.csv")).count)
    #expect(run.intervalMinutes == 30)
    #expect(run.dates.map(\.description) == (2...8).map { "2026-03-0\($0)" })
    // Independent of the reader: the python script's own count in summary.json.
    for queue in run.summary.queues {
        #expect(run.understaffedIntervals(of: queue.id) == queue.understaffedIntervals)
    }
}

@Test func missingFileIsNamed() throws {
    try withCopyOfFixture("run-base") { path in
        try FileManager.default.removeItem(atPath: path + "/breaks.csv")
        let found = diagnostics { _ = try RunDirectory.read(path: path) }
        #expect(found.count == 1)
        #expect(found.first?.file.hasSuffix("run-base/breaks.csv") == true)
        #expect(found.first?.message.contains("cannot read") == true)
    }
}

@Test func badColumnAndBadFieldsAreAllReportedWithFileLineAndColumn() throws {
    try withCopyOfFixture("run-base") { path in
        try edit(path + "/coverage.csv", replacing: "scheduled_agents", with: "scheduled")
        // Line 3 of agents.csv is A02's row.
        try edit(path + "/agents.csv", replacing: "A02,full-time,2400", with: "A02,full-time,lots")
        try edit(path + "/shifts.csv", replacing: "2026-03-02T07:00+01:00", with: "2026-03-02 07:00")
        let found = diagnostics { _ = try RunDirectory.read(path: path) }
        let text = found.map(\.description)
        #expect(found.count == 3, "\(text)")
        #expect(text.contains { $0.contains("coverage.csv:1: error: scheduled_agents: missing column") })
        #expect(text.contains { $0.contains("agents.csv:3: error: paid_minutes: 'lots' is not a whole number") })
        #expect(text.contains { $0.contains("shifts.csv:2: error: start: '2026-03-02 07:00' is not a timestamp") })
    }
}

@Test func summaryProblemsNameTheKeyPath() throws {
    try withCopyOfFixture("run-base") { path in
        try edit(path + "/summary.json", replacing: "\"service_level\"", with: "\"sl\"")
        let found = diagnostics { _ = try RunDirectory.read(path: path) }
        #expect(found.count == 1)
        #expect(found.first?.key == "queues[0].service_level")
        #expect(found.first?.message == "missing key")
    }
    try withCopyOfFixture("run-base") { path in
        try "{ \"scenario\": oops".write(toFile: path + "/summary.json", atomically: true, encoding: .utf8)
        let found = diagnostics { _ = try RunDirectory.read(path: path) }
        #expect(found.count == 1 && found.first?.message.hasPrefix("not valid JSON") == true)
    }
    try withCopyOfFixture("run-base") { broken in
        try edit(broken + "/summary.json", replacing: "\"paid_hours\": 410.0", with: "\"paid_hours\": \"many\"")
        let typed = diagnostics { _ = try RunDirectory.read(path: broken) }
        #expect(typed.first?.key == "paid_hours" && typed.first?.message == "wrong type; expected a number")
    }
}

@Test func unknownAgentsAndQueuesAcrossFilesAreReported() throws {
    try withCopyOfFixture("run-base") { path in
        try edit(path + "/shifts.csv", replacing: "A01,2026-03-02", with: "Z99,2026-03-02")
        try edit(path + "/coverage.csv", replacing: ",voice,", with: ",phone,")
        let text = diagnostics { _ = try RunDirectory.read(path: path) }.map(\.description)
        #expect(text.count == 2, "\(text)")
        #expect(text.contains { $0.contains("shifts.csv: error: agent_id: 'Z99': agent not listed in agents.csv") })
        #expect(text.contains { $0.contains("coverage.csv: error: queue: 'phone': queue not listed in summary.json") })
    }
}

@Test func aFloodOfBadRowsIsCappedPerFile() throws {
    try withCopyOfFixture("run-base") { path in
        let text = try String(contentsOfFile: path + "/requirements.csv", encoding: .utf8)
        try text.replacingOccurrences(of: ",300.0,", with: ",fast,").write(toFile: path + "/requirements.csv", atomically: true, encoding: .utf8)
        let found = diagnostics { _ = try RunDirectory.read(path: path) }
        #expect(found.count == 21)
        #expect(found.last?.message == "\(7 * 48 - 20) more problems in this file not listed")
    }
}

// MARK: report

/// Checks that every non-void tag is closed in order; returns the first problem, or nil.
func unbalancedTag(_ html: String) -> String? {
    let void: Set<String> = ["meta", "br", "hr", "img", "input", "link", "area", "base", "col", "source", "wbr"]
    var stack: [String] = []
    let tag = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/
    for match in html.matches(of: tag) {
        let name = String(match.output.2).lowercased()
        let closing = !match.output.1.isEmpty
        if closing {
            guard stack.last == name else { return "</\(name)> closes <\(stack.last ?? "nothing")>" }
            stack.removeLast()
        } else if !void.contains(name) && !match.output.3.hasSuffix("/") {
            stack.append(name)
        }
    }
    return stack.isEmpty ? nil : "unclosed <\(stack.joined(separator: "><"))>"
}

@Test func balancedTagCheckCatchesMistakes() {
    #expect(unbalancedTag("<p><b>x</b></p><br><rect/>") == nil)
    #expect(unbalancedTag("<p><b>x</p>") != nil)
    #expect(unbalancedTag("<div>") != nil)
}

@Test func reportHasEveryQueueChartAndEveryAgentRowAndIsSelfContained() throws {
    let run = try RunDirectory.read(path: fixture("run-base"))
    let html = Report.render(run)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(unbalancedTag(html) == nil, "\(unbalancedTag(html) ?? "")")
    for queue in ["voice", "chat", "email"] {
        #expect(html.contains("<figure id=\"chart-\(queue)\">"))
    }
    #expect(html.components(separatedBy: "<svg ").count - 1 == 3)
    for agent in try rawRows("run-base", "agents.csv").map({ $0[0] }) {
        // One row in the roster grid and one in the burnout table.
        #expect(html.components(separatedBy: "<th class=\"agent\">\(agent)</th>").count - 1 == 2, "\(agent)")
    }
    for reference in ["http://", "https://", "<script", "<link", "src=", "url(", "@import"] {
        #expect(!html.contains(reference), "\(reference)")
    }
    #expect(html.contains("Roster report: fixture-week"))
    #expect(html.contains("Mon 2 Mar 2026 – Sun 8 Mar 2026 (7 days)") && html.contains("Europe/Berlin"))
    #expect(Report.render(run) == html)
}

@Test func rosterGridShowsShiftTimesBreaksAndOffDays() throws {
    let html = Report.render(try RunDirectory.read(path: fixture("run-base")))
    let shifts = try rawRows("run-base", "shifts.csv")
    let workedDays = Set(shifts.map { $0[0] + $0[1] }).count
    #expect(html.components(separatedBy: ">off</td>").count - 1 == 12 * 7 - workedDays)
    // A01 works 07:00–15:30 on Monday with a paid break at 09:00 and an unpaid one at 11:00 (breaks.csv).
    #expect(html.contains("title=\"early 07:00–15:30, paid 8h00; breaks 09:00–09:15 paid, 11:00–11:30 unpaid\">07:00–15:30"))
    // A03's evening shift ends at midnight: shown as 00:00 without a next-day mark, and not a night shift.
    #expect(html.contains(">15:30–00:00<span class=\"sid\">evening</span>"))
}

@Test func nightShiftsAreTintedAndMarkedWithTheirEndDay() throws {
    var run = try RunDirectory.read(path: fixture("run-base"))
    let index = try #require(run.shifts.firstIndex { $0.agentID == "A01" })
    run.shifts[index].start = try #require(RunTimestamp("2026-03-02T22:00+01:00"))
    run.shifts[index].end = try #require(RunTimestamp("2026-03-03T06:00+01:00"))
    run.breaks.removeAll { $0.agentID == "A01" }
    let html = Report.render(run)
    #expect(html.contains("<td class=\"shift night\" title=\"early 22:00–06:00, paid 8h00; no breaks\">22:00–06:00<sup>+1</sup><span class=\"sid\">early · night</span></td>"))
    #expect(html.components(separatedBy: "class=\"shift night\"").count - 1 == 1)
}

@Test func chartShadesEachUnderstaffedInterval() throws {
    let run = try RunDirectory.read(path: fixture("run-base"))
    let html = Report.render(run)
    for queue in run.queueIDs {
        let figure = try #require(html.components(separatedBy: "<figure id=\"chart-\(queue)\">").dropFirst().first?
            .components(separatedBy: "</figure>").first)
        let expected = try rawRows("run-base", "coverage.csv").filter { $0[1] == queue && Double($0[5])! < Double($0[4])! }.count
        #expect(figure.components(separatedBy: "class=\"short\"").count - 1 == expected, "\(queue)")
        #expect(figure.contains(">Mon 2 Mar</text>") && figure.contains(">Sun 8 Mar</text>"))
    }
}

@Test func burnoutCellsCloseToAContractLimitAreFlagged() throws {
    let run = try RunDirectory.read(path: fixture("run-base"))
    let limits = ["full-time": ContractLimits(maxConsecutiveDays: 5, minRestMinutes: 660),
                  "evening": ContractLimits(maxConsecutiveDays: 5), "part-time": ContractLimits(maxConsecutiveDays: 3)]
    let html = Report.render(run, limits: limits)
    let agents = try rawRows("run-base", "agents.csv")
    let atFive = agents.filter { $0[1] != "part-time" && $0[4] == "5" }.count
    let atThree = agents.filter { $0[1] == "part-time" && $0[4] == "3" }.count
    #expect(atFive + atThree > 0)
    #expect(html.components(separatedBy: "title=\"close to the limit: limit 5 days\"").count - 1 == atFive)
    #expect(html.components(separatedBy: "title=\"close to the limit: limit 3 days\"").count - 1 == atThree)
    // No full-time rest is within 10 % of 11 hours in the fixture (all ≥ 13h30).
    #expect(!html.contains("close to the limit: minimum"))
    #expect(!Report.render(run).contains("close to the limit"))
}

@Test func writeLeavesOnlyReportHTMLBehind() throws {
    try withCopyOfFixture("run-base") { path in
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: path))
        try Report.write(runDirectory: path)
        let after = Set(try FileManager.default.contentsOfDirectory(atPath: path))
        #expect(after.subtracting(before) == ["report.html"])
        let written = try String(contentsOfFile: path + "/report.html", encoding: .utf8)
        #expect(written == Report.render(try RunDirectory.read(path: path)))
    }
}

/// The roster grid's weekend columns and each chart's grey days follow summary.json `weekend`
/// (Saturday and Sunday when absent; the fixture week runs Monday 2 to Sunday 8 March).
@Test func weekendShadingFollowsTheCentresWeekend() throws {
    func shaded(_ html: String) -> (header: [String], chartDays: Int) {
        let header = html.components(separatedBy: "<th class=\"weekend\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
        let figure = html.components(separatedBy: "<figure id=\"chart-voice\">").dropFirst().first?.components(separatedBy: "</figure>").first ?? ""
        return (header, figure.components(separatedBy: "<rect class=\"weekend\"").count - 1)
    }
    let standard = shaded(Report.render(try RunDirectory.read(path: fixture("run-base"))))
    #expect(standard.header == ["Sat 7 Mar", "Sun 8 Mar"] && standard.chartDays == 2)
    try withCopyOfFixture("run-base") { path in
        try edit(path + "/summary.json", replacing: "\"timezone\": \"Europe/Berlin\",",
                 with: "\"timezone\": \"Europe/Berlin\",\n  \"weekend\": [\"fri\", \"sat\"],")
        let run = try RunDirectory.read(path: path)
        #expect(run.summary.weekend == Weekend(weekdays: [5, 6]))
        let israel = shaded(Report.render(run))
        #expect(israel.header == ["Fri 6 Mar", "Sat 7 Mar"] && israel.chartDays == 2)
    }
}
