import Foundation
import Scenario
import Testing
import WFMCore

/// Writes `text` into the copied small scenario's folder.
private func write(_ text: String, _ name: String, in folder: URL) throws {
    try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
}

/// A forecast.csv for the small scenario (Moscow, 30 minutes, 2026-03-02 + 7 days): every interval × queue.
private func fullForecast(skipping skipped: Int? = nil) -> String {
    let grid = TimeGrid(timeZone: TimeZone(identifier: "Europe/Moscow")!, startDate: LocalDate("2026-03-02")!, days: 7, intervalMinutes: 30)
    var text = "interval_start,queue,contacts,aht_seconds\n"
    for (i, interval) in grid.intervals.enumerated() where i != skipped {
        text += "\(TimeGrid.iso8601(interval)),voice,\(i % 7),240\n\(TimeGrid.iso8601(interval)),chat,1.5,600\n"
    }
    return text
}

@Test func aForecastFileReplacesTheHistory() throws {
    let folder = try copyOfSmallScenario()
    defer { try? FileManager.default.removeItem(at: folder) }
    try write(fullForecast(), "forecast.csv", in: folder)
    let s = try ScenarioLoader.load(path: folder.appendingPathComponent("valid.yaml").path, overrides: ["forecast={file: forecast.csv}"])
    guard case .file(_, let rows) = s.forecast else { Issue.record("expected a forecast file"); return }
    #expect(rows.count == 336 * 2)
    #expect(rows.first == ForecastRow(interval: 0, queueID: "chat", contacts: 1.5, ahtSeconds: 600))
    #expect(rows.filter { $0.queueID == "voice" }.map(\.contacts).reduce(0, +) == Double((0..<336).map { $0 % 7 }.reduce(0, +)))
}

@Test func aForecastFileWithAGapOrAStrayTimeIsRejected() throws {
    let folder = try copyOfSmallScenario()
    defer { try? FileManager.default.removeItem(at: folder) }
    try write(fullForecast(skipping: 20) + "2026-03-02T08:10+03:00,voice,1,240\n2026-03-09T00:00+03:00,chat,-1,0\n", "forecast.csv", in: folder)
    let printed = loadDiagnostics(folder.appendingPathComponent("valid.yaml").path, overrides: ["forecast={file: forecast.csv}"])
    #expect(printed.count == 7, "\(printed)")
    #expect(printed[0].hasSuffix("forecast.csv:672: error: interval_start: 2026-03-02T08:10+03:00 is not the start of a 30-minute interval of the horizon"))
    #expect(printed[1].hasSuffix("forecast.csv:673: error: interval_start: 2026-03-09T00:00+03:00 is not the start of a 30-minute interval of the horizon"))
    #expect(printed[2].hasSuffix("forecast.csv:673: error: contacts: expected a number of contacts ≥ 0, got \"-1\""))
    #expect(printed[3].hasSuffix("forecast.csv:673: error: aht_seconds: expected a handle time in seconds > 0, got \"0\""))
    // Voice is open 08:00–20:00: its rows outside those hours carry contacts, which are not planned for.
    #expect(printed[4].hasSuffix("forecast.csv:4: warning: contacts: queue 'voice' has 504.0 contacts on 144 rows outside its open hours or on closed days: they are not planned for"))
    #expect(printed[5].hasSuffix("forecast.csv: error: queue: queue 'voice' has no row for 1 of 168 intervals inside its open hours (first: 2026-03-02T10:00+03:00); give them, or read them as 0 contacts with forecast: {file: …, missing: zero}"))
    #expect(printed[6].hasSuffix("forecast.csv: error: queue: queue 'chat' has no row for 1 of 336 intervals inside its open hours (first: 2026-03-02T10:00+03:00); give them, or read them as 0 contacts with forecast: {file: …, missing: zero}"))
}

@Test func oneHistoryFileForSeveralQueuesNeedsAQueueColumnAndHandleTimes() throws {
    let folder = try copyOfSmallScenario()
    defer { try? FileManager.default.removeItem(at: folder) }
    try write("interval_start,calls\n2026-02-23 08:00,3\n", "calls.csv", in: folder)
    let printed = loadDiagnostics(folder.appendingPathComponent("valid.yaml").path,
                                  overrides: ["history=calls.csv", "queues.chat.aht_seconds=~"])
    #expect(printed.count == 2, "\(printed)")
    // Both values came from --set, so both problems are reported against the override.
    #expect(printed[0].hasPrefix("--set history=calls.csv: error: history: ") && printed[0].hasSuffix("calls.csv has no queue column but the scenario has 2 queues: add a queue column or map each queue to its own file"))
    #expect(printed[1].hasPrefix("--set queues.chat.aht_seconds=~: error: queues[1].aht_seconds: missing: "))
    #expect(printed[1].hasSuffix("calls.csv has no aht_seconds column, so the queue needs aht_seconds (seconds)"))
}

