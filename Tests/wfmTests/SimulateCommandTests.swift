import Foundation
import Testing

private let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("scenarios")

/// `wfm run` simulates its roster (summary.json, coverage.csv, report), and `wfm simulate` reproduces a
/// run's simulation from its folder: same seed and replications, same figures.
@Test func runSimulatesItsRosterAndSimulateReproducesIt() throws {
    let out = NSTemporaryDirectory() + "wfm-simulate-tests-\(getpid())"
    try? FileManager.default.removeItem(atPath: out)
    defer { try? FileManager.default.removeItem(atPath: out) }
    let scenario = scenarios.appendingPathComponent("small/small.yaml").path
    let run = try runWFM(["run", scenario, "--out", out, "--quiet", "--set", "solver.simulation_replications=4"] + quickRun)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("simulated SL (95 %)"))
    let data = try Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))
    let summary = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    let queues = try #require(summary["queues"] as? [[String: Any]])
    let simulated = try queues.map { try #require($0["simulated"] as? [String: Double]) }
    #expect(simulated.allSatisfy { (0...1).contains($0["service_level"]!) && $0["ci95"]! > 0 })
    let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
    #expect(html.contains("id=\"service-voice\"") && html.contains("class=\"simulated\""))

    let again = try runWFM(["simulate", scenario, "--roster", out, "--reps", "4", "--json", "--intervals", out + "/intervals.csv"])
    #expect(again.status == 0, "\(again.stderr)")
    let json = try #require(JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
    #expect(json["replications"] as? Int == 4)
    let rerun = try #require(json["queues"] as? [[String: Any]]).map { $0["simulated"] as? [String: Double] }
    #expect(rerun == simulated)
    let intervals = try String(contentsOfFile: out + "/intervals.csv", encoding: .utf8).split(separator: "\n")
    #expect(intervals.first == "interval_start,queue,contacts,projected_service_level,simulated_service_level,simulated_asa_seconds,simulated_abandon_rate")
    #expect(intervals.count == 1 + 7 * 48 * 2)

    let bad = try runWFM(["simulate", scenario, "--roster", out, "--reps", "0"])
    #expect(bad.status == 2)
}

/// `solver.simulation_rounds=1`: a pilot solve and one on simulation-calibrated curves, each simulated
/// (two progress lines), and a valid roster with its simulated figures written.
@Test func feedbackRoundSimulatesEachSolveAndWritesARoster() throws {
    let scenario = scenarios.appendingPathComponent("small/small.yaml").path
    let out = NSTemporaryDirectory() + "wfm-feedback-tests-\(getpid())"
    try? FileManager.default.removeItem(atPath: out)
    defer { try? FileManager.default.removeItem(atPath: out) }
    // Each solve (the pilot and the round) ends by the move budget of `quickRun`, not its share of the clock.
    let run = try runWFM(["run", scenario, "--out", out, "--set", "solver.simulation_rounds=1",
                          "--set", "solver.simulation_replications=4"] + quickRun)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.components(separatedBy: "simulation round: all queues").count - 1 == 2, "\(run.stderr)")
    let data = try Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))
    let queues = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["queues"] as? [[String: Any]])
    #expect(queues.allSatisfy { ($0["simulated"] as? [String: Double])?["service_level"] != nil })
    let check = try runWFM(["check", scenario, "--roster", out])
    #expect(check.status == 0, "\(check.stdout)")
}
