/// Double-seasonal exponential smoothing with an intraday and a weekly cycle (additive form of
/// Taylor 2003, "Short-term electricity demand forecasting using double seasonal exponential smoothing",
/// JORS 54; Taylor 2008 for call arrivals), on the interval series of all days in order:
///
///     ℓ_t = α (y_t − D_{t−s1} − W_{t−s2}) + (1 − α) ℓ_{t−1}
///     D_t = δ (y_t − ℓ_t − W_{t−s2}) + (1 − δ) D_{t−s1}
///     W_t = ω (y_t − ℓ_t − D_{t−s1}) + (1 − ω) W_{t−s2}
///     ŷ_{t+k} = ℓ_t + D_{t−s1+k} + W_{t−s2+k}            (s1 = intervals a day, s2 = a week)
///
/// No trend term (Taylor found none helps at these lead times) and no AR(1) residual term (its effect
/// dies out within hours, far shorter than the week-ahead horizon). Intervals of days that are not
/// learnable are not observed: the state runs on its own forecast. Initial state: ℓ = mean of the
/// learnable values of the first two weeks, W = per-phase mean of those values minus ℓ, D = 0, so a
/// pure weekly pattern is reproduced exactly. (α, δ, ω) minimise the one-step squared error over a
/// 3 × 3 × 3 grid. Forecasts are clamped at 0. Complexity O(27 × intervals).
struct DoubleSeasonalSmoothing: Sendable {
    static let alphas = [0.005, 0.02, 0.08]
    static let deltas = [0.05, 0.15, 0.3]
    static let omegas = [0.05, 0.15, 0.3]

    func forecast(_ s: DaySeries, horizon: Int) -> [Double] {
        let s1 = s.slotsPerDay, s2 = 7 * s.slotsPerDay
        let initDays = min(14, s.dayCount)
        var phaseSum = Array(repeating: 0.0, count: s2), phaseCount = Array(repeating: 0, count: s2)
        for d in 0..<initDays where s.learnable[d] {
            for i in 0..<s1 {
                let t = d * s1 + i
                phaseSum[t % s2] += s.values[t]
                phaseCount[t % s2] += 1
            }
        }
        let observedCount = phaseCount.reduce(0, +)
        let level0 = observedCount > 0 ? phaseSum.reduce(0, +) / Double(observedCount) : 0
        let weekly0 = (0..<s2).map { phaseCount[$0] > 0 ? phaseSum[$0] / Double(phaseCount[$0]) - level0 : 0 }

        var best: (sse: Double, level: Double, daily: [Double], weekly: [Double])?
        for alpha in Self.alphas {
            for delta in Self.deltas {
                for omega in Self.omegas {
                    var level = level0
                    var daily = Array(repeating: 0.0, count: s1)
                    var weekly = weekly0
                    var sse = 0.0
                    for d in 0..<s.dayCount {
                        let observed = s.learnable[d]
                        for i in 0..<s1 {
                            let t = d * s1 + i
                            let p = t % s2
                            guard observed else { continue }
                            let y = s.values[t]
                            let error = y - (level + daily[i] + weekly[p])
                            sse += error * error
                            let newLevel = alpha * (y - daily[i] - weekly[p]) + (1 - alpha) * level
                            let newDaily = delta * (y - newLevel - weekly[p]) + (1 - delta) * daily[i]
                            weekly[p] = omega * (y - newLevel - daily[i]) + (1 - omega) * weekly[p]
                            daily[i] = newDaily
                            level = newLevel
                        }
                    }
                    if best == nil || sse < best!.sse - 1e-9 * max(1, sse) { best = (sse, level, daily, weekly) }
                }
            }
        }
        let b = best!
        var out: [Double] = []
        out.reserveCapacity(horizon * s1)
        for h in 0..<horizon {
            for i in 0..<s1 {
                let t = (s.dayCount + h) * s1 + i
                out.append(max(0, b.level + b.daily[i] + b.weekly[t % s2]))
            }
        }
        return out
    }
}
