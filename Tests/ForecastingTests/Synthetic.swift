import Foundation
@testable import Forecasting
import WFMCore

/// Builders of synthetic histories with known structure, for tests.
enum Synthetic {
    static let utc = TimeZone(identifier: "UTC")!

    /// CSV text `interval_start,contacts` for `days` days from `first`, one row per `stepMinutes`,
    /// with `value(dayIndex, minuteOfDay)` contacts; days for which `include` is false get no rows.
    static func csv(first: LocalDate, days: Int, stepMinutes: Int, include: (LocalDate) -> Bool = { _ in true },
                    value: (Int, Int) -> Double) -> String {
        var text = "interval_start,contacts\n"
        for d in 0..<days {
            let date = first.adding(days: d)
            guard include(date) else { continue }
            for minute in stride(from: 0, to: 1440, by: stepMinutes) {
                text += String(format: "%@ %02d:%02d,%g\n", date.description, minute / 60, minute % 60, value(d, minute))
            }
        }
        return text
    }

    static func history(_ text: String, intervalMinutes: Int, zone: TimeZone = utc) throws -> History {
        try HistoryReader.read(table: CSVTable.parse(text, file: "h.csv"), intervalMinutes: intervalMinutes, timeZone: zone)
    }

    /// A fixed pseudo-random weekly pattern: contacts in interval `minute` of a day with weekday index `w`.
    static func weeklyPattern(_ w: Int, _ minute: Int) -> Double {
        let hour = minute / 60
        guard hour >= 7 && hour < 21 else { return 0 }
        let x = (w * 131 + minute * 7919) % 97
        return Double(10 + x + (w == 5 ? -5 : 0))
    }

    /// A deterministic pseudo-random generator (64-bit LCG, Knuth's MMIX constants).
    struct LCG {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        /// A Poisson draw by inversion (small means) or a normal approximation (means > 30).
        mutating func poisson(_ mean: Double) -> Double {
            if mean > 30 {
                let u1 = max(next(), 1e-12), u2 = next()
                let z = (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
                return max(0, (mean + z * mean.squareRoot()).rounded())
            }
            var k = 0.0, p = exp(-mean), s = p
            let u = next()
            while u > s { k += 1; p *= mean / k; s += p }
            return k
        }
    }
}
