import Foundation
import WFMCore

/// report.html: one self-contained page a planner reads after a run (SPEC.md, docs/report.md).
///
/// No network: inline CSS, inline SVG charts, no scripts, no fonts or images fetched. Sections:
/// title (scenario, horizon, time zone, interval, solver), weekly KPIs per queue and paid hours,
/// requirement vs scheduled capacity per queue (`CoverageChart`), the roster grid (`RosterGrid`),
/// burnout indicators per agent (`BurnoutTable`), and the rules with their violations and penalties.
/// The same run folder always renders to the same bytes.
public enum Report {
    /// The page for a run. `limits` (contract id → limits, from the scenario) lets the burnout table
    /// flag agents close to a limit; without them nothing is flagged.
    public static func render(_ run: RunDirectory, limits: [String: ContractLimits] = [:]) -> String {
        var html = HTMLWriter()
        html.trusted("<!DOCTYPE html>\n")
        html.element("html", ["lang": "en"]) { page in
            page.element("head") { head in
                head.empty("meta", ["charset": "utf-8"])
                head.empty("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
                head.element("title", text: "Roster report: \(run.summary.scenario)")
                head.element("style") { $0.trusted(ReportStyle.css) }
            }
            page.newline()
            page.element("body") { body in
                title(run, into: &body)
                section("kpis", "Weekly KPIs", into: &body) { kpis(run, into: &$0) }
                section("coverage", "Requirement vs scheduled capacity", into: &body) { coverage(run, into: &$0) }
                if run.coverage.contains(where: { $0.simulatedServiceLevel != nil }) {
                    section("simulation", "Service per interval: Erlang projection vs simulation", into: &body) { simulation(run, into: &$0) }
                }
                section("roster", "Roster", into: &body) { s in
                    s.element("p", ["class": "note"],
                              text: "Shift times are local. Hover a shift for its breaks and paid time; night shifts (overlapping 00:00–06:00) are tinted dark.")
                    s.element("div", ["class": "scroll"]) { RosterGrid(run: run).render(into: &$0) }
                }
                section("burnout", "Burnout indicators", into: &body) { s in
                    s.element("p", ["class": "note"], text: limits.isEmpty
                        ? "Contract limits were not given to the report, so no value is flagged."
                        : "Amber: within 10% of the contract limit (the limit included). Red: beyond the limit. Hover a value for its limit.")
                    s.element("div", ["class": "scroll"]) { BurnoutTable(run: run, limits: limits).render(into: &$0) }
                }
                section("rules", "Rules and penalties", into: &body) { rules(run, into: &$0) }
            }
            page.newline()
        }
        html.newline()
        return html.text
    }

    /// Reads the run folder at `path` and writes `path/report.html` atomically. Call it after the
    /// run's CSV and JSON files are written. Throws the reader's diagnostics if the folder is incomplete.
    public static func write(runDirectory path: String, limits: [String: ContractLimits] = [:]) throws {
        let run = try RunDirectory.read(path: path)
        try AtomicFile.write(render(run, limits: limits), to: URL(fileURLWithPath: path).appendingPathComponent("report.html").path)
    }

    private static func section(_ id: String, _ heading: String, into html: inout HTMLWriter,
                                _ body: (inout HTMLWriter) -> Void) {
        html.element("section", ["id": id]) { s in
            s.element("h2", text: heading)
            body(&s)
        }
        html.newline()
    }

    private static func title(_ run: RunDirectory, into html: inout HTMLWriter) {
        let summary = run.summary
        let dates = run.dates
        html.element("header") { header in
            header.element("h1", text: "Roster report: \(summary.scenario)")
            var facts: [String] = []
            if let first = dates.first, let last = dates.last {
                facts.append("\(Format.day(first)) \(first.year) – \(Format.day(last)) \(last.year) (\(dates.count) days)")
            }
            facts.append("time zone \(summary.timezone)")
            if let minutes = run.intervalMinutes { facts.append("\(minutes)-minute intervals") }
            var solver = "solver \(summary.solver.status)"
            if let gap = summary.solver.gap { solver += ", gap \(Format.percent(gap, 2))" }
            if let seconds = summary.solver.seconds { solver += ", \(Format.fixed(seconds, 1)) s" }
            facts.append(solver)
            if let bound = summary.solver.serviceBound {
                let contacts = summary.queues.map { run.contacts(of: $0.id) }
                let total = contacts.reduce(0, +)
                let achieved = total > 0 ? zip(summary.queues, contacts).reduce(0) { $0 + $1.0.serviceLevel * $1.1 } / total : 1
                facts.append(RunSummaryText.serviceBoundLine(achieved: achieved, bound: bound,
                                                             perQueue: summary.queues.compactMap { q in q.serviceBound.map { (q.id, $0) } }))
            }
            header.element("p", ["class": "facts"], text: facts.joined(separator: " · "))
            var provenance: [String] = []
            if !summary.overrides.isEmpty { provenance.append("overrides: " + summary.overrides.joined(separator: ", ")) }
            if let sha = summary.inputsSHA256 { provenance.append("inputs SHA-256 \(sha.prefix(12))…") }
            if !provenance.isEmpty { header.element("p", ["class": "note"], text: provenance.joined(separator: " · ")) }
        }
        html.newline()
    }

    private static func kpis(_ run: RunDirectory, into html: inout HTMLWriter) {
        html.element("table", ["class": "kpi"]) { table in
            table.element("thead") { head in
                head.element("tr") { tr in
                    tr.element("th", text: "queue")
                    for title in ["contacts", "service level", "ASA", "occupancy", "understaffed intervals", "required paid hours"] {
                        tr.element("th", ["class": "num"], text: title)
                    }
                }
            }
            table.element("tbody") { body in
                for queue in run.summary.queues {
                    body.element("tr") { tr in
                        tr.element("th", text: queue.id)
                        tr.element("td", ["class": "num"], text: Format.fixed(run.contacts(of: queue.id), 0))
                        tr.element("td", ["class": "num"], text: Format.percent(queue.serviceLevel))
                        tr.element("td", ["class": "num"], text: queue.responseHours != nil ? "–"
                                   : ServiceText.asa(queue.asaSeconds, unstableIntervals: queue.unstableIntervals ?? 0,
                                                     unstableContacts: queue.unstableContacts ?? 0))
                        tr.element("td", ["class": "num"], text: queue.occupancy.map { Format.percent($0) } ?? "–")
                        tr.element("td", ["class": "num"], text: "\(run.understaffedIntervals(of: queue.id)) of \(run.coverage(of: queue.id).count)")
                        tr.element("td", ["class": "num"], text: run.requiredPaidHours(of: queue.id).map { Format.fixed($0, 1) } ?? "–")
                    }
                }
            }
        }
        for queue in run.summary.queues {
            guard let hours = queue.responseHours else { continue }
            html.element("p", ["class": "note"],
                         text: "\(queue.id) (deferred work): service level = share answered \(ServiceText.within(hours: hours)); "
                             + ServiceText.response(meanMinutes: queue.meanResponseMinutes, p90Minutes: queue.p90ResponseMinutes) + "; "
                             + ServiceText.backlog((queue.backlogEndOfDay ?? []).map(\.contacts))
                             + " (" + (queue.backlogEndOfDay ?? []).map(\.date).joined(separator: ", ") + ")")
        }
        html.element("p", ["class": "totals"]) { p in
            p.text("Paid hours ")
            p.element("strong", text: Format.fixed(run.summary.paidHours, 1))
            p.text(" · agents used ")
            p.element("strong", text: "\(run.summary.agentsUsed) of \(run.agents.count)")
        }
    }

    /// Per queue, the projected against the simulated service level per interval (`ServiceChart`).
    private static func simulation(_ run: RunDirectory, into html: inout HTMLWriter) {
        html.element("p", ["class": "legend"]) { p in
            p.element("span", ["class": "swatch projected"], text: "")
            p.text("Erlang projection (coverage.csv service_level)   ")
            p.element("span", ["class": "swatch simulated"], text: "")
            p.text("discrete-event simulation with skill-based routing (simulated_service_level, mean over replications)")
        }
        for queue in run.queueIDs {
            html.element("figure", ["id": "service-\(queue)"]) { figure in
                figure.element("figcaption") { caption in
                    caption.element("strong", text: queue)
                    if let s = run.summary.queues.first(where: { $0.id == queue })?.simulated, let sl = s.serviceLevel {
                        caption.text(" · simulated week \(Format.percent(sl, 1)) ± \(Format.fixed((s.ci95 ?? 0) * 100, 1)) points")
                    }
                }
                figure.element("div", ["class": "scroll"]) { ServiceChart(queue: queue, rows: run.coverage(of: queue), weekend: run.summary.weekend).render(into: &$0) }
            }
            html.newline()
        }
    }

    private static func coverage(_ run: RunDirectory, into html: inout HTMLWriter) {
        html.element("p", ["class": "legend"]) { p in
            p.element("span", ["class": "swatch required"], text: "")
            p.text("required agents   ")
            p.element("span", ["class": "swatch scheduled"], text: "")
            p.text("scheduled capacity (after breaks and shrinkage)   ")
            p.element("span", ["class": "swatch short"], text: "")
            p.text("shortfall   ")
            p.element("span", ["class": "swatch weekend"], text: "")
            p.text("weekend")
        }
        html.element("p", ["class": "note"],
                      text: "Under each day: its volume-weighted service level. Hover the chart for an interval's numbers.")
        for queue in run.queueIDs {
            html.element("figure", ["id": "chart-\(queue)"]) { figure in
                let short = run.understaffedIntervals(of: queue)
                figure.element("figcaption") { caption in
                    caption.element("strong", text: queue)
                    caption.text(short == 0 ? " · no understaffed interval" : " · \(short) understaffed intervals")
                }
                figure.element("div", ["class": "scroll"]) { CoverageChart(queue: queue, rows: run.coverage(of: queue), weekend: run.summary.weekend).render(into: &$0) }
            }
            html.newline()
        }
    }

    private static func rules(_ run: RunDirectory, into html: inout HTMLWriter) {
        let rules = run.summary.rules.filter { $0.kind == .hard } + run.summary.rules.filter { $0.kind == .soft }
        guard !rules.isEmpty else {
            html.element("p", ["class": "note"], text: "The run lists no rules.")
            return
        }
        html.element("table", ["class": "rules"]) { table in
            table.element("thead") { head in
                head.element("tr") { tr in
                    tr.element("th", text: "rule")
                    tr.element("th", text: "kind")
                    tr.element("th", ["class": "num"], text: "violations")
                    tr.element("th", ["class": "num"], text: "penalty")
                }
            }
            table.element("tbody") { body in
                for rule in rules {
                    body.element("tr", rule.kind == .hard && rule.violations > 0 ? ["class": "broken"] : [:]) { tr in
                        tr.element("th", text: rule.id)
                        tr.element("td", text: rule.kind.rawValue)
                        tr.element("td", ["class": "num"], text: "\(rule.violations)")
                        tr.element("td", ["class": "num"], text: Format.fixed(rule.penalty, 1))
                    }
                }
            }
            table.element("tfoot") { foot in
                foot.element("tr") { tr in
                    tr.element("th", text: "soft penalties, total")
                    tr.element("td", text: "")
                    tr.element("td", ["class": "num"], text: "\(rules.filter { $0.kind == .soft }.reduce(0) { $0 + $1.violations })")
                    tr.element("td", ["class": "num"], text: Format.fixed(rules.filter { $0.kind == .soft }.reduce(0) { $0 + $1.penalty }, 1))
                }
            }
        }
    }
}
