import Foundation
import Testing
@testable import Forecasting
import WFMCore

/// A series of `weeks` weeks repeating `Synthetic.weeklyPattern` at 30-minute intervals, from a Monday.
func weeklySeries(weeks: Int) throws -> DaySeries {
    let text = Synthetic.csv(first: LocalDate("2026-01-05")!, days: 7 * weeks, stepMinutes: 30) { d, minute in
        Synthetic.weeklyPattern(d % 7, minute)
    }
    let h = try Synthetic.history(text, intervalMinutes: 30)
    return try #require(DaySeries(history: h.queues[0], end: LocalDate("2027-01-01")!, specialDays: SpecialDays()))
}

@Test(arguments: ForecastMethod.candidates)
func aPureWeeklyPatternIsForecastExactly(method: ForecastMethod) throws {
    let s = try weeklySeries(weeks: 8)
    let forecast = method.normalDays(s, horizon: 10)
    var worst = 0.0
    for h in 0..<10 {
        for i in 0..<48 {
            let expected = Synthetic.weeklyPattern((s.dayCount + h) % 7, i * 30)
            worst = max(worst, abs(forecast[h * 48 + i] - expected))
        }
    }
    #expect(worst < 1e-9, "\(method): worst error \(worst)")
}

/// Daily totals `100 + 5 d`, the same every weekday, spread by a fixed intraday profile.
func trendSeries(days: Int) throws -> DaySeries {
    let text = Synthetic.csv(first: LocalDate("2026-01-05")!, days: days, stepMinutes: 60) { d, minute in
        let hour = minute / 60
        return hour >= 8 && hour < 18 ? (100 + 5 * Double(d)) * Double(hour - 7) / 55 : 0
    }
    return try #require(DaySeries(history: Synthetic.history(text, intervalMinutes: 60).queues[0],
                                  end: LocalDate("2027-01-01")!, specialDays: SpecialDays()))
}

@Test func topDownFollowsALinearTrend() throws {
    let s = try trendSeries(days: 70)
    let forecast = ForecastMethod.topDown.normalDays(s, horizon: 14)
    for h in 0..<14 {
        let total = forecast[(h * 24)..<((h + 1) * 24)].reduce(0, +)
        let expected = 100 + 5 * Double(70 + h)
        #expect(abs(total - expected) < 1e-6 * expected, "day \(h): \(total)")   // history has 6 significant digits
    }
    // The level methods without trend lag behind: the last week's mean is below the next week.
    let meanWeek: Double = ForecastMethod.weekdayMean.normalDays(s, horizon: 7).reduce(0, +)
    let trendWeek: Double = forecast[0..<(7 * 24)].reduce(0, +)
    #expect(meanWeek < trendWeek - 100)
}

@Test func dampedTrendIsExactOnALineAndStartsFromOneObservation() throws {
    let line: [Double?] = (0..<30).map { (d: Int) -> Double? in d % 4 == 3 ? nil : 10 + 2 * Double(d) }
    let f = try #require(DailyLevel.dampedTrend(line, horizon: 3))
    let expected: [Double] = [70, 72, 74]
    #expect(zip(f, expected).allSatisfy { abs($0 - $1) < 1e-9 })
    #expect(DailyLevel.dampedTrend([nil, 5, nil], horizon: 2) == [5, 5])
    #expect(DailyLevel.dampedTrend([nil, nil], horizon: 2) == nil)
}

@Test func weekdayAverageStatisticsMatchHandComputation() throws {
    // Four Mondays with interval-0 values 10, 20, 30, 100 (most recent last).
    var s = try weeklySeries(weeks: 4)
    let values = [10.0, 20, 30, 100]
    for (k, v) in values.enumerated() { s.values[k * 7 * 48] = v }
    func first(_ a: WeekdayAverage) -> Double { a.forecast(s, horizon: 1)[0] }
    #expect(first(WeekdayAverage(weeks: 1)) == 100)
    #expect(first(WeekdayAverage(weeks: 4)) == 40)
    #expect(first(WeekdayAverage(weeks: 3, statistic: .median)) == 30)
    #expect(abs(first(WeekdayAverage(weeks: 2, decay: 0.5)) - (100 + 0.5 * 30) / 1.5) < 1e-12)
}

@Test func dayOfMonthEffectsRecoverAMonthlyCycle() throws {
    // Constant weekday level 1000 with +30 % on days 1–3 of each month, for a year.
    let first = try #require(LocalDate("2025-01-01"))
    let text = Synthetic.csv(first: first, days: 365, stepMinutes: 60) { d, minute in
        minute == 600 ? 1000 * (first.adding(days: d).day <= 3 ? 1.3 : 1) : 0
    }
    let s = try #require(DaySeries(history: Synthetic.history(text, intervalMinutes: 60).queues[0],
                                   end: LocalDate("2026-01-01")!, specialDays: SpecialDays()))
    let factors = DailyTotals.weekdayFactors(s, weeks: 8, detrended: false)
    let m = DailyTotals.dayOfMonthEffects(s, adjusted: DailyTotals.adjustedTotals(s, factors: factors))
    // ln(1.3 / window mean ≈ 1.03) ≈ 0.23 shrunk by 12 / (12 + 6) observations: about 1.17.
    #expect(m[2] > 1.12 && m[2] < 1.22)
    #expect(m[15] > 0.95 && m[15] < 1.0)    // other days sit a little below the month's mean
    // The calendar method then forecasts the first of the month above the 15th.
    let f = ForecastMethod.calendar.normalDays(s, horizon: 20)   // 2026-01-01 … 2026-01-20
    #expect(f[0 * 24 + 10] > 1.12 * f[14 * 24 + 10])
}

@Test func screenDropsHolidaysButKeepsOrdinaryDays() throws {
    var s = try weeklySeries(weeks: 8)
    let holiday = 7 * 5 + 2   // a Wednesday
    for i in 0..<48 { s.values[holiday * 48 + i] *= 0.1 }
    s.values[7 * 6 + 3] *= 1.2   // a busier Thursday interval: not an outlier day
    s.screenOutlierDays()
    #expect(s.learnable.enumerated().filter { !$0.element }.map(\.offset) == [holiday])
    // Seasonal naive then forecasts next Wednesday from the Wednesday before the holiday.
    let f = ForecastMethod.seasonalNaive.normalDays(s, horizon: 7)
    #expect(f[(2 * 48)..<(3 * 48)].elementsEqual(s.day(holiday - 7)))
}
