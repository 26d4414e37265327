import Foundation

/// Pieces of the top-down methods: weekday factors, day-of-month effects and intraday profiles,
/// all estimated from learnable days only.
enum DailyTotals {
    /// Multiplicative weekday factors `f[w]` (index 1…7): the mean total of learnable days of weekday `w`
    /// over the last `weeks` weeks, divided by the mean of those means over weekdays that have one.
    /// A weekday without a learnable day in the window takes its mean over the whole history; one with
    /// none at all (a closed weekday) gets factor 0.
    static func weekdayFactors(_ s: DaySeries, weeks: Int) -> [Double] {
        func means(from start: Int) -> [Double?] {
            var sum = Array(repeating: 0.0, count: 8), count = Array(repeating: 0, count: 8)
            for d in max(0, start)..<s.dayCount where s.learnable[d] {
                sum[s.weekday(d)] += s.total(d)
                count[s.weekday(d)] += 1
            }
            return (0...7).map { count[$0] > 0 ? sum[$0] / Double(count[$0]) : nil }
        }
        let recent = means(from: s.dayCount - 7 * weeks)
        let all = means(from: 0)
        var factors = (0...7).map { w in w == 0 ? 0 : (recent[w] ?? all[w] ?? 0) }
        let open = factors[1...].filter { $0 > 0 }
        let mean = open.isEmpty ? 1 : open.reduce(0, +) / Double(open.count)
        for w in 1...7 { factors[w] /= mean }
        return factors
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
