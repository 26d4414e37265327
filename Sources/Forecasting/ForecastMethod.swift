/// The forecasting methods `wfm forecast --method NAME` accepts.
public enum ForecastMethod: String, CaseIterable, Sendable, Codable {
    /// Same interval, same weekday, last normal week.
    case seasonalNaive = "seasonal-naive"
    /// Mean of the same weekday-interval over the last 4 normal weeks (what planners do by hand).
    case weekdayMean = "weekday-mean"
    /// Weighted mean of the same weekday-interval over the last 8 normal weeks, weight 0.75^j for the j-th most recent.
    case weekdayWeighted = "weekday-weighted"
    /// Median of the same weekday-interval over the last 6 normal weeks.
    case weekdayMedian = "weekday-median"
    /// Double-seasonal (intraday × weekly) exponential smoothing, Taylor 2003.
    case doubleSeasonal = "double-seasonal"
    /// Daily totals by damped-trend Holt with weekday factors × intraday profile.
    case topDown = "top-down"
    /// Daily totals by recent level × weekday factor × day-of-month effect × intraday profile.
    case calendar
    /// Equal-weight mean of the calendar, top-down and weekday-median forecasts.
    case combination
    /// Per queue, the method with the lowest WAPE in a rolling-origin backtest on the history.
    case auto

    /// The methods `auto` chooses among (every method but `auto`), in tie-break order.
    public static var candidates: [ForecastMethod] { allCases.filter { $0 != .auto } }

    /// The methods `combination` averages.
    static let combinationMembers: [ForecastMethod] = [.calendar, .topDown, .weekdayMedian]

    /// Equal-weight mean of forecasts of the same length (forecast combination: Bates & Granger 1969;
    /// the simple mean is hard to beat, Clemen 1989).
    static func combine(_ parts: [[Double]]) -> [Double] {
        precondition(!parts.isEmpty && parts.allSatisfy { $0.count == parts[0].count }, "combine needs equal-length forecasts")
        return parts[0].indices.map { i in parts.reduce(0) { $0 + $1[i] } / Double(parts.count) }
    }

    /// Forecast of `horizon` normal days following the series, `horizon × slotsPerDay` values.
    /// `auto` must have been resolved to a candidate before.
    func normalDays(_ s: DaySeries, horizon: Int) -> [Double] {
        switch self {
        case .seasonalNaive: return WeekdayAverage(weeks: 1).forecast(s, horizon: horizon)
        case .weekdayMean: return WeekdayAverage(weeks: 4).forecast(s, horizon: horizon)
        case .weekdayWeighted: return WeekdayAverage(weeks: 8, decay: 0.75).forecast(s, horizon: horizon)
        case .weekdayMedian: return WeekdayAverage(weeks: 6, statistic: .median).forecast(s, horizon: horizon)
        case .doubleSeasonal: return DoubleSeasonalSmoothing().forecast(s, horizon: horizon)
        case .topDown: return TopDown(level: .dampedTrend, dayOfMonth: false).forecast(s, horizon: horizon)
        case .calendar: return TopDown(level: .recentMean(days: 14), dayOfMonth: true).forecast(s, horizon: horizon)
        case .combination:
            return Self.combine(Self.combinationMembers.map { $0.normalDays(s, horizon: horizon) })
        case .auto: preconditionFailure("auto must be resolved to a candidate method before forecasting")
        }
    }
}
