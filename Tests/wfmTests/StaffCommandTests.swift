import Foundation
import Testing

/// Runs the built `wfm` binary and returns (exit status, stdout, stderr).
func runWFM(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
    let binary = productsDirectory.appendingPathComponent("wfm")
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new } }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

/// The folder holding the built products (the test bundle's parent).
var productsDirectory: URL {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
}

/// The Call Centre Helper interval: 100 calls in 30 minutes, AHT 180 s, 80 % in 20 s.
private let example = ["staff", "--calls", "100", "--interval-minutes", "30", "--aht", "180", "--sl", "0.8", "--sl-seconds", "20"]

private func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

@Test func staffFindsFourteenAgentsAndTwentyScheduled() throws {
    let r = try runWFM(example + ["--max-occupancy", "0.85", "--shrinkage", "0.3", "--json"])
    #expect(r.status == 0)
    let object = try jsonObject(r.stdout)
    #expect(object["agents"] as? Int == 14)
    #expect(object["scheduled_agents"] as? Int == 20)
    for key in ["offered_load", "service_level", "asa_seconds", "wait_probability", "occupancy"] {
        #expect(object[key] is Double, "missing \(key)")
    }
    #expect(object["abandon_probability"] == nil)
    #expect(abs((object["service_level"] as? Double ?? 0) - 0.88835) < 5e-6) // Call Centre Helper
}

@Test func staffEvaluatesGivenAgents() throws {
    let r = try runWFM(example + ["--agents", "11", "--json"])
    #expect(r.status == 0)
    let object = try jsonObject(r.stdout)
    #expect(object["agents"] as? Int == 11)
    #expect(abs((object["service_level"] as? Double ?? 0) - 0.3896138) < 5e-8) // Call Centre Helper, 11 agents
    #expect(abs((object["wait_probability"] as? Double ?? 0) - 0.6821182) < 5e-8)
}

@Test func unstableQueueReportsNullASA() throws {
    let r = try runWFM(example + ["--agents", "10", "--json"])
    #expect(r.status == 0)
    let object = try jsonObject(r.stdout)
    #expect(object["asa_seconds"] is NSNull)
    #expect(object["service_level"] as? Double == 0)
}

@Test func erlangAReportsAbandonment() throws {
    // pyworkforce 0.5.4 test_abandonment: 14 agents, patience 300 s → Pw 0.14526, P(abandon) 0.013984, SL 0.916792.
    let evaluated = try runWFM(example + ["--model", "erlang-a", "--patience", "300", "--agents", "14", "--json"])
    #expect(evaluated.status == 0)
    let object = try jsonObject(evaluated.stdout)
    #expect(abs((object["abandon_probability"] as? Double ?? 0) - 0.013984) < 5e-7)
    #expect(abs((object["wait_probability"] as? Double ?? 0) - 0.14526) < 5e-6)
    #expect(abs((object["service_level"] as? Double ?? 0) - 0.916792) < 5e-7)

    // Smallest N with SL ≥ 0.8 is 13 (SL 0.858; 12 gives 0.772); with abandonment ≤ 1 % it is 15 (14 gives 1.40 %).
    let found = try jsonObject(try runWFM(example + ["--model", "erlang-a", "--patience", "300", "--json"]).stdout)
    #expect(found["agents"] as? Int == 13)
    let capped = try jsonObject(try runWFM(example + ["--model", "erlang-a", "--patience", "300", "--max-abandon", "0.01", "--json"]).stdout)
    #expect(capped["agents"] as? Int == 15)
}

@Test func plainTextNamesEveryFigure() throws {
    let r = try runWFM(example + ["--model", "erlang-a", "--patience", "300"])
    #expect(r.status == 0)
    for label in ["agents", "scheduled agents", "offered load", "service level", "ASA", "wait probability", "occupancy", "abandonment"] {
        #expect(r.stdout.contains(label), "no \(label) in \(r.stdout)")
    }
}

@Test(arguments: [
    (["--aht", "-5"], "--aht"),
    (["--sl", "1.5"], "--sl"),
    (["--shrinkage", "1"], "--shrinkage"),
    (["--max-occupancy", "0"], "--max-occupancy"),
    (["--agents", "-1"], "--agents"),
    (["--model", "erlang-b"], "--model"),
    (["--model", "erlang-a"], "--patience"),
    (["--model", "erlang-a", "--patience", "0"], "--patience"),
    (["--patience", "60"], "--patience"),
    (["--max-abandon", "0.1"], "--max-abandon"),
    (["--calls", "many"], "--calls"),
])
func badFlagExitsTwoWithAMessage(change: [String], flag: String) throws {
    var arguments = example
    if let i = arguments.firstIndex(of: change[0]), change.count == 2, i + 1 < arguments.count, !arguments[i + 1].hasPrefix("--") {
        arguments[i + 1] = change[1]
    } else {
        arguments += change
    }
    let r = try runWFM(arguments)
    #expect(r.status == 2)
    #expect(r.stderr.contains(flag), "stderr: \(r.stderr)")
    #expect(r.stdout.isEmpty)
}
