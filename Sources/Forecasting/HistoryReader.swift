import Foundation
import WFMCore

/// Reads a contact-history CSV and aggregates it to the plan interval.
///
/// Columns (header names, any order; others ignored): `interval_start` (required), `contacts` or its
/// synonym `calls` (required), `queue` (optional: without it every row belongs to `singleQueue`),
/// `aht_seconds` (optional, may be empty on a row). See docs/forecasting.md for every treatment:
/// - The file's dialect (delimiter, decimal comma, encoding) as `CSVTable` reads it.
/// - Timestamps: the forms of `WallClockReading` (ISO 8601 local time with or without UTC offset,
///   `YYYY-MM-DD HH:MM`, `DD.MM.YYYY HH:MM`). A time with an
///   offset is an absolute instant and is converted to the wall clock of `timeZone` (a warning says so
///   when the offsets differ from the zone's). A time without offset is local to `timeZone`: inside a
///   daylight-saving gap it is an error; on a repeated hour the first row is the first occurrence and
///   a second row with the same wall time is the second occurrence.
/// - The source interval is the most frequent step between consecutive rows of a queue. Each row's
///   interval must lie inside one plan interval; one that straddles two is an error naming its line.
/// - Errors: missing columns, wrong field counts, bad timestamps, non-numeric, negative or non-finite
///   counts and handle times, duplicated intervals (both lines named). All are reported at once.
/// - Rows may come in any order (they are sorted). Missing rows inside a day that has rows count as
///   zero contacts; days without any row are closed (a weekday never present) or missing (a warning).
public enum HistoryReader {
    /// At most this many diagnostics of one kind are listed; the rest are counted in one summary line.
    static let diagnosticsPerKind = 10

    public static func read(path: String, intervalMinutes: Int, timeZone: TimeZone,
                            singleQueue: String = "default", displayName: String? = nil,
                            encoding: TextEncoding? = nil) throws -> History {
        let table = try CSVTable.read(path: path, displayName: displayName, encoding: encoding)
        return try read(table: table, intervalMinutes: intervalMinutes, timeZone: timeZone, singleQueue: singleQueue)
    }

