import Foundation

/// DIR/report.html of a sweep: one self-contained page (inline CSS and SVG, no scripts, nothing
/// fetched), like a run's report (`Report`). Sections: the sweep (scenario, grids, variants and how
/// many finished), service against each grid key with one figure per queue (`SweepChart`), every
/// variant in a table (with a link to its own run report), and the variants that failed or are missing.
public enum SweepReport {
    public static func render(plan: SweepPlan, rows: [SweepRow]) -> String {
        let queues = SweepMerge.queueIDs(rows)
        // A key held at one value (a work budget, say) has nothing to show against.
        let keys = plan.grids.filter { $0.values.count > 1 }.map(\.key) + (plan.quantiles.count > 1 ? ["quantile"] : [])
        var html = HTMLWriter()
        html.trusted("<!DOCTYPE html>\n")
        html.element("html", ["lang": "en"]) { page in
            page.element("head") { head in
                head.empty("meta", ["charset": "utf-8"])
                head.empty("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
                head.element("title", text: "Sweep report: \((plan.scenario as NSString).lastPathComponent)")
                head.element("style") { $0.trusted(ReportStyle.css + "\n" + css) }
            }
            page.newline()
            page.element("body") { body in
                header(plan: plan, rows: rows, into: &body)
                body.element("section", ["id": "service"]) { s in
                    s.element("h2", text: "Weekly service against each grid key")
                    s.element("p", ["class": "note"],
                              text: "One dot per finished variant (hover for its overrides), the line joins the mean of each value. Service level by Erlang, volume-weighted over the week.")
                    if keys.isEmpty || queues.isEmpty {
                        s.element("p", ["class": "note"], text: keys.isEmpty ? "No grid key takes more than one value." : "No variant finished.")
                    }
                    for queue in queues where !keys.isEmpty {
                        s.element("figure", ["id": "sweep-\(queue)"]) { figure in
                            figure.element("figcaption") { $0.element("strong", text: queue) }
                            figure.element("div", ["class": "panels"]) { panels in
                                for key in keys { SweepChart(queue: queue, key: key, plan: plan, rows: rows).render(into: &panels) }
                            }
                        }
                        s.newline()
                    }
                }
                body.element("section", ["id": "variants"]) { s in
                    s.element("h2", text: "Variants")
                    s.element("div", ["class": "scroll"]) { table(plan: plan, rows: rows, queues: queues, into: &$0) }
                }
                if plan.riskPaths > 0 {
                    body.element("section", ["id": "risk"]) { s in
                        s.element("h2", text: "Risk of each roster")
                        s.element("p", ["class": "note"],
                                  text: "Each variant's roster on \(plan.riskPaths) volume paths drawn from the forecast's whole-day errors (wfm risk): weekly service p10 / p50 / p90 and the probability that the week ends below the queue's target.")
                        s.element("div", ["class": "scroll"]) { riskTable(plan: plan, rows: rows, into: &$0) }
                    }
                }
                let unfinished = rows.filter { $0.status != .ok }
                body.element("section", ["id": "failures"]) { s in
                    s.element("h2", text: "Failed and missing variants")
                    if unfinished.isEmpty {
                        s.element("p", ["class": "note"], text: "Every variant wrote a roster.")
                    }
                    for row in unfinished {
                        s.element("p") { p in
                            p.element("strong", text: row.variant.id)
                            p.text(" \(row.status.rawValue)" + (row.exitStatus.map { ", exit status \($0)" } ?? "") + ": ")
                            p.element("code", text: row.message)
                        }
                    }
                }
            }
            page.newline()
        }
        html.newline()
        return html.text
    }

    static let css = """
    .panels { display: flex; flex-wrap: wrap; gap: 12px; }
    svg.panel { width: 440px; height: auto; border: 1px solid #e3e7ec; }
    svg .dot { fill: #2f6db3; fill-opacity: 0.7; }
    svg .mean { fill: none; stroke: #c0392b; stroke-width: 2; }
    svg .xtick { font-size: 11px; fill: #1d2530; text-anchor: middle; }
    svg .title { font-size: 12px; font-weight: 600; fill: #1d2530; }
    tr.failed th, tr.failed td, tr.missing th, tr.missing td { background: #f8c9c4; color: #8e1b10; }
    """

    private static func header(plan: SweepPlan, rows: [SweepRow], into html: inout HTMLWriter) {
        html.element("header") { header in
            header.element("h1", text: "Sweep report: \((plan.scenario as NSString).lastPathComponent)")
            let ok = rows.filter { $0.status == .ok }.count
            var facts = ["\(plan.variants.count) variants", "\(ok) finished"]
            if let limit = plan.timeLimitSeconds { facts.append("time limit \(Format.fixed(limit, 0)) s each") }
            header.element("p", ["class": "facts"], text: facts.joined(separator: " · "))
            let grids = plan.grids.map { "\($0.key) ∈ {\($0.values.joined(separator: ", "))}" }
                + (plan.quantiles.isEmpty ? [] : ["forecast quantile ∈ {\(plan.quantiles.map(SweepPlan.quantileText).joined(separator: ", "))}"])
            if !grids.isEmpty { header.element("p", ["class": "note"], text: grids.joined(separator: " × ")) }
        }
        html.newline()
    }

    private static func riskTable(plan: SweepPlan, rows: [SweepRow], into html: inout HTMLWriter) {
        let queues = SweepMerge.queueIDs(rows)
        html.element("table", ["class": "risk"]) { table in
            table.element("thead") { head in
                head.element("tr") { tr in
                    tr.element("th", text: "variant")
                    for q in queues {
                        tr.element("th", ["class": "num"], text: "\(q) p10–p90")
                        tr.element("th", ["class": "num"], text: "\(q) P(week < target)")
                    }
                }
            }
            table.element("tbody") { body in
                for row in rows where row.status == .ok {
                    body.element("tr") { tr in
                        tr.element("th", text: row.variant.id)
                        for q in queues {
                            let r = row.risk.first { $0.queue == q }
                            tr.element("td", ["class": "num"],
                                       text: r.map { "\(Format.percent($0.p10)) / \(Format.percent($0.p50)) / \(Format.percent($0.p90))" } ?? "–")
                            tr.element("td", ["class": "num"], text: r?.probabilityBelowTarget.map { Format.percent($0) } ?? "–")
                        }
                    }
                }
            }
        }
    }

    private static func table(plan: SweepPlan, rows: [SweepRow], queues: [String], into html: inout HTMLWriter) {
        html.element("table", ["class": "variants"]) { table in
            table.element("thead") { head in
                head.element("tr") { tr in
                    tr.element("th", text: "variant")
                    for grid in plan.grids { tr.element("th", text: grid.key) }
                    if !plan.quantiles.isEmpty { tr.element("th", ["class": "num"], text: "quantile") }
                    for q in queues { tr.element("th", ["class": "num"], text: "service \(q)") }
                    for title in ["paid hours", "agents used", "objective", "service bound"] { tr.element("th", ["class": "num"], text: title) }
                    tr.element("th", text: "status")
                }
            }
            table.element("tbody") { body in
                for row in rows {
                    body.element("tr", row.status == .ok ? [:] : ["class": row.status.rawValue]) { tr in
                        tr.element("th") { th in
                            if row.status == .ok {
                                th.element("a", ["href": row.variant.folder + "/report.html"], text: row.variant.id)
                            } else {
                                th.text(row.variant.id)
                            }
                        }
                        for grid in plan.grids { tr.element("td", text: SweepMerge.gridValue(row.variant, key: grid.key)) }
                        if !plan.quantiles.isEmpty {
                            tr.element("td", ["class": "num"], text: row.variant.quantile.map(SweepPlan.quantileText) ?? "")
                        }
                        for q in queues {
                            tr.element("td", ["class": "num"], text: row.queues.first { $0.id == q }.map { Format.percent($0.serviceLevel) } ?? "–")
                        }
                        tr.element("td", ["class": "num"], text: row.paidHours.map { Format.fixed($0, 1) } ?? "–")
                        tr.element("td", ["class": "num"], text: row.agentsUsed.map(String.init) ?? "–")
                        tr.element("td", ["class": "num"], text: row.objective.map { Format.fixed($0, 1) } ?? "–")
                        tr.element("td", ["class": "num"], text: row.serviceBound.map { Format.percent($0) } ?? "–")
                        tr.element("td", text: row.status.rawValue + (row.status == .ok ? "" : row.exitStatus.map { " (exit \($0))" } ?? ""))
                    }
                }
            }
        }
    }
}

/// One panel of the sweep report: a queue's weekly service (y, percent) against the values of one
/// grid key (x, equally spaced in the order given), one dot per finished variant and a line through
/// the mean service of each value. The y range is the data's, widened to whole 5 % steps.
struct SweepChart {
    let queue: String
    /// A grid key, or "quantile" for the forecast quantiles.
    let key: String
    let plan: SweepPlan
    let rows: [SweepRow]

