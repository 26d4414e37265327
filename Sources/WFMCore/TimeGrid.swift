import Foundation

/// A calendar date without time (`2026-03-02`), ordered, with day arithmetic in the proleptic Gregorian calendar.
public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (ISO 8601) or `DD.MM.YYYY` (as a Russian- or German-locale spreadsheet
    /// writes dates); nil when malformed or not a real date (2026-02-30). The one date parser of
    /// every file wfm reads (`WallClockReading` uses it for the date of a timestamp).
    public init?(_ text: String) {
        let iso = text.split(separator: "-", omittingEmptySubsequences: false)
        let dotted = text.split(separator: ".", omittingEmptySubsequences: false)
        let y: Int?, m: Int?, d: Int?
        if iso.count == 3, iso[0].count == 4, iso[1].count == 2, iso[2].count == 2 {
            (y, m, d) = (decimalDigits(iso[0]), decimalDigits(iso[1]), decimalDigits(iso[2]))
        } else if dotted.count == 3, dotted[0].count == 2, dotted[1].count == 2, dotted[2].count == 4 {
            (y, m, d) = (decimalDigits(dotted[2]), decimalDigits(dotted[1]), decimalDigits(dotted[0]))
        } else {
            return nil
        }
        guard let y, let m, let d, (1...12).contains(m), d >= 1, d <= LocalDate.daysInMonth(year: y, month: m) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (civil-from-days algorithm, H. Hinnant, "chrono-Compatible Low-Level Date Algorithms").
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int { ((dayNumber % 7) + 7 + 3) % 7 + 1 }

    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.dayNumber < b.dayNumber }
}

/// One planning interval: its absolute start, its local date and its local minute of day.
public struct GridInterval: Sendable, Hashable {
    /// Seconds since 1970-01-01T00:00Z.
    public var start: Int
    /// Local calendar date the interval starts on.
    public var date: LocalDate
    /// Local wall-clock minutes since midnight at the start (0..<1440).
    public var minuteOfDay: Int
    /// UTC offset in effect at the start, in seconds.
    public var utcOffsetSeconds: Int

    public init(start: Int, date: LocalDate, minuteOfDay: Int, utcOffsetSeconds: Int) {
        self.start = start
        self.date = date
        self.minuteOfDay = minuteOfDay
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// The local reading in `zone` of an absolute instant (seconds since 1970-01-01T00:00Z).
    public init(instant: Int, in zone: TimeZone) {
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
        let local = instant + offset
        let dayNumber = Int((Double(local) / 86_400).rounded(.down))
        self.init(start: instant, date: LocalDate(dayNumber: dayNumber), minuteOfDay: (local - dayNumber * 86_400) / 60,
                  utcOffsetSeconds: offset)
    }
}

/// The plan horizon cut into equal intervals of absolute time, labelled in local time.
///
/// The grid runs from local midnight of `start` to local midnight after the last day, in steps of
/// `intervalMinutes` of real elapsed time. On a daylight-saving change day the local day is 23 or 25
/// hours long and holds correspondingly fewer or more intervals; every interval is labelled with
/// the UTC offset in force at its start, so labels stay unique across the repeated hour.
public struct TimeGrid: Sendable {
    /// The week blocks of a horizon of `days` days, the span of every weekly rule: 7-day blocks from
    /// the first day, the last shorter when `days` is not a whole number of weeks (31: 7, 7, 7, 7, 3).
    public static func weekBlocks(days: Int) -> [Range<Int>] {
        stride(from: 0, to: days, by: 7).map { $0..<min(days, $0 + 7) }
    }

    public var timeZone: TimeZone
    public var startDate: LocalDate
    public var days: Int
    public var intervalMinutes: Int
    public private(set) var intervals: [GridInterval]

    /// Interval lengths the product accepts, in minutes.
    public static let allowedIntervalMinutes = [5, 10, 15, 30, 60]

    public init(timeZone: TimeZone, startDate: LocalDate, days: Int, intervalMinutes: Int) {
        precondition(days > 0 && intervalMinutes > 0 && 1440 % intervalMinutes == 0,
                     "TimeGrid needs days > 0 and an interval dividing a day; got days \(days), interval \(intervalMinutes)")
        self.timeZone = timeZone
        self.startDate = startDate
        self.days = days
        self.intervalMinutes = intervalMinutes
        let first = TimeGrid.instant(of: startDate, minute: 0, in: timeZone)
        let end = TimeGrid.instant(of: startDate.adding(days: days), minute: 0, in: timeZone)
        var list: [GridInterval] = []
        list.reserveCapacity((end - first) / (intervalMinutes * 60))
        var t = first
        while t < end {
            list.append(GridInterval(instant: t, in: timeZone))
            t += intervalMinutes * 60
        }
        intervals = list
    }

    /// The absolute instant (seconds since epoch) of a local wall time. For a wall time skipped by a
    /// DST gap the instant after the gap is returned; for a repeated wall time, the first occurrence.
    public static func instant(of date: LocalDate, minute: Int, in zone: TimeZone) -> Int {
        let wall = date.dayNumber * 86_400 + minute * 60
        // Try the offsets in force a day either side; pick the earliest consistent one.
        var candidates: [Int] = []
        for probe in [wall - 86_400, wall, wall + 86_400] {
            let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(probe)))
            let t = wall - offset
            if zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(t))) == offset {
                candidates.append(t)
            }
        }
        if let best = candidates.min() { return best }
        // In a gap: no offset is consistent; use the offset before the gap.
        let before = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(wall - 86_400)))
        return wall - before
    }

    /// ISO 8601 local time with offset, minute precision: `2026-03-02T08:15+03:00`.
    public static func iso8601(_ interval: GridInterval) -> String {
        iso8601(date: interval.date, minuteOfDay: interval.minuteOfDay, utcOffsetMinutes: interval.utcOffsetSeconds / 60)
    }

    /// The one formatter of local timestamps in every output file: `YYYY-MM-DDTHH:MM±HH:MM`.
    public static func iso8601(date: LocalDate, minuteOfDay: Int, utcOffsetMinutes: Int) -> String {
        let sign = utcOffsetMinutes < 0 ? "-" : "+"
        let a = abs(utcOffsetMinutes)
        return String(format: "%@T%02d:%02d%@%02d:%02d", date.description, minuteOfDay / 60, minuteOfDay % 60, sign, a / 60, a % 60)
    }
}

/// The value of a non-empty run of ASCII digits (no sign, no spaces); nil otherwise.
func decimalDigits(_ text: Substring) -> Int? {
    guard !text.isEmpty, text.count <= 9, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
    return Int(text)
}

/// Parses a local time of day `HH:MM` or `H:MM` (as a spreadsheet writes it), optionally followed
/// by `:00` (wfm plans at minute precision), into minutes since midnight (0...1440; "24:00" allowed
/// as the end of day). The one time-of-day parser of every file wfm reads.
public func parseTimeOfDay(_ text: String) -> Int? {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2 || (parts.count == 3 && parts[2] == "00"), (1...2).contains(parts[0].count), parts[1].count == 2,
          let h = decimalDigits(parts[0]), let m = decimalDigits(parts[1]), (0...24).contains(h), (0..<60).contains(m) else { return nil }
    let total = h * 60 + m
    return total <= 1440 ? total : nil
}
