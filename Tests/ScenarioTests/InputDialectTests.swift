import Foundation
import Scenario
import Scheduling
import Testing
import WFMCore

/// Files as other tools write them (docs/scenario.md, "CSV files"): forecasts for open hours only,
/// spreadsheet dialects, and one error for a broken header instead of one per referring row.

private let grid = TimeGrid(timeZone: TimeZone(identifier: "Europe/Moscow")!, startDate: LocalDate("2026-03-02")!, days: 7, intervalMinutes: 30)

/// The copied small scenario with chat open as voice is, 08:00–20:00.
private let chatHours = #"queues.chat.open={from: "08:00", to: "20:00"}"#

/// Forecast rows for the copied small scenario (voice and chat open 08:00–20:00): `include` says which
/// (interval, minute of day) get a row; voice carries 2 contacts a row, chat 1.
private func forecast(_ include: (Int, Int) -> Bool = { _, m in m >= 480 && m < 1200 }) -> String {
    var text = "interval_start,queue,contacts,aht_seconds\n"
    for (k, interval) in grid.intervals.enumerated() where include(k, interval.minuteOfDay) {
        text += "\(TimeGrid.iso8601(interval)),voice,2,240\n\(TimeGrid.iso8601(interval)),chat,1,600\n"
    }
    return text
}

private func load(_ folder: URL, forecast text: String, _ overrides: [String] = ["forecast={file: forecast.csv}"]) throws -> Scenario {
    try text.write(to: folder.appendingPathComponent("forecast.csv"), atomically: true, encoding: .utf8)
    return try ScenarioLoader.load(path: folder.appendingPathComponent("valid.yaml").path, overrides: overrides + [chatHours])
}

@Test func aForecastForOpenHoursOnlyLoadsWithZerosWhenClosed() throws {
    let folder = try copyOfSmallScenario()
    defer { try? FileManager.default.removeItem(at: folder) }
    let s = try load(folder, forecast: forecast())
    #expect(s.warnings.isEmpty, "\(s.warnings)")
    guard case .file(_, let rows) = s.forecast else { Issue.record("expected a forecast file"); return }
    #expect(rows.count == 336 * 2)
    let voice = rows.filter { $0.queueID == "voice" }
    let voiceContacts: Double = voice.map(\.contacts).reduce(0, +)
    #expect(voiceContacts == 2 * 24 * 7)
    #expect(voice.allSatisfy { $0.ahtSeconds == 240 })
    #expect(voice.filter { $0.contacts == 0 }.allSatisfy { let m = grid.intervals[$0.interval].minuteOfDay; return m < 480 || m >= 1200 })
}

@Test func contactsOutsideOpenHoursAreCountedInOneWarningPerQueue() throws {
    let folder = try copyOfSmallScenario()
    defer { try? FileManager.default.removeItem(at: folder) }
    // Rows for every interval: 12 hours a day × 7 days closed, 2 contacts each on voice.
    let s = try load(folder, forecast: forecast { _, _ in true })
    let warnings = s.warnings.map(\.description)
    #expect(warnings.count == 2, "\(warnings)")
    #expect(warnings[0].hasSuffix("forecast.csv:2: warning: contacts: queue 'voice' has 336.0 contacts on 168 rows outside its open hours or on closed days: they are not planned for"))
    #expect(warnings[1].contains("queue 'chat' has 168.0 contacts on 168 rows"))
}

@Test func missingOpenIntervalsAreAnErrorUnlessMissingIsZero() throws {
    let folder = try copyOfSmallScenario()
    defer { try? FileManager.default.removeItem(at: folder) }
    // An ACD export: no row where there were no contacts (here: every 10:00 and 10:30).
    let text = forecast { _, m in m >= 480 && m < 1200 && m != 600 && m != 630 }
    try text.write(to: folder.appendingPathComponent("forecast.csv"), atomically: true, encoding: .utf8)
    let printed = loadDiagnostics(folder.appendingPathComponent("valid.yaml").path, overrides: ["forecast={file: forecast.csv}", chatHours])
    #expect(printed.count == 2, "\(printed)")
    #expect(printed[0].hasSuffix("forecast.csv: error: queue: queue 'voice' has no row for 14 of 168 intervals inside its open hours (first: 2026-03-02T10:00+03:00); give them, or read them as 0 contacts with forecast: {file: …, missing: zero}"))
    let s = try load(folder, forecast: text, ["forecast={file: forecast.csv, missing: zero}"])
    #expect(s.warnings.map(\.description).filter { $0.contains("read as 0 contacts (missing: zero)") }.count == 2)
    guard case .file(_, let rows) = s.forecast else { Issue.record("expected a forecast file"); return }
    #expect(rows.count == 336 * 2)
    let voiceContacts: Double = rows.filter { $0.queueID == "voice" }.map(\.contacts).reduce(0, +)
    #expect(voiceContacts == 2 * 22 * 7)
}

