import Foundation
import WFMCore

/// Local timestamps as the CSV files carry them.
///
/// Accepted: ISO 8601 local time with UTC offset at minute precision (`2026-03-02T08:15+03:00`,
/// `…Z`), which is what the exporters write; and local time without offset (`2026-03-02T08:15` or
/// `2026-03-02 08:15`), read in the scenario's time zone (a time inside a DST gap is moved past it,
/// a repeated time takes its first occurrence, as `TimeGrid.instant`).
enum LocalTimestamp {
    /// Seconds since 1970-01-01T00:00Z, or nil when malformed or the offset contradicts the zone.
    static func parse(_ text: String, in zone: TimeZone) -> Int? {
        let chars = Array(text)
        guard chars.count >= 16, chars[10] == "T" || chars[10] == " ",
              let date = LocalDate(String(chars[0..<10])),
              let minute = parseTimeOfDay(String(chars[11..<16])), minute < 1440 else { return nil }
        let rest = String(chars[16...])
        if rest.isEmpty { return TimeGrid.instant(of: date, minute: minute, in: zone) }
        let offsetSeconds: Int
        if rest == "Z" {
            offsetSeconds = 0
        } else {
            let sign = rest.first
            guard sign == "+" || sign == "-", rest.count == 6,
                  let magnitude = parseTimeOfDay(String(rest.dropFirst())) else { return nil }
            offsetSeconds = (sign == "-" ? -1 : 1) * magnitude * 60
        }
        let instant = date.dayNumber * 86_400 + minute * 60 - offsetSeconds
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