    static let width = 440.0, height = 230.0
    private let left = 46.0, right = 14.0, top = 24.0, bottom = 34.0

    /// The x categories and each finished variant's (category, service).
    private func points() -> (values: [String], points: [(Int, Double, SweepRow)]) {
        let values = key == "quantile" && !plan.quantiles.isEmpty && !plan.grids.contains { $0.key == "quantile" }
            ? plan.quantiles.map(SweepPlan.quantileText)
            : plan.grids.first { $0.key == key }?.values ?? []
        let points = rows.compactMap { row -> (Int, Double, SweepRow)? in
            guard row.status == .ok, let service = row.queues.first(where: { $0.id == queue })?.serviceLevel else { return nil }
            let value = key == "quantile" ? row.variant.quantile.map(SweepPlan.quantileText) ?? "" : SweepMerge.gridValue(row.variant, key: key)
            return values.firstIndex(of: value).map { ($0, service, row) }
        }
        return (values, points)
    }

    private static func n(_ x: Double) -> String { Format.fixed(x, 1) }

    func render(into html: inout HTMLWriter) {
        let (values, points) = points()
        let services = points.map(\.1)
        var lo = ((services.min() ?? 0) * 20).rounded(.down) / 20
        var hi = ((services.max() ?? 1) * 20).rounded(.up) / 20
        if hi - lo < 0.05 { lo = max(0, hi - 0.05); hi = lo + 0.05 }
        let plotWidth = Self.width - left - right, plotHeight = Self.height - top - bottom
        let slot = plotWidth / Double(max(values.count, 1))
        func x(_ i: Int) -> Double { left + slot * (Double(i) + 0.5) }
        func y(_ s: Double) -> Double { top + plotHeight * (1 - (s - lo) / (hi - lo)) }
        html.element("svg", ["class": "panel", "role": "img", "viewBox": "0 0 \(Int(Self.width)) \(Int(Self.height))",
                             "aria-label": "\(queue): weekly service level against \(key)"]) { svg in
            svg.element("text", ["class": "title", "x": Self.n(left), "y": "15"], text: "against \(key)")
            let steps = Int(((hi - lo) / 0.05).rounded())
            let stride = max(1, (steps + 4) / 5)
            for k in Swift.stride(from: 0, through: steps, by: stride) {
                let s = lo + Double(k) * 0.05
                svg.empty("line", ["class": "grid", "x1": Self.n(left), "x2": Self.n(left + plotWidth), "y1": Self.n(y(s)), "y2": Self.n(y(s))],
                          selfClosing: true)
                svg.element("text", ["class": "ytick", "x": Self.n(left - 6), "y": Self.n(y(s) + 4)], text: Format.percent(s, 0))
            }
            // A label wider than its slot (about 6.5 px a character at 11 px) is cut with "…"; hover shows it whole.
            let fits = max(3, Int(slot / 6.5))
            for (i, value) in values.enumerated() {
                let label = value.count > fits ? String(value.prefix(fits - 1)) + "…" : value
                svg.element("text", ["class": "xtick", "x": Self.n(x(i)), "y": Self.n(top + plotHeight + 18)]) { t in
                    t.text(label)
                    if label != value { t.element("title", text: value) }
                }
            }
            let means = values.indices.compactMap { i -> (Int, Double)? in
                let here = points.filter { $0.0 == i }.map(\.1)
                return here.isEmpty ? nil : (i, here.reduce(0, +) / Double(here.count))
            }
            if means.count > 1 {
                svg.empty("polyline", ["class": "mean", "points": means.map { "\(Self.n(x($0.0))),\(Self.n(y($0.1)))" }.joined(separator: " ")],
                          selfClosing: true)
            }
            for (i, service, row) in points {
                svg.element("circle", ["class": "dot", "cx": Self.n(x(i)), "cy": Self.n(y(service)), "r": "4"]) { c in
                    c.element("title", text: "\(row.variant.id) \(Format.percent(service)): " + plan.runOverrides(row.variant).joined(separator: " "))
                }
            }
        }
    }
}