@Test func aClosedCalendarDayNeedsNoRows() throws {
    let folder = try copyOfSmallScenario()
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = forecast { k, m in m >= 480 && m < 1200 && grid.intervals[k].date != LocalDate("2026-03-08")! }
    let s = try load(folder, forecast: text, ["forecast={file: forecast.csv}", "calendar=[{date: 2026-03-08, closed: true}]"])
    #expect(s.warnings.isEmpty, "\(s.warnings)")
    #expect(throws: DiagnosticError.self) { try load(folder, forecast: text) }
}

@Test func anEmptyHandleTimeTakesTheQueuesOrIsOneErrorPerQueue() throws {
    let folder = try copyOfSmallScenario()
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = forecast().replacingOccurrences(of: ",240\n", with: ",\n")
    let s = try load(folder, forecast: text)
    guard case .file(_, let rows) = s.forecast else { Issue.record("expected a forecast file"); return }
    #expect(rows.filter { $0.queueID == "voice" }.allSatisfy { $0.ahtSeconds == 240 })
    try text.write(to: folder.appendingPathComponent("forecast.csv"), atomically: true, encoding: .utf8)
    let printed = loadDiagnostics(folder.appendingPathComponent("valid.yaml").path,
                                  overrides: ["forecast={file: forecast.csv}", "queues.voice.aht_seconds=~", chatHours])
    #expect(printed.count == 1, "\(printed)")
    #expect(printed[0].hasSuffix("forecast.csv:2: error: aht_seconds: expected a handle time in seconds > 0, got \"\" on 168 rows of queue 'voice': give aht_seconds in the file or the queue's aht_seconds in the scenario"))
}

@Test func aBrokenAgentsHeaderIsOneErrorNotOnePerAvailabilityRow() throws {
    let folder = try copyOfSmallScenario()
    defer { try? FileManager.default.removeItem(at: folder) }
    let agents = try String(contentsOf: folder.appendingPathComponent("agents.csv"), encoding: .utf8)
    try agents.replacingOccurrences(of: ",", with: "|").write(to: folder.appendingPathComponent("agents.csv"), atomically: true, encoding: .utf8)
    let printed = loadDiagnostics(folder.appendingPathComponent("valid.yaml").path)
    #expect(printed.count == 1, "\(printed)")
    #expect(printed[0].contains("agents.csv:1: error: this file uses '|' as delimiter"))
}

@Test func theSameScenarioInTheRussianExcelDialectLoadsTheSame() throws {
    let base = packageRoot.appendingPathComponent("scenarios/open-hours")
    let plain = try ScenarioLoader.load(path: base.appendingPathComponent("default/open-hours.yaml").path)
    let russian = try ScenarioLoader.load(path: base.appendingPathComponent("ru/open-hours.yaml").path)
    #expect(plain.warnings.isEmpty, "\(plain.warnings)")
    // One warning for the one file that is not UTF-8 (agents.csv with its Cyrillic names; the
    // other two files are ASCII), none about the rows.
    #expect(russian.warnings.count == 1 && russian.warnings.allSatisfy { $0.message.hasPrefix("file is not UTF-8: read as Windows-1251") },
            "\(russian.warnings)")
    #expect(russian.agents == plain.agents)
    #expect(russian.agents.first?.name == "Анна Смирнова")
    #expect(russian.availability == plain.availability)
    guard case .file(_, let a) = plain.forecast, case .file(_, let b) = russian.forecast else { Issue.record("expected forecast files"); return }
    #expect(a == b)
    // Naming the encoding silences the warning.
    let named = try ScenarioLoader.load(path: base.appendingPathComponent("ru/open-hours.yaml").path,
                                        overrides: ["agents={file: agents.csv, encoding: windows-1251}"])
    #expect(named.warnings.isEmpty, "\(named.warnings)")
}

@Test func aHistoryFileCanNameItsEncoding() throws {
    let folder = try copyOfSmallScenario()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("valid.yaml").path
    let s = try ScenarioLoader.load(path: path, overrides: ["history={file: history.csv, encoding: windows-1251}"])
    #expect(s.history.first?.file.encoding == .windows1251)
    let perQueue = loadDiagnostics(path, overrides: ["history={voice: {file: history.csv, encoding: latin-9}, chat: history.csv}"])
    #expect(perQueue.contains { $0.hasSuffix("error: history.voice.encoding: expected utf-8 or windows-1251, got \"latin-9\"") }, "\(perQueue)")
}
