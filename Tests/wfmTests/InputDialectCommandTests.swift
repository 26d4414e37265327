import Foundation
import Testing

/// The scenarios folder of this package (this file is Tests/wfmTests/InputDialectCommandTests.swift).
private let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("scenarios")

/// scenarios/open-hours: a forecast with rows for open hours only, in the default dialect and in a
/// Russian-locale Excel's (Windows-1251, `;`, decimal commas, DD.MM.YYYY, CRLF). Both validate and
/// run under the same seed and work budget; the demand files and the rosters are byte-identical.
@Test func theOpenHoursScenarioValidatesAndRunsInBothDialects() throws {
    var folders: [String] = []
    for dialect in ["default", "ru"] {
        let yaml = scenarios.appendingPathComponent("open-hours/\(dialect)/open-hours.yaml").path
        let validate = try runWFM(["validate", yaml])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        #expect(validate.stdout.contains("forecast: 672 rows"), "\(validate.stdout)")
        let out = NSTemporaryDirectory() + "wfm-dialect-\(getpid())-\(dialect)"
        try? FileManager.default.removeItem(atPath: out)
        let run = try runWFM(["run", yaml, "--out", out, "--seed", "5", "--quiet"] + quickRun)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("Windows-1251") == (dialect == "ru"), "\(run.stderr)")
        folders.append(out)
    }
    for file in ["forecast.csv", "requirements.csv", "shifts.csv", "breaks.csv"] {
        let a = try Data(contentsOf: URL(fileURLWithPath: folders[0] + "/" + file))
        let b = try Data(contentsOf: URL(fileURLWithPath: folders[1] + "/" + file))
        #expect(a == b, "\(file) differs between the dialects")
    }
    for out in folders { try? FileManager.default.removeItem(atPath: out) }
}

/// `wfm forecast` on a history without handle times and without --aht: contacts for every
/// interval, `aht_seconds` empty, one warning.
@Test func forecastWithoutHandleTimeWritesEveryIntervalWithAnEmptyHandleTime() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wfm-forecast-noaht-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    var text = "interval_start,queue,contacts\n"
    for d in 0..<21 {
        let date = String(format: "2003-09-%02d", d + 8)
        for slot in 0..<96 where slot >= 28 && slot < 88 {
            text += String(format: "%@ %02d:%02d,voice,%d\n%@ %02d:%02d,chat,%d\n", date, slot / 4, slot % 4 * 15, 3 + slot % 5,
                           date, slot / 4, slot % 4 * 15, 1 + d % 3)
        }
    }
    try text.write(to: dir.appendingPathComponent("history.csv"), atomically: true, encoding: .utf8)
    let out = dir.appendingPathComponent("forecast.csv").path
    let r = try runWFM(["forecast", "--history", dir.appendingPathComponent("history.csv").path, "--start", "2003-09-29",
                        "--days", "7", "--interval-minutes", "15", "--out", out])
    #expect(r.status == 0, "\(r.stderr)")
    let warnings = r.stderr.split(separator: "\n").filter { $0.contains("warning") }
    #expect(warnings.count == 1 && warnings[0].contains("no handle time for queues voice, chat"), "\(r.stderr)")
    let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 1 + 7 * 96 * 2)
    #expect(lines.dropFirst().allSatisfy { $0.hasSuffix(",") && $0.split(separator: ",", omittingEmptySubsequences: false).count == 4 })
    #expect(lines.contains { $0.hasPrefix("2003-09-29T10:00+00:00,voice,") && !$0.hasPrefix("2003-09-29T10:00+00:00,voice,0.000") })
}
