import Foundation
import WFMCore

/// An inline SVG chart of one queue across the horizon: the requirement (required agents, a step
/// line) against the scheduled capacity (a filled step area), each interval's shortfall shaded red,
/// weekends shaded grey, faint lines at 06:00, 12:00 and 18:00, a labelled separator at each local
/// midnight with the day's service level under it, and a tooltip (`<title>`) per interval with its numbers.
///
/// x: one equal slot per interval in time order (a 23- or 25-hour day simply has fewer or more
/// slots); y: agents, from 0 to a rounded-up maximum of requirement and capacity.
struct CoverageChart {
    let queue: String
    /// The queue's coverage rows in time order.
    let rows: [CoverageRow]
    /// The centre's weekend (summary.json `weekend`), shaded.
    let weekend: Weekend
    /// Slots the plot's width is divided into (at least `rows.count`): a month's weekly panels pass
    /// a full week's count, so a short last week keeps the same scale and leaves the rest blank.
    var slots: Int? = nil
    /// The y axis reaches at least this many agents: a month's weekly panels share one scale.
    var peak: Double? = nil

    static let width = 1320.0
    static let height = 250.0
    private let left = 46.0, right = 10.0, top = 14.0, bottom = 54.0

    private var plotWidth: Double { Self.width - left - right }
    private var plotHeight: Double { Self.height - top - bottom }

    /// A step of 1, 2 or 5 × 10^k giving at most five gridlines up to `maximum` (> 0).
    static func gridStep(for maximum: Double) -> Double {
        let raw = maximum / 5
        let base = pow(10, (log10(raw)).rounded(.down))
        return [1.0, 2, 5, 10].map { $0 * base }.first { $0 >= raw } ?? 10 * base
    }

    private static func n(_ x: Double) -> String { Format.fixed(x, 1) }

    func render(into html: inout HTMLWriter) {
        let count = max(rows.count, slots ?? 0, 1)
        let slot = plotWidth / Double(count)
        let peak = max(rows.map { max($0.requiredAgents, $0.scheduledAgents) }.max() ?? 0, self.peak ?? 0)
        let step = Self.gridStep(for: max(peak, 1))
        let yMax = (max(peak, 1) / step).rounded(.up) * step
        func x(_ i: Int) -> Double { left + Double(i) * slot }
        func y(_ v: Double) -> Double { top + plotHeight * (1 - v / yMax) }
        let days = dayStarts()

        html.element("svg", ["class": "chart", "role": "img",
                             "viewBox": "0 0 \(Int(Self.width)) \(Int(Self.height))",
                             "aria-label": "\(queue): required agents and scheduled capacity per interval"]) { svg in
            svg.newline()
            for (d, day) in days.enumerated() where weekend.contains(day.date) {
                let end = d + 1 < days.count ? days[d + 1].index : rows.count
                svg.empty("rect", ["class": "weekend", "x": Self.n(x(day.index)), "y": Self.n(top),
                                   "width": Self.n(x(end) - x(day.index)), "height": Self.n(plotHeight)], selfClosing: true)
            }
            var v = 0.0
            while v <= yMax + 1e-9 {
                svg.empty("line", ["class": "grid", "x1": Self.n(left), "x2": Self.n(left + plotWidth),
                                   "y1": Self.n(y(v)), "y2": Self.n(y(v))], selfClosing: true)
                svg.element("text", ["class": "ytick", "x": Self.n(left - 6), "y": Self.n(y(v) + 4)],
                            text: Format.fixed(v, step < 1 ? 1 : 0))
                v += step
            }
            svg.element("text", ["class": "yaxis", "transform": "translate(12 \(Self.n(top + plotHeight / 2))) rotate(-90)"],
                        text: "agents")
            svg.newline()
            for (i, row) in rows.enumerated() where [360, 720, 1080].contains(row.intervalStart.minuteOfDay) {
                svg.empty("line", ["class": "hour", "x1": Self.n(x(i)), "x2": Self.n(x(i)),
                                   "y1": Self.n(top), "y2": Self.n(top + plotHeight + 4)], selfClosing: true)
                svg.element("text", ["class": "hourlabel", "x": Self.n(x(i)), "y": Self.n(top + plotHeight + 13)],
                            text: row.intervalStart.clock)
            }
            svg.empty("path", ["class": "scheduled", "d": areaPath(x: x, y: y)], selfClosing: true)
            for (i, row) in rows.enumerated() where row.isUnderstaffed {
                svg.empty("rect", ["class": "short", "x": Self.n(x(i)), "y": Self.n(y(row.requiredAgents)),
                                   "width": Self.n(slot), "height": Self.n(y(row.scheduledAgents) - y(row.requiredAgents))],
                          selfClosing: true)
            }
            svg.empty("path", ["class": "required", "d": stepPath(\.requiredAgents, x: x, y: y)], selfClosing: true)
            svg.newline()
            for (d, day) in days.enumerated() {
                let end = d + 1 < days.count ? days[d + 1].index : rows.count
                let middle = (x(day.index) + x(end)) / 2
                svg.empty("line", ["class": "day", "x1": Self.n(x(day.index)), "x2": Self.n(x(day.index)),
                                   "y1": Self.n(top), "y2": Self.n(top + plotHeight + 40)], selfClosing: true)
                svg.element("text", ["class": "daylabel", "x": Self.n(middle), "y": Self.n(top + plotHeight + 27)],
                            text: Format.day(day.date))
                svg.element("text", ["class": "daysl", "x": Self.n(middle), "y": Self.n(top + plotHeight + 40)],
                            text: dailyServiceLevel(from: day.index, to: end))
            }
            svg.empty("line", ["class": "day", "x1": Self.n(x(rows.count)), "x2": Self.n(x(rows.count)),
                               "y1": Self.n(top), "y2": Self.n(top + plotHeight + 40)], selfClosing: true)
            svg.newline()
            for (i, row) in rows.enumerated() where row.requiredAgents > 0 || row.scheduledAgents > 0 {
                svg.element("rect", ["class": "hit", "x": Self.n(x(i)), "y": Self.n(top), "width": Self.n(slot),
                                     "height": Self.n(plotHeight)]) { $0.element("title", text: tooltip(row)) }
            }
        }
    }

