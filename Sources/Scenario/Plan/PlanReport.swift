import Foundation
import Planning
import WFMCore

/// report.html of a plan run: one self-contained page (inline CSS and SVG, no scripts): the plan's
/// facts and solver status, the chart of required against available productive FTE per week with
/// each class marked at its start and its training (dark) and ramp (light) weeks shaded, the
/// classes, the cost by term against the simple rule's, and the weeks that stay short.
enum PlanReport {
    static func render(_ plan: PlanFile, _ result: PlanResult, rule: PlanOutcome,
                       queues: [(id: String, contacts: Double, growthPerYear: Double, yearlySeasonality: Bool)]) -> String {
        let o = result.outcome
        var html = HTMLWriter()
        html.trusted("<!DOCTYPE html>\n")
        html.element("html", ["lang": "en"]) { page in
            page.element("head") { head in
                head.empty("meta", ["charset": "utf-8"])
                head.element("title", text: "Capacity plan: \(plan.name)")
                head.element("style") { $0.trusted(ReportStyle.css + css) }
            }
            page.element("body") { body in
                body.element("header") { header in
                    header.element("h1", text: "Capacity plan: \(plan.name)")
                    var solver = "solver \(result.status.rawValue)"
                    if let gap = result.gap { solver += ", gap \(Format.percent(gap, 2))" }
                    solver += ", \(Format.fixed(result.seconds, 1)) s"
                    let facts = ["\(plan.weeks) weeks from \(plan.start)", "start staff \(Format.fixed(plan.startFTE, 1)) FTE",
                                 "attrition \(Format.percent(plan.attritionPerMonth)) a month",
                                 "training \(plan.hiring.trainingWeeks) weeks, lead \(plan.hiring.leadWeeks) weeks", solver]
                    header.element("p", ["class": "facts"], text: facts.joined(separator: " · "))
                    var notes = queues.map { q in
                        "\(q.id): \(Format.fixed(q.contacts, 0)) contacts, trend \(Format.signed(q.growthPerYear * 100, 1)) %/year"
                            + (q.yearlySeasonality ? ", yearly seasonality" : "")
                    }
                    if !plan.overrides.isEmpty { notes.append("overrides: " + plan.overrides.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")) }
                    notes.append("inputs SHA-256 \(plan.inputsSHA256.prefix(12))…")
                    header.element("p", ["class": "note"], text: notes.joined(separator: " · "))
                }
                body.element("section", ["id": "chart"]) { s in
                    s.element("h2", text: "Required vs available productive FTE")
                    s.element("p", ["class": "note"], text: "Line: required FTE. Area: available productive FTE (tenured plus graduated classes × productivity); dashed: with overtime. Triangles: class starts (size). Shaded: training (dark) and ramp-up (light) of each class.")
                    s.element("div", ["class": "scroll"]) { chart(plan, o, into: &$0) }
                }
                body.element("section", ["id": "classes"]) { s in
                    s.element("h2", text: "Classes")
                    table(["start week", "week start", "size", "productive from"], o.classes.map { c in
                        [String(c.startWeek), plan.weekStart(c.startWeek).description, String(c.size),
                         plan.weekStart(c.startWeek + plan.hiring.trainingWeeks).description]
                    }, into: &s)
                }
                body.element("section", ["id": "costs"]) { s in
                    s.element("h2", text: "Cost")
                    let terms: [(String, (PlanOutcome.Costs) -> Double)] = [("paid FTE", \.paid), ("hiring", \.hiring),
                                                                            ("overtime", \.overtime), ("shortfall", \.shortfall), ("total", \.total)]
                    table(["term", "optimised plan", "simple rule", "difference"], terms.map { name, term in
                        [name, Format.fixed(term(o.costs), 0), Format.fixed(term(rule.costs), 0), Format.signed(term(o.costs) - term(rule.costs), 0)]
                    } + [["hires", String(o.classes.reduce(0) { $0 + $1.size }), String(rule.classes.reduce(0) { $0 + $1.size }), ""],
                         ["weeks short", String(o.weeksShort), String(rule.weeksShort), ""]], into: &s)
                }
                body.element("section", ["id": "short"]) { s in
                    s.element("h2", text: "Weeks short")
                    let short = o.weeks.enumerated().filter { $0.element.shortfallFTE > 1e-6 }
                    if short.isEmpty { s.element("p", text: "Every week is covered (with overtime where shown).") }
                    table(["week start", "required FTE", "available FTE", "overtime FTE", "short FTE"], short.map { k, w in
                        [plan.weekStart(k).description, Format.fixed(w.requiredFTE, 1), Format.fixed(w.availableFTE, 1),
                         Format.fixed(w.overtimeFTE, 1), Format.fixed(w.shortfallFTE, 1)]
                    }, into: &s)
                }
            }
        }
        html.newline()
        return html.text
    }

    static let css = """
    .band-training { fill: #f3c98b; opacity: 0.55; } .band-ramp { fill: #f9e7c6; opacity: 0.6; }
    .available { fill: #9ec5e8; stroke: #2b6cb0; stroke-width: 1.5; } .with-overtime { fill: none; stroke: #2b6cb0; stroke-dasharray: 4 3; }
    .required { fill: none; stroke: #c53030; stroke-width: 2; } .class-mark { fill: #2f855a; } .axis { stroke: #555; }
    .label { font-size: 11px; fill: #333; }
    """

    private static func table(_ header: [String], _ rows: [[String]], into html: inout HTMLWriter) {
        guard !rows.isEmpty else { return }
        html.element("table", ["class": "kpi"]) { t in
            t.element("thead") { h in h.element("tr") { tr in for cell in header { tr.element("th", text: cell) } } }
            t.element("tbody") { b in
                for row in rows { b.element("tr") { tr in for cell in row { tr.element("td", text: cell) } } }
            }
        }
    }

    /// The weekly chart as inline SVG: x = week, y = FTE from 0 to the largest value.
    private static func chart(_ plan: PlanFile, _ o: PlanOutcome, into html: inout HTMLWriter) {
        let width = 960.0, height = 340.0, left = 48.0, right = 12.0, top = 24.0, bottom = 36.0
        let n = o.weeks.count
        let peak = o.weeks.map { max($0.requiredFTE, $0.availableFTE + $0.overtimeFTE) }.max() ?? 1
        let yMax = max(1, (peak * 1.1 / 10).rounded(.up) * 10)
        let step = (width - left - right) / Double(n)
        func x(_ week: Double) -> Double { left + week * step }
        func y(_ fte: Double) -> Double { top + (height - top - bottom) * (1 - fte / yMax) }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        html.element("svg", ["viewBox": "0 0 \(Int(width)) \(Int(height))", "width": "\(Int(width))", "height": "\(Int(height))",
                             "role": "img", "aria-label": "required and available FTE per week"]) { svg in
            for c in o.classes {
                let t0 = Double(c.startWeek), t1 = min(Double(n), t0 + Double(plan.hiring.trainingWeeks))
                let r1 = min(Double(n), t1 + Double(plan.hiring.ramp.count))
                if t1 > t0 { svg.empty("rect", ["class": "band-training", "x": f(x(t0)), "y": f(top), "width": f(x(t1) - x(t0)), "height": f(height - top - bottom)], selfClosing: true) }
                if r1 > t1 { svg.empty("rect", ["class": "band-ramp", "x": f(x(t1)), "y": f(top), "width": f(x(r1) - x(t1)), "height": f(height - top - bottom)], selfClosing: true) }
            }
            let steps = o.weeks.enumerated().flatMap { k, w in [(Double(k), w), (Double(k + 1), w)] }
            let area = steps.map { "\(f(x($0.0))),\(f(y($0.1.availableFTE)))" }.joined(separator: " ")
            svg.empty("polygon", ["class": "available", "points": "\(f(x(0))),\(f(y(0))) " + area + " \(f(x(Double(n)))),\(f(y(0)))"], selfClosing: true)
            svg.empty("polyline", ["class": "with-overtime", "points": steps.map { "\(f(x($0.0))),\(f(y($0.1.availableFTE + $0.1.overtimeFTE)))" }.joined(separator: " ")], selfClosing: true)
            svg.empty("polyline", ["class": "required", "points": steps.map { "\(f(x($0.0))),\(f(y($0.1.requiredFTE)))" }.joined(separator: " ")], selfClosing: true)
            svg.empty("line", ["class": "axis", "x1": f(left), "y1": f(y(0)), "x2": f(width - right), "y2": f(y(0))], selfClosing: true)
            svg.empty("line", ["class": "axis", "x1": f(left), "y1": f(top), "x2": f(left), "y2": f(y(0))], selfClosing: true)
            for tick in stride(from: 0.0, through: yMax, by: yMax / 5) {
                svg.element("text", ["class": "label", "x": f(left - 6), "y": f(y(tick) + 4), "text-anchor": "end"], text: f(tick))
            }
            for k in stride(from: 0, to: n, by: max(1, n / 13)) {
                svg.element("text", ["class": "label", "x": f(x(Double(k))), "y": f(height - bottom + 14), "text-anchor": "start"],
                            text: plan.weekStart(k).description)
            }
            for c in o.classes {
                let cx = x(Double(c.startWeek)) + step / 2, base = top - 2
                svg.empty("polygon", ["class": "class-mark", "points": "\(f(cx - 5)),\(f(base - 9)) \(f(cx + 5)),\(f(base - 9)) \(f(cx)),\(f(base))"], selfClosing: true)
                svg.element("text", ["class": "label", "x": f(cx + 6), "y": f(base - 1)], text: String(c.size))
            }
            svg.element("text", ["class": "label", "x": f(left), "y": f(height - 4)], text: "FTE per week; week starts on the x axis")
        }
    }
}
