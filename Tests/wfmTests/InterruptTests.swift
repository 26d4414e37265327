import Foundation
import Testing

/// The scenarios folder of this package (this file is Tests/wfmTests/InterruptTests.swift).
private let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("scenarios")
private let scenario = scenarios.appendingPathComponent("open-hours/default/open-hours.yaml").path
/// Every file of a complete run folder.
private let runFiles = ["agents.csv", "breaks.csv", "coverage.csv", "forecast.csv", "report.html", "requirements.csv", "shifts.csv", "summary.json"]

/// `wfm run` started in the background, its output going to files (so no pipe can fill up).
private func startRun(_ arguments: [String]) throws -> (Process, err: URL) {
    let process = Process()
    process.executableURL = productsDirectory.appendingPathComponent("wfm")
    process.arguments = ["run", scenario] + arguments
    let err = FileManager.default.temporaryDirectory.appendingPathComponent("wfm-stderr-\(UUID().uuidString)")
    FileManager.default.createFile(atPath: err.path, contents: nil)
    process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
    process.standardError = try FileHandle(forWritingTo: err)
    try process.run()
    return (process, err)
}

/// Waits (at most a minute after `start`) until the run's stderr shows the roster stage began.
private func waitForTheRosterStage(_ err: URL, since start: Date) {
    while !(String(decoding: FileManager.default.contents(atPath: err.path) ?? Data(), as: UTF8.self).contains("roster:")),
          Date().timeIntervalSince(start) < 60 { usleep(100_000) }
}

private func folderContents(_ folder: String) -> [String: Data]? {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
    var files: [String: Data] = [:]
    for name in names { files[name] = FileManager.default.contents(atPath: folder + "/" + name) }
    return files
}

@Test(arguments: [SIGINT, SIGTERM])
func theFirstInterruptWritesTheBestRosterSoFar(signal: Int32) throws {
    let out = NSTemporaryDirectory() + "wfm-interrupt-\(getpid())-\(signal)"
    try? FileManager.default.removeItem(atPath: out)
    defer { try? FileManager.default.removeItem(atPath: out) }
    let (process, err) = try startRun(["--out", out, "--time-limit", "120", "--seed", "2"])
    // Wait until the search runs (its first line on stderr), then a little longer.
    let start = Date()
    waitForTheRosterStage(err, since: start)
    sleep(3)
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    let stderr = String(decoding: FileManager.default.contents(atPath: err.path) ?? Data(), as: UTF8.self)
    #expect(process.terminationStatus == 128 + signal, "\(stderr)")
    #expect(Date().timeIntervalSince(start) < 60, "the run stopped long before its 120-s limit")
    #expect(stderr.contains("interrupted: stopping the search"))
    #expect(Set(try FileManager.default.contentsOfDirectory(atPath: out)) == Set(runFiles))
    let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as? [String: Any])
    #expect((json["solver"] as? [String: Any])?["status"] as? String == "interrupted")
    let check = try runWFM(["check", scenario, "--roster", out])
    #expect(check.status == 0, "the interrupted roster meets every hard rule: \(check.stdout)")
}

@Test func aSecondInterruptExitsAtOnceWritingNothing() throws {
    let out = NSTemporaryDirectory() + "wfm-interrupt-twice-\(getpid())"
    try? FileManager.default.removeItem(atPath: out)
    defer { try? FileManager.default.removeItem(atPath: out) }
    let (process, err) = try startRun(["--out", out, "--time-limit", "120"])
    let start = Date()
    waitForTheRosterStage(err, since: start)
    process.interrupt()
    usleep(50_000)
    process.interrupt()
    process.waitUntilExit()
    #expect(process.terminationStatus == 130)
    #expect(!FileManager.default.fileExists(atPath: out))
}

/// SIGKILL at random moments of runs into one folder: the folder is always the previous complete
/// run (the same folder, inode and bytes), a new complete run swapped in as a whole (a new folder
/// inode with every file: a kill after the swap, before the process ended), or absent; never files
/// of two runs side by side (which writing file by file into the old folder would leave).
@Test func aKilledRunLeavesThePreviousFolderOrNone() throws {
    let out = NSTemporaryDirectory() + "wfm-killed-\(getpid())"
    try? FileManager.default.removeItem(atPath: out)
    defer { try? FileManager.default.removeItem(atPath: out) }
    func inode() -> Int? { (try? FileManager.default.attributesOfItem(atPath: out))?[.systemFileNumber] as? Int }
    // A work budget under a wide cap, so the first run writes a roster however busy the machine is.
    let first = try runWFM(["run", scenario, "--out", out, "--quiet"] + quickRun)
    #expect(first.status == 0, "\(first.stderr)")
    var previous = (files: try #require(folderContents(out)), inode: inode())
    var rng = SystemRandomNumberGenerator()
    for round in 0..<4 {
        let delay = Double.random(in: 0.3...6.5, using: &rng)
        let (process, _) = try startRun(["--out", out, "--time-limit", "4", "--seed", "\(round + 10)", "--quiet"])
        usleep(UInt32(delay * 1e6))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        guard let now = folderContents(out) else { continue }
        let what = "round \(round), killed at \(String(format: "%.1f", delay)) s"
        #expect(Set(now.keys) == Set(runFiles), "\(what): \(now.keys.sorted())")
        if inode() == previous.inode { #expect(now == previous.files, "\(what): files changed inside the previous folder") }
        previous = (now, inode())
    }
}

@Test func aSecondRunIntoTheSameFolderExitsTwo() throws {
    let out = NSTemporaryDirectory() + "wfm-locked-\(getpid())"
    try? FileManager.default.removeItem(atPath: out)
    defer { try? FileManager.default.removeItem(atPath: out) }
    let (process, _) = try startRun(["--out", out, "--time-limit", "20", "--quiet"])
    defer { process.terminate(); process.waitUntilExit() }
    usleep(1_500_000)
    let second = try runWFM(["run", scenario, "--out", out, "--time-limit", "1", "--quiet"])
    #expect(second.status == 2)
    #expect(second.stderr.contains("another wfm run is writing this folder"), "\(second.stderr)")
}
