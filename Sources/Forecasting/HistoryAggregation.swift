import Foundation
import WFMCore

extension HistoryReader {
    /// Sums one queue's sorted rows into plan-interval cells; nil (with errors in `bag`) if a row straddles.
    static func aggregate(_ rows: [Row], queue: String, intervalMinutes m: Int, clock: LocalClock,
                          bag: inout LimitedBag) -> QueueHistory? {
        let step = sourceStepMinutes(rows) ?? m
        if step > m {
            bag.error(kind: "step", line: rows[0].line, key: "interval_start",
                      "queue \(queue): rows are \(step) minutes apart, longer than the \(m)-minute plan interval; they cannot be split exactly (use --interval-minutes \(step) or finer history)")
            return nil
        }
        var straddles = false
        for row in rows where row.minute % m + step > m {
            let start = row.minute - row.minute % m
            bag.error(kind: "straddle", line: row.line, key: "interval_start",
                      "queue \(queue): the \(step)-minute interval starting \(clockText(row.minute)) straddles the plan intervals starting \(clockText(start)) and \(clockText((start + m) % 1440)); history intervals must divide \(m) minutes")
            straddles = true
        }
        if straddles { return nil }

        let firstDay = rows.map(\.dayNumber).min()!
        let lastDay = rows.map(\.dayNumber).max()!
        let slots = 1440 / m
        var history = QueueHistory(queue: queue, firstDate: LocalDate(dayNumber: firstDay),
                                   dayCount: lastDay - firstDay + 1, slotsPerDay: slots)
        var secondOccurrence = Array(repeating: false, count: history.contacts.count)
        var firstOccurrence = secondOccurrence
        for row in rows {
            let day = row.dayNumber - firstDay
            let cell = day * slots + row.minute / m
            history.dayHasRows[day] = true
            history.contacts[cell] += row.contacts
            if let aht = row.aht {
                history.handleSeconds[cell] += row.contacts * aht
                history.contactsWithHandleTime[cell] += row.contacts
            }
            if row.secondOccurrence {
                secondOccurrence[cell] = true
            } else {
                firstOccurrence[cell] = true
            }
        }
        for cell in history.contacts.indices where secondOccurrence[cell] && firstOccurrence[cell] {
            history.contacts[cell] /= 2
            history.handleSeconds[cell] /= 2
            history.contactsWithHandleTime[cell] /= 2
        }
        // Cells of a local hour skipped by a daylight-saving gap did not exist.
        for day in 0..<history.dayCount {
            let date = history.date(ofDay: day)
            guard clock.mayChangeOffset(on: date) else { continue }
            for slot in 0..<slots where clock.instants(of: date, minute: slot * m).isEmpty {
                history.contacts[day * slots + slot] = .nan
            }
        }
        let closed = history.closedWeekdays()
        let missing = (0..<history.dayCount).filter {
            !history.dayHasRows[$0] && !closed.contains(history.date(ofDay: $0).isoWeekday)
        }
        if !missing.isEmpty {
            let listed = missing.prefix(10).map { history.date(ofDay: $0).description }.joined(separator: ", ")
            bag.warning(kind: "missing-days", line: nil, key: "interval_start",
                        "queue \(queue): \(missing.count) day(s) without any row (\(listed)\(missing.count > 10 ? ", …" : "")) are treated as missing: not learned, not scored")
        }
        return history
    }

    /// The most frequent positive gap in minutes between consecutive rows (ties: the smaller); nil for one row.
    static func sourceStepMinutes(_ rows: [Row]) -> Int? {
        var counts: [Int: Int] = [:]
        for (a, b) in zip(rows, rows.dropFirst()) where b.instant > a.instant {
            counts[(b.instant - a.instant) / 60, default: 0] += 1
        }
        return counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
    }
}
