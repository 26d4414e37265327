import Foundation

extension Exporters {
    /// summary.json: keys in a fixed order, two-space indent, numbers with fixed decimals
    /// (fractions 4, seconds 1, hours 2, objective/bound/penalty 4, gap 6, solver seconds 2),
    /// `null` for a value the solver did not report. Shape:
    /// ```
    /// {"scenario", "timezone", "inputs_sha256", "overrides": [{"key", "value"}],
    ///  "queues": {"<id>": {"service_level", "asa_seconds", "occupancy"}},
    ///  "paid_hours", "agents_used", "understaffed_intervals",
    ///  "solver": {"status", "objective", "bound", "gap", "seconds"},
    ///  "rules": [{"id", "kind", "violations", "penalty"}]}
    /// ```
    /// Only `solver.seconds` varies between identical runs.
    public static func summaryJSON(_ s: RunSummary) -> String {
        func number(_ x: Double?, _ decimals: Int) -> String {
            guard let x, x.isFinite else { return "null" }
            return fixed(x, decimals)
        }
        var lines: [String] = ["{"]
        lines.append("  \"scenario\": \(quote(s.scenario)),")
        lines.append("  \"timezone\": \(quote(s.timezone)),")
        lines.append("  \"inputs_sha256\": \(quote(s.inputsSHA256)),")
        let overrides = s.overrides.map { "{\"key\": \(quote($0.key)), \"value\": \(quote($0.value))}" }
        lines.append("  \"overrides\": [" + overrides.joined(separator: ", ") + "],")
        lines.append("  \"queues\": {")
        for (i, q) in s.queues.enumerated() {
            let comma = i + 1 < s.queues.count ? "," : ""
            lines.append("    \(quote(q.queueID)): {\"service_level\": \(number(q.serviceLevel, 4)), "
                + "\"asa_seconds\": \(number(q.asaSeconds, 1)), \"occupancy\": \(number(q.occupancy, 4))}\(comma)")
        }
        lines.append("  },")
        lines.append("  \"paid_hours\": \(number(s.paidHours, 2)),")
        lines.append("  \"agents_used\": \(s.agentsUsed),")
        lines.append("  \"understaffed_intervals\": \(s.understaffedIntervals),")
        let v = s.solver
        lines.append("  \"solver\": {\"status\": \(quote(v.status)), \"objective\": \(number(v.objective, 4)), "
            + "\"bound\": \(number(v.bound, 4)), \"gap\": \(number(v.gap, 6)), \"seconds\": \(number(v.seconds, 2))},")
        lines.append("  \"rules\": [")
        for (i, r) in s.rules.enumerated() {
            let comma = i + 1 < s.rules.count ? "," : ""
            lines.append("    {\"id\": \(quote(r.id)), \"kind\": \(quote(r.kind.rawValue)), "
                + "\"violations\": \(r.violations), \"penalty\": \(number(r.penalty, 4))}\(comma)")
        }
        lines.append("  ]")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A JSON string literal (RFC 8259): quote, backslash and control characters escaped.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20: out += String(format: "\\u%04x", c.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
