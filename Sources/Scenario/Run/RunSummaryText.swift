import Foundation

/// The compact summary `wfm run` prints: per-queue weekly KPIs, paid hours, solver outcome, folder.
public enum RunSummaryText {
    /// Changed shifts listed in full; longer lists end with a count of the rest.
    static let shownChanges = 30

    public static func text(_ outcome: RunOutcome) -> String {
        let s = outcome.summary
        var lines = ["scenario \(s.scenario): roster written to \(outcome.folder)"]
        lines.append("queue        SL      ASA    occupancy  understaffed intervals  simulated SL (95 %)")
        var notes: [String] = []
        for q in s.queues {
            let name = q.queueID.padding(toLength: max(10, q.queueID.count), withPad: " ", startingAt: 0)
            // ASA and occupancy: "–" where they do not apply (deferred work) or are unbounded (noted below).
            let asa = q.asaSeconds.flatMap { q.unstableIntervals == 0 ? String(format: "%6.1f s", $0) : nil }
                ?? (q.deferred == nil ? "    ∞ s" : "      –")
            let occupancy = q.occupancy.map { String(format: "%5.1f %%", $0 * 100) } ?? "    –  "
            let understaffed = "\(q.understaffedIntervals)"
            let simulated = q.simulated.map {
                understaffed.padding(toLength: 22, withPad: " ", startingAt: 0)
                    + String(format: "  %5.1f ± %.1f %%", $0.serviceLevel * 100, $0.ci95 * 100)
            } ?? understaffed
            lines.append(name + String(format: " %5.1f %%  ", q.serviceLevel * 100) + asa + "  " + occupancy + "    " + simulated)
            if let d = q.deferred {
                notes.append("  \(q.queueID): SL = answered \(ServiceText.within(hours: d.responseHours)), "
                             + ServiceText.response(meanMinutes: d.meanResponseMinutes, p90Minutes: d.p90ResponseMinutes)
                             + "; " + ServiceText.backlog(d.backlogEndOfDay.map(\.contacts)))
            } else if q.unstableIntervals > 0 {
                notes.append("  \(q.queueID): ASA " + ServiceText.asa(q.asaSeconds, unstableIntervals: q.unstableIntervals,
                                                                    unstableContacts: q.unstableContacts)
                             + " (capacity ≤ offered load there)")
            }
        }
        lines += notes
        let gap = s.solver.gap.map { String(format: "%.2f %%", $0 * 100) } ?? "n/a"
        lines.append(String(format: "paid hours %.1f, agents used %d", s.paidHours, s.agentsUsed))
        lines.append("solver \(s.solver.status), gap \(gap), \(String(format: "%.1f", s.solver.seconds)) s")
        if let line = serviceBoundLine(s) { lines.append(line) }
        lines += outcome.boundWarnings.map { "warning: \($0)" }
        let paid = s.rules.filter { $0.kind == .soft && $0.penalty > 0 }
        if !paid.isEmpty {
            lines.append("soft rules paid: " + paid.map { String(format: "%@ %.1f (%d)", $0.id as NSString, $0.penalty, $0.violations) }.joined(separator: ", "))
        }
        if let changes = outcome.changedShifts {
            lines.append("change these \(changes.count) shifts against the published roster (agent, date: old → new)" + (changes.isEmpty ? "" : ":"))
            lines += changes.prefix(shownChanges).map { "  " + $0 }
            if changes.count > shownChanges { lines.append("  … and \(changes.count - shownChanges) more") }
        }
        return lines.joined(separator: "\n")
    }

    /// "service 86.4 %, no roster can exceed 88.1 % (voice ≤ 90.2 %, chat ≤ 85.0 %)": the achieved
    /// share of all contacts answered within threshold beside `solver.service_bound`; nil without a bound.
    static func serviceBoundLine(_ s: RunSummaryOutput) -> String? {
        guard let bound = s.solver.serviceBound else { return nil }
        let contacts = s.queues.reduce(0) { $0 + $1.contacts }
        let achieved = contacts > 0 ? s.queues.reduce(0) { $0 + $1.serviceLevel * $1.contacts } / contacts : 1
        return serviceBoundLine(achieved: achieved, bound: bound, perQueue: s.queues.compactMap { q in q.serviceBound.map { (q.queueID, $0) } })
    }

    /// The same line from its numbers (shares in [0, 1]), for the report's header too.
    static func serviceBoundLine(achieved: Double, bound: Double, perQueue: [(id: String, bound: Double)]) -> String {
        let queues = perQueue.map { String(format: "%@ ≤ %.1f %%", $0.id as NSString, $0.bound * 100) }
        return String(format: "service %.1f %%, no roster can exceed %.1f %%", achieved * 100, bound * 100)
            + (queues.isEmpty ? "" : " (" + queues.joined(separator: ", ") + ")")
    }
}
