import Foundation
@testable import Forecasting
import Testing
import WFMCore

/// The long-range forecast of `wfm plan` on synthetic histories whose trend, yearly seasonality and
/// weekday × interval shape are known exactly.
struct LongRangeForecastTests {
    /// A history of `days` days from 1998-01-04 (a Sunday) at 4 slots a day; `total(d, date)` contacts
    /// on day d, split 10/40/30/20 % over the slots; Saturdays at half volume.
    static func history(days: Int, total: (Int, LocalDate) -> Double) -> QueueHistory {
        var h = QueueHistory(queue: "voice", firstDate: LocalDate(year: 1998, month: 1, day: 4), dayCount: days, slotsPerDay: 4)
        let shares = [0.1, 0.4, 0.3, 0.2]
        for d in 0..<days {
            let date = h.date(ofDay: d)
            let t = total(d, date) * (date.isoWeekday == 6 ? 0.5 : 1)
            for s in 0..<4 { h.contacts[d * 4 + s] = t * shares[s] }
            h.dayHasRows[d] = true
        }
        return h
    }

    static func season(_ month: Int) -> Double { 1 + 0.25 * sin(2 * Double.pi * Double(month - 1) / 12) }

    @Test("Two years of history: the trend and the month-of-year seasonality are recovered")
    func trendAndSeasonality() throws {
        let level = { (d: Int) in 1000 + 0.5 * Double(d) }
        let h = Self.history(days: 735) { d, date in level(d) * Self.season(date.month) }
        let start = h.date(ofDay: 735)
        let forecast = try #require(LongRangeForecast(history: h, start: start, days: 364, specialDays: SpecialDays()))
        #expect(forecast.yearlySeasonality)
        // 728 days (104 weeks) are less than two years: no seasonality is fitted from them.
        let short = Self.history(days: 728) { d, date in level(d) * Self.season(date.month) }
        #expect(LongRangeForecast(history: short, start: short.date(ofDay: 728), days: 7, specialDays: SpecialDays())?.yearlySeasonality == false)
        for k in stride(from: 3, to: 364, by: 29) {
            let date = start.adding(days: k)
            let truth = level(735 + k) * Self.season(date.month) * (date.isoWeekday == 6 ? 0.5 : 1)
            let day = forecast.contacts[(k * 4)..<(k * 4 + 4)]
            let total = day.reduce(0, +)
            #expect(abs(total / truth - 1) < 0.03, "\(date): \(total) vs \(truth)")
            #expect(abs(day[day.startIndex + 1] / total - 0.4) < 1e-9)
        }
    }

    @Test("One year of history: no seasonality; a planner's growth rate replaces the fitted trend")
    func growthPerYear() throws {
        let h = Self.history(days: 364) { _, _ in 800 }
        let start = h.date(ofDay: 364)
        let plain = try #require(LongRangeForecast(history: h, start: start, days: 364, specialDays: SpecialDays()))
        #expect(!plain.yearlySeasonality)
        #expect(abs(plain.growthPerYear) < 1e-9)
        let grown = try #require(LongRangeForecast(history: h, start: start, days: 364, specialDays: SpecialDays(), growthPerYear: 0.1))
        // Level 800 at the centre of the last 56 days (day 335.5): × 1.1 per 365.25 days after it.
        for k in [0, 100, 363] where start.adding(days: k).isoWeekday != 6 {
            let expected = 800 * pow(1.1, (Double(364 + k) - 335.5) / 365.25)
            let total = grown.contacts[(k * 4)..<(k * 4 + 4)].reduce(0, +)
            #expect(abs(total - expected) < 1e-6 * expected, "day \(k): \(total) vs \(expected)")
        }
    }

    @Test("Special days of the plan apply: closed → 0, factor → × factor")
    func calendar() throws {
        let h = Self.history(days: 364) { _, _ in 800 }
        let start = h.date(ofDay: 364)
        let closed = start.adding(days: 10), busy = start.adding(days: 17)
        let days = SpecialDays([closed: .closed, busy: .volumeFactor(1.5)])
        let f = try #require(LongRangeForecast(history: h, start: start, days: 28, specialDays: days))
        #expect(f.contacts[40..<44].allSatisfy { $0 == 0 })
        #expect(abs(f.contacts[68..<72].reduce(0, +) - 1200) < 1e-6)
    }
}
