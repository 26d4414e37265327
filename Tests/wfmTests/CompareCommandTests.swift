import Foundation
import Testing

/// The run folders committed for the Scenario tests (made by scripts/make-run-fixtures.py).
private func runFixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ScenarioTests/Fixtures/\(name)").path
}

private func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("wfm-compare-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Test func compareTwoRunsPrintsTheTableAndWritesTheSameCSV() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let csv = folder.appendingPathComponent("compare.csv").path
    let r = try runWFM(["compare", runFixture("run-base"), runFixture("run-volume15"), "--csv", csv])
    #expect(r.status == 0, "\(r.stderr)")
    let voice = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("voice service level (%)") })
    #expect(voice.split(separator: " ").suffix(3) == ["76.6", "72.0", "-4.6"])
    let written = try String(contentsOfFile: csv, encoding: .utf8)
    #expect(written.contains("\nvoice service level,%,76.6,72.0,-4.6\n"))
    // Every metric of the text table is a CSV row, in the same order.
    let textMetrics = r.stdout.split(separator: "\n").dropFirst(3).count
    #expect(written.split(separator: "\n").count - 1 == textMetrics)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["compare.csv"])
}

@Test func compareABrokenRunExitsTwoNamingFileAndLine() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let broken = folder.appendingPathComponent("broken").path
    try FileManager.default.copyItem(atPath: runFixture("run-volume15"), toPath: broken)
    let agents = broken + "/agents.csv"
    let text = try String(contentsOfFile: agents, encoding: .utf8)
    try text.replacingOccurrences(of: "A05,full-time,2400,5,5", with: "A05,full-time,2400,5,five")
        .write(toFile: agents, atomically: true, encoding: .utf8)
    let r = try runWFM(["compare", runFixture("run-base"), broken])
    #expect(r.status == 2)
    #expect(r.stderr.contains("broken/agents.csv:6: error: max_consecutive_days: 'five' is not a whole number"))
    #expect(r.stdout.isEmpty)
}

@Test func compareNeedsTwoRunsAndExistingFolders() throws {
    let one = try runWFM(["compare", runFixture("run-base")])
    #expect(one.status == 2 && one.stderr.contains("at least two run folders"))
    let missing = try runWFM(["compare", runFixture("run-base"), "/nonexistent/run"])
    #expect(missing.status == 2 && missing.stderr.contains("/nonexistent/run/summary.json: error: cannot read file"))
}
