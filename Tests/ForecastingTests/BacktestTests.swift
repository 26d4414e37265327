import Foundation
import Testing
@testable import Forecasting
import WFMCore

/// The protocol on the Anonymous Bank data (30-minute intervals, 8 one-week blocks from
/// 1999-11-06 to 1999-12-31, each trained on everything before it). Published reference figures:
/// seasonal naive 25.6 %, 4-week same weekday-interval mean 20.4 %; target for auto ≤ 19.5 %.
@Test func anonymousBankBacktestReproducesReferencesAndBeatsTheTarget() throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../scenarios/demo/data/anonymous_bank_1999_6min.csv").standardized.path
    let h = try HistoryReader.read(path: path, intervalMinutes: 30, timeZone: Synthetic.utc)
    let results = Backtest.run(history: h, start: LocalDate("2000-01-01")!, weeks: 8,
                               methods: [.seasonalNaive, .weekdayMean, .auto])
    let wape = Dictionary(uniqueKeysWithValues: results.map { ($0.method, $0.accuracy.wape) })
    #expect(abs(wape[.seasonalNaive]! - 0.256) < 0.0005)
    #expect(abs(wape[.weekdayMean]! - 0.204) < 0.0005)
    #expect(wape[.auto]! <= 0.195)
    #expect(results.allSatisfy { $0.accuracy.actual == 76_113 })   // Σ calls 1999-11-06 … 12-31 (awk)
}

/// A weekday-only centre (no weekend rows at all) with Poisson noise around a 08–18 h sine shape and
/// a daily level (default: a trend, a Monday peak and a month-start peak) and closed public holidays,
/// some inside the backtest weeks. `level(d, date)` is the day's expected total for day `d` from the start.
func weekdayOnlyCentre(holidays: [LocalDate], intervalMinutes: Int = 30, seed: UInt64 = 7,
                       level: (Int, LocalDate) -> Double = { d, date in
                           (800 + Double(d)) * (date.isoWeekday == 1 ? 1.25 : 1) * (date.day <= 3 ? 1.2 : 1)
                       }) throws -> History {
    var random = Synthetic.LCG(state: seed)
    let first = try #require(LocalDate("2025-01-06"))
    var text = "interval_start,contacts\n"
    for d in 0..<364 {
        let date = first.adding(days: d)
        guard date.isoWeekday <= 5 else { continue }
        let total = level(d, date) * (holidays.contains(date) ? 0.05 : 1)
        for minute in stride(from: 0, to: 1440, by: intervalMinutes) {
            let hour = Double(minute) / 60
            // Σ over the day of sin(π(h − 8)/10) at 30-minute steps is about 6.3.
            let shape = hour >= 8 && hour < 18 ? sin(.pi * (hour - 8) / 10) / (6.3 * 30 / Double(intervalMinutes)) : 0
            text += String(format: "%@ %02d:%02d,%g\n", date.description, minute / 60, minute % 60,
                           random.poisson(total * shape))
        }
    }
    return try Synthetic.history(text, intervalMinutes: intervalMinutes)
}

@Test func weekdayOnlyCentreWithHolidaysBacktests() throws {
    let holidays = ["2025-05-01", "2025-10-15", "2025-11-11", "2025-12-25", "2025-12-26"].map { LocalDate($0)! }
    let h = try weekdayOnlyCentre(holidays: holidays)
    #expect(h.queues[0].closedWeekdays() == [6, 7] && h.warnings.isEmpty)
    let start = try #require(LocalDate("2026-01-05"))
    let calendar = SpecialDays(Dictionary(uniqueKeysWithValues: holidays.map { ($0, SpecialDays.Kind.closed) }))
    let methods: [ForecastMethod] = [.seasonalNaive, .weekdayMean, .auto]
    func wape(_ special: SpecialDays) -> [ForecastMethod: Double] {
        Dictionary(uniqueKeysWithValues: Backtest.run(history: h, start: start, weeks: 8, methods: methods,
                                                      specialDays: special).map { ($0.method, $0.accuracy.wape) })
    }
    let with = wape(calendar), without = wape(SpecialDays())
    #expect(with[.auto]! <= with[.weekdayMean]! && with[.auto]! < with[.seasonalNaive]!)
    // Knowing the holidays helps: no normal volume is forecast on a closed day.
    #expect(with[.auto]! < without[.auto]! - 0.01)
    // Measured: auto 8.6 %, weekday-mean 10.0 %, seasonal naive 12.8 % (without the calendar: 15.2 %).
    #expect(with[.auto]! < 0.095)
    // Weekends are closed, not missing: forecast 0.
    let f = try Forecaster.forecast(history: h, start: start, days: 7, specialDays: calendar, defaultAHTSeconds: 300)
    let weekend = f.intervals.indices.filter { f.intervals[$0].date.isoWeekday >= 6 }
    #expect(weekend.count == 96 && weekend.allSatisfy { f.queues[0].contacts[$0] == 0 })
    #expect(f.queues[0].contacts.reduce(0, +) > 4000)
}

@Test func autoChoosesTheBestMethodOfItsOwnBacktest() throws {
    let h = try weekdayOnlyCentre(holidays: [])
    let s = try #require(DaySeries(history: h.queues[0], end: LocalDate("2025-09-01")!, specialDays: SpecialDays()))
    let scores = AutoSelection.score(s)
    #expect(Set(scores.keys) == Set(ForecastMethod.candidates))
    let chosen = AutoSelection.choose(s)
    let best = scores.values.min()!
    if chosen == .weekdayMean {
        // Kept the mean: nothing beat it by the margin.
        #expect(best >= scores[.weekdayMean]! * (1 - AutoSelection.margin))
    } else {
        #expect(scores[chosen]! == best)
        #expect(scores[chosen]! < scores[.weekdayMean]! * (1 - AutoSelection.margin))
    }
}

/// A weekday-only 15-minute centre whose level shifts (+30 % from week 20, −25 % from week 34, +15 %
/// from week 44), and the same centre without shifts, where the 4-week mean is hard to beat (Poisson
/// noise around a fixed weekly shape). The guarded `auto` must not lose to the 4-week
/// weekday-interval mean over the 8 test weeks on either. Measured: with shifts auto 11.19 % (calendar,
/// then top-down) against 12.37 %; without, 11.19 % (calendar) against 12.15 %.
@Test(arguments: [true, false])
func autoDoesNotLoseToTheMeanOnAWeekdayOnlyCentre(levelShifts: Bool) throws {
    let h = try weekdayOnlyCentre(holidays: [], intervalMinutes: 15, seed: 11) { d, date in
        let week = d / 7
        let shift = !levelShifts ? 1 : week >= 44 ? 1.3 * 0.75 * 1.15 : week >= 34 ? 1.3 * 0.75 : week >= 20 ? 1.3 : 1
        return 900 * shift * (date.isoWeekday == 1 ? 1.2 : 1)
    }
    let results = Backtest.run(history: h, start: LocalDate("2026-01-05")!, weeks: 8, methods: [.weekdayMean, .auto])
    let wape = Dictionary(uniqueKeysWithValues: results.map { ($0.method, $0.accuracy.wape) })
    #expect(wape[.auto]! <= wape[.weekdayMean]!, "auto \(wape[.auto]!), weekday-mean \(wape[.weekdayMean]!)")
}
