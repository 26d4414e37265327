import Foundation

extension Exporters {
    /// summary.json in the shape of docs/outputs.md: keys in a fixed order, two-space indent, numbers
    /// with fixed decimals (fractions 4, contacts/seconds/objective/bound/penalty as below), `null` for
    /// a value the solver did not report:
    /// ```
    /// {"scenario", "timezone", "weekend": ["sat", "sun"], "inputs_sha256", "overrides": ["KEY=VALUE", …],
    ///  "queues": [{"id", "contacts", "service_level", "service_bound", "asa_seconds", "occupancy", "understaffed_intervals",
    ///              "unstable_intervals", "unstable_contacts", "response_hours", "mean_response_minutes",
    ///              "p90_response_minutes", "backlog_end_of_day": [{"date", "contacts"}],
    ///              "simulated": {"service_level", "ci95", "asa_seconds", "abandon_rate", "occupancy"} | null}],
    ///  "paid_hours", "agents_used",
    ///  "solver": {"status", "objective", "bound", "gap", "seconds", "service_bound"},
    ///  "rules": [{"id", "kind", "violations", "penalty"}],
    ///  "timings": {"forecast_seconds", "staffing_seconds", "roster_seconds"}}
    /// ```
    /// Decimals: contacts 2, service_level/service_bound/occupancy 4, asa_seconds 1, paid_hours 2, objective/bound/
    /// penalty 4, gap 6, seconds 2, response minutes 1. A figure that does not apply to the queue is `null`
    /// (ASA and occupancy of deferred work; unstable counts and response figures by kind; the service bound of deferred work).
    public static func summaryJSON(_ s: RunSummaryOutput) -> String {
        func number(_ x: Double?, _ decimals: Int) -> String {
            guard let x, x.isFinite else { return "null" }
            return fixed(x, decimals)
        }
        func list(_ items: [String]) -> [String] {
            items.enumerated().map { i, item in "    " + item + (i + 1 < items.count ? "," : "") }
        }
        var lines: [String] = ["{"]
        lines.append("  \"scenario\": \(quote(s.scenario)),")
        lines.append("  \"timezone\": \(quote(s.timezone)),")
        lines.append("  \"weekend\": [" + s.weekend.dayNames.map(quote).joined(separator: ", ") + "],")
        lines.append("  \"inputs_sha256\": \(quote(s.inputsSHA256)),")
        lines.append("  \"overrides\": [" + s.overrides.map { quote("\($0.key)=\($0.value)") }.joined(separator: ", ") + "],")
        lines.append("  \"queues\": [")
        lines += list(s.queues.map { q in
            "{\"id\": \(quote(q.queueID)), \"contacts\": \(number(q.contacts, 2)), \"service_level\": \(number(q.serviceLevel, 4)), "
                + "\"service_bound\": \(number(q.serviceBound, 4)), "
                + "\"asa_seconds\": \(number(q.asaSeconds, 1)), \"occupancy\": \(number(q.occupancy, 4)), "
                + "\"understaffed_intervals\": \(q.understaffedIntervals), " + queueServiceFields(q)
                + ", \"simulated\": \(simulatedJSON(q.simulated))}"
        })
        lines.append("  ],")
        lines.append("  \"paid_hours\": \(number(s.paidHours, 2)),")
        lines.append("  \"agents_used\": \(s.agentsUsed),")
        let v = s.solver
        lines.append("  \"solver\": {\"status\": \(quote(v.status)), \"objective\": \(number(v.objective, 4)), "
            + "\"bound\": \(number(v.bound, 4)), \"gap\": \(number(v.gap, 6)), \"seconds\": \(number(v.seconds, 2)), "
            + "\"service_bound\": \(number(v.serviceBound, 4))},")
        lines.append("  \"rules\": [")
        lines += list(s.rules.map { r in
            "{\"id\": \(quote(r.id)), \"kind\": \(quote(r.kind.rawValue)), \"violations\": \(r.violations), \"penalty\": \(number(r.penalty, 4))}"
        })
        lines.append("  ],")
        let t = s.timings
        lines.append("  \"timings\": {\"forecast_seconds\": \(number(t.forecastSeconds, 2)), "
            + "\"staffing_seconds\": \(number(t.staffingSeconds, 2)), \"roster_seconds\": \(number(t.rosterSeconds, 2))}")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The fields of `ServiceFigures` that depend on the queue's kind, each present for every queue.
    static func queueServiceFields(_ q: RunSummaryOutput.QueueKPI) -> String {
        func number(_ x: Double?, _ decimals: Int) -> String { x.flatMap { $0.isFinite ? fixed($0, decimals) : nil } ?? "null" }
        let d = q.deferred
        let backlog = (d?.backlogEndOfDay ?? []).map { "{\"date\": \(quote($0.date.description)), \"contacts\": \(number($0.contacts, 2))}" }
        return "\"unstable_intervals\": \(d == nil ? String(q.unstableIntervals) : "null"), "
            + "\"unstable_contacts\": \(d == nil ? number(q.unstableContacts, 2) : "null"), "
            + "\"response_hours\": \(number(d?.responseHours, 2)), \"mean_response_minutes\": \(number(d?.meanResponseMinutes, 1)), "
            + "\"p90_response_minutes\": \(number(d?.p90ResponseMinutes, 1)), \"backlog_end_of_day\": [\(backlog.joined(separator: ", "))]"
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
