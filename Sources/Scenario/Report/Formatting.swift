import Foundation
import WFMCore

/// Deterministic number and time formatting for the report and the compare table: POSIX decimal
/// point, no grouping, and never "-0.0".
enum Format {
    /// `x` with exactly `decimals` digits after the point.
    static func fixed(_ x: Double, _ decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", x)
        return text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) ? String(text.dropFirst()) : text
    }

    /// Like `fixed`, with a leading "+" for positive values (a difference).
    static func signed(_ x: Double, _ decimals: Int) -> String {
        let text = fixed(x, decimals)
        return text.hasPrefix("-") || text.allSatisfy({ $0 == "0" || $0 == "." }) ? text : "+" + text
    }

    /// A fraction as a percentage: 0.8312 → "83.1%".
    static func percent(_ fraction: Double, _ decimals: Int = 1) -> String { fixed(fraction * 100, decimals) + "%" }

    /// Minutes as hours and minutes: 930 → "15h30", 45 → "0h45".
    static func duration(minutes: Int) -> String {
        let m = minutes % 60
        return "\(minutes / 60)h" + (m < 10 ? "0" : "") + "\(m)"
    }

    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Mon 2 Mar".
    static func day(_ date: LocalDate) -> String {
        "\(weekdays[date.isoWeekday - 1]) \(date.day) \(months[date.month - 1])"
    }
}
