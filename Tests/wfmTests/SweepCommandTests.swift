import Foundation
import Testing

/// The scenarios folder of this package (this file is Tests/wfmTests/SweepCommandTests.swift).
private let small = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("scenarios/small/small.yaml").path

/// A run's file with the wall-clock seconds blanked: `solver.seconds` and the timings of
/// summary.json, the solver's seconds in report.html's title line. Nothing else may differ.
private func withoutSeconds(_ text: String) -> String {
    var out = text
    for pattern in [#""(seconds|forecast_seconds|staffing_seconds|roster_seconds)": [0-9.]+"#, #"(gap [0-9.]+%), [0-9]+\.[0-9] s"#] {
        out = out.replacingOccurrences(of: pattern, with: "<seconds>", options: .regularExpression)
    }
    return out
}

/// A fixed work budget (docs/scenario.md `max_moves`) so every run repeats exactly, even on a busy machine.
private let budget = ["solver.max_moves=300", "solver.max_neighbourhoods=0"]

@Test func everyVariantFolderEqualsThePlainRunWithItsOverrides() throws {
    let dir = temporaryFolder("sweep-equal")
    let grid = ["--grid", "queues.voice.volume_factor=0.9,1.2,lots"] + budget.flatMap { ["--grid", $0] }
    let sweep = try runWFM(["sweep", small] + grid + ["--out", dir, "--jobs", "2", "--time-limit", "120", "--risk-paths", "40", "--quiet"])
    // The third variant's value is not a number: it fails alone, with the run's own diagnostic and exit status.
    #expect(sweep.status == 1, "\(sweep.stdout)\(sweep.stderr)")
    #expect(sweep.stdout.contains("2 of 3 variants wrote a roster"), "\(sweep.stdout)")
    let rows = try String(contentsOfFile: dir + "/sweep.csv", encoding: .utf8).split(separator: "\n").map(String.init)
    #expect(rows.first == "id,queues.voice.volume_factor,solver.max_moves,solver.max_neighbourhoods,quantile,service_voice,service_chat,"
        + "simulated_voice,simulated_chat,paid_hours,agents_used,objective,service_bound,p_below_target_voice,p_below_target_chat,status,exit_status,message,seconds")
    #expect(rows.count == 4)
    #expect(rows[3].hasPrefix("v2,lots,300,0,,,,,,,,,,,,failed,2,"))
    #expect(rows[3].contains("volume_factor"))

    for (id, factor) in [("v0", "0.9"), ("v1", "1.2")] {
        let plain = temporaryFolder("sweep-plain-\(id)")
        let run = try runWFM(["run", small, "--set", "queues.voice.volume_factor=\(factor)"] + budget.flatMap { ["--set", $0] }
            + ["--time-limit", "120", "--out", plain, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let variant = dir + "/runs/\(id)"
        let files = try FileManager.default.contentsOfDirectory(atPath: plain).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: variant).sorted() == (files + ["variant.json"]).sorted())
        for file in files {
            let a = try String(contentsOfFile: plain + "/" + file, encoding: .utf8)
            let b = try String(contentsOfFile: variant + "/" + file, encoding: .utf8)
            #expect(withoutSeconds(a) == withoutSeconds(b), "\(id)/\(file) differs from wfm run")
        }
        // sweep.csv carries the run's own weekly service and paid hours.
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: plain + "/summary.json"))) as? [String: Any])
        let queues = try #require(summary["queues"] as? [[String: Any]])
        let voice = try #require(queues.first { $0["id"] as? String == "voice" }?["service_level"] as? Double)
        let row = try #require(rows.first { $0.hasPrefix(id + ",") })
        #expect(row.contains(String(format: ",%.4f,", voice)), "\(row)")
        #expect(row.contains(",ok,0,,"))
    }

    // Roster risk: the same paths for the same seed; more volume on the same roster, lower service.
    let risk = try runWFM(["risk", small, "--roster", dir + "/runs/v0", "--paths", "40", "--set", "queues.voice.volume_factor=0.9"])
    #expect(risk.status == 0, "\(risk.stderr)")
    #expect(try runWFM(["risk", small, "--roster", dir + "/runs/v0", "--paths", "40", "--set", "queues.voice.volume_factor=0.9"]).stdout == risk.stdout)
    let heavier = try runWFM(["risk", small, "--roster", dir + "/runs/v0", "--paths", "40", "--set", "queues.voice.volume_factor=1.3"])
    func voiceMedian(_ text: String) throws -> Double {
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("voice") })
        let percents = line.split(separator: " ").filter { $0.hasSuffix("%") }.compactMap { Double($0.dropLast()) }
        return try #require(percents.count == 6 ? percents[4] : nil)   // target, point, mean, p10, p50, p90
    }
    #expect(try voiceMedian(heavier.stdout) < voiceMedian(risk.stdout))
    // With simulation: the same Erlang columns, two more; repeatable; the simulated mean follows the volume.
    let simulated = try runWFM(["risk", small, "--roster", dir + "/runs/v0", "--paths", "12", "--simulate", "--set", "queues.voice.volume_factor=0.9"])
    #expect(simulated.status == 0, "\(simulated.stderr)")
    #expect(simulated.stdout.contains("simulated: mean  P(week < target)"))
    #expect(try runWFM(["risk", small, "--roster", dir + "/runs/v0", "--paths", "12", "--simulate", "--set", "queues.voice.volume_factor=0.9"]).stdout == simulated.stdout)
    let simulatedHeavier = try runWFM(["risk", small, "--roster", dir + "/runs/v0", "--paths", "12", "--simulate", "--set", "queues.voice.volume_factor=1.3"])
    func simulatedVoiceMean(_ text: String) throws -> Double {
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("voice") })
        let percents = line.split(separator: " ").filter { $0.hasSuffix("%") }.compactMap { Double($0.dropLast()) }
        return try #require(percents.count == 7 ? percents[6] : nil)   // the six Erlang columns, then the simulated mean
    }
    let light = try simulatedVoiceMean(simulated.stdout), heavy = try simulatedVoiceMean(simulatedHeavier.stdout)
    #expect(light > 0 && light < 100 && heavy < light, "\(light) vs \(heavy)")
    // sweep.csv's P(week < target) for v0 is the one wfm risk prints for the same roster and paths.
    let p = try #require(risk.stdout.split(separator: "\n").first { $0.hasPrefix("voice") }?.split(separator: " ").last)
    #expect(rows[1].contains(String(format: ",%.4f,", try #require(Double(p)))), "\(rows[1]) vs \(p)")

    // run-one skips a finished variant; merge rebuilds the same sweep.csv from the folders.
    let before = try String(contentsOfFile: dir + "/sweep.csv", encoding: .utf8)
    let again = try runWFM(["sweep", "run-one", dir, "--index", "0"])
    #expect(again.status == 0)
    #expect(again.stdout.contains("skipped"))
    let fromEnvironment = try runWFM(["sweep", "run-one", dir], environment: ["SLURM_ARRAY_TASK_ID": "1"])
    #expect(fromEnvironment.stdout.contains("variant 1 already finished"), "\(fromEnvironment.stdout)\(fromEnvironment.stderr)")
    let merge = try runWFM(["sweep", "merge", dir])
    #expect(merge.status == 1)
    #expect(merge.stdout.contains("v2 failed (exit 2)"))
    #expect(try String(contentsOfFile: dir + "/sweep.csv", encoding: .utf8) == before)
    let report = try String(contentsOfFile: dir + "/report.html", encoding: .utf8)
    #expect(report.contains("id=\"sweep-voice\"") && report.contains("id=\"sweep-chat\""))
    #expect(report.contains("against queues.voice.volume_factor"))
    #expect(!report.contains("against solver.max_moves"), "a key held at one value gets no panel")
    // Nothing half-written is left behind.
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/runs").allSatisfy { !$0.hasPrefix(".") })
}

