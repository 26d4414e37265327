import Foundation
import Testing

/// The scenarios folder of this package (this file is Tests/wfmTests/RunCommandTests.swift).
private let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("scenarios")

/// A fixed work budget (docs/scenario.md `solver.max_moves`, `max_neighbourhoods`) under a wide clock
/// cap, so these runs end by their budget and repeat however busy the machine is (the parallel suite
/// shares two cores with other runs; a debug build makes the moves many times slower than release).
let quickRun = ["--time-limit", "120", "--set", "solver.max_moves=2250", "--set", "solver.max_neighbourhoods=0"]

func temporaryFolder(_ name: String) -> String {
    let path = NSTemporaryDirectory() + "wfm-run-tests-\(getpid())-\(name)"
    try? FileManager.default.removeItem(atPath: path)
    return path
}

func csvRows(_ path: String) throws -> [[String]] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
}

func summary(_ folder: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/summary.json"))
    return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
}

@Test func runWritesEveryFileWithTheSpecColumns() throws {
    let out = temporaryFolder("files")
    let r = try runWFM(["run", scenarios.appendingPathComponent("small/small.yaml").path, "--out", out, "--quiet"] + quickRun)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.isEmpty)
    #expect(r.stdout.contains("roster written to \(out)"))
    let headers = [
        "forecast.csv": "interval_start,queue,contacts,aht_seconds",
        "requirements.csv": "interval_start,queue,contacts,aht_seconds,required_agents,required_with_shrinkage",
        "shifts.csv": "agent_id,date,shift_id,start,end,paid_minutes",
        "breaks.csv": "agent_id,start,end,paid",
        "coverage.csv": "interval_start,queue,contacts,aht_seconds,required_agents,scheduled_agents,service_level,asa_seconds,occupancy,simulated_service_level",
        "agents.csv": "agent_id,contract,paid_minutes,days_worked,max_consecutive_days,min_rest_minutes,night_shifts,start_spread_minutes,prefs_met,prefs_total",
    ]
    for (file, header) in headers {
        let rows = try csvRows(out + "/" + file)
        #expect(rows.first?.joined(separator: ",") == header, "\(file)")
    }
    // 7 days × 48 intervals × 2 queues.
    #expect(try csvRows(out + "/coverage.csv").count == 1 + 7 * 48 * 2)
    #expect(try csvRows(out + "/agents.csv").count == 1 + 8)
    let json = try summary(out)
    #expect(json["scenario"] as? String == "small")
    #expect((json["inputs_sha256"] as? String)?.count == 64)
    let solver = try #require(json["solver"] as? [String: Any])
    #expect(["optimal", "feasible"].contains(solver["status"] as? String))
    let rules = try #require(json["rules"] as? [[String: Any]])
    #expect(rules.filter { $0["kind"] as? String == "hard" }.allSatisfy { $0["violations"] as? Int == 0 })
    let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
    #expect(html.contains("<svg"))
    // Nothing half-written is left behind.
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).allSatisfy { !$0.hasPrefix(".") })
}

@Test func badScenarioExitsTwoAndWritesNothing() throws {
    let out = temporaryFolder("bad")
    let r = try runWFM(["run", scenarios.appendingPathComponent("broken/unknown-key.yaml").path, "--out", out, "--quiet"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("unknown-key.yaml:"))
    #expect(!FileManager.default.fileExists(atPath: out))
}

@Test func badOverrideExitsTwoNamingTheKey() throws {
    let r = try runWFM(["run", scenarios.appendingPathComponent("small/small.yaml").path, "--set", "queues.voice.volume_factor=lots", "--quiet"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("volume_factor"))
}

@Test func rulesThatCannotHoldExitOneAndExplainTheCollision() throws {
    let out = temporaryFolder("infeasible")
    // s01 (full-time, ≥ 2250 paid minutes, at most 480 a day) is on leave Monday to Wednesday:
    // four days give at most 1920 minutes.
    let r = try runWFM(["run", scenarios.appendingPathComponent("small/small.yaml").path, "--out", out, "--quiet",
                        "--set", "availability=availability-leave.csv"] + quickRun)
    #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
    #expect(r.stderr.contains("cannot all be met"))
    #expect(r.stderr.contains("s01"))
    #expect(!FileManager.default.fileExists(atPath: out + "/shifts.csv"))
}

@Test func volumeWhatIfLowersServiceAndCompareShowsIt() throws {
    let base = temporaryFolder("base"), more = temporaryFolder("more")
    let scenario = scenarios.appendingPathComponent("small/small.yaml").path
    let a = try runWFM(["run", scenario, "--out", base, "--quiet"] + quickRun)
    let b = try runWFM(["run", scenario, "--out", more, "--quiet", "--set", "queues.voice.volume_factor=1.15"] + quickRun)
    #expect(a.status == 0 && b.status == 0, "\(a.stderr)\(b.stderr)")
    func voice(_ folder: String) throws -> [String: Any] {
        let queues = try #require(try summary(folder)["queues"] as? [[String: Any]])
        return try #require(queues.first { $0["id"] as? String == "voice" })
    }
    let baseVoice = try voice(base), moreVoice = try voice(more)
    #expect(try #require(moreVoice["contacts"] as? Double) > 1.14 * (try #require(baseVoice["contacts"] as? Double)))
    #expect(try #require(moreVoice["service_level"] as? Double) < (try #require(baseVoice["service_level"] as? Double)))
    let overrides = try #require(try summary(more)["overrides"] as? [String])
    #expect(overrides == ["queues.voice.volume_factor=1.15", "solver.max_moves=2250", "solver.max_neighbourhoods=0"])
    let compare = try runWFM(["compare", base, more])
    #expect(compare.status == 0, "\(compare.stderr)")
    #expect(compare.stdout.contains("voice"))
}

@Test func checkAcceptsTheRunsRosterAndCatchesATamperedOne() throws {
    let out = temporaryFolder("check")
    let scenario = scenarios.appendingPathComponent("small/small.yaml").path
    let run = try runWFM(["run", scenario, "--out", out, "--quiet"] + quickRun)
    #expect(run.status == 0, "\(run.stderr)")
    let ok = try runWFM(["check", scenario, "--roster", out])
    #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
    #expect(ok.stdout.contains("every hard rule holds"))
    // The checker's service equals what the run reported in summary.json.
    let queues = try #require(try summary(out)["queues"] as? [[String: Any]])
    let voice = try #require(queues.first { $0["id"] as? String == "voice" }?["service_level"] as? Double)
    #expect(ok.stdout.contains(String(format: "voice: %.2f %%", voice * 100)))
    // Drop every break: the break-placement rule must now fail for each shift that needs one.
    let breaks = out + "/breaks.csv"
    try "agent_id,start,end,paid\n".write(toFile: breaks, atomically: true, encoding: .utf8)
    let broken = try runWFM(["check", scenario, "--roster", out])
    #expect(broken.status == 1)
    #expect(broken.stdout.contains("break-placement"))
}

/// Agent-days whose shift (template, start, end) differs between two shifts.csv files.
private func changedShifts(_ a: String, _ b: String) throws -> Int {
    func keyed(_ path: String) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try csvRows(path).dropFirst().map { ("\($0[0]) \($0[1])", $0[2...4].joined(separator: ",")) })
    }
    let old = try keyed(a), new = try keyed(b)
    return Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.count
}

