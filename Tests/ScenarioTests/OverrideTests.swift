import Foundation
import Scenario
import Testing
import WFMCore

@Test func setChangesAQueueByIdAndTheSolverByKey() throws {
    let path = scenarioPath("demo/demo.yaml")
    let s = try ScenarioLoader.load(path: path, overrides: ["queues.voice.volume_factor=1.15", "solver.time_limit_seconds=30"])
    #expect(s.queue("voice")?.volumeFactor == 1.15)
    #expect(s.queue("chat")?.volumeFactor == 1)
    #expect(s.solver.timeLimitSeconds == 30)
    #expect(s.overrides == [
        AppliedOverride(key: "queues.voice.volume_factor", value: "1.15", path: "queues[0].volume_factor"),
        AppliedOverride(key: "solver.time_limit_seconds", value: "30", path: "solver.time_limit_seconds"),
    ])
}

@Test func setAddsMissingKeysAndTakesYAMLValues() throws {
    let path = scenarioPath("broken/valid.yaml")
    let s = try ScenarioLoader.load(path: path, overrides: [
        "queues.0.patience_seconds=45",                 // by index; key absent from the file
        "shifts.day.length_minutes=[450, 480]",         // a list value
        "queues.voice.service_level={target: 0.9, seconds: 15}",
        "objective.mode=min-cost",                      // objective: absent from the file
    ])
    #expect(s.queue("voice")?.patienceSeconds == 45)
    #expect(s.template("day")?.lengthsMinutes == [450, 480])
    #expect(s.queue("voice")?.serviceLevel == .init(target: 0.9, seconds: 15))
    #expect(s.objective == .minCost)
}

@Test func badOverridesAreReportedAgainstTheOverride() {
    let printed = loadDiagnostics(scenarioPath("broken/valid.yaml"), overrides: [
        "queues.voice.volume_factor=abc",
        "queues.sms.volume_factor=2",
        "shrinkage",
        "horizon.start.day=3",
        "solver.time_limt_seconds=5",
    ])
    #expect(printed == [
        "--set queues.sms.volume_factor=2: error: queues.sms.volume_factor: no item 'sms' in queues (ids: voice, chat); address list items by id or 0-based index",
        "--set shrinkage: error: expected KEY=VALUE, e.g. queues.voice.volume_factor=1.15",
        "--set horizon.start.day=3: error: horizon.start.day: horizon.start is \"2026-03-02\", not a mapping or list; cannot set 'day' inside it",
        "--set queues.voice.volume_factor=abc: error: queues[0].volume_factor: expected a multiplier ≥ 0, got \"abc\"",
        "--set solver.time_limt_seconds=5: error: solver.time_limt_seconds: unknown key (did you mean 'time_limit_seconds'?); allowed here: time_limit_seconds, relative_gap, seed, max_moves, max_neighbourhoods, simulation_replications, simulation_rounds",
    ])
}

@Test func overridesAndInputBytesChangeTheDigestButMovingTheFolderDoesNot() throws {
    let folder = try copyOfSmallScenario()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("valid.yaml").path
    let base = try ScenarioLoader.load(path: path).inputsSHA256
    #expect(base.count == 64)
    #expect(try ScenarioLoader.load(path: path).inputsSHA256 == base)
    #expect(try ScenarioLoader.load(path: scenarioPath("broken/valid.yaml")).inputsSHA256 == base)
    #expect(try ScenarioLoader.load(path: path, overrides: ["shrinkage=0.3"]).inputsSHA256 != base)
    let agents = folder.appendingPathComponent("agents.csv")
    try (String(contentsOf: agents, encoding: .utf8).replacingOccurrences(of: "Anna", with: "Anne"))
        .write(to: agents, atomically: true, encoding: .utf8)
    #expect(try ScenarioLoader.load(path: path).inputsSHA256 != base)
}

