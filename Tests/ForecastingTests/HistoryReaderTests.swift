import Foundation
import Testing
@testable import Forecasting
import WFMCore

@Test func sixMinuteRowsAggregateExactlyToThirtyMinutes() throws {
    let first = try #require(LocalDate("1999-01-01"))
    let text = Synthetic.csv(first: first, days: 2, stepMinutes: 6) { d, minute in Double(d * 1000 + minute) }
        .replacingOccurrences(of: "contacts", with: "calls")
    let h = try Synthetic.history(text, intervalMinutes: 30)
    let q = try #require(h.queues.first)
    #expect(q.queue == "default" && q.dayCount == 2 && q.slotsPerDay == 48)
    // Slot 1 of day 1: minutes 30, 36, 42, 48, 54 → 5 × 1000 + 210.
    #expect(q.contacts[48 + 1] == 5210)
    var expected = 0.0
    for d in 0..<2 {
        for minute in stride(from: 0, to: 1440, by: 6) { expected += Double(d * 1000 + minute) }
    }
    #expect(q.contacts.reduce(0, +) == expected)
}

@Test(arguments: [(5, 15), (10, 30), (15, 15), (6, 60), (30, 60)])
func everyDividingSourceIntervalAggregates(source: Int, plan: Int) throws {
    let first = try #require(LocalDate("2026-03-02"))
    let text = Synthetic.csv(first: first, days: 1, stepMinutes: source) { _, _ in 1 }
    let h = try Synthetic.history(text, intervalMinutes: plan)
    #expect(h.queues[0].contacts.allSatisfy { $0 == Double(plan / source) })
}

@Test func aStraddlingSourceIntervalIsAnErrorNamingItsLine() throws {
    // 6-minute rows into 15-minute plan intervals: 00:12–00:18 straddles 00:00 and 00:15.
    let text = Synthetic.csv(first: LocalDate("2026-03-02")!, days: 1, stepMinutes: 6) { _, _ in 1 }
    let error = try #require(throws: DiagnosticError.self) { try Synthetic.history(text, intervalMinutes: 15) }
    let first = try #require(error.diagnostics.first)
    #expect(first.line == 4 && first.file == "h.csv")
    #expect(first.message.contains("straddles the plan intervals starting 00:00 and 00:15"))
}

@Test func sourceIntervalLongerThanPlanIsAnError() throws {
    let text = Synthetic.csv(first: LocalDate("2026-03-02")!, days: 1, stepMinutes: 60) { _, _ in 1 }
    let error = try #require(throws: DiagnosticError.self) { try Synthetic.history(text, intervalMinutes: 30) }
    #expect(error.diagnostics.count == 1 && error.diagnostics[0].message.contains("longer than the 30-minute plan interval"))
}

@Test func everyBadRowIsReportedAtOnceWithItsLine() throws {
    let text = """
    interval_start,queue,contacts,aht_seconds
    2026-03-02 08:00,voice,10,200
    2026-03-02 08:15,voice,ten,200
    2026-03-02 08:30,voice,-1,200
    2026-03-02 25:00,voice,3,200
    2026-03-02 08:00,voice,4,200
    2026-03-02 08:45,voice,4,abc
    2026-03-02 09:00,voice,4
    2026-03-02 09:15,,4,200
    2026-03-02 09:30,voice,inf,200
    """
    let error = try #require(throws: DiagnosticError.self) { try Synthetic.history(text, intervalMinutes: 15) }
    let byLine = Dictionary(grouping: error.diagnostics, by: { $0.line ?? 0 })
    #expect(byLine[3]?.first?.key == "contacts")
    #expect(byLine[4]?.first?.message.contains("≥ 0") == true)
    #expect(byLine[5]?.first?.key == "interval_start")
    #expect(byLine[6]?.first?.message.contains("already given on line 2") == true)
    #expect(byLine[7]?.first?.key == "aht_seconds")
    #expect(byLine[8]?.first?.message.contains("expected 4 fields") == true)
    #expect(byLine[9]?.first?.key == "queue")
    #expect(byLine[10]?.first?.key == "contacts")
    #expect(error.diagnostics.allSatisfy { $0.severity == .error && $0.file == "h.csv" })
}

@Test func missingColumnsAreNamed() throws {
    let error = try #require(throws: DiagnosticError.self) {
        try Synthetic.history("time,volume\n2026-03-02 08:00,3\n", intervalMinutes: 15)
    }
    #expect(Set(error.diagnostics.compactMap(\.key)) == ["interval_start", "contacts"])
    #expect(error.diagnostics.allSatisfy { $0.line == 1 })
}

@Test func tooManyBadRowsAreSummarised() throws {
    var text = "interval_start,contacts\n"
    for hour in 0..<24 { text += String(format: "2026-03-02 %02d:00,x\n", hour) }
    let error = try #require(throws: DiagnosticError.self) { try Synthetic.history(text, intervalMinutes: 60) }
    #expect(error.diagnostics.count == HistoryReader.diagnosticsPerKind + 1)
    #expect(error.diagnostics.last?.message.hasPrefix("14 more line(s)") == true)
}

@Test func rowOrderDoesNotMatter() throws {
    let text = Synthetic.csv(first: LocalDate("2026-03-02")!, days: 3, stepMinutes: 15) { d, m in Double(d + m) }
    var lines = text.split(separator: "\n").map(String.init)
    let header = lines.removeFirst()
    let shuffled = ([header] + lines.reversed()).joined(separator: "\n")
    let a = try Synthetic.history(text, intervalMinutes: 30), b = try Synthetic.history(shuffled, intervalMinutes: 30)
    #expect(a.queues == b.queues)
}

