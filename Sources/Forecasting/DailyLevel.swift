/// Models of the deseasonalised daily level, fitted on adjusted daily totals (nil = not learnable).
enum DailyLevel {
    /// Damped-trend Holt smoothing on calendar days (Gardner & McKenzie 1985):
    /// `ℓ_t = α y_t + (1−α)(ℓ_{t−1} + φ b_{t−1})`, `b_t = β (ℓ_t − ℓ_{t−1}) + (1−β) φ b_{t−1}`;
    /// a day without observation carries `ℓ_t = ℓ_{t−1} + φ b_{t−1}`, `b_t = φ b_{t−1}`.
    /// Forecast `h` days after the last: `ℓ + (φ + … + φ^h) b`. (α, β, φ) minimise the one-step squared
    /// error over the grid below; the state starts at the first observation with the slope of the first
    /// two. A linear series is followed exactly (φ = 1 gives zero error).
    /// Returns the forecasts for `horizon` days following the series, or nil without observations.
    static func dampedTrend(_ y: [Double?], horizon: Int) -> [Double]? {
        let observed = y.indices.filter { y[$0] != nil }
        guard let first = observed.first else { return nil }
        let initialSlope: Double = observed.count > 1
            ? (y[observed[1]]! - y[first]!) / Double(observed[1] - first) : 0
        var best: (sse: Double, level: Double, slope: Double, phi: Double)?
        for alpha in [0.05, 0.1, 0.2, 0.3, 0.5] {
            for beta in [0.0, 0.02, 0.05, 0.1, 0.2] {
                for phi in [1.0, 0.98, 0.95, 0.9] {
                    var level = y[first]!, slope = initialSlope, sse = 0.0
                    for t in (first + 1)..<max(first + 1, y.count) {
                        let predicted = level + phi * slope
                        if let value = y[t] {
                            let error = value - predicted
                            sse += error * error
                            let newLevel = predicted + alpha * error
                            slope = beta * (newLevel - level) + (1 - beta) * phi * slope
                            level = newLevel
                        } else {
                            level = predicted
                            slope *= phi
                        }
                    }
                    if best == nil || sse < best!.sse - 1e-9 * max(1, sse) { best = (sse, level, slope, phi) }
                }
            }
        }
        let b = best!
        var damping = 0.0, power = 1.0
        return (0..<horizon).map { _ in
            power *= b.phi
            damping += power
            return max(0, b.level + damping * b.slope)
        }
    }

    /// Recent mean: the mean of the last observations within `days` calendar days (the window doubles
    /// until it holds one). `transform(d, y)` maps an observation first (e.g. removes a day-of-month effect).
    static func recentMean(_ y: [Double?], days: Int, transform: (Int, Double) -> Double) -> Double? {
        guard y.contains(where: { $0 != nil }) else { return nil }
        var window = days
        while true {
            let values = (max(0, y.count - window)..<y.count).compactMap { d in y[d].map { transform(d, $0) } }
            if !values.isEmpty { return values.reduce(0, +) / Double(values.count) }
            window *= 2
        }
    }
}
