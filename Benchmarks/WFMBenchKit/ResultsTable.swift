import CurtoisFormat
import Foundation
import WFMCore

/// The benchmark's outputs: the results table (terminal text and results.csv) and one solution file
/// per instance.
public enum ResultsTable {
    public static let columns = ["instance", "objective", "best_known", "gap_percent", "seconds", "status", "scheduler_bound"]

    /// One row of text fields per result; empty fields where a number is unknown (no valid roster,
    /// no best known). Gap with two decimals, seconds and bound with one.
    static func fields(_ r: CurtoisResult) -> [String] {
        [r.instance, r.objective.map(String.init) ?? "", r.bestKnown.map(String.init) ?? "",
         r.gapPercent.map { String(format: "%.2f", $0) } ?? "", String(format: "%.1f", r.seconds), r.status.rawValue,
         r.bound.map { String(format: "%.1f", $0) } ?? ""]
    }

    /// results.csv: a header and one row per result, in the given order.
    public static func csv(_ results: [CurtoisResult]) -> String {
        var writer = CSVWriter(header: columns)
        for r in results { writer.append(fields(r)) }
        return writer.text
    }

    /// The same table with aligned columns for a terminal ("–" for an unknown number).
    public static func text(_ results: [CurtoisResult]) -> String {
        let rows = [columns] + results.map { fields($0).map { $0.isEmpty ? "–" : $0 } }
        let widths = columns.indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, field in
                let pad = String(repeating: " ", count: widths[c] - field.count)
                return c == 0 || c == 5 ? field + pad : pad + field
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n") + "\n"
    }

    /// DIR/<Instance>.csv: `employee,day,shift`, one row per worked day (day 0-based), employees in
    /// instance order, days ascending.
    public static func solutionCSV(_ solution: CurtoisSolution, of instance: CurtoisInstance) -> String {
        var writer = CSVWriter(header: ["employee", "day", "shift"])
        for (employee, row) in zip(instance.employees, solution.assignment) {
            for (day, shift) in row.enumerated() {
                if let shift { writer.append([employee.id, String(day), shift]) }
            }
        }
        return writer.text
    }
}
