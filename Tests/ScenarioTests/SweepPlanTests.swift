import Foundation
import Testing
import WFMCore
import Yams
@testable import Scenario

private func plan() throws -> SweepPlan {
    SweepPlan(scenario: "/data/scenarios/demo/demo.yaml", timeLimitSeconds: 20,
              grids: [try SweepGrid.parse("queues.voice.volume_factor=0.9,1.0,1.1"),
                      try SweepGrid.parse("shifts.short.length_minutes=[240,300],[300]")],
              quantiles: [0.5, 0.9])
}

@Test func gridValuesSplitAtTopLevelCommasOnly() throws {
    #expect(try SweepGrid.parse("shifts.day.length_minutes=[480,510],[510]").values == ["[480,510]", "[510]"])
    #expect(try SweepGrid.parse("queues.voice.service_level={target: 0.8, seconds: 20},{target: 0.9, seconds: 20}").values
        == ["{target: 0.8, seconds: 20}", "{target: 0.9, seconds: 20}"])
    #expect(try SweepGrid.parse(#"queues.voice.open.from="07:00","08,30""#).values == [#""07:00""#, #""08,30""#])
    #expect(throws: DiagnosticError.self) { try SweepGrid.parse("solver.seed") }
    #expect(throws: DiagnosticError.self) { try SweepGrid.parse("solver.seed=1,,2") }
    #expect(throws: DiagnosticError.self) { try SweepGrid.parse("solver.seed=1,1") }
}

@Test func variantsAreTheCartesianProductInOdometerOrder() throws {
    let p = try plan()
    #expect(p.variants.count == 3 * 2 * 2)
    #expect(p.variants.map(\.id) == (0..<12).map { String(format: "v%02d", $0) })
    #expect(p.variants.map(\.index) == Array(0..<12))
    // Every combination once.
    #expect(Set(p.variants.map { $0.overrides + [String(describing: $0.quantile)] }).count == 12)
    #expect(p.variants[0].overrides == ["queues.voice.volume_factor=0.9", "shifts.short.length_minutes=[240,300]"])
    #expect(p.variants[0].quantile == 0.5 && p.variants[1].quantile == 0.9)
    #expect(p.variants[2].overrides[1] == "shifts.short.length_minutes=[300]")
    #expect(p.variants[11].overrides == ["queues.voice.volume_factor=1.1", "shifts.short.length_minutes=[300]"])
    #expect(p.runOverrides(p.variants[1]).last == "forecast.quantile=0.9")
    #expect(SweepPlan(scenario: "/s.yaml", timeLimitSeconds: nil, grids: [], quantiles: []).variants.map(\.id) == ["v0"])
}

@Test func manifestRoundTripsAndRefusesAnotherSweep() throws {
    let folder = NSTemporaryDirectory() + "wfm-sweep-plan-\(getpid())"
    try? FileManager.default.removeItem(atPath: folder)
    let p = try plan()
    try p.write(folder: folder)
    #expect(try SweepPlan.read(folder: folder) == p)
    try p.write(folder: folder)  // the same sweep again: kept
    let other = SweepPlan(scenario: p.scenario, timeLimitSeconds: 30, grids: p.grids, quantiles: p.quantiles)
    #expect(throws: DiagnosticError.self) { try other.write(folder: folder) }
    #expect(throws: DiagnosticError.self) { try SweepPlan.read(folder: folder + "/nowhere") }
}

@Test func arrayIndexComesFromSlurmOrKubernetes() {
    #expect(SweepVariantRun.indexFromEnvironment(["SLURM_ARRAY_TASK_ID": "7"]) == 7)
    #expect(SweepVariantRun.indexFromEnvironment(["JOB_COMPLETION_INDEX": "3"]) == 3)
    #expect(SweepVariantRun.indexFromEnvironment(["PATH": "/bin"]) == nil)
}

