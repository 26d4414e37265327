import Foundation

/// The words for service figures that are not plain numbers, shared by the run table, `wfm check`
/// and the report so the three say the same thing: an ASA that is unbounded somewhere, and the
/// response-time figures of deferred work (`ServiceFigures`).
public enum ServiceText {
    /// "12.3 s", or "unbounded in 3 intervals (41.2 contacts)" when the queue is unstable somewhere.
    public static func asa(_ seconds: Double?, unstableIntervals: Int, unstableContacts: Double) -> String {
        if let seconds, unstableIntervals == 0 { return String(format: "%.1f s", seconds) }
        return String(format: "unbounded in %d interval%@ (%.1f contacts)", unstableIntervals,
                      unstableIntervals == 1 ? "" : "s", unstableContacts)
    }

    /// "within 4 h" (hours as given, without trailing zeros).
    public static func within(hours: Double) -> String {
        "within " + (hours == hours.rounded() ? String(Int(hours)) : String(format: "%g", hours)) + " h"
    }

    /// "response mean 41.2 min, p90 118.0 min (open time)", or "no item answered" without answers.
    public static func response(meanMinutes: Double?, p90Minutes: Double?) -> String {
        guard let mean = meanMinutes, let p90 = p90Minutes else { return "no item answered" }
        return String(format: "response mean %.1f min, p90 %.1f min (open time)", mean, p90)
    }

    /// "backlog at day end 3.25, 0.00, …" in date order (2 decimals, as summary.json).
    public static func backlog(_ contacts: [Double]) -> String {
        "backlog at day end " + contacts.map { String(format: "%.2f", $0) }.joined(separator: ", ")
    }

    /// The weekly line of one queue, as `wfm check` prints it.
    static func weekly(_ q: ServiceFigures.Queue) -> String {
        if let d = q.deferred {
            return String(format: "%.2f %% of %.1f contacts answered %@", q.serviceLevel * 100, q.countedContacts, within(hours: d.responseHours))
                + String(format: " (%.1f arrived)", q.contacts) + ", " + response(meanMinutes: d.meanResponseMinutes, p90Minutes: d.p90ResponseMinutes)
                + "; " + backlog(d.backlogEndOfDay.map(\.contacts))
        }
        return String(format: "%.2f %% of %.1f contacts answered within threshold, ASA ", q.serviceLevel * 100, q.contacts)
            + asa(q.asaSeconds, unstableIntervals: q.unstableIntervals, unstableContacts: q.unstableContacts)
            + String(format: ", occupancy %.1f %%", (q.occupancy ?? 0) * 100)
    }
}
