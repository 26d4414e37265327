import Foundation
import Scheduling

/// The "change these N shifts" list `wfm run` prints when re-planning against a published roster:
/// one line per changed agent-day (`PublishedPlan` defines a change), `agent, date: old → new`,
/// each shift as `template HH:MM–HH:MM` in local time, a missing shift as `day off`.
enum PublishedChangesText {
    static func lines(_ changes: [PublishedPlan.Change], zone: TimeZone) -> [String] {
        func clock(_ instant: Int) -> String {
            let local = instant + zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
            let minute = ((local % 86_400) + 86_400) % 86_400 / 60
            return String(format: "%02d:%02d", minute / 60, minute % 60)
        }
        func shift(_ s: RosterShift?) -> String {
            guard let s else { return "day off" }
            return "\(s.templateID) \(clock(s.start))–\(clock(s.end))"
        }
        return changes.map { "\($0.agentID), \($0.date): \(shift($0.old)) → \(shift($0.new))" }
    }
}
