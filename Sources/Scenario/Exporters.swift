import Foundation
import WFMCore

/// Renders the CSV files of a run (SPEC.md "Files a run writes"), columns exactly as specified,
/// from the row types that `RunDirectory` reads back (Report/RunRows.swift), so writing and reading
/// share one definition of each file. Rows are written in the order given: the runner passes
/// interval rows in grid order (queues in scenario order within an interval) and agent rows in
/// agents.csv order.
///
/// Formatting is fixed so the same rows give byte-identical files: timestamps ISO 8601 local time
/// with offset (`2026-03-02T08:15+03:00`); contacts, agent counts and minutes-derived values with 2
/// decimals, seconds with 1, fractions (service level, occupancy) with 4; booleans `true`/`false`;
/// a value that is not finite, or absent, is an empty field. LF line ends.
public enum Exporters {
    public static func requirementsCSV(_ rows: [RequirementRow]) -> String {
        var csv = CSVWriter(header: ["interval_start", "queue", "contacts", "aht_seconds", "required_agents", "required_with_shrinkage"])
        for r in rows {
            csv.append([r.intervalStart.description, r.queue, fixed(r.contacts, 2), fixed(r.ahtSeconds, 1),
                        fixed(r.requiredAgents, 2), fixed(r.requiredWithShrinkage, 2)])
        }
        return csv.text
    }

    public static func shiftsCSV(_ rows: [ShiftRow]) -> String {
        var csv = CSVWriter(header: ShiftsFile.columns)
        for r in rows {
            csv.append([r.agentID, r.date.description, r.shiftID, r.start.description, r.end.description, String(r.paidMinutes)])
        }
        return csv.text
    }

    public static func breaksCSV(_ rows: [BreakRow]) -> String {
        var csv = CSVWriter(header: ["agent_id", "start", "end", "paid"])
        for r in rows {
            csv.append([r.agentID, r.start.description, r.end.description, r.paid ? "true" : "false"])
        }
        return csv.text
    }

    public static func coverageCSV(_ rows: [CoverageRow]) -> String {
        var csv = CSVWriter(header: ["interval_start", "queue", "contacts", "aht_seconds", "required_agents", "scheduled_agents",
                                     "service_level", "asa_seconds", "occupancy", "simulated_service_level"])
        for r in rows {
            csv.append([r.intervalStart.description, r.queue, fixed(r.contacts, 2), fixed(r.ahtSeconds, 1),
                        fixed(r.requiredAgents, 2), fixed(r.scheduledAgents, 2), optional(r.serviceLevel, 4),
                        optional(r.asaSeconds, 1), optional(r.occupancy, 4), optional(r.simulatedServiceLevel, 4)])
        }
        return csv.text
    }

    public static func agentsCSV(_ rows: [AgentRow]) -> String {
        var csv = CSVWriter(header: ["agent_id", "contract", "paid_minutes", "days_worked", "max_consecutive_days",
                                     "min_rest_minutes", "night_shifts", "start_spread_minutes", "prefs_met", "prefs_total"])
        for r in rows {
            csv.append([r.agentID, r.contract, String(r.paidMinutes), String(r.daysWorked), String(r.maxConsecutiveDays),
                        r.minRestMinutes.map(String.init) ?? "", String(r.nightShifts), String(r.startSpreadMinutes),
                        String(r.prefsMet), String(r.prefsTotal)])
        }
        return csv.text
    }

    static func optional(_ x: Double?, _ decimals: Int) -> String { x.map { fixed($0, decimals) } ?? "" }

    /// `x` with exactly `decimals` decimals (half away from zero, as printf); "" when not finite;
    /// never "-0.00".
    public static func fixed(_ x: Double, _ decimals: Int) -> String {
        guard x.isFinite else { return "" }
        let text = String(format: "%.\(decimals)f", x)
        if text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(text.dropFirst()) }
        return text
    }
}
