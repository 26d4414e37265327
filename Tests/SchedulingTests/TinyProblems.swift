import Foundation
import WFMCore
@testable import Scheduling

/// Small problems whose every roster can be enumerated: 1-hour intervals, one queue, one template
/// with two starts (08:00, 16:00) of 8 hours, a contract loose enough that each test tightens one rule.
enum TinyProblems {
    static let utc = TimeZone(identifier: "UTC")!

    static func base(agents: Int, days: Int, contactsPerHour: Double = 6) -> RosterProblem {
        let grid = TimeGrid(timeZone: utc, startDate: LocalDate("2026-03-02")!, days: days, intervalMinutes: 60)
        let n = grid.intervals.count
        let contacts = grid.intervals.map { i in (8..<24).contains(i.minuteOfDay / 60) ? contactsPerHour : 0 }
        let queue = QueueDemand(id: "voice", contacts: contacts, ahtSeconds: Array(repeating: 600, count: n),
                                thresholdSeconds: 20, serviceLevelTarget: 0.8)
        let template = ShiftTemplate(id: "s", startEarliestMinute: 480, startLatestMinute: 960, startStepMinutes: 480,
                                     lengthsMinutes: [480], breaks: [])
        let contract = Contract(id: "c", weekMinutesMin: 0, weekMinutesMax: 10_000, daysOffMin: 0, maxConsecutiveDays: days,
                                minRestMinutes: 0, maxNightShifts: days, maxStartSpreadMinutes: 1440, templateIDs: ["s"])
        let list = (0..<agents).map { Agent(id: "a\($0)", name: "Agent \($0)", contractID: "c", skills: [Skill(queueID: "voice")]) }
        return RosterProblem(grid: grid, queues: [queue], templates: [template], contracts: [contract], agents: list,
                             search: SearchSettings(timeLimitSeconds: 5, seed: 1, maxMoves: 20_000))
    }
}
