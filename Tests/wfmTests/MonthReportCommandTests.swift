import Foundation
import Testing

/// A two-week run (scenarios/long-horizon): agents.csv's weekly indicators are each agent's worst
/// 7-day block from the horizon's first day, recomputed here from shifts.csv, and report.html takes
/// the month layout.
@Test func twoWeekRunWritesWorstWeekIndicatorsAndTheMonthReport() throws {
    let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios")
    let out = temporaryFolder("two-weeks")
    let r = try runWFM(["run", scenarios.appendingPathComponent("long-horizon/long-horizon.yaml").path, "--out", out, "--quiet"] + quickRun)
    #expect(r.status == 0, "\(r.stderr)")
    // shifts.csv: agent_id,date,shift_id,start,end,paid_minutes; start like 2026-03-02T07:00+03:00.
    // The horizon is 2–15 March 2026 (long-horizon.yaml), so the day of the month places a shift.
    var starts: [String: [Int: [Int]]] = [:]   // agent → block → local start minutes
    for row in try csvRows(out + "/shifts.csv").dropFirst() {
        let day = Int(row[3].dropFirst(8).prefix(2))!
        let minute = Int(row[3].dropFirst(11).prefix(2))! * 60 + Int(row[3].dropFirst(14).prefix(2))!
        starts[row[0], default: [:]][(day - 2) / 7, default: []].append(minute)
    }
    let agents = try csvRows(out + "/agents.csv").dropFirst()
    #expect(!agents.isEmpty)
    for agent in agents {
        let worst = (starts[agent[0]] ?? [:]).values.map { $0.max()! - $0.min()! }.max() ?? 0
        #expect(Int(agent[7]) == worst, "\(agent[0])")
    }
    let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
    #expect(html.contains("<h2>KPIs per week and for the horizon</h2>") && html.contains("<table class=\"calendar\">"))
    #expect(html.contains("<figure id=\"chart-voice-week2\">"))
}
