import Benchmark
import Forecasting
import Foundation
import WFMCore

/// One year (365 days) of 15-minute history: 35,040 rows of one queue with a weekly and intraday
/// pattern, a slow trend and deterministic noise, as CSV text.
func yearOfQuarterHours() -> String {
    var text = "interval_start,contacts,aht_seconds\n"
    var state: UInt64 = 42
    let first = LocalDate("2025-01-01")!
    for d in 0..<365 {
        let date = first.adding(days: d)
        let weekday = date.isoWeekday >= 6 ? 0.4 : 1.0
        for minute in stride(from: 0, to: 1440, by: 15) {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let noise = Double(state >> 40) / Double(1 << 24) - 0.5
            let hour = Double(minute) / 60
            let shape = hour >= 7 && hour < 21 ? sin(.pi * (hour - 7) / 14) : 0
            let contacts = ((60 + Double(d) / 20) * weekday * shape * (1 + 0.3 * noise)).rounded()
            text += String(format: "%@ %02d:%02d,%g,%d\n", date.description, minute / 60, minute % 60, contacts, 200 + minute / 15)
        }
    }
    return text
}

let benchmarks: @Sendable () -> Void = {
    let text = yearOfQuarterHours()
    let table = try! CSVTable.parse(text, file: "year.csv")
    let utc = TimeZone(identifier: "UTC")!
    let history = try! HistoryReader.read(table: table, intervalMinutes: 15, timeZone: utc)
    let start = LocalDate("2026-01-01")!

    // Fit + forecast with automatic selection (4-origin backtest over 7 candidate methods), one week ahead.
    Benchmark("Forecaster.auto.year15min", configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(10))) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try! Forecaster.forecast(history: history, start: start, days: 7, method: .auto))
        }
    }

    // Reading and aggregating the 35,040 rows (CSV parse + history reader).
    Benchmark("HistoryReader.year15min", configuration: .init(metrics: [.wallClock], maxDuration: .seconds(10))) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try! HistoryReader.read(table: CSVTable.parse(text, file: "year.csv"), intervalMinutes: 15, timeZone: utc))
        }
    }
}