@Test func slurmScriptIsAJobArrayOfRunOneTasks() throws {
    let p = try plan()
    let script = SweepBatchFiles.slurm(plan: p, folder: "/shared/sweeps/o'brien", executable: "/opt/wfm/bin/wfm")
    let lines = script.split(separator: "\n").map(String.init)
    #expect(lines.first == "#!/bin/bash")
    #expect(lines.contains("#SBATCH --array=0-11"))
    #expect(lines.contains("#SBATCH --cpus-per-task=2"))
    #expect(lines.contains("#SBATCH --output=/shared/sweeps/o'brien/slurm/%A_%a.log"))
    #expect(lines.contains(#"WFM="${WFM:-/opt/wfm/bin/wfm}""#))
    #expect(lines.contains(#"exec "$WFM" sweep run-one '/shared/sweeps/o'\''brien' --index "$SLURM_ARRAY_TASK_ID" --quiet"#))
    // Every #SBATCH line comes before the first command (sbatch stops reading them there).
    let firstCommand = try #require(lines.firstIndex { !$0.hasPrefix("#") && !$0.isEmpty })
    #expect(lines.lastIndex { $0.hasPrefix("#SBATCH") }! < firstCommand)
}

/// The Indexed Job parsed back as YAML and checked against the batch/v1 Job fields a cluster needs
/// (kubernetes.io "Job" reference: completionMode Indexed, completions, parallelism, restartPolicy
/// Never or OnFailure, containers with image and command, volume mounts naming a declared volume).
@Test func kubernetesManifestIsAValidIndexedJob() throws {
    let p = try plan()
    let settings = SweepBatchFiles.KubernetesSettings(image: "registry.example/wfm:1.0", volumeClaim: "planning", mountPath: "/shared", parallelism: 4)
    let text = SweepBatchFiles.kubernetes(plan: p, folder: "/shared/sweeps/Week 2", settings: settings)
    let job = try #require(try Yams.load(yaml: text) as? [String: Any])
    #expect(job["apiVersion"] as? String == "batch/v1")
    #expect(job["kind"] as? String == "Job")
    let name = try #require((job["metadata"] as? [String: Any])?["name"] as? String)
    #expect(name == "wfm-sweep-week-2")
    #expect(name.count <= 63 && name.range(of: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", options: .regularExpression) != nil)
    let spec = try #require(job["spec"] as? [String: Any])
    #expect(spec["completionMode"] as? String == "Indexed")
    #expect(spec["completions"] as? Int == 12)
    #expect(spec["parallelism"] as? Int == 4)
    let pod = try #require((spec["template"] as? [String: Any])?["spec"] as? [String: Any])
    #expect(pod["restartPolicy"] as? String == "Never")
    let containers = try #require(pod["containers"] as? [[String: Any]])
    #expect(containers.count == 1)
    let container = containers[0]
    #expect(container["image"] as? String == "registry.example/wfm:1.0")
    #expect(container["command"] as? [String] == ["wfm", "sweep", "run-one", "/shared/sweeps/Week 2", "--quiet"])
    let mounts = try #require(container["volumeMounts"] as? [[String: Any]])
    let volumes = try #require(pod["volumes"] as? [[String: Any]])
    #expect(mounts.first?["mountPath"] as? String == "/shared")
    #expect(mounts.first?["name"] as? String == volumes.first?["name"] as? String)
    #expect((volumes.first?["persistentVolumeClaim"] as? [String: Any])?["claimName"] as? String == "planning")
    // The pod finds its variant through JOB_COMPLETION_INDEX, which an Indexed Job sets: no --index.
    #expect(!(container["command"] as? [String] ?? []).contains("--index"))
    #expect(SweepBatchFiles.commonFolder(["/shared/sweeps/a", "/shared/scenarios/demo"]) == "/shared")
    #expect(SweepBatchFiles.commonFolder(["/a/b", "/c"]) == "/")
}
