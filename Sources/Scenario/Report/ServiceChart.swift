import Foundation
import WFMCore

/// An inline SVG chart of one queue's service level per interval: the Erlang projection
/// (coverage.csv `service_level`) against the discrete-event simulation (`simulated_service_level`,
/// docs/simulation.md), 0–100 %, the centre's weekend shaded, a labelled separator at each local
/// midnight with the day's two volume-weighted figures under it, and a tooltip per interval.
/// Intervals without contacts leave a gap in both lines. Same x layout as `CoverageChart`.
struct ServiceChart {
    let queue: String
    /// The queue's coverage rows in time order.
    let rows: [CoverageRow]
    /// The centre's weekend (summary.json `weekend`), shaded.
    let weekend: Weekend
    /// Slots the plot's width is divided into (at least `rows.count`), as `CoverageChart.slots`.
    var slots: Int? = nil

    static let width = 1320.0
    static let height = 200.0
    private let left = 46.0, right = 10.0, top = 14.0, bottom = 44.0

    private static func n(_ x: Double) -> String { Format.fixed(x, 1) }

    func render(into html: inout HTMLWriter) {
        let plotWidth = Self.width - left - right, plotHeight = Self.height - top - bottom
        let slot = plotWidth / Double(max(rows.count, slots ?? 0, 1))
        func x(_ i: Int) -> Double { left + Double(i) * slot }
        func y(_ share: Double) -> Double { top + plotHeight * (1 - min(max(share, 0), 1)) }
        var days: [(date: LocalDate, index: Int)] = []
        for (i, row) in rows.enumerated() where days.last?.date != row.intervalStart.date { days.append((row.intervalStart.date, i)) }

        html.element("svg", ["class": "chart", "role": "img",
                             "viewBox": "0 0 \(Int(Self.width)) \(Int(Self.height))",
                             "aria-label": "\(queue): projected and simulated service level per interval"]) { svg in
            svg.newline()
            for (d, day) in days.enumerated() where weekend.contains(day.date) {
                let end = d + 1 < days.count ? days[d + 1].index : rows.count
                svg.empty("rect", ["class": "weekend", "x": Self.n(x(day.index)), "y": Self.n(top),
                                   "width": Self.n(x(end) - x(day.index)), "height": Self.n(plotHeight)], selfClosing: true)
            }
            for share in stride(from: 0.0, through: 1.0, by: 0.25) {
                svg.empty("line", ["class": "grid", "x1": Self.n(left), "x2": Self.n(left + plotWidth),
                                   "y1": Self.n(y(share)), "y2": Self.n(y(share))], selfClosing: true)
                svg.element("text", ["class": "ytick", "x": Self.n(left - 6), "y": Self.n(y(share) + 4)], text: Format.percent(share, 0))
            }
            svg.empty("path", ["class": "projected", "d": linePath(\.serviceLevel, x: x, y: y)], selfClosing: true)
            svg.empty("path", ["class": "simulated", "d": linePath(\.simulatedServiceLevel, x: x, y: y)], selfClosing: true)
            svg.newline()
            for (d, day) in days.enumerated() {
                let end = d + 1 < days.count ? days[d + 1].index : rows.count
                svg.empty("line", ["class": "day", "x1": Self.n(x(day.index)), "x2": Self.n(x(day.index)),
                                   "y1": Self.n(top), "y2": Self.n(top + plotHeight + 30)], selfClosing: true)
                svg.element("text", ["class": "daylabel", "x": Self.n((x(day.index) + x(end)) / 2), "y": Self.n(top + plotHeight + 14)],
                            text: Format.day(day.date))
                svg.element("text", ["class": "daysl", "x": Self.n((x(day.index) + x(end)) / 2), "y": Self.n(top + plotHeight + 27)],
                            text: "Erlang \(daily(\.serviceLevel, day.index..<end)) · sim \(daily(\.simulatedServiceLevel, day.index..<end))")
            }
            svg.newline()
            for (i, row) in rows.enumerated() where row.contacts > 0 {
                svg.element("rect", ["class": "hit", "x": Self.n(x(i)), "y": Self.n(top), "width": Self.n(slot),
                                     "height": Self.n(plotHeight)]) { $0.element("title", text: tooltip(row)) }
            }
        }
    }

    /// `M`/`L` commands through each interval's middle; a new `M` after an interval without a value.
    private func linePath(_ value: KeyPath<CoverageRow, Double?>, x: (Int) -> Double, y: (Double) -> Double) -> String {
        var d = "", drawing = false
        let half = (x(1) - x(0)) / 2
        for (i, row) in rows.enumerated() {
            guard row.contacts > 0, let v = row[keyPath: value] else { drawing = false; continue }
            d += (drawing ? "L" : "M") + "\(Self.n(x(i) + half)) \(Self.n(y(v)))"
            drawing = true
        }
        return d
    }

    /// Contact-weighted service level of `range`, "83%", or "–" without contacts or values.
    private func daily(_ value: KeyPath<CoverageRow, Double?>, _ range: Range<Int>) -> String {
        var contacts = 0.0, answered = 0.0
        for row in rows[range] where row.contacts > 0 {
            guard let v = row[keyPath: value] else { continue }
            contacts += row.contacts
            answered += row.contacts * v
        }
        return contacts > 0 ? Format.percent(answered / contacts, 0) : "–"
    }

    private func tooltip(_ row: CoverageRow) -> String {
        var parts = ["\(Format.day(row.intervalStart.date)) \(row.intervalStart.clock)", "contacts \(Format.fixed(row.contacts, 1))"]
        if let sl = row.serviceLevel { parts.append("Erlang \(Format.percent(sl, 1))") }
        if let sl = row.simulatedServiceLevel { parts.append("simulated \(Format.percent(sl, 1))") }
        return parts.joined(separator: " · ")
    }
}
