import Testing
@testable import WFMCore

@Test func timestampFormats() throws {
    let d = try #require(LocalDate("2026-03-02"))
    let local = WallClockReading(date: d, minuteOfDay: 495, utcOffsetSeconds: nil)
    for text in ["2026-03-02 08:15", "2026-03-02T08:15:00", "2026-03-02  08:15", "02.03.2026 08:15", "02.03.2026 8:15",
                 "02.03.2026 08:15:00", " 2026-03-02T08:15 "] {
        #expect(WallClockReading(text) == local, "\(text)")
    }
    #expect(WallClockReading("2026-03-02T08:15+03:00")?.utcOffsetSeconds == 10_800)
    #expect(WallClockReading("2026-03-02T08:15-0530")?.utcOffsetSeconds == -19_800)
    #expect(WallClockReading("2026-03-02T08:15+03")?.utcOffsetSeconds == 10_800)
    #expect(WallClockReading("2026-03-02T08:15Z")?.utcOffsetSeconds == 0)
    #expect(WallClockReading("02.03.2026 08:15+03:00")?.utcOffsetSeconds == 10_800)
    for bad in ["2026-03-02", "2026-02-30 08:15", "2026-03-02 008:15", "2026-03-02T08:15:30", "2026-03-02T08:15+3",
                "2026-03-02T24:00", "2026-03-02T08:60", "2026-03-02T08:15+19:00", "2026-03-02T08:15+03:0", "2.3.2026 08:15",
                "31.02.2026 08:15", "2026-03-02T-8:15", "2026-03-02T08:15 Z", "x", ""] {
        #expect(WallClockReading(bad) == nil, "\(bad)")
    }
}

@Test func datesInBothSpellings() {
    #expect(LocalDate("02.03.2026") == LocalDate(year: 2026, month: 3, day: 2))
    #expect(LocalDate("2026-03-02") == LocalDate(year: 2026, month: 3, day: 2))
    #expect(LocalDate("29.02.2024") != nil)
    for bad in ["29.02.2026", "2026-+3-02", "02.03.26", "2.3.2026", "2026/03/02", "02-03-2026", "", "0000-00-00"] {
        #expect(LocalDate(bad) == nil, "\(bad)")
    }
}
