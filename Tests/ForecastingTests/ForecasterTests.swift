import Foundation
import Testing
@testable import Forecasting
import WFMCore

/// Eight weeks of the weekly pattern at 15 minutes for queues voice (with handle times) and chat (without).
func twoQueueHistory(zone: TimeZone = Synthetic.utc, first: LocalDate = LocalDate("2026-01-05")!) throws -> History {
    var text = "interval_start,queue,contacts,aht_seconds\n"
    for d in 0..<56 {
        let date = first.adding(days: d)
        for minute in stride(from: 0, to: 1440, by: 15) where !LocalClock(zone: zone).instants(of: date, minute: minute).isEmpty {
            let v = Synthetic.weeklyPattern(d % 7, minute)
            let stamp = String(format: "%@ %02d:%02d", date.description, minute / 60, minute % 60)
            text += "\(stamp),voice,\(v),\(minute < 720 ? 200 : 300)\n\(stamp),chat,\(v / 2),\n"
        }
    }
    return try Synthetic.history(text, intervalMinutes: 15, zone: zone)
}

@Test func forecastIsAlignedWithTheTimeGridAndCarriesHandleTimes() throws {
    let h = try twoQueueHistory()
    let start = try #require(LocalDate("2026-03-02"))
    let f = try Forecaster.forecast(history: h, start: start, days: 7, method: .seasonalNaive, defaultAHTSeconds: 240)
    let grid = TimeGrid(timeZone: Synthetic.utc, startDate: start, days: 7, intervalMinutes: 15)
    #expect(f.intervals == grid.intervals)
    #expect(f.queues.map(\.queue) == ["voice", "chat"])
    let voice = f.queues[0], chat = f.queues[1]
    for (k, interval) in grid.intervals.enumerated() {
        let expected = Synthetic.weeklyPattern((interval.date.dayNumber - LocalDate("2026-01-05")!.dayNumber) % 7, interval.minuteOfDay)
        #expect(voice.contacts[k] == expected && chat.contacts[k] == expected / 2)
    }
    // Voice: volume-weighted handle times from history (200 s mornings, 300 s afternoons); chat: the default.
    #expect(voice.ahtSeconds[4 * 9] == 200 && voice.ahtSeconds[4 * 15] == 300)
    #expect(chat.ahtSeconds.allSatisfy { $0 == 240 })
    // Without a default, chat has no handle time: an error naming the queue.
    let error = try #require(throws: DiagnosticError.self) {
        try Forecaster.forecast(history: h, start: start, days: 7, method: .seasonalNaive)
    }
    #expect(error.diagnostics.count == 1 && error.diagnostics[0].key == "queue chat")
}

@Test func handleTimeIsVolumeWeighted() throws {
    // One interval, two rows: 1 contact at 100 s and 3 contacts at 300 s → (100 + 900) / 4 = 250 s.
    var text = "interval_start,contacts,aht_seconds\n"
    for d in 0..<14 {
        let date = LocalDate("2026-01-05")!.adding(days: d).description
        text += "\(date) 10:00,1,100\n\(date) 10:05,3,300\n\(date) 10:10,0,\n"
    }
    let h = try Synthetic.history(text, intervalMinutes: 15)
    let f = try Forecaster.forecast(history: h, start: LocalDate("2026-01-19")!, days: 1, method: .weekdayMean)
    #expect(f.queues[0].ahtSeconds[40] == 250 && f.queues[0].contacts[40] == 4)
}

@Test func forecastAcrossDaylightSavingChangesFollowsTheWallClock() throws {
    let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
    let h = try twoQueueHistory(zone: berlin, first: LocalDate("2026-02-23")!)   // ends 2026-04-19
    let f = try Forecaster.forecast(history: h, start: LocalDate("2026-03-23")!, days: 14, method: .seasonalNaive,
                                    defaultAHTSeconds: 240)
    // Spring forward on 2026-03-29: 92 intervals that day; the forecast keeps the wall-clock pattern.
    #expect(f.intervals.count == 14 * 96 - 4)
    for (k, interval) in f.intervals.enumerated() {
        let w = (interval.date.dayNumber - LocalDate("2026-02-23")!.dayNumber) % 7
        #expect(f.queues[0].contacts[k] == Synthetic.weeklyPattern(w, interval.minuteOfDay))
    }
}

@Test func historyAfterStartIsNeverUsed() throws {
    let h = try twoQueueHistory()
    let start = try #require(LocalDate("2026-02-16"))
    var truncated = h
    for i in truncated.queues.indices {
        let days = start.dayNumber - truncated.queues[i].firstDate.dayNumber
        var q = QueueHistory(queue: h.queues[i].queue, firstDate: h.queues[i].firstDate, dayCount: days, slotsPerDay: 96)
        q.contacts = Array(h.queues[i].contacts[0..<(days * 96)])
        q.handleSeconds = Array(h.queues[i].handleSeconds[0..<(days * 96)])
        q.contactsWithHandleTime = Array(h.queues[i].contactsWithHandleTime[0..<(days * 96)])
        q.dayHasRows = Array(h.queues[i].dayHasRows[0..<days])
        truncated.queues[i] = q
    }
    // Perturb the future so peeking would show.
    var future = h
    for i in future.queues.indices {
        for c in ((start.dayNumber - future.queues[i].firstDate.dayNumber) * 96)..<future.queues[i].contacts.count {
            future.queues[i].contacts[c] *= 3
        }
    }
    let a = try Forecaster.forecast(history: future, start: start, days: 7, method: .auto, defaultAHTSeconds: 200)
    let b = try Forecaster.forecast(history: truncated, start: start, days: 7, method: .auto, defaultAHTSeconds: 200)
    #expect(a == b)
}

