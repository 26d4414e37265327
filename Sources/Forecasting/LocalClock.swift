import Foundation
import WFMCore

/// Conversions between absolute instants and local wall-clock times in one time zone,
/// aware of daylight-saving gaps (a wall time that does not exist) and repeats (one that exists twice).
struct LocalClock {
    let zone: TimeZone

    /// Offset from UTC in seconds at an instant (seconds since 1970-01-01T00:00Z).
    func offset(at instant: Int) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
    }

    /// The local date and minute of day of an instant.
    func wallTime(of instant: Int) -> (date: LocalDate, minute: Int) {
        let local = instant + offset(at: instant)
        let dayNumber = Int((Double(local) / 86_400).rounded(.down))
        return (LocalDate(dayNumber: dayNumber), (local - dayNumber * 86_400) / 60)
    }

    /// Every instant whose local wall time is `date` at `minute`, earliest first: none inside a
    /// daylight-saving gap, two on a repeated hour, otherwise one.
    func instants(of date: LocalDate, minute: Int) -> [Int] {
        let wall = date.dayNumber * 86_400 + minute * 60
        var found: [Int] = []
        for probe in [wall - 86_400, wall, wall + 86_400] {
            let t = wall - offset(at: probe)
            if offset(at: t) == wall - t && !found.contains(t) { found.append(t) }
        }
        return found.sorted()
    }

    /// Whether the UTC offset may change during the local day `date`: conservative (it looks 14 hours
    /// beyond either end of the day), so a `false` proves every wall time of the day exists exactly once.
    func mayChangeOffset(on date: LocalDate) -> Bool {
        let noonInstant = date.dayNumber * 86_400 + 43_200
        let start = noonInstant - 43_200 - 14 * 3600
        let end = noonInstant + 43_200 + 14 * 3600
        return offset(at: start) != offset(at: end) || offset(at: noonInstant) != offset(at: start)
    }
}
