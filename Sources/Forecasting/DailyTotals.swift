import Foundation

/// Pieces of the top-down methods: weekday factors, day-of-month effects and intraday profiles,
/// all estimated from learnable days only.
enum DailyTotals {
    /// Multiplicative weekday factors `f[w]` (index 1…7), scaled to mean 1 over open weekdays; closed
    /// weekdays get 0. Per learnable day `d` a ratio `r_d` is formed, and `f[w]` is the mean of `r_d` over
    /// days of weekday `w` in the last `weeks` weeks (over the whole history if none there; else the
    /// weekday's share of plain totals; else 1):
    /// - `detrended`: classical ratio to the centred moving average, `r_d = total(d) / mean(total(d−3…d+3))`,
    ///   for days whose centred week holds only learnable days and closed-weekday zeros. This removes a
    ///   linear trend, so growth is not mistaken for a weekday effect (needed by the trend method).
    /// - otherwise `r_d = total(d)`: the plain mean total per weekday, which uses every learnable day and
    ///   is the steadier estimate for level methods (no window has to be complete).
    static func weekdayFactors(_ s: DaySeries, weeks: Int, detrended: Bool) -> [Double] {
        let totals = (0..<s.dayCount).map(s.total)
        let usable = (0..<s.dayCount).map { s.learnable[$0] || s.closedWeekdays.contains(s.weekday($0)) }
        var ratios: [(day: Int, ratio: Double)] = []
        if !detrended {
            ratios = (0..<s.dayCount).filter { s.learnable[$0] }.map { ($0, totals[$0]) }
        } else if s.dayCount >= 7 {
            for d in 3..<(s.dayCount - 3) where s.learnable[d] && usable[(d - 3)...(d + 3)].allSatisfy({ $0 }) {
                let mean = totals[(d - 3)...(d + 3)].reduce(0, +) / 7
                if mean > 0 { ratios.append((d, totals[d] / mean)) }
            }
        }
        func means(from start: Int) -> [Double?] {
            var sum = Array(repeating: 0.0, count: 8), count = Array(repeating: 0, count: 8)
            for (d, r) in ratios where d >= start {
                sum[s.weekday(d)] += r
                count[s.weekday(d)] += 1
            }
            return (0...7).map { count[$0] > 0 ? sum[$0] / Double(count[$0]) : nil }
        }
        let recent = means(from: s.dayCount - 7 * weeks), all = means(from: 0)
        var factors = Array(repeating: 0.0, count: 8)
        for w in 1...7 where !s.closedWeekdays.contains(w) {
            factors[w] = recent[w] ?? all[w] ?? plainShare(s, weekday: w, totals: totals) ?? 1
        }
        let open = factors[1...].filter { $0 > 0 }
        let mean = open.isEmpty ? 1 : open.reduce(0, +) / Double(open.count)
        return factors.map { $0 / mean }
    }

    /// Mean total of learnable days of weekday `w` over the mean total of all learnable days.
    private static func plainShare(_ s: DaySeries, weekday w: Int, totals: [Double]) -> Double? {
        let all = (0..<s.dayCount).filter { s.learnable[$0] }
        let same = all.filter { s.weekday($0) == w }
        guard !same.isEmpty else { return nil }
        let overall = all.map { totals[$0] }.reduce(0, +) / Double(all.count)
        return overall > 0 ? same.map { totals[$0] }.reduce(0, +) / Double(same.count) / overall : nil
    }

    /// Weekday-adjusted daily totals `y[d] = total(d) / f[weekday(d)]`, or nil where the day is not
    /// learnable or its weekday factor is 0.
    static func adjustedTotals(_ s: DaySeries, factors: [Double]) -> [Double?] {
        (0..<s.dayCount).map { d in
            let f = factors[s.weekday(d)]
            return s.learnable[d] && f > 0 ? s.total(d) / f : nil
        }
    }

    /// Multiplicative day-of-month effects `m[k]` (index 1…31) on weekday-adjusted totals `y`.
    ///
    /// For each learnable day `d` with a positive total, `r_d = ln(y_d / ȳ_d)` where `ȳ_d` is the mean
    /// of `y` over the learnable days within ±`halfWindow` calendar days (at least `halfWindow` of
    /// them). Then `m[k] = exp(Σ_{d: dom(d)=k} r_d / (n_k + shrinkage))`: the mean log ratio shrunk
    /// toward 0 (no effect) as for a ridge estimate with `shrinkage` pseudo-observations. Captures the
    /// monthly cycle of banks and utilities (pay days, statements, bills).
    static func dayOfMonthEffects(_ s: DaySeries, adjusted y: [Double?], halfWindow: Int = 14,
                                  shrinkage: Double = 6) -> [Double] {
        var sum = Array(repeating: 0.0, count: 32), count = Array(repeating: 0, count: 32)
        // Prefix sums of y over learnable days for O(1) window means.
        var prefix = [0.0], prefixCount = [0]
        for v in y {
            prefix.append(prefix.last! + (v ?? 0))
            prefixCount.append(prefixCount.last! + (v == nil ? 0 : 1))
        }
        for d in 0..<y.count {
            guard let yd = y[d], yd > 0 else { continue }
            let lo = max(0, d - halfWindow), hi = min(y.count, d + halfWindow + 1)
            let n = prefixCount[hi] - prefixCount[lo]
            guard n >= halfWindow else { continue }
            let mean = (prefix[hi] - prefix[lo]) / Double(n)
            guard mean > 0 else { continue }
            let k = s.dayOfMonth(d)
            sum[k] += log(yd / mean)
            count[k] += 1
        }
        return (0...31).map { k in k == 0 ? 1 : exp(sum[k] / (Double(count[k]) + shrinkage)) }
    }

    /// Intraday profile of weekday `w`: interval shares (summing to 1) pooled over the last `days`
    /// learnable days of that weekday (Σ contacts per interval / Σ contacts). Falls back to the last
    /// `days` learnable days of any weekday; all zeros when there is no volume at all.
    static func profile(_ s: DaySeries, weekday w: Int, days: Int) -> [Double] {
        var chosen = s.recentDays(weekday: w, count: days)
        if chosen.isEmpty {
            chosen = (0..<s.dayCount).reversed().filter { s.learnable[$0] }.prefix(days).map { $0 }
        }
        var shares = Array(repeating: 0.0, count: s.slotsPerDay)
        for d in chosen {
            for (i, v) in s.day(d).enumerated() { shares[i] += v }
        }
        let total = shares.reduce(0, +)
        return total > 0 ? shares.map { $0 / total } : shares
    }
}
