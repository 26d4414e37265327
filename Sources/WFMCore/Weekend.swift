/// The days of the week a centre calls its weekend (scenario key `weekend`, docs/scenario.md):
/// ISO weekdays, 1 = Monday … 7 = Sunday; Saturday and Sunday unless the scenario says otherwise
/// (Israel: Friday and Saturday). One to six days; the weekend rules count a *weekend* as a run of
/// consecutive weekend days in the calendar (Saturday and the Sunday after it; Friday and the Saturday
/// after it).
public struct Weekend: Sendable, Hashable {
    /// ISO weekdays of the weekend, 1…7.
    public let weekdays: Set<Int>

    /// Saturday and Sunday.
    public static let saturdaySunday = Weekend(weekdays: [6, 7])!

    /// Scenario spellings, Monday first: `mon`, `tue`, `wed`, `thu`, `fri`, `sat`, `sun`.
    public static let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// nil unless 1 to 6 distinct weekdays in 1…7.
    public init?(weekdays: Set<Int>) {
        guard (1...6).contains(weekdays.count), weekdays.allSatisfy({ (1...7).contains($0) }) else { return nil }
        self.weekdays = weekdays
    }

    public func contains(_ date: LocalDate) -> Bool { weekdays.contains(date.isoWeekday) }

    /// The weekend's days by name, Monday first (`["fri", "sat"]`).
    public var dayNames: [String] { weekdays.sorted().map { Weekend.names[$0 - 1] } }
}
