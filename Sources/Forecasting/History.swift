import Foundation
import WFMCore

/// Contact history of one queue, aggregated to the plan interval on the local wall clock.
///
/// Cells are indexed `day * slotsPerDay + slot`, where `day` counts local calendar days from
/// `firstDate` and `slot` is the local minute of day divided by the plan interval. A cell holds the
/// contacts that arrived in that local interval; on the repeated hour of a daylight-saving fall-back
/// day it holds the mean of the two occurrences (the arrival rate of that wall-clock interval), and
/// on a spring-forward day the cells of the skipped local hour are `nan` (they did not exist).
public struct QueueHistory: Sendable, Equatable {
    public var queue: String
    public var firstDate: LocalDate
    public var dayCount: Int
    public var slotsPerDay: Int
    /// Contacts per cell (≥ 0, or `nan` for a local time that did not exist).
    public var contacts: [Double]
    /// Σ contacts × aht_seconds over the rows of the cell that carry a handle time.
    public var handleSeconds: [Double]
    /// Σ contacts over the rows of the cell that carry a handle time.
    public var contactsWithHandleTime: [Double]
    /// Whether the day has at least one row (a day without rows is closed or missing, never zero).
    public var dayHasRows: [Bool]

    public init(queue: String, firstDate: LocalDate, dayCount: Int, slotsPerDay: Int) {
        precondition(dayCount > 0 && slotsPerDay > 0, "QueueHistory needs days and slots > 0, got \(dayCount), \(slotsPerDay)")
        self.queue = queue
        self.firstDate = firstDate
        self.dayCount = dayCount
        self.slotsPerDay = slotsPerDay
        contacts = Array(repeating: 0, count: dayCount * slotsPerDay)
        handleSeconds = contacts
        contactsWithHandleTime = contacts
        dayHasRows = Array(repeating: false, count: dayCount)
    }

    /// The local date of day index `day`.
    public func date(ofDay day: Int) -> LocalDate { firstDate.adding(days: day) }

    /// ISO weekdays (1 = Monday … 7 = Sunday) on which no day among the first `days` days has any row:
    /// the centre is closed on them (a weekday-only centre exports no weekend rows at all). Empty when
    /// those days span less than a week, because then absence proves nothing.
    public func closedWeekdays(firstDays days: Int? = nil) -> Set<Int> {
        let n = min(days ?? dayCount, dayCount)
        guard n >= 7 else { return [] }
        var open = Set<Int>()
        for day in 0..<n where dayHasRows[day] { open.insert(date(ofDay: day).isoWeekday) }
        return Set(1...7).subtracting(open)
    }
}

/// Contact history of every queue, read at one plan interval in one time zone.
public struct History: Sendable, Equatable {
    public var intervalMinutes: Int
    public var timeZone: TimeZone
    /// Queues in order of first appearance in the file.
    public var queues: [QueueHistory]
    /// Warnings found while reading (input accepted with a documented treatment).
    public var warnings: [Diagnostic]

    public init(intervalMinutes: Int, timeZone: TimeZone, queues: [QueueHistory], warnings: [Diagnostic] = []) {
        self.intervalMinutes = intervalMinutes
        self.timeZone = timeZone
        self.queues = queues
        self.warnings = warnings
    }

    public var slotsPerDay: Int { 1440 / intervalMinutes }

    /// One history holding the queues of several (one file per queue, as a scenario may give them).
    /// They must share interval and time zone and have distinct queue names.
    public init(merging parts: [History]) {
        precondition(!parts.isEmpty, "merging needs at least one history")
        precondition(parts.allSatisfy { $0.intervalMinutes == parts[0].intervalMinutes && $0.timeZone == parts[0].timeZone },
                     "merged histories must share interval and time zone: \(parts.map { ($0.intervalMinutes, $0.timeZone.identifier) })")
        let queues = parts.flatMap(\.queues)
        precondition(Set(queues.map(\.queue)).count == queues.count, "merged histories repeat a queue: \(queues.map(\.queue))")
        self.init(intervalMinutes: parts[0].intervalMinutes, timeZone: parts[0].timeZone, queues: queues,
                  warnings: parts.flatMap(\.warnings))
    }
}