@Test func aSweepFolderHoldingAnotherSweepIsRefused() throws {
    let dir = temporaryFolder("sweep-other")
    let first = try runWFM(["sweep", small, "--grid", "solver.seed=1,2", "--out", dir, "--emit", "slurm"])
    #expect(first.status == 0, "\(first.stderr)")
    let script = try String(contentsOfFile: dir + "/sweep.sbatch", encoding: .utf8)
    #expect(script.contains("#SBATCH --array=0-1\n"))
    #expect(script.contains("sweep run-one '\(dir)' --index \"$SLURM_ARRAY_TASK_ID\""))
    let second = try runWFM(["sweep", small, "--grid", "solver.seed=1,3", "--out", dir, "--emit", "slurm"])
    #expect(second.status == 2)
    #expect(second.stderr.contains("different sweep"))
    let badGrid = try runWFM(["sweep", small, "--grid", "solver.seed", "--out", dir + "-bad", "--emit", "slurm"])
    #expect(badGrid.status == 2)
    #expect(badGrid.stderr.contains("--grid solver.seed"))
}

@Test func forecastQuantilesPlanEachVariantsWeekAtItsQuantile() throws {
    let dir = temporaryFolder("sweep-quantiles")
    let r = try runWFM(["sweep", small] + budget.flatMap { ["--grid", $0] }
        + ["--forecast-quantiles", "0.5,0.9", "--out", dir, "--jobs", "2", "--time-limit", "120", "--quiet"])
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    let rows = try String(contentsOfFile: dir + "/sweep.csv", encoding: .utf8).split(separator: "\n").map(String.init)
    #expect(rows.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[3] } == ["0.5", "0.9"])
    func contacts(_ id: String) throws -> [Double] {
        try String(contentsOfFile: dir + "/runs/\(id)/forecast.csv", encoding: .utf8).split(separator: "\n").dropFirst()
            .map { try #require(Double($0.split(separator: ",")[2])) }
    }
    let p50 = try contacts("v0"), p90 = try contacts("v1")
    #expect(p50.count == p90.count && p50.count == 7 * 48 * 2)
    #expect(zip(p50, p90).allSatisfy { $0 <= $1 })
    #expect(p90.reduce(0, +) > 1.1 * p50.reduce(0, +))
    let summary = try String(contentsOfFile: dir + "/runs/v1/summary.json", encoding: .utf8)
    #expect(summary.contains("\"forecast.quantile=0.9\""))
    // A quantile outside (0, 1) is the run's own input error.
    let bad = try runWFM(["validate", small, "--set", "forecast.quantile=1.5"])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("forecast.quantile"))
}
