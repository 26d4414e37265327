import Foundation
import Testing
@testable import WFMCore

@Test func dateArithmeticAndWeekday() throws {
    let d = try #require(LocalDate("2026-03-02"))
    #expect(d.isoWeekday == 1)  // a Monday
    #expect(d.adding(days: 6).description == "2026-03-08")
    #expect(LocalDate("2024-02-29")?.adding(days: 1).description == "2024-03-01")
    #expect(LocalDate("2026-02-29") == nil)
    #expect(LocalDate(dayNumber: 0).description == "1970-01-01")
    for n in stride(from: -800_000, to: 800_000, by: 997) {
        #expect(LocalDate(dayNumber: n).dayNumber == n)
    }
}

@Test func gridHasFewerIntervalsOnSpringForwardDay() throws {
    let zone = try #require(TimeZone(identifier: "Europe/Berlin"))
    let grid = TimeGrid(timeZone: zone, startDate: try #require(LocalDate("2026-03-29")), days: 1, intervalMinutes: 15)
    #expect(grid.intervals.count == 92)
    #expect(TimeGrid.iso8601(grid.intervals[0]) == "2026-03-29T00:00+01:00")
    #expect(TimeGrid.iso8601(grid.intervals[8]) == "2026-03-29T03:00+02:00")
    let fall = TimeGrid(timeZone: zone, startDate: try #require(LocalDate("2026-10-25")), days: 1, intervalMinutes: 30)
    #expect(fall.intervals.count == 50)
    #expect(Set(fall.intervals.map(TimeGrid.iso8601)).count == 50)
}

@Test func timeOfDayParsing() {
    #expect(parseTimeOfDay("07:30") == 450)
    #expect(parseTimeOfDay("24:00") == 1440)
    #expect(parseTimeOfDay("7:30") == 450)
    #expect(parseTimeOfDay("07:30:00") == 450)
    for bad in ["24:30", "007:30", "07:3", "07:30:15", "+7:30", "07-30", ":30", "07:30:"] { #expect(parseTimeOfDay(bad) == nil, "\(bad)") }
}