@Test func replanningAgainstThePublishedRosterChangesFewShifts() throws {
    let yaml = scenarios.appendingPathComponent("small/small.yaml").path
    let base = temporaryFolder("published-base"), plain = temporaryFolder("published-plain"), replan = temporaryFolder("published-replan")
    let whatIf = ["--set", "queues.voice.volume_factor=1.15", "--quiet"] + quickRun
    #expect(try runWFM(["run", yaml, "--out", base, "--quiet"] + quickRun).status == 0)
    #expect(try runWFM(["run", yaml, "--out", plain] + whatIf).status == 0)
    let r = try runWFM(["run", yaml, "--out", replan, "--set", "published_roster.file=\(base)/shifts.csv",
                        "--set", "published_roster.change_penalty=50"] + whatIf)
    #expect(r.status == 0, "\(r.stderr)")
    let fromScratch = try changedShifts(base + "/shifts.csv", plain + "/shifts.csv")
    let kept = try changedShifts(base + "/shifts.csv", replan + "/shifts.csv")
    #expect(kept < fromScratch, "re-planned \(kept) vs from scratch \(fromScratch) changed shifts")
    #expect(kept <= 4, "50 contacts a change leaves only a few changes on an 8-agent week")
    #expect(r.stdout.contains("change these \(kept) shifts against the published roster"), "\(r.stdout)")
    let rules = try #require(try summary(replan)["rules"] as? [[String: Any]])
    let rule = try #require(rules.first { $0["id"] as? String == "published-shift-changed" })
    #expect(rule["violations"] as? Int == kept)
}

@Test func twoRunsWithTheSameSeedWriteTheSameFiles() throws {
    let yaml = scenarios.appendingPathComponent("small/small.yaml").path
    let folders = [temporaryFolder("repeat-1"), temporaryFolder("repeat-2")]
    for out in folders {
        let r = try runWFM(["run", yaml, "--out", out, "--seed", "11", "--quiet"] + quickRun)
        #expect(r.status == 0, "\(r.stderr)")
    }
    for file in ["shifts.csv", "breaks.csv", "coverage.csv", "agents.csv"] {
        let a = try Data(contentsOf: URL(fileURLWithPath: folders[0] + "/" + file))
        let b = try Data(contentsOf: URL(fileURLWithPath: folders[1] + "/" + file))
        #expect(a == b, "\(file) differs between two runs with the same seed")
    }
    // summary.json: identical except the measured seconds (solver seconds and the timings line).
    func withoutTimings(_ folder: String) throws -> String {
        let text = try String(contentsOfFile: folder + "/summary.json", encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.contains("\"timings\"") }
            .map { $0.replacingOccurrences(of: #""seconds": [0-9.]+"#, with: #""seconds": _"#, options: .regularExpression) }
            .joined(separator: "\n")
    }
    #expect(try withoutTimings(folders[0]) == withoutTimings(folders[1]))
}

@Test func demoWeekRunsEndToEndOnTheRealHistory() throws {
    let out = temporaryFolder("demo")
    let r = try runWFM(["run", scenarios.appendingPathComponent("demo/demo.yaml").path, "--out", out, "--quiet", "--time-limit", "120",
                        "--set", "solver.max_moves=3750", "--set", "solver.max_neighbourhoods=1"])
    #expect(r.status == 0, "\(r.stderr)")
    let queues = try #require(try summary(out)["queues"] as? [[String: Any]])
    #expect(queues.compactMap { $0["id"] as? String } == ["voice", "chat", "email"])
    // The forecast comes from the Anonymous Bank history: a busy Sunday–Thursday week of about 1,500 calls a day.
    let voice = try #require(queues.first { $0["id"] as? String == "voice" }?["contacts"] as? Double)
    #expect(voice > 7_000 && voice < 13_000)
    let check = try runWFM(["check", scenarios.appendingPathComponent("demo/demo.yaml").path, "--roster", out])
    #expect(check.status == 0, "\(check.stdout)")
}
