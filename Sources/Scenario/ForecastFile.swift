import Foundation
import WFMCore

/// What a forecast file's missing rows inside a queue's open hours mean (`forecast: {file: F, missing: …}`).
public enum MissingForecastRows: String, Sendable, Hashable, CaseIterable {
    /// An error per queue with the count and the first missing interval (the default).
    case error
    /// Zero contacts, with one warning per queue.
    case zero
}

/// A ready forecast (`forecast: {file: …}`), columns `interval_start,queue,contacts,aht_seconds`
/// as forecast.csv, in any dialect `CSVTable` reads; `contacts ≥ 0`, `aht_seconds > 0`, or empty
/// when the queue has `aht_seconds` in the scenario. Timestamps must be interval starts of the
/// horizon (`LocalTimestamp` formats); an (interval, queue) may be given at most once.
///
/// Files written by other planning tools and ACD exports carry rows only for the hours a queue is
/// open, or only for intervals with contacts, so:
/// - intervals outside a queue's `open:` hours or on a closed day of `calendar:` may be omitted
///   (0 contacts). A row there with contacts > 0 on a voice or chat queue is counted in one warning
///   per queue: those contacts are not planned for (`DemandStage` sets them to 0). On an email
///   queue they are kept: they wait for the next open interval.
/// - a missing interval inside open hours is an error per queue (count and first missing), or
///   0 contacts with one warning per queue when `missing` is `.zero`.
/// An interval without a row takes the queue's handle time: its `aht_seconds`, else the mean of
/// the file's handle times for the queue.
enum ForecastFile {
    static let columns = ["interval_start", "queue", "contacts", "aht_seconds"]

    /// `queues` are the queues read without error (keyed by id); a queue id declared but not among
    /// them is taken as open at all hours, so that its bad settings are not reported again here.
    static func read(_ file: InputFile, grid: TimeGrid, queueIDs: [String], queues: [String: QueueSettings],
                     calendar: [SpecialDay], missing missingRows: MissingForecastRows, bag: inout DiagnosticBag) -> [ForecastRow] {
        guard let csv = CSVInput.open(file, required: columns, bag: &bag) else { return [] }
        var indexOfInstant: [Int: Int] = [:]
        for (i, interval) in grid.intervals.enumerated() { indexOfInstant[interval.start] = i }
        let closedDays = Dictionary(grouping: calendar.filter(\.closed), by: \.date)
        func isOpen(_ queue: String, _ k: Int) -> Bool {
            guard let q = queues[queue] else { return true }
            let interval = grid.intervals[k]
            return interval.minuteOfDay >= q.openFromMinute && interval.minuteOfDay < q.openToMinute
                && !(closedDays[interval.date] ?? []).contains { $0.applies(to: queue) }
        }
        var given: [(row: ForecastRow, line: Int)] = []
        var withoutHandleTime: [String: [Int]] = [:]
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
                fail("interval_start", "expected local time such as 2026-03-02T08:15+03:00 or 02.03.2026 08:15, got \"\(stampText)\"")
                valid = false
            }
            if !queueIDs.contains(queue) { fail("queue", "no queue '\(queue)' (defined: \(queueIDs.joined(separator: ", ")))"); valid = false }
            let contacts = csv.number(record, "contacts")
            if contacts == nil || !(contacts!.isFinite && contacts! >= 0) {
                fail("contacts", "expected a number of contacts ≥ 0, got \"\(contactsText)\"")
                valid = false
            }
            var aht: Double?
            if ahtText.isEmpty {
                aht = queues[queue]?.ahtSeconds
                if aht == nil && valid { withoutHandleTime[queue, default: []].append(line) }
            } else {
                aht = csv.number(record, "aht_seconds")
                if aht == nil || !(aht!.isFinite && aht! > 0) {
                    fail("aht_seconds", "expected a handle time in seconds > 0, got \"\(ahtText)\"")
                    valid = false
                }
            }
            guard valid, let interval, let contacts else { continue }
            if let first = seen[queue]?[interval] {
                fail("interval_start", "\(queue) at \(stampText) is given twice (first on line \(first))")
                continue
            }
            seen[queue, default: [:]][interval] = line
            if let aht { given.append((ForecastRow(interval: interval, queueID: queue, contacts: contacts, ahtSeconds: aht), line)) }
        }
        for (queue, lines) in withoutHandleTime.sorted(by: { $0.key < $1.key }) {
            bag.error(file: csv.file, line: lines[0], key: "aht_seconds",
                      "expected a handle time in seconds > 0, got \"\" on \(lines.count) row\(lines.count > 1 ? "s" : "") of queue '\(queue)': give aht_seconds in the file or the queue's aht_seconds in the scenario")
        }
        var rows = given.map(\.row)
        for queue in queueIDs {
            let mine = given.filter { $0.row.queueID == queue }
            if queues[queue]?.channel != .email {
                let dropped = mine.filter { $0.row.contacts > 0 && !isOpen(queue, $0.row.interval) }
                if let first = dropped.first {
                    let total = dropped.reduce(0) { $0 + $1.row.contacts }
                    bag.warning(file: csv.file, line: first.line, key: "contacts",
                                "queue '\(queue)' has \(String(format: "%.1f", total)) contacts on \(dropped.count) row\(dropped.count > 1 ? "s" : "") outside its open hours or on closed days: they are not planned for")
                }
            }
            let present = seen[queue] ?? [:]
            let absent = grid.intervals.indices.filter { present[$0] == nil }
            guard !absent.isEmpty else { continue }
            let open = absent.filter { isOpen(queue, $0) }
            if let first = open.first {
                let gap = "no row for \(open.count) of \(grid.intervals.indices.filter { isOpen(queue, $0) }.count) intervals inside its open hours (first: \(TimeGrid.iso8601(grid.intervals[first])))"
                switch missingRows {
                case .error:
                    bag.error(file: csv.file, key: "queue", "queue '\(queue)' has \(gap); give them, or read them as 0 contacts with forecast: {file: …, missing: zero}")
                    continue
                case .zero:
                    bag.warning(file: csv.file, key: "queue", "queue '\(queue)' has \(gap): read as 0 contacts (missing: zero)")
                }
            }
            let ahts = mine.map(\.row.ahtSeconds)
            guard let aht = queues[queue]?.ahtSeconds ?? (ahts.isEmpty ? nil : ahts.reduce(0, +) / Double(ahts.count)) else {
                if queues[queue] != nil, withoutHandleTime[queue] == nil {
                    bag.error(file: csv.file, key: "queue", "queue '\(queue)' has no row with a handle time and no aht_seconds in the scenario: give one of them")
                }
                continue
            }
            rows += absent.map { ForecastRow(interval: $0, queueID: queue, contacts: 0, ahtSeconds: aht) }
        }
        return rows.sorted { ($0.interval, $0.queueID) < ($1.interval, $1.queueID) }
    }
}
