import Foundation
import Testing

/// The scenarios folder of this package (this file is Tests/wfmTests/ValidateCommandTests.swift).
private let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("scenarios")

@Test func validateDemoPrintsASummaryAndExitsZero() throws {
    let r = try runWFM(["validate", scenarios.appendingPathComponent("demo/demo.yaml").path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("agents: 60 (full-time 36, part-time 16, student 8)"))
    #expect(r.stdout.contains("30-minute intervals: 336"))
    #expect(r.stdout.contains("inputs_sha256 "))
    #expect(r.stderr.isEmpty)
}

@Test func validateBrokenScenarioExitsTwoWithFileLineAndKey() throws {
    let r = try runWFM(["validate", scenarios.appendingPathComponent("broken/sl-target-not-a-number.yaml").path])
    #expect(r.status == 2)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.contains("sl-target-not-a-number.yaml:13: error: queues[0].service_level.target: expected a number between 0 and 1, got \"eighty\""))
}

@Test func validateReportsEveryProblemAndBadOverrides() throws {
    let r = try runWFM(["validate", scenarios.appendingPathComponent("broken/many-problems.yaml").path,
                        "--set", "queues.voice.volume_factor=lots"])
    #expect(r.status == 2)
    let errors = r.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
    #expect(errors.count == 6)
    #expect(r.stderr.contains("--set queues.voice.volume_factor=lots: error: queues[0].volume_factor: expected a multiplier ≥ 0, got \"lots\""))
}

@Test func validateShowsAppliedOverrides() throws {
    let r = try runWFM(["validate", scenarios.appendingPathComponent("demo/demo.yaml").path,
                        "--set", "queues.voice.volume_factor=1.15", "--set", "solver.time_limit_seconds=30"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("overrides: queues.voice.volume_factor=1.15, solver.time_limit_seconds=30"))
    #expect(r.stdout.contains("volume ×1.15"))
}

@Test func validateMissingScenarioExitsTwo() throws {
    let r = try runWFM(["validate", scenarios.appendingPathComponent("demo/no-such.yaml").path])
    #expect(r.status == 2)
    #expect(r.stderr.contains("no-such.yaml: error: cannot read the scenario file (missing or not readable)"))
}