@Test func specialDaysAreSkippedInLearningAndAppliedInThePlan() throws {
    // Weekly pattern; the last Monday of the history is a holiday with a tenth of the volume.
    let first = try #require(LocalDate("2026-01-05"))
    let holiday = first.adding(days: 49)
    let text = Synthetic.csv(first: first, days: 56, stepMinutes: 30) { d, m in
        Synthetic.weeklyPattern(d % 7, m) * (d == 49 ? 0.1 : 1)
    }
    let h = try Synthetic.history(text, intervalMinutes: 30)
    let start = first.adding(days: 56)
    let calendar = SpecialDays([holiday: .volumeFactor(0.1), start: .closed], perQueue: ["default": [start.adding(days: 1): .volumeFactor(1.5)], "other": [start: .volumeFactor(3)]])
    let f = try Forecaster.forecast(history: h, start: start, days: 7, method: .seasonalNaive, specialDays: calendar,
                                    defaultAHTSeconds: 200)
    let c = f.queues[0].contacts
    #expect(c[0..<48].allSatisfy { $0 == 0 })                                   // closed Monday
    #expect((0..<48).allSatisfy { c[48 + $0] == 1.5 * Synthetic.weeklyPattern(1, $0 * 30) })
    // Next Monday (not special) is learned from the Monday before the holiday, not from the holiday.
    let g = try Forecaster.forecast(history: h, start: start.adding(days: 7), days: 1, method: .seasonalNaive,
                                    specialDays: calendar, defaultAHTSeconds: 200)
    #expect((0..<48).allSatisfy { g.queues[0].contacts[$0] == Synthetic.weeklyPattern(0, $0 * 30) })
}

@Test func tooShortHistoryIsAnError() throws {
    let text = Synthetic.csv(first: LocalDate("2026-01-05")!, days: 5, stepMinutes: 60) { _, _ in 1 }
    let h = try Synthetic.history(text, intervalMinutes: 60)
    let error = try #require(throws: DiagnosticError.self) {
        try Forecaster.forecast(history: h, start: LocalDate("2026-01-10")!, days: 7, defaultAHTSeconds: 100)
    }
    #expect(error.diagnostics[0].message.contains("at least 7 days"))
}

@Test func csvIsDeterministicAndFollowsTheSpec() throws {
    let h = try twoQueueHistory()
    let start = try #require(LocalDate("2026-03-02"))
    let a = try Forecaster.forecast(history: h, start: start, days: 2, method: .auto, defaultAHTSeconds: 240).csv()
    let b = try Forecaster.forecast(history: h, start: start, days: 2, method: .auto, defaultAHTSeconds: 240).csv()
    #expect(a == b)
    let lines = a.split(separator: "\n")
    #expect(lines[0] == "interval_start,queue,contacts,aht_seconds")
    #expect(lines.count == 1 + 2 * 96 * 2)
    #expect(lines[1].hasPrefix("2026-03-02T00:00+00:00,voice,"))
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("wfm-forecast-\(getpid()).csv").path
    try Forecaster.forecast(history: h, start: start, days: 2, method: .auto, defaultAHTSeconds: 240).write(to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == a)
    try FileManager.default.removeItem(atPath: path)
}

@Test func accuracyMeasuresMatchHandComputation() {
    var a = Accuracy()
    a.add(actual: [10, 20, .nan], forecast: [12, 14, 99])   // |e| = 2 + 6, day 30 vs 26
    a.add(actual: [0, 0], forecast: [1, 0])                 // zero-volume day: in WAPE, not in MAPE
    #expect(a.wape == 9.0 / 30)
    #expect(a.bias == (2 - 6 + 1) / 30.0)
    #expect(a.dailyMAPE == 4.0 / 30)
}

@Test func historiesOfSeveralFilesMerge() throws {
    let h = try twoQueueHistory()
    let voice = History(intervalMinutes: 15, timeZone: h.timeZone, queues: [h.queues[0]])
    let chat = History(intervalMinutes: 15, timeZone: h.timeZone, queues: [h.queues[1]])
    #expect(History(merging: [voice, chat]) == h)
}

@Test func autoFallsBackToWeekdayMeanWithoutRoomForABacktest() throws {
    let text = Synthetic.csv(first: LocalDate("2026-01-05")!, days: 21, stepMinutes: 60) { d, m in Double(d % 7 + m / 60) }
    let h = try Synthetic.history(text, intervalMinutes: 60)
    // 21 days: one origin (7 days before the end) has 14 training days → auto backtests there.
    let full = try #require(DaySeries(history: h.queues[0], end: LocalDate("2026-01-26")!, specialDays: SpecialDays()))
    #expect(full.dayCount == 21 && AutoSelection.score(full).isEmpty == false)
    let short = try #require(DaySeries(history: h.queues[0], end: LocalDate("2026-01-15")!, specialDays: SpecialDays()))
    #expect(AutoSelection.score(short).isEmpty)
    // 10 days: no origin has 14 training days → weekday-mean.
    let ten = try Forecaster.forecast(history: h, start: LocalDate("2026-01-15")!, days: 7, defaultAHTSeconds: 100)
    #expect(ten.queues[0].method == .weekdayMean)
}