    public static func read(table: CSVTable, intervalMinutes: Int, timeZone: TimeZone,
                            singleQueue: String = "default") throws -> History {
        precondition(intervalMinutes > 0 && 1440 % intervalMinutes == 0,
                     "plan interval must divide a day, got \(intervalMinutes)")
        var bag = LimitedBag(file: table.file)
        let timeColumn = table.column("interval_start")
        let countColumn = table.column("contacts") ?? table.column("calls")
        let queueColumn = table.column("queue")
        let ahtColumn = table.column("aht_seconds")
        let expected = ["interval_start", "queue", "contacts", "aht_seconds"]
        for (column, found) in [("interval_start", timeColumn), ("contacts", countColumn)] where found == nil {
            bag.error(kind: "header", line: 1, key: column,
                      table.missingColumnsMessage([column], expected: expected) + " (contacts may be called calls; queue and aht_seconds are optional)")
        }
        guard let timeColumn, let countColumn else { throw DiagnosticError(table.warnings + bag.finish()) }

        let clock = LocalClock(zone: timeZone)
        var rows: [Row] = []
        rows.reserveCapacity(table.records.count)
        var queueOrder: [String] = []
        var queueIndex: [String: Int] = [:]
        var firstOccurrenceLine: [RowKey: Int] = [:]
        var offsetMismatch: (line: Int, given: Int, zone: Int)?
        var dayCache: [Int: Bool] = [:]
        /// Whether every wall time of the local day exists exactly once (cached per day).
        func isPlainDay(_ date: LocalDate) -> Bool {
            if let cached = dayCache[date.dayNumber] { return cached }
            let plain = !clock.mayChangeOffset(on: date)
            dayCache[date.dayNumber] = plain
            return plain
        }

        for record in table.records {
            let line = record.line
            guard record.fields.count == table.header.count else {
                bag.error(kind: "fields", line: line, "expected \(table.header.count) fields, found \(record.fields.count)")
                continue
            }
            let timeText = record.fields[timeColumn]
            guard let stamp = WallClockReading(timeText) else {
                bag.error(kind: "time", line: line, key: "interval_start",
                          "'\(timeText)' is not a time: expected local time such as 2026-03-02T08:15, 2026-03-02T08:15+03:00, '2026-03-02 08:15' or '02.03.2026 08:15'")
                continue
            }
            let queue = queueColumn.map { record.fields[$0].trimmingCharacters(in: .whitespaces) } ?? singleQueue
            if queue.isEmpty {
                bag.error(kind: "queue", line: line, key: "queue", "queue is empty")
                continue
            }
            var contactsOK = true
            let countText = record.fields[countColumn].trimmingCharacters(in: .whitespaces)
            let contacts = table.number(countText) ?? .nan
            if !contacts.isFinite || contacts < 0 {
                bag.error(kind: "count", line: line, key: table.header[countColumn],
                          "'\(countText)' is not a count: expected a finite number ≥ 0")
                contactsOK = false
            }
            var aht: Double?
            if let ahtColumn {
                let ahtText = record.fields[ahtColumn].trimmingCharacters(in: .whitespaces)
                if !ahtText.isEmpty {
                    if let value = table.number(ahtText), value.isFinite, value >= 0 {
                        aht = value
                    } else {
                        bag.error(kind: "aht", line: line, key: "aht_seconds",
                                  "'\(ahtText)' is not a handle time: expected seconds ≥ 0, or empty")
                        contactsOK = false
                    }
                }
            }

            // Locate the row on the absolute time line and on the local wall clock.
            let instant: Int
            let wall: (date: LocalDate, minute: Int)
            var repeated = false
            if let given = stamp.utcOffsetSeconds {
                instant = stamp.date.dayNumber * 86_400 + stamp.minuteOfDay * 60 - given
                wall = clock.wallTime(of: instant)
                if !isPlainDay(wall.date) {
                    let candidates = clock.instants(of: wall.date, minute: wall.minute)
                    repeated = candidates.count > 1 && instant == candidates[1]
                }
                let zoneOffset = clock.offset(at: instant)
                if zoneOffset != given && offsetMismatch == nil { offsetMismatch = (line, given, zoneOffset) }
            } else {
                let dayNumber = stamp.date.dayNumber
                let candidates = isPlainDay(stamp.date)
                    ? [dayNumber * 86_400 + stamp.minuteOfDay * 60 - clock.offset(at: dayNumber * 86_400 + 43_200)]
                    : clock.instants(of: stamp.date, minute: stamp.minuteOfDay)
                guard let first = candidates.first else {
                    bag.error(kind: "gap", line: line, key: "interval_start",
                              "\(timeText) does not exist in \(timeZone.identifier) (daylight-saving gap); if the history is not in this zone's wall-clock time, name its zone (e.g. a fixed offset such as Etc/GMT-2)")
                    continue
                }
                let firstKey = RowKey(queue: queue, instant: first)
                repeated = candidates.count > 1 && firstOccurrenceLine[firstKey] != nil
                instant = repeated ? candidates[1] : first
                wall = (stamp.date, stamp.minuteOfDay)
            }
            let key = RowKey(queue: queue, instant: instant)
            if let earlier = firstOccurrenceLine[key] {
                bag.error(kind: "duplicate", line: line, key: "interval_start",
                          "\(timeText) for queue \(queue) already given on line \(earlier)")
                continue
            }
            firstOccurrenceLine[key] = line
            guard contactsOK else { continue }
            if queueIndex[queue] == nil {
                queueIndex[queue] = queueOrder.count
                queueOrder.append(queue)
            }
            rows.append(Row(queue: queueIndex[queue]!, instant: instant, dayNumber: wall.date.dayNumber,
                            minute: wall.minute, contacts: contacts, aht: aht, secondOccurrence: repeated, line: line))
        }
        if let offsetMismatch {
            bag.warning(kind: "offset", line: offsetMismatch.line, key: "interval_start",
                        "UTC offset \(formatOffset(offsetMismatch.given)) differs from \(timeZone.identifier) (\(formatOffset(offsetMismatch.zone))); times were converted to \(timeZone.identifier) local time (pass --timezone to name the centre's zone)")
        }
        if rows.isEmpty && !bag.hasErrors {
            bag.error(kind: "empty", line: 1, "history has no data rows")
        }
        guard !bag.hasErrors else { throw DiagnosticError(table.warnings + bag.finish()) }

        var queues: [QueueHistory] = []
        for (index, name) in queueOrder.enumerated() {
            let queueRows = rows.filter { $0.queue == index }.sorted { $0.instant < $1.instant }
            if let history = aggregate(queueRows, queue: name, intervalMinutes: intervalMinutes,
                                       clock: clock, bag: &bag) {
                queues.append(history)
            }
        }
        guard !bag.hasErrors else { throw DiagnosticError(table.warnings + bag.finish()) }
        return History(intervalMinutes: intervalMinutes, timeZone: timeZone, queues: queues, warnings: table.warnings + bag.finish())
    }

    struct Row {
        var queue: Int
        var instant: Int
        var dayNumber: Int
        var minute: Int
        var contacts: Double
        var aht: Double?
        /// The row is the second occurrence of a wall time repeated by a daylight-saving fall-back.
        var secondOccurrence: Bool
        var line: Int
    }

    struct RowKey: Hashable {
        var queue: String
        var instant: Int
    }

    static func clockText(_ minute: Int) -> String { String(format: "%02d:%02d", minute / 60, minute % 60) }

    static func formatOffset(_ seconds: Int) -> String {
        let minutes = abs(seconds) / 60
        return String(format: "%@%02d:%02d", seconds < 0 ? "-" : "+", minutes / 60, minutes % 60)
    }
}

