import Foundation
import WFMCore

/// A ready forecast (`forecast: {file: …}`), columns `interval_start,queue,contacts,aht_seconds`
/// as forecast.csv: one row per interval of the grid and queue, `contacts ≥ 0`, `aht_seconds > 0`.
/// Timestamps must be interval starts of the horizon (`LocalTimestamp` formats). Every (interval,
/// queue) must be present exactly once; missing ones are reported per queue with the first missing.
enum ForecastFile {
    static let columns = ["interval_start", "queue", "contacts", "aht_seconds"]

    static func read(_ file: InputFile, grid: TimeGrid, queueIDs: [String], bag: inout DiagnosticBag) -> [ForecastRow] {
        guard let csv = CSVInput.open(file, required: columns, bag: &bag) else { return [] }
        var indexOfInstant: [Int: Int] = [:]
        for (i, interval) in grid.intervals.enumerated() { indexOfInstant[interval.start] = i }
        var rows: [ForecastRow] = []
        var seen: [String: [Int: Int]] = [:]
        for record in csv.completeRecords(bag: &bag) {
            let line = record.line
            func fail(_ key: String, _ message: String) { bag.error(file: csv.file, line: line, key: key, message) }
            let stampText = csv.field(record, "interval_start"), queue = csv.field(record, "queue")
            let contactsText = csv.field(record, "contacts"), ahtText = csv.field(record, "aht_seconds")
            var valid = true
            var interval: Int?
            if let instant = LocalTimestamp.parse(stampText, in: grid.timeZone) {
                interval = indexOfInstant[instant]
                if interval == nil {
                    fail("interval_start", "\(stampText) is not the start of a \(grid.intervalMinutes)-minute interval of the horizon")
                    valid = false
                }
            } else {
                fail("interval_start", "expected local time such as 2026-03-02T08:15+03:00, got \"\(stampText)\"")
                valid = false
            }
            if !queueIDs.contains(queue) { fail("queue", "no queue '\(queue)' (defined: \(queueIDs.joined(separator: ", ")))"); valid = false }
            let contacts = Double(contactsText)
            if contacts == nil || !(contacts!.isFinite && contacts! >= 0) {
                fail("contacts", "expected a number of contacts ≥ 0, got \"\(contactsText)\"")
                valid = false
            }
            let aht = Double(ahtText)
            if aht == nil || !(aht!.isFinite && aht! > 0) {
                fail("aht_seconds", "expected a handle time in seconds > 0, got \"\(ahtText)\"")
                valid = false
            }
            guard valid, let interval, let contacts, let aht else { continue }
            if let first = seen[queue]?[interval] {
                fail("interval_start", "\(queue) at \(stampText) is given twice (first on line \(first))")
                continue
            }
            seen[queue, default: [:]][interval] = line
            rows.append(ForecastRow(interval: interval, queueID: queue, contacts: contacts, ahtSeconds: aht))
        }
        for queue in queueIDs {
            let present = seen[queue] ?? [:]
            let missing = grid.intervals.indices.filter { present[$0] == nil }
            if let first = missing.first {
                bag.error(file: csv.file, key: "queue",
                          "queue '\(queue)' has no row for \(missing.count) of \(grid.intervals.count) intervals (first: \(TimeGrid.iso8601(grid.intervals[first])))")
            }
        }
        return rows.sorted { ($0.interval, $0.queueID) < ($1.interval, $1.queueID) }
    }
}
