import Foundation

/// A timestamp as written in a file: a local date, a minute of the day, and the UTC offset when the
/// text gives one. The one timestamp parser of every file wfm reads (history, forecast, shifts,
/// breaks and the run folder's own files).
///
/// Accepted forms, a date (`LocalDate`: `2026-03-02` or `02.03.2026`), then `T` or one or more
/// spaces, then the time of day `H:MM` or `HH:MM`, optionally `:SS` (which must be `00`: wfm plans
/// at minute precision), optionally an offset `Z`, `±HH:MM`, `±HHMM` or `±HH` (at most 18 hours):
/// `2026-03-02T08:15+03:00`, `2026-03-02 08:15`, `2026-03-02 08:15:00`, `02.03.2026 8:15`.
public struct WallClockReading: Sendable, Hashable {
    /// Local calendar date.
    public var date: LocalDate
    /// Local minutes since midnight, 0..<1440.
    public var minuteOfDay: Int
    /// UTC offset in seconds east of Greenwich when the text gives one; nil for local time.
    public var utcOffsetSeconds: Int?

    public init(date: LocalDate, minuteOfDay: Int, utcOffsetSeconds: Int?) {
        self.date = date
        self.minuteOfDay = minuteOfDay
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// Parses the forms above (surrounding spaces ignored); nil when malformed.
    public init?(_ text: String) {
        let s = Substring(text.trimmingCharacters(in: .whitespaces))
        guard let cut = s.firstIndex(where: { $0 == "T" || $0 == " " }), let date = LocalDate(String(s[..<cut])) else { return nil }
        let rest = s[s.index(after: cut)...].drop { $0 == " " }
        // The time of day (`parseTimeOfDay`), then the offset from its first Z, + or -.
        let zone = rest.firstIndex { $0 == "Z" || $0 == "+" || $0 == "-" } ?? rest.endIndex
        guard let minuteOfDay = parseTimeOfDay(String(rest[..<zone])), minuteOfDay < 1440 else { return nil }
        let offsetText = rest[zone...]
        var offset: Int?
        if offsetText == "Z" {
            offset = 0
        } else if let sign = offsetText.first {
            let body = offsetText.dropFirst()
            let digits = body.filter { $0 != ":" }
            let colons = body.count - digits.count
            guard (digits.count == 2 && colons == 0) || (digits.count == 4 && colons <= 1 && (colons == 0 || body.dropFirst(2).first == ":")),
                  let h = decimalDigits(Substring(digits.prefix(2))),
                  let m = digits.count == 4 ? decimalDigits(Substring(digits.suffix(2))) : 0,
                  h * 60 + m <= 18 * 60, m < 60 else { return nil }
            offset = (sign == "-" ? -1 : 1) * (h * 3600 + m * 60)
        }
        self.init(date: date, minuteOfDay: minuteOfDay, utcOffsetSeconds: offset)
    }
}
