import Foundation
import Testing

/// `wfm plan` end to end on scenarios/plan: the files and their columns, `--set`, bad input (exit 2,
/// file:line: key), and `wfm compare` on plan runs.
struct PlanCommandTests {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios")

    static var weekly: String { scenarios.appendingPathComponent("plan/weekly.yaml").path }

    @Test func writesPlanSummaryAndReport() throws {
        let out = temporaryFolder("plan-weekly")
        let r = try runWFM(["plan", Self.weekly, "--out", out, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        #expect(r.stdout.contains("plan written to \(out)"))
        let plan = try csvRows(out + "/plan.csv")
        #expect(plan.first == ["week_start", "required_fte", "available_fte", "paid_fte", "tenured_fte", "in_training_fte",
                               "hires_starting", "overtime_fte", "shortfall_fte", "cost"])
        #expect(plan.count == 1 + 12)
        // required_fte is the weekly file's, week by week.
        let given = try csvRows(Self.scenarios.appendingPathComponent("plan/weekly_fte.csv").path).dropFirst()
        #expect(zip(plan.dropFirst(), given).allSatisfy { $0[0] == $1[0] && Double($0[1]) == Double($1[1]) })
        let json = try summary(out)
        #expect(json["kind"] as? String == "plan")
        #expect((json["inputs_sha256"] as? String)?.count == 64)
        let cost = try #require(json["cost"] as? [String: Double])
        let weeklyCost = plan.dropFirst().compactMap { Double($0[9]) }.reduce(0, +)
        #expect(abs(weeklyCost - cost["total"]!) < 0.01 * 12)
        let classes = try #require(json["classes"] as? [[String: Any]])
        let hires = plan.dropFirst().compactMap { Int($0[6]) }.reduce(0, +)
        #expect(classes.compactMap { $0["size"] as? Int }.reduce(0, +) == hires)
        #expect(hires > 0)
        #expect((json["solver"] as? [String: Any])?["status"] as? String == "optimal")
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("class=\"band-training\"") && html.contains("class=\"required\""))
    }

    @Test func setOverridesAndComparePlans() throws {
        let base = temporaryFolder("plan-base"), high = temporaryFolder("plan-attrition")
        #expect(try runWFM(["plan", Self.weekly, "--out", base, "--quiet"]).status == 0)
        let r = try runWFM(["plan", Self.weekly, "--out", high, "--set", "attrition_per_month=0.08", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try summary(high)
        #expect(json["overrides"] as? [String] == ["attrition_per_month=0.08"])
        #expect((try summary(base)["hires"] as? Int)! < (json["hires"] as? Int)!)
        let compare = try runWFM(["compare", base, high])
        #expect(compare.status == 0, "\(compare.stderr)")
        #expect(compare.stdout.contains("cost, total") && compare.stdout.contains("hires") && compare.stdout.contains("weeks short"))
        // A roster run (the compare fixture) does not mix with plan runs.
        let roster = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ScenarioTests/Fixtures/run-base").path
        #expect(FileManager.default.fileExists(atPath: roster + "/summary.json"))
        let mixed = try runWFM(["compare", base, roster])
        #expect(mixed.status == 2)
        #expect(mixed.stderr.contains("\(roster): error: not a plan run (wfm plan)"), "\(mixed.stderr)")
    }

    @Test func badPlanFileIsRejectedWithFileLineAndKey() throws {
        let dir = temporaryFolder("plan-broken")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.scenarios.appendingPathComponent("plan/weekly_fte.csv").path, toPath: dir + "/weekly_fte.csv")
        let text = """
        version: 1
        kind: plan
        start: 2000-01-02
        weeks: 12
        demand: {file: weekly_fte.csv}
        staff: {fte: -3}
        atrition_per_month: 0.03
        hiring: {lead_weeks: 2, training_weeks: 3, class_size: {min: 8, max: 3}}
        costs: {fte_week: 900, hire: 2500, overtime_fte_week: 1350}
        """
        try text.write(toFile: dir + "/bad.yaml", atomically: true, encoding: .utf8)
        let r = try runWFM(["plan", dir + "/bad.yaml", "--out", dir + "/out"])
        #expect(r.status == 2)
        for fragment in ["bad.yaml:6: error: staff.fte: expected FTE ≥ 0, got \"-3\"",
                         "bad.yaml:7: error: atrition_per_month: unknown key (did you mean 'attrition_per_month'?)",
                         "bad.yaml:8: error: hiring.class_size.max: must be ≥ min (8), got 3",
                         "bad.yaml:9: error: costs.shortfall_fte_week: missing required key"] {
            #expect(r.stderr.contains(fragment), "\(fragment) not in:\n\(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
        let set = try runWFM(["plan", Self.weekly, "--out", dir + "/out2", "--set", "hiring.lead_weeks=soon"])
        #expect(set.status == 2)
        #expect(set.stderr.contains("--set hiring.lead_weeks=soon: error: hiring.lead_weeks: expected a whole number of weeks"), "\(set.stderr)")
    }

    @Test func weeklyFileRowsAreChecked() throws {
        let dir = temporaryFolder("plan-weekly-rows")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try String(contentsOfFile: Self.weekly, encoding: .utf8).write(toFile: dir + "/plan.yaml", atomically: true, encoding: .utf8)
        try "week_start,required_fte\n2000-01-02,30\n2000-01-05,31\n2000-01-09,x\n".write(toFile: dir + "/weekly_fte.csv", atomically: true, encoding: .utf8)
        let r = try runWFM(["plan", dir + "/plan.yaml", "--out", dir + "/out"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("weekly_fte.csv:3: error: week_start: 2000-01-05 is not the first day of a plan week"), "\(r.stderr)")
        #expect(r.stderr.contains("weekly_fte.csv:4: error: required_fte: expected a weight ≥ 0 (FTE), got \"x\""), "\(r.stderr)")
    }

    @Test func demandFromHistoryFollowsMonthlyShrinkage() throws {
        let plan = Self.scenarios.appendingPathComponent("plan/plan.yaml").path
        let flat = temporaryFolder("plan-shrink-flat"), summer = temporaryFolder("plan-shrink-summer")
        #expect(try runWFM(["plan", plan, "--out", flat, "--set", "weeks=30", "--set", "demand.shrinkage=0.25", "--quiet"]).status == 0)
        #expect(try runWFM(["plan", plan, "--out", summer, "--set", "weeks=30", "--quiet"]).status == 0)
        let a = try csvRows(flat + "/plan.csv"), b = try csvRows(summer + "/plan.csv")
        for (x, y) in zip(a.dropFirst(), b.dropFirst()) {
            let week = x[0], r0 = Double(x[1])!, r1 = Double(y[1])!
            #expect(r0 > 20, "\(week): \(r0) FTE")
            // Weeks wholly in June are unchanged; weeks wholly in July at 0.75 / 0.65 of it (by_month 7: 0.35).
            if week >= "2000-06-01" && week <= "2000-06-24" { #expect(abs(r1 - r0) < 0.002) }
            if week >= "2000-07-02" && week <= "2000-07-25" { #expect(abs(r1 / r0 - 0.75 / 0.65) < 0.001, "\(week)") }
        }
    }
}
