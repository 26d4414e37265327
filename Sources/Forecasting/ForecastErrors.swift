/// The distribution of a method's one-week-ahead errors on a history: the basis of prediction
/// quantiles (`Forecaster.forecast(quantiles:)`), their calibration (`QuantileCalibration`) and the
/// volume paths of a roster's risk.
///
/// Measured by the inner rolling-origin backtest `AutoSelection` uses: origins 7, 14, …, 7·`weeks`
/// days before the end of the series (each with ≥ 14 days before it); at each the method learns from
/// the days before and forecasts 7 days in one shot; learnable days are scored. Two kinds of error:
/// - interval errors scaled by level, `e = (a − f) / max(f, 1)` (a, f: actual and forecast contacts of
///   an interval with f > 0), kept by weekday and part of day (four 6-hour parts from midnight): a
///   quantile `p` of the interval is `max(0, f + Q_p(e) · max(f, 1))`;
/// - whole-day level errors `E = A / F − 1` of the day's totals (all weekdays pooled): a quantile of a
///   day's total is `F · (1 + Q_p(E))`. These are the errors that move every interval of a day together.
/// A group with fewer than `minimumSamples` errors falls back to its part of day over all weekdays,
/// then to every interval. Q_p is the empirical quantile with linear interpolation (Hyndman and Fan
/// 1996, type 7).
public struct ForecastErrors: Sendable, Equatable {
    public static let partsOfDay = 4
    static let minimumSamples = 20

    /// Sorted interval errors by `weekday (1…7) × partsOfDay + part`.
    var interval: [Int: [Double]]
    /// Sorted interval errors by part of day, all weekdays.
    var byPart: [Int: [Double]]
    /// Every interval error, sorted.
    var all: [Double]
    /// Sorted whole-day level errors.
    public private(set) var daily: [Double]

    /// Errors of `method` (not `auto`) on the series; nil without a usable origin.
    static func measure(_ s: DaySeries, method: ForecastMethod, weeks: Int = AutoSelection.weeks) -> ForecastErrors? {
        var interval: [Int: [Double]] = [:], byPart: [Int: [Double]] = [:], all: [Double] = [], daily: [Double] = []
        let n = s.slotsPerDay
        for k in stride(from: weeks, through: 1, by: -1) {
            let origin = s.dayCount - 7 * k
            guard origin >= 14 else { continue }
            let horizon = min(7, s.dayCount - origin)
            let forecast = method.normalDays(s.prefix(days: origin), horizon: horizon)
            for h in 0..<horizon where s.learnable[origin + h] {
                let actual = Array(s.day(origin + h))
                let f = Array(forecast[(h * n)..<((h + 1) * n)])
                let weekday = s.weekday(origin + h)
                for i in 0..<n where f[i] > 0 {
                    let e = (actual[i] - f[i]) / max(f[i], 1)
                    let part = i * partsOfDay / n
                    interval[weekday * partsOfDay + part, default: []].append(e)
                    byPart[part, default: []].append(e)
                    all.append(e)
                }
                let total = f.reduce(0, +)
                if total > 0 { daily.append(actual.reduce(0, +) / total - 1) }
            }
        }
        guard !all.isEmpty, !daily.isEmpty else { return nil }
        return ForecastErrors(interval: interval.mapValues { $0.sorted() }, byPart: byPart.mapValues { $0.sorted() },
                              all: all.sorted(), daily: daily.sorted())
    }

    /// Quantile `p` (0 < p < 1) of an interval's contacts whose point forecast is `f`.
    func intervalQuantile(_ p: Double, forecast f: Double, weekday: Int, slot: Int, slotsPerDay: Int) -> Double {
        guard f > 0 else { return 0 }
        let part = slot * Self.partsOfDay / slotsPerDay
        let errors = [interval[weekday * Self.partsOfDay + part], byPart[part]].compactMap { $0 }
            .first { $0.count >= Self.minimumSamples } ?? all
        return max(0, f + Self.quantile(errors, p) * max(f, 1))
    }

    /// Quantile `p` of the whole-day level error `A / F − 1`.
    public func dailyQuantile(_ p: Double) -> Double { Self.quantile(daily, p) }

    /// Empirical quantile of sorted values, linear interpolation between order statistics (type 7).
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        precondition(!sorted.isEmpty && p >= 0 && p <= 1, "quantile needs values and 0 ≤ p ≤ 1 (p = \(p))")
        let h = Double(sorted.count - 1) * p
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }
}
