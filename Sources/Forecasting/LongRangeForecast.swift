import Foundation
import WFMCore

/// A forecast of many weeks for capacity planning (`wfm plan`): daily level from a trend and, where
/// the history holds at least two years, a yearly (month-of-year) seasonality; weekday factors and
/// a weekday × interval profile turn the level into interval contacts; the calendar's special days
/// apply as in every forecast (closed → 0, factor f → × f).
///
/// On the weekday-adjusted daily totals y_d of the learnable days (`DailyTotals`):
/// - yearly seasonality (≥ 730 days of history): `season[m]` = mean of y_d / trend(d) over the days of
///   month m, scaled to mean 1 over the months seen, the trend refitted on y_d / season[m(d)], the
///   two fits alternated 10 times (backfitting); otherwise season ≡ 1;
/// - trend: least-squares line level(d) = α + β·d through y_d / season, or, with `growthPerYear` g,
///   level(d) = L · (1 + g)^((d − d_L) / 365.25), L the mean of the deseasonalised y over the last
///   56 days of history, centred at d_L (a planner's growth assumption replaces the fitted slope);
/// - day d: max(0, level(d)) · season[m(d)] · weekday factor · weekday profile of the last 8 same weekdays.
/// Reference: the classical decomposition (Hyndman & Athanasopoulos, Forecasting: Principles and
/// Practice, 3rd ed., §3.4), applied to daily totals, with the top-down intraday split of `TopDown`.
public struct LongRangeForecast: Sendable {
    public var queue: String
    /// Contacts per interval: on the plan grid as `Forecaster.longRange` returns it (on the local wall
    /// clock, `days × slotsPerDay` from `start`, as this initialiser computes it).
    public var contacts: [Double]
    /// Handle time per grid interval, seconds (set by `Forecaster.longRange`).
    public var ahtSeconds: [Double] = []
    /// The prepared history the forecast was learned from.
    var series: DaySeries
    /// Whether a yearly seasonality was fitted (the history holds at least two years).
    public var yearlySeasonality: Bool
    /// Growth of the daily level over the 365.25 days after the history's end, as a fraction (0.1 = +10 %).
    public var growthPerYear: Double

    /// Nil when the history has no learnable day before `start`.
    init?(history: QueueHistory, start: LocalDate, days: Int, specialDays: SpecialDays, growthPerYear: Double? = nil) {
        guard let s = DaySeries(history: history, end: start, specialDays: specialDays) else { return nil }
        queue = history.queue
        series = s
        let factors = DailyTotals.weekdayFactors(s, weeks: 8, detrended: true)
        let y = DailyTotals.adjustedTotals(s, factors: factors)
        let points = y.enumerated().compactMap { d, v in v.map { (Double(d), $0) } }
        guard !points.isEmpty else { return nil }
        let month = { (d: Int) in LocalDate(dayNumber: s.dayNumber0 + d).month }

        var season = Array(repeating: 1.0, count: 13)
        var line = Self.leastSquares(points)
        yearlySeasonality = s.dayCount >= 730
        // Alternate the two fits (backfitting) until the line settles: each season from the
        // current line, each line through the deseasonalised values.
        for _ in 0..<(yearlySeasonality ? 10 : 0) {
            var sum = Array(repeating: 0.0, count: 13), count = Array(repeating: 0, count: 13)
            for (d, v) in points {
                let fitted = line.alpha + line.beta * d
                guard fitted > 0 else { continue }
                sum[month(Int(d))] += v / fitted
                count[month(Int(d))] += 1
            }
            let seen = (1...12).filter { count[$0] > 0 }
            let mean = seen.map { sum[$0] / Double(count[$0]) }.reduce(0, +) / Double(max(1, seen.count))
            for m in seen where mean > 0 { season[m] = sum[m] / Double(count[m]) / mean }
            line = Self.leastSquares(points.map { ($0.0, $0.1 / season[month(Int($0.0))]) })
        }
        let end = Double(s.dayCount)
        let level: (Double) -> Double
        if let g = growthPerYear {
            let recent = points.filter { $0.0 >= end - 56 }.map { ($0.0, $0.1 / season[month(Int($0.0))]) }
            let window = recent.isEmpty ? [points.last!] : recent
            let base = window.map(\.1).reduce(0, +) / Double(window.count)
            let centre = window.map(\.0).reduce(0, +) / Double(window.count)
            level = { d in base * pow(1 + g, (d - centre) / 365.25) }
            self.growthPerYear = g
        } else {
            level = { d in line.alpha + line.beta * d }
            let atEnd = level(end)
            self.growthPerYear = atEnd > 0 ? (level(end + 365.25) - atEnd) / atEnd : 0
        }
        let profiles = (0...7).map { w in w == 0 ? [] : DailyTotals.profile(s, weekday: w, days: 8) }
        contacts = QueueForecaster.calendarAdjusted(s, queue: history.queue, closed: history.closedWeekdays(firstDays: s.dayCount),
                                                    start: start, days: days, specialDays: specialDays) { horizon in
            var values: [Double] = []
            values.reserveCapacity(horizon * s.slotsPerDay)
            for k in 0..<horizon {
                let d = s.dayCount + k
                let daily = max(0, level(Double(d))) * season[month(d)] * factors[s.weekday(d)]
                values += profiles[s.weekday(d)].map { $0 * daily }
            }
            return values
        }
    }

    /// The least-squares line through `points` (x, y); flat at the mean with fewer than two distinct x.
    static func leastSquares(_ points: [(Double, Double)]) -> (alpha: Double, beta: Double) {
        let n = Double(points.count)
        let mx = points.map(\.0).reduce(0, +) / n, my = points.map(\.1).reduce(0, +) / n
        let sxx = points.reduce(0) { $0 + ($1.0 - mx) * ($1.0 - mx) }
        guard sxx > 0 else { return (my, 0) }
        let beta = points.reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) } / sxx
        return (my - beta * mx, beta)
    }
}