@Test func offsetsAreConvertedToTheCentresZoneWithOneWarning() throws {
    let zone = try #require(TimeZone(identifier: "Europe/Moscow"))
    let text = "interval_start,contacts\n2026-03-02T08:00+03:00,5\n2026-03-02T07:00+01:00,7\n2026-03-02T05:30Z,1\n"
    let h = try Synthetic.history(text, intervalMinutes: 60, zone: zone)
    #expect(h.queues[0].contacts[8] == 6)   // 08:00 and 08:30 Moscow (05:30Z)
    #expect(h.queues[0].contacts[9] == 7)   // 07:00+01:00 is 09:00+03:00
    #expect(h.warnings.count == 1 && h.warnings[0].line == 3 && h.warnings[0].severity == .warning)
    // The same instant written with two offsets is a duplicate.
    let twice = "interval_start,contacts\n2026-03-02T08:00+03:00,5\n2026-03-02T05:00Z,1\n"
    let error = try #require(throws: DiagnosticError.self) { try Synthetic.history(twice, intervalMinutes: 60, zone: zone) }
    #expect(error.diagnostics[0].line == 3 && error.diagnostics[0].message.contains("already given on line 2"))
}

@Test func daylightSavingRepeatIsAveragedAndGapIsAnError() throws {
    let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
    // 2026-10-25: 02:00–03:00 happens twice. Without offsets, the second row is the second occurrence.
    let fall = "interval_start,contacts\n2026-10-25 01:00,4\n2026-10-25 02:00,10\n2026-10-25 02:00,20\n2026-10-25 03:00,4\n"
    let h = try Synthetic.history(fall, intervalMinutes: 60, zone: berlin)
    #expect(Array(h.queues[0].contacts[1...3]) == [4, 15, 4])
    // The same with explicit offsets, in any order.
    let withOffsets = "interval_start,contacts\n2026-10-25T02:00+01:00,20\n2026-10-25T02:00+02:00,10\n2026-10-25T01:00+02:00,4\n2026-10-25T03:00+01:00,4\n"
    #expect(try Synthetic.history(withOffsets, intervalMinutes: 60, zone: berlin).queues == h.queues)
    // A third 02:00 row is a duplicate.
    #expect(throws: DiagnosticError.self) { try Synthetic.history(fall + "2026-10-25 02:00,1\n", intervalMinutes: 60, zone: berlin) }
    // 2026-03-29 02:30 does not exist in Berlin.
    let spring = "interval_start,contacts\n2026-03-29 01:30,1\n2026-03-29 02:30,1\n"
    let error = try #require(throws: DiagnosticError.self) { try Synthetic.history(spring, intervalMinutes: 30, zone: berlin) }
    #expect(error.diagnostics[0].line == 3 && error.diagnostics[0].message.contains("daylight-saving gap"))
    // The skipped hour is marked as not existing rather than zero.
    let springOK = Synthetic.csv(first: LocalDate("2026-03-29")!, days: 1, stepMinutes: 60) { _, _ in 1 }
        .replacingOccurrences(of: "2026-03-29 02:00,1\n", with: "")
    let q = try Synthetic.history(springOK, intervalMinutes: 60, zone: berlin).queues[0]
    #expect(q.contacts[2].isNaN && q.contacts[1] == 1 && q.contacts[3] == 1)
}

@Test func weekdayOnlyHistoryHasClosedWeekendsAndMissingDaysWarn() throws {
    let first = try #require(LocalDate("2026-03-02"))   // a Monday
    let text = Synthetic.csv(first: first, days: 28, stepMinutes: 60,
                             include: { $0.isoWeekday <= 5 && $0.description != "2026-03-11" }) { _, _ in 1 }
    let h = try Synthetic.history(text, intervalMinutes: 60)
    #expect(h.queues[0].closedWeekdays() == [6, 7])
    #expect(h.warnings.count == 1 && h.warnings[0].message.contains("2026-03-11"))
}

@Test func specialDaysFileIsReadAndCheckedLineByLine() throws {
    let good = try SpecialDays.parse(CSVTable.parse("date,kind,factor\n2026-12-25,closed,\n2026-12-24,factor,0.5\n", file: "s.csv"))
    #expect(good.kind(on: LocalDate("2026-12-25")!, queue: "voice") == .closed)
    #expect(good.kind(on: LocalDate("2026-12-24")!, queue: "chat") == .volumeFactor(0.5))
    #expect(good.kind(on: LocalDate("2026-12-23")!, queue: "chat") == nil)
    // A queue column: a queue's own entry overrides the every-queue one, and may repeat its date.
    let perQueue = try SpecialDays.parse(CSVTable.parse("date,kind,factor,queue\n2026-12-24,factor,0.5,\n2026-12-24,closed,,email\n", file: "s.csv"))
    #expect(perQueue.kind(on: LocalDate("2026-12-24")!, queue: "email") == .closed)
    #expect(perQueue.kind(on: LocalDate("2026-12-24")!, queue: "voice") == .volumeFactor(0.5))
    let bad = "date,kind,factor\n2026-12-25,closed,\n2026-13-01,closed,\n2026-12-24,factor,-1\n2026-12-26,holiday,\n2026-12-27,closed,2\n2026-12-25,closed,\n"
    let error = try #require(throws: DiagnosticError.self) { try SpecialDays.parse(CSVTable.parse(bad, file: "s.csv")) }
    #expect(error.diagnostics.map(\.line) == [3, 4, 5, 6, 7])
}

@Test func aHistoryWithoutDataRowsIsAnError() throws {
    let error = try #require(throws: DiagnosticError.self) { try Synthetic.history("interval_start,contacts\n", intervalMinutes: 15) }
    #expect(error.diagnostics.map(\.message) == ["history has no data rows"])
    #expect(throws: DiagnosticError.self) { try Synthetic.history("", intervalMinutes: 15) }
}
