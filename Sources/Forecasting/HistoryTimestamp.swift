import Foundation
import WFMCore

/// A parsed `interval_start`: a local date and minute of day, with the UTC offset when the text gives one.
///
/// Accepted forms (seconds optional and must be `00`):
/// `2026-03-02 08:15`, `2026-03-02T08:15`, `2026-03-02T08:15:00`, each optionally followed by
/// `Z`, `+03:00`, `+0300` or `+03` (and `-` forms).
struct HistoryTimestamp: Equatable {
    var date: LocalDate
    var minute: Int
    var offsetSeconds: Int?

    init(date: LocalDate, minute: Int, offsetSeconds: Int?) {
        self.date = date
        self.minute = minute
        self.offsetSeconds = offsetSeconds
    }

    init?(_ text: String) {
        let s = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        guard s.count >= 16, s[10] == UInt8(ascii: " ") || s[10] == UInt8(ascii: "T"),
              s[13] == UInt8(ascii: ":"),
              let date = LocalDate(String(decoding: s[0..<10], as: UTF8.self)),
              let hour = HistoryTimestamp.number(s[11..<13]), let minute = HistoryTimestamp.number(s[14..<16]),
              hour < 24, minute < 60 else { return nil }
        var i = 16
        if i < s.count, s[i] == UInt8(ascii: ":") {
            guard i + 3 <= s.count, HistoryTimestamp.number(s[(i + 1)..<(i + 3)]) == 0 else { return nil }
            i += 3
        }
        var offset: Int?
        if i < s.count {
            let rest = s[i...]
            if rest.count == 1, rest.first == UInt8(ascii: "Z") {
                offset = 0
            } else {
                guard let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
                let digits = Array(rest.dropFirst().filter { $0 != UInt8(ascii: ":") })
                let colons = rest.count - 1 - digits.count
                guard (digits.count == 2 && colons == 0) || (digits.count == 4 && colons <= 1),
                      let h = HistoryTimestamp.number(digits[0..<2]) else { return nil }
                let m = digits.count == 4 ? HistoryTimestamp.number(digits[2..<4]) : 0
                guard let m, h <= 14, m < 60 else { return nil }
                offset = (sign == UInt8(ascii: "-") ? -1 : 1) * (h * 3600 + m * 60)
            }
        }
        self.init(date: date, minute: hour * 60 + minute, offsetSeconds: offset)
    }

    /// A non-negative decimal integer made only of ASCII digits.
    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for b in bytes {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(b - UInt8(ascii: "0"))
        }
        return bytes.isEmpty ? nil : value
    }
}
