import Foundation
import WFMCore

/// Local timestamps as the CSV files carry them (the forms of `WallClockReading`).
///
/// With a UTC offset (`2026-03-02T08:15+03:00`, `…Z`, what the exporters write) the offset must be
/// the zone's at that instant; without one (`2026-03-02 08:15`, `02.03.2026 08:15`) the time is read
/// in the scenario's time zone (a time inside a DST gap is moved past it, a repeated time takes its
/// first occurrence, as `TimeGrid.instant`).
enum LocalTimestamp {
    /// Seconds since 1970-01-01T00:00Z, or nil when malformed or the offset contradicts the zone.
    static func parse(_ text: String, in zone: TimeZone) -> Int? {
        guard let reading = WallClockReading(text) else { return nil }
        guard let offsetSeconds = reading.utcOffsetSeconds else {
            return TimeGrid.instant(of: reading.date, minute: reading.minuteOfDay, in: zone)
        }
        let instant = reading.date.dayNumber * 86_400 + reading.minuteOfDay * 60 - offsetSeconds
        // The offset must be the zone's at that instant, or the row was written for another zone.
        guard zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))) == offsetSeconds else { return nil }
        return instant
    }
}

extension RunTimestamp {
    /// The local reading of an absolute instant (seconds since 1970-01-01T00:00Z) in `zone`.
    public init(instant: Int, in zone: TimeZone) {
        self.init(GridInterval(instant: instant, in: zone))
    }

    /// The start of a grid interval.
    public init(_ interval: GridInterval) {
        self.init(date: interval.date, minuteOfDay: interval.minuteOfDay, utcOffsetMinutes: interval.utcOffsetSeconds / 60)
    }
}