@Test func historyMappedPerQueueMustNameEveryQueue() throws {
    let folder = try copyOfSmallScenario()
    defer { try? FileManager.default.removeItem(at: folder) }
    try write("interval_start,contacts,aht_seconds\n2026-02-23 08:00,3,200\n", "voice.csv", in: folder)
    let path = folder.appendingPathComponent("valid.yaml").path
    let printed = loadDiagnostics(path, overrides: ["history={voice: voice.csv, sms: sms.csv}"])
    #expect(printed == [
        "--set history={voice: voice.csv, sms: sms.csv}: error: history.sms: unknown key; allowed here: voice, chat",
        "--set history={voice: voice.csv, sms: sms.csv}: error: history: queue 'chat' has no history file: map every queue, e.g. chat: data/chat.csv",
    ])
    try write("interval_start,contacts\n2026-02-23 08:00,1\n", "chat.csv", in: folder)
    let s = try ScenarioLoader.load(path: path, overrides: ["history={voice: voice.csv, chat: chat.csv}"])
    #expect(s.history.map(\.queueID) == ["voice", "chat"])
    #expect(s.history.map(\.hasHandleTime) == [true, false])
}

@Test func publishedRosterIsReadAndCheckedAgainstTheHorizonAgentsAndTemplates() throws {
    let folder = try copyOfSmallScenario()
    defer { try? FileManager.default.removeItem(at: folder) }
    try write("""
        agent_id,date,shift_id,start,end,paid_minutes
        a1,2026-03-02,day,2026-03-02T08:00+03:00,2026-03-02T16:00+03:00,450
        a2,2026-03-02,day,2026-03-02T09:00+03:00,2026-03-02T17:00+03:00,450
        a2,2026-03-02,day,2026-03-02T10:00+03:00,2026-03-02T18:00+03:00,450
        zz,2026-03-03,day,2026-03-03T08:00+03:00,2026-03-03T16:00+03:00,450
        a3,2026-03-09,day,2026-03-09T08:00+03:00,2026-03-09T16:00+03:00,450
        a3,2026-03-04,night,2026-03-04T08:00+03:00,2026-03-04T16:00+03:00,450
        a3,2026-03-05,day,2026-03-05T08:00+03:00,2026-03-05T16:00+03:00,500
        """, "published.csv", in: folder)
    let path = folder.appendingPathComponent("valid.yaml").path
    let printed = loadDiagnostics(path, overrides: ["published_roster={file: published.csv, change_penalty: 30}"])
    #expect(printed.map { $0.components(separatedBy: "published.csv").last! } == [
        ":4: error: date: agent 'a2' has a second shift on 2026-03-02 (first on line 3); one shift a day",
        ":5: error: agent_id: no agent 'zz' in the agents file",
        ":6: error: date: 2026-03-09 is outside the horizon 2026-03-02…2026-03-08",
        ":7: error: shift_id: no shift template 'night' (defined: day)",
        ":8: error: paid_minutes: expected 0…480 (the shift's length), got 500",
    ])
    try write("agent_id,date,shift_id,start,end,paid_minutes\na1,2026-03-02,day,2026-03-02T08:00+03:00,2026-03-02T16:00+03:00,450\n",
              "published.csv", in: folder)
    let s = try ScenarioLoader.load(path: path, overrides: ["published_roster={file: published.csv, change_penalty: 30}"])
    #expect(s.publishedRoster?.changePenalty == 30)
    #expect(s.publishedRoster?.shifts.map(\.templateID) == ["day"])
    #expect(loadDiagnostics(path, overrides: ["published_roster={file: published.csv}"]).first?
        .hasSuffix("published_roster.change_penalty: missing required key: expected the penalty per changed shift") == true)
    // Like every file the scenario names, the published roster can name its encoding.
    let named = try ScenarioLoader.load(path: path, overrides: ["published_roster={file: published.csv, change_penalty: 30, encoding: windows-1251}"])
    #expect(named.publishedRoster?.file.encoding == .windows1251)
    #expect(named.publishedRoster?.shifts == s.publishedRoster?.shifts)
    #expect(loadDiagnostics(path, overrides: ["published_roster={file: published.csv, change_penalty: 30, encoding: koi8}"])
        .contains { $0.hasSuffix("error: published_roster.encoding: expected utf-8 or windows-1251, got \"koi8\"") })
}

@Test func calendarDaysAreClosedOrScaledNeverBoth() throws {
    let path = scenarioPath("broken/valid.yaml")
    let s = try ScenarioLoader.load(path: path, overrides: [
        "calendar=[{date: 2026-03-08, name: Women's Day, closed: true}, {date: 2026-03-06, volume_factor: 1.3, queues: [voice]}]",
    ])
    #expect(s.calendar.map(\.closed) == [true, false])
    #expect(s.calendar[1].volumeFactor == 1.3 && s.calendar[1].applies(to: "voice") && !s.calendar[1].applies(to: "chat"))
    let printed = loadDiagnostics(path, overrides: [
        "calendar=[{date: 2026-03-08, closed: true, volume_factor: 0.5}, {date: 2026-03-07}, {date: 2026-03-06, volume_factor: 2, queues: [sms]}]",
    ])
    #expect(printed.map { $0.components(separatedBy: ": error: ").last! } == [
        "calendar[0].volume_factor: a closed day has no volume; give closed: true or a volume_factor, not both",
        "calendar[1]: a special day needs closed: true or a volume_factor",
        "calendar[2].queues[0]: no queue 'sms' (defined: voice, chat)",
    ])
}