/// The digest is SHA-256 of the documented byte stream (InputDigest), recomputed here by hand.
@Test func digestIsTheDocumentedStream() throws {
    let path = scenarioPath("broken/valid.yaml")
    let s = try ScenarioLoader.load(path: path, overrides: ["shrinkage=0.25"])
    var stream = Data()
    for (key, name) in [("scenario", "valid.yaml"), ("history", "history.csv"), ("agents", "agents.csv"), ("availability", "availability.csv")] {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: scenarioPath("broken/\(name)")))
        stream.append(Data("file \(key)\n\(bytes.count)\n".utf8))
        stream.append(bytes)
        stream.append(Data("\n".utf8))
    }
    stream.append(Data("set shrinkage=0.25\n".utf8))
    #expect(s.inputsSHA256 == SHA256.hex(stream))
}

/// The SPEC's what-ifs by --set alone: volume +15 %, AHT +20 s, SL 90/15, 5 agents off.
@Test func theSpecWhatIfsAreOverrides() throws {
    let s = try ScenarioLoader.load(path: scenarioPath("demo/demo.yaml"), overrides: [
        "queues.voice.volume_factor=1.15", "queues.voice.aht_delta_seconds=20",
        "queues.voice.service_level={target: 0.9, seconds: 15}", "agents_off=[A001, A002, A003, A004, A053]",
    ])
    #expect(s.queue("voice")?.volumeFactor == 1.15)
    #expect(s.queue("voice")?.ahtDeltaSeconds == 20)
    #expect(s.queue("voice")?.serviceLevel == .init(target: 0.9, seconds: 15))
    #expect(s.agentsOff == ["A001", "A002", "A003", "A004", "A053"])
    #expect(s.agents.count == 55 && !s.agents.contains { $0.id == "A003" })
    // Their availability rows (A002, A003, A053: 3 of 16) and carry-in shifts (A001, A053: 2 of 8) go with them.
    #expect(s.availability.count == 13 && s.carryIn.count == 6)
    let printed = loadDiagnostics(scenarioPath("demo/demo.yaml"), overrides: ["agents_off=[A001, A001, Z9]", "queues.voice.aht_delta_seconds=-210"])
    #expect(printed == [
        "--set queues.voice.aht_delta_seconds=-210: error: queues[0].aht_delta_seconds: aht_seconds 210 + aht_delta_seconds -210 leaves no handle time; the result must be > 0",
        "--set agents_off=[A001, A001, Z9]: error: agents_off[1]: agent 'A001' is listed twice",
        "--set agents_off=[A001, A001, Z9]: error: agents_off[2]: no agent 'Z9' in the agents file",
    ])
}

/// `weekend:` defaults to Saturday–Sunday, the demo (Israel) says Friday–Saturday, and a bad value
/// names the key or the list item.
@Test func weekendKeyIsReadAndCheckedWithItsPath() throws {
    #expect(try ScenarioLoader.load(path: scenarioPath("broken/valid.yaml")).weekend == .saturdaySunday)
    let demo = try ScenarioLoader.load(path: scenarioPath("demo/demo.yaml"))
    #expect(demo.weekend == Weekend(weekdays: [5, 6]) && demo.weekend.dayNames == ["fri", "sat"])
    #expect(try ScenarioLoader.load(path: scenarioPath("broken/valid.yaml"), overrides: ["weekend=[Sun]"]).weekend == Weekend(weekdays: [7]))
    let bad = loadDiagnostics(scenarioPath("broken/valid.yaml"), overrides: ["weekend=[fri, saturday]"])
    #expect(bad.count == 1 && bad[0].contains("weekend[1]") && bad[0].contains("saturday"), "\(bad)")
    for value in ["[]", "[sat, sat]", "[mon, tue, wed, thu, fri, sat, sun]", "sat"] {
        let found = loadDiagnostics(scenarioPath("broken/valid.yaml"), overrides: ["weekend=\(value)"])
        #expect(found.count == 1 && found[0].contains("weekend"), "\(value): \(found)")
    }
}
