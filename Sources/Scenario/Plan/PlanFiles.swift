import Foundation
import Planning
import WFMCore

/// The files of a capacity-plan run (docs/plan.md, "Files"): plan.csv, summary.json, report.html,
/// rendered from the plan and its solved outcome; the same inputs give the same bytes (but the
/// solver's seconds).
enum PlanFiles {
    static let csvColumns = ["week_start", "required_fte", "available_fte", "paid_fte", "tenured_fte", "in_training_fte",
                             "hires_starting", "overtime_fte", "shortfall_fte", "cost"]

    /// One row per week; FTE with 3 decimals, cost with 2.
    static func csv(_ plan: PlanFile, _ outcome: PlanOutcome) -> String {
        var csv = CSVWriter(header: csvColumns)
        for (k, w) in outcome.weeks.enumerated() {
            csv.append([plan.weekStart(k).description, Format.fixed(w.requiredFTE, 3), Format.fixed(w.availableFTE, 3),
                        Format.fixed(w.paidFTE, 3), Format.fixed(w.tenuredFTE, 3), Format.fixed(w.inTrainingFTE, 3),
                        String(w.hiresStarting), Format.fixed(w.overtimeFTE, 3), Format.fixed(w.shortfallFTE, 3),
                        Format.fixed(w.cost, 2)])
        }
        return csv.text
    }

    /// summary.json:
    /// ```
    /// {"kind": "plan", "plan", "inputs_sha256", "overrides": ["KEY=VALUE", …], "start", "weeks",
    ///  "cost": {"total", "paid", "hiring", "overtime", "shortfall"},
    ///  "rule_cost": {"total", …}  (the simple rule's plan, for comparison),
    ///  "hires", "classes": [{"start_week", "week_start", "size"}], "weeks_short", "shortfall_fte_weeks",
    ///  "solver": {"status", "objective", "bound", "gap", "seconds"}}
    /// ```
    static func summaryJSON(_ plan: PlanFile, _ result: PlanResult, rule: PlanOutcome) -> String {
        func number(_ x: Double?, _ decimals: Int) -> String {
            guard let x, x.isFinite else { return "null" }
            return Format.fixed(x, decimals)
        }
        func costs(_ c: PlanOutcome.Costs) -> String {
            "{\"total\": \(number(c.total, 2)), \"paid\": \(number(c.paid, 2)), \"hiring\": \(number(c.hiring, 2)), "
                + "\"overtime\": \(number(c.overtime, 2)), \"shortfall\": \(number(c.shortfall, 2))}"
        }
        let o = result.outcome
        var lines = ["{"]
        lines.append("  \"kind\": \"plan\",")
        lines.append("  \"plan\": \(Exporters.quote(plan.name)),")
        lines.append("  \"inputs_sha256\": \(Exporters.quote(plan.inputsSHA256)),")
        lines.append("  \"overrides\": [" + plan.overrides.map { Exporters.quote("\($0.key)=\($0.value)") }.joined(separator: ", ") + "],")
        lines.append("  \"start\": \(Exporters.quote(plan.start.description)),")
        lines.append("  \"weeks\": \(plan.weeks),")
        lines.append("  \"cost\": \(costs(o.costs)),")
        lines.append("  \"rule_cost\": \(costs(rule.costs)),")
        lines.append("  \"hires\": \(o.classes.reduce(0) { $0 + $1.size }),")
        lines.append("  \"classes\": [" + o.classes.map {
            "{\"start_week\": \($0.startWeek), \"week_start\": \(Exporters.quote(plan.weekStart($0.startWeek).description)), \"size\": \($0.size)}"
        }.joined(separator: ", ") + "],")
        lines.append("  \"weeks_short\": \(o.weeksShort),")
        lines.append("  \"shortfall_fte_weeks\": \(number(o.weeks.reduce(0) { $0 + $1.shortfallFTE }, 3)),")
        lines.append("  \"solver\": {\"status\": \(Exporters.quote(result.status.rawValue)), \"objective\": \(number(result.objective, 2)), "
            + "\"bound\": \(number(result.bound, 2)), \"gap\": \(number(result.gap, 6)), \"seconds\": \(number(result.seconds, 2))}")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}
