import Foundation
import Testing

/// The scenarios folder of this package (this file is Tests/wfmTests/ServiceFiguresTests.swift).
private let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("scenarios")

/// Rows of a CSV file without quoted fields, as dictionaries by header.
private func records(_ path: String) throws -> [[String: String]] {
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
        $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
}

/// One demo run, then every output read back: summary.json, coverage.csv, forecast.csv, the report
/// and `wfm check` on the same roster agree on each queue's figures to the digits they print.
@Test func everyOutputReportsTheSameServiceFigures() throws {
    let out = NSTemporaryDirectory() + "wfm-figures-\(getpid())"
    try? FileManager.default.removeItem(atPath: out)
    defer { try? FileManager.default.removeItem(atPath: out) }
    let demo = scenarios.appendingPathComponent("demo/demo.yaml").path
    // The first roster will do (relative gap 1 stops there); the limit only bounds a loaded machine.
    let run = try runWFM(["run", demo, "--out", out, "--time-limit", "120", "--set", "solver.relative_gap=1", "--quiet"])
    try #require(run.status == 0, "\(run.stderr)")
    let check = try runWFM(["check", demo, "--roster", out])
    try #require(check.status == 0, "\(check.stdout)\(check.stderr)")
    let summary = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as? [String: Any])
    let queues = try #require(summary["queues"] as? [[String: Any]])
    let coverage = try records(out + "/coverage.csv"), forecast = try records(out + "/forecast.csv")
    let report = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
    #expect(queues.map { $0["id"] as? String } == ["voice", "chat", "email"])
    let compare = try runWFM(["compare", out, out])
    #expect(compare.status == 0, "\(compare.stderr)")
    let compared = compare.stdout.split(separator: "\n").map(String.init)

    for q in queues {
        let id = try #require(q["id"] as? String)
        let contacts = try #require(q["contacts"] as? Double), level = try #require(q["service_level"] as? Double)
        let rows = coverage.filter { $0["queue"] == id }
        // Contacts: coverage.csv and forecast.csv give each interval to 2 decimals.
        let bound = 0.005 * Double(rows.count) + 0.005
        #expect(abs(rows.reduce(0) { $0 + Double($1["contacts"]!)! } - contacts) <= bound, "\(id) contacts in coverage.csv")
        #expect(abs(forecast.filter { $0["queue"] == id }.reduce(0) { $0 + Double($1["contacts"]!)! } - contacts) <= bound, "\(id) forecast.csv")
        // Service level: contact-weighted over the rows where it applies, cells printed to 4 decimals.
        let counted = rows.filter { $0["service_level"] != "" }
        let weight = counted.reduce(0) { $0 + Double($1["contacts"]!)! }
        let weighted = counted.reduce(0) { $0 + Double($1["contacts"]!)! * Double($1["service_level"]!)! } / weight
        #expect(abs(weighted - level) <= 1e-4, "\(id): coverage.csv \(weighted), summary.json \(level)")
        let line = try #require(check.stdout.split(separator: "\n").first { $0.hasPrefix("\(id): ") }.map(String.init))
        #expect(line.hasPrefix(String(format: "%@: %.2f %% of ", id, level * 100)), "\(line)")
        #expect(report.contains(">" + String(format: "%.1f%%", level * 100) + "<"), "\(id) in report.html")

        if let hours = q["response_hours"] as? Double {
            // Deferred work: no ASA or occupancy anywhere; response figures as in summary.json.
            #expect(q["asa_seconds"] is NSNull && q["occupancy"] is NSNull)
            #expect(rows.allSatisfy { $0["asa_seconds"] == "" && $0["occupancy"] == "" })
            #expect(line.contains(String(format: "(%.1f arrived)", contacts)), "\(line)")
            #expect(line.contains("within \(Int(hours)) h"))
            let mean = try #require(q["mean_response_minutes"] as? Double), p90 = try #require(q["p90_response_minutes"] as? Double)
            #expect(line.contains(String(format: "response mean %.1f min, p90 %.1f min", mean, p90)), "\(line)")
            #expect(report.contains(String(format: "response mean %.1f min, p90 %.1f min", mean, p90)))
            let backlog = try #require(q["backlog_end_of_day"] as? [[String: Any]])
            #expect(backlog.count == 7)
            #expect(compared.contains { $0.hasPrefix("\(id) mean response (min)") && $0.contains(String(format: "%.1f", mean)) }, "\(compared)")
            #expect(compared.contains { $0.hasPrefix("\(id) ASA (s)") && !$0.contains(where: \.isNumber) })
            #expect(line.contains("backlog at day end " + backlog.map { String(format: "%.2f", $0["contacts"] as! Double) }.joined(separator: ", ")))
        } else {
            #expect(line.contains(String(format: " of %.1f contacts", contacts)), "\(line)")
            let unstable = try #require(q["unstable_intervals"] as? Int)
            // An unstable interval has contacts and no ASA in coverage.csv; the weekly ASA is then unbounded.
            #expect(rows.filter { Double($0["contacts"]!)! > 0 && $0["asa_seconds"] == "" }.count == unstable)
            if unstable > 0 {
                #expect(q["asa_seconds"] is NSNull)
                #expect(line.contains(String(format: "ASA unbounded in %d interval", unstable)), "\(line)")
                #expect(compared.contains { $0.hasPrefix("\(id) intervals with ASA unbounded") && $0.contains(String(unstable)) })
            } else {
                let asa = try #require(q["asa_seconds"] as? Double)
                #expect(line.contains(String(format: "ASA %.1f s", asa)), "\(line)")
            }
        }
    }
}
