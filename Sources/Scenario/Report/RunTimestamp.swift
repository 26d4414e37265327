import WFMCore

/// A timestamp as a run folder writes it: ISO 8601 local time with UTC offset, minute precision,
/// `2026-03-02T08:15+03:00` (SPEC.md, "Files a run writes"). `Z` is accepted for UTC.
///
/// Keeps the local wall-clock reading (what a planner sees) and the absolute instant (for ordering
/// and durations across a daylight-saving change).
public struct RunTimestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Local calendar date.
    public var date: LocalDate
    /// Local minutes since midnight, 0..<1440.
    public var minuteOfDay: Int
    /// UTC offset in minutes (east positive), -18·60...18·60.
    public var utcOffsetMinutes: Int

    public init(date: LocalDate, minuteOfDay: Int, utcOffsetMinutes: Int) {
        precondition((0..<1440).contains(minuteOfDay), "minuteOfDay must be in 0..<1440, got \(minuteOfDay)")
        self.date = date
        self.minuteOfDay = minuteOfDay
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// Parses a `WallClockReading` that carries a UTC offset (`2026-03-02T08:15+03:00`, `…Z`);
    /// nil when malformed or without offset.
    public init?(_ text: String) {
        guard let reading = WallClockReading(text), let offset = reading.utcOffsetSeconds, offset % 60 == 0 else { return nil }
        self.init(date: reading.date, minuteOfDay: reading.minuteOfDay, utcOffsetMinutes: offset / 60)
    }

    /// Minutes since 1970-01-01T00:00Z: the absolute instant, for ordering and durations.
    public var epochMinutes: Int { date.dayNumber * 1440 + minuteOfDay - utcOffsetMinutes }

    /// Local wall-clock time `HH:MM`.
    public var clock: String { RunTimestamp.clock(minuteOfDay) }

    /// `HH:MM` for minutes since midnight (0..<1440).
    public static func clock(_ minuteOfDay: Int) -> String {
        let h = minuteOfDay / 60, m = minuteOfDay % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }

    public var description: String {
        TimeGrid.iso8601(date: date, minuteOfDay: minuteOfDay, utcOffsetMinutes: utcOffsetMinutes)
    }

    public static func < (a: RunTimestamp, b: RunTimestamp) -> Bool { a.epochMinutes < b.epochMinutes }
}
