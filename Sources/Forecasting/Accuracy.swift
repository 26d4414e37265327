/// Forecast accuracy accumulated over intervals and days.
///
/// - WAPE = Σ|a − f| / Σa over all scored intervals (weighted absolute percentage error);
/// - daily MAPE = mean over scored days with a positive actual total of |A − F| / A (A, F daily totals);
/// - bias = Σ(f − a) / Σa (positive: over-forecast).
public struct Accuracy: Sendable, Equatable {
    public private(set) var absoluteError = 0.0
    public private(set) var actual = 0.0
    public private(set) var signedError = 0.0
    public private(set) var dailyPercentageErrorSum = 0.0
    public private(set) var scoredDays = 0

    public init() {}

    /// Adds one day: actual and forecast interval values (same length; `nan` actuals are skipped).
    public mutating func add(actual a: ArraySlice<Double>, forecast f: ArraySlice<Double>) {
        precondition(a.count == f.count, "actual and forecast lengths differ: \(a.count) vs \(f.count)")
        var dayActual = 0.0, dayForecast = 0.0
        for (x, y) in zip(a, f) where !x.isNaN {
            absoluteError += abs(x - y)
            signedError += y - x
            dayActual += x
            dayForecast += y
        }
        actual += dayActual
        if dayActual > 0 {
            dailyPercentageErrorSum += abs(dayActual - dayForecast) / dayActual
            scoredDays += 1
        }
    }

    public var wape: Double { actual > 0 ? absoluteError / actual : (absoluteError > 0 ? .infinity : 0) }
    public var dailyMAPE: Double { scoredDays > 0 ? dailyPercentageErrorSum / Double(scoredDays) : 0 }
    public var bias: Double { actual > 0 ? signedError / actual : 0 }
}
