import Foundation
import WFMCore

/// report.html: one self-contained page a planner reads after a run (SPEC.md, docs/report.md).
///
/// No network: inline CSS, inline SVG charts, no scripts, no fonts or images fetched. Sections:
/// title (scenario, horizon, time zone, interval, solver), KPIs per queue and paid hours (`KPITable`),
/// requirement vs scheduled capacity per queue (`CoverageChart`), the roster, burnout indicators per
/// agent (`BurnoutTable`), and the rules with their violations and penalties. A horizon of up to
/// 7 days is one week: one chart per queue and the roster as a grid of shift times (`RosterGrid`).
/// A longer one (`isMonth`) gets KPIs per weekly block and for the horizon, one chart panel per
/// queue and week, and the roster as a month calendar of shift codes (`RosterCalendar`).
/// The same run folder always renders to the same bytes.
public enum Report {
    /// Whether the run's horizon is longer than one week, which switches to the month layout: a
    /// week's 7 days fit one chart and one grid of shift times across a screen, more do not.
    static func isMonth(_ run: RunDirectory) -> Bool { run.dates.count > 7 }

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
                section("kpis", isMonth(run) ? "KPIs per week and for the horizon" : "Weekly KPIs", into: &body) { kpis(run, into: &$0) }
                section("coverage", "Requirement vs scheduled capacity", into: &body) { coverage(run, into: &$0) }
                if run.coverage.contains(where: { $0.simulatedServiceLevel != nil }) {
                    section("simulation", "Service per interval: Erlang projection vs simulation", into: &body) { simulation(run, into: &$0) }
                }
                section("roster", "Roster", into: &body) { s in
                    if isMonth(run) {
                        s.element("p", ["class": "note"],
                                  text: "One letter code per shift template, coloured by template; weeks are the 7-day blocks of the weekly rules. Hover a shift for its local times, breaks and paid time.")
                        s.element("div", ["class": "scroll"]) { RosterCalendar(run: run).render(into: &$0) }
                    } else {
                        s.element("p", ["class": "note"],
                                  text: "Shift times are local. Hover a shift for its breaks and paid time; night shifts (overlapping 00:00–06:00) are tinted dark.")
                        s.element("div", ["class": "scroll"]) { RosterGrid(run: run).render(into: &$0) }
                    }
                }
                section("burnout", "Burnout indicators", into: &body) { s in
                    s.element("p", ["class": "note"], text: (limits.isEmpty
                        ? "Contract limits were not given to the report, so no value is flagged."
                        : "Amber: within 10% of the contract limit (the limit included). Red: beyond the limit. Hover a value for its limit.")
                        + (isMonth(run) ? " Night shifts and start spread, weekly rules, are those of the agent's worst week; the other columns are over the horizon." : ""))
                    s.element("div", ["class": "scroll"]) { BurnoutTable(run: run, limits: limits, worstWeek: isMonth(run)).render(into: &$0) }
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
        KPITable(run: run).render(into: &html)
        if isMonth(run) {
            html.element("p", ["class": "note"],
                         text: "Weeks are the 7-day blocks of the weekly rules from the horizon's first day. Week figures are recomputed from coverage.csv; occupancy only over the horizon.")
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
            let (panels, slots) = panels(run, queue: queue)
            for panel in panels {
                html.element("figure", ["id": "service-\(queue)" + (panel.week.map { "-week\($0)" } ?? "")]) { figure in
                    figure.element("figcaption") { caption in
                        caption.element("strong", text: queue)
                        if let week = panel.week {
                            caption.text(" · " + weekName(week, panel.dates))
                        } else if let s = run.summary.queues.first(where: { $0.id == queue })?.simulated, let sl = s.serviceLevel {
                            caption.text(" · simulated week \(Format.percent(sl, 1)) ± \(Format.fixed((s.ci95 ?? 0) * 100, 1)) points")
                        }
                    }
                    figure.element("div", ["class": "scroll"]) {
                        ServiceChart(queue: queue, rows: panel.rows, weekend: run.summary.weekend, slots: slots).render(into: &$0)
                    }
                }
                html.newline()
            }
        }
    }

    /// "week 2 · Mon 9 Mar – Sun 15 Mar".
    static func weekName(_ week: Int, _ dates: [LocalDate]) -> String {
        "week \(week) · \(Format.day(dates[0])) – \(Format.day(dates[dates.count - 1]))"
    }

    /// A queue's coverage rows per panel: the whole horizon on a week page, one weekly block each
    /// on a month page (with the block's number, from 1, and its dates), and the most rows in one
    /// panel, the slot count every panel is drawn with.
    private static func panels(_ run: RunDirectory, queue: String) -> (panels: [(week: Int?, dates: [LocalDate], rows: [CoverageRow])], slots: Int) {
        let rows = run.coverage(of: queue)
        guard isMonth(run) else { return ([(nil, run.dates, rows)], rows.count) }
        let weeks = run.weeks
        let byBlock = Dictionary(grouping: rows) { weeks.block(of: $0.intervalStart.date) ?? -1 }
        let panels = weeks.blocks.enumerated().map { (week: $0 + 1, dates: $1, rows: byBlock[$0] ?? []) }
        return (panels, panels.map(\.rows.count).max() ?? 0)
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
            let (panels, slots) = panels(run, queue: queue)
            let peak = panels.flatMap(\.rows).map { max($0.requiredAgents, $0.scheduledAgents) }.max()
            for panel in panels {
                html.element("figure", ["id": "chart-\(queue)" + (panel.week.map { "-week\($0)" } ?? "")]) { figure in
                    let short = panel.rows.filter(\.isUnderstaffed).count
                    figure.element("figcaption") { caption in
                        caption.element("strong", text: queue)
                        if let week = panel.week { caption.text(" · " + weekName(week, panel.dates)) }
                        caption.text(short == 0 ? " · no understaffed interval" : " · \(short) understaffed intervals")
                    }
                    figure.element("div", ["class": "scroll"]) {
                        CoverageChart(queue: queue, rows: panel.rows, weekend: run.summary.weekend, slots: slots, peak: peak).render(into: &$0)
                    }
                }
                html.newline()
            }
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