    /// First row index of each local date.
    private func dayStarts() -> [(date: LocalDate, index: Int)] {
        var out: [(date: LocalDate, index: Int)] = []
        for (i, row) in rows.enumerated() where out.last?.date != row.intervalStart.date {
            out.append((row.intervalStart.date, i))
        }
        return out
    }

    /// `M`/`L` commands tracing `value` as a step per interval; `continuing` starts with `L`, to
    /// extend a path already begun.
    private func stepPath(_ value: KeyPath<CoverageRow, Double>, continuing: Bool = false,
                          x: (Int) -> Double, y: (Double) -> Double) -> String {
        var d = ""
        for (i, row) in rows.enumerated() {
            let level = Self.n(y(row[keyPath: value]))
            d += (i == 0 && !continuing ? "M" : "L") + "\(Self.n(x(i))) \(level)H\(Self.n(x(i + 1)))"
        }
        return d
    }

    private func areaPath(x: (Int) -> Double, y: (Double) -> Double) -> String {
        guard !rows.isEmpty else { return "" }
        return "M\(Self.n(x(0))) \(Self.n(y(0)))" + stepPath(\.scheduledAgents, continuing: true, x: x, y: y)
            + "L\(Self.n(x(rows.count))) \(Self.n(y(0)))Z"
    }

    /// Volume-weighted service level of rows `from..<to`, "SL 83%", or "no contacts".
    private func dailyServiceLevel(from: Int, to: Int) -> String {
        var contacts = 0.0, answered = 0.0
        for row in rows[from..<to] {
            guard let sl = row.serviceLevel, row.contacts > 0 else { continue }
            contacts += row.contacts
            answered += row.contacts * sl
        }
        return contacts > 0 ? "SL " + Format.percent(answered / contacts, 0) : "no contacts"
    }

    private func tooltip(_ row: CoverageRow) -> String {
        var parts = ["\(Format.day(row.intervalStart.date)) \(row.intervalStart.clock)",
                     "required \(Format.fixed(row.requiredAgents, 1))",
                     "scheduled \(Format.fixed(row.scheduledAgents, 1))",
                     "contacts \(Format.fixed(row.contacts, 1))"]
        if let sl = row.serviceLevel, row.contacts > 0 { parts.append("SL \(Format.percent(sl, 0))") }
        if let asa = row.asaSeconds, row.contacts > 0 { parts.append("ASA \(Format.fixed(asa, 0)) s") }
        return parts.joined(separator: " · ")
    }
}
