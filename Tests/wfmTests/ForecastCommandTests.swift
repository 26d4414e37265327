import Foundation
import Testing

/// A temporary directory with a three-week hourly history (`history.csv`), removed by the caller.
private func historyDirectory(badLine: String? = nil) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wfm-forecast-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    var text = "interval_start,queue,contacts,aht_seconds\n"
    for d in 0..<21 {
        let date = String(format: "2026-02-%02d", d + 2)
        for hour in 8..<18 { text += String(format: "%@ %02d:00,voice,%d,180\n", date, hour, 10 + hour + d % 7) }
    }
    if let badLine { text += badLine + "\n" }
    try text.write(to: dir.appendingPathComponent("history.csv"), atomically: true, encoding: .utf8)
    return dir
}

@Test func forecastWritesTheSpecCSV() throws {
    let dir = try historyDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("forecast.csv").path
    let r = try runWFM(["forecast", "--history", dir.appendingPathComponent("history.csv").path, "--start", "2026-02-23",
                        "--days", "7", "--interval-minutes", "60", "--method", "seasonal-naive", "--out", out,
                        "--timezone", "Europe/Moscow"])
    #expect(r.status == 0)
    let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
    #expect(lines.first == "interval_start,queue,contacts,aht_seconds")
    #expect(lines.count == 1 + 7 * 24)
    // Monday 2026-02-23 10:00 = Monday 2026-02-16 10:00 = 10 + 10 + 0.
    #expect(lines.contains("2026-02-23T10:00+03:00,voice,20.000,180.0"))
}

@Test func forecastBacktestPrintsEveryMethod() throws {
    let dir = try historyDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try runWFM(["forecast", "--history", dir.appendingPathComponent("history.csv").path, "--start", "2026-02-23",
                        "--days", "7", "--interval-minutes", "60", "--backtest-weeks", "1"])
    #expect(r.status == 0)
    for method in ["seasonal-naive", "weekday-mean", "weekday-weighted", "weekday-median", "double-seasonal", "top-down", "calendar",
                   "combination", "auto"] {
        #expect(r.stdout.contains("voice       \(method)"), "\(method)")
    }
    // The history repeats weekly, so seasonal naive is exact in the backtest.
    #expect(r.stdout.contains("voice       seasonal-naive   0.00%"))
}

@Test func badHistoryExitsTwoNamingTheLineAndWritesNothing() throws {
    let dir = try historyDirectory(badLine: "2026-02-23 08:00,voice,-4,180")
    defer { try? FileManager.default.removeItem(at: dir) }
    let history = dir.appendingPathComponent("history.csv").path
    let out = dir.appendingPathComponent("forecast.csv").path
    let r = try runWFM(["forecast", "--history", history, "--start", "2026-02-23", "--days", "7",
                        "--interval-minutes", "60", "--out", out])
    #expect(r.status == 2)
    #expect(r.stderr.contains("\(history):212: error: contacts:"))
    #expect(!FileManager.default.fileExists(atPath: out))
}

@Test func badOptionsExitTwo() throws {
    let dir = try historyDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let history = dir.appendingPathComponent("history.csv").path
    for extra in [["--method", "magic"], ["--interval-minutes", "7"], ["--timezone", "Mars/Base"], ["--aht", "0"]] {
        let r = try runWFM(["forecast", "--history", history, "--start", "2026-02-23", "--days", "7"] + extra)
        #expect(r.status == 2, "\(extra)")
        #expect(r.stderr.contains(extra[0]), "\(extra)")
    }
    let missing = try runWFM(["forecast", "--history", dir.appendingPathComponent("none.csv").path,
                              "--start", "2026-02-23", "--days", "7"])
    #expect(missing.status == 2 && missing.stderr.contains("none.csv: error: cannot read file"))
    let special = dir.appendingPathComponent("special.csv")
    try "date,kind,factor\n2026-02-24,closed,0.5\n".write(to: special, atomically: true, encoding: .utf8)
    let badSpecial = try runWFM(["forecast", "--history", history, "--start", "2026-02-23", "--days", "7",
                                 "--special-days", special.path])
    #expect(badSpecial.status == 2 && badSpecial.stderr.contains("special.csv:2: error: factor:"))
}

@Test func specialDaysFromTheCommandLineShapeTheForecast() throws {
    let dir = try historyDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let special = dir.appendingPathComponent("special.csv")
    try "date,kind,factor\n2026-02-23,closed,\n2026-02-24,factor,2\n".write(to: special, atomically: true, encoding: .utf8)
    let r = try runWFM(["forecast", "--history", dir.appendingPathComponent("history.csv").path, "--start", "2026-02-23",
                        "--days", "2", "--interval-minutes", "60", "--method", "seasonal-naive",
                        "--special-days", special.path])
    #expect(r.status == 0)
    #expect(r.stdout.contains("2026-02-23T10:00+00:00,voice,0.000,180.0"))
    #expect(r.stdout.contains("2026-02-24T10:00+00:00,voice,42.000,180.0"))   // 2 × (10 + 10 + 1)
}

/// The documented command of docs/forecasting.md reproduces the published reference figures.
@Test func documentedAnonymousBankBacktestCommand() throws {
    let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../scenarios/demo/data/anonymous_bank_1999_6min.csv").standardized.path
    let r = try runWFM(["forecast", "--history", data, "--start", "2000-01-01", "--days", "7",
                        "--interval-minutes", "30", "--backtest-weeks", "8"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("default     seasonal-naive   25.57%"))
    #expect(r.stdout.contains("default     weekday-mean     20.36%"))
    let auto = try #require(r.stdout.split(separator: "\n").first { $0.contains(" auto ") })
    let wape = try #require(Double(auto.split(separator: " ", omittingEmptySubsequences: true)[2].dropLast()))
    #expect(wape <= 19.5)
}
