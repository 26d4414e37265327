import Foundation
import WFMCore
@testable import Scheduling

/// Small problems whose every roster can be enumerated: 1-hour intervals, one queue with contacts
/// around the clock, one template with three 8-hour starts (00:00 night, 08:00, 16:00) and no breaks,
/// no shrinkage (so capacities are whole agents and the MIP is exact), and a contract loose enough
/// that each test tightens one rule.
enum TinyProblems {
    static let utc = TimeZone(identifier: "UTC")!
    static let start = LocalDate("2026-03-06")!   // a Friday: days 1 and 2 are the weekend

    static func base(agents: Int = 2, days: Int = 3, contactsPerHour: Double = 9) -> RosterProblem {
        let grid = TimeGrid(timeZone: utc, startDate: start, days: days, intervalMinutes: 60)
        let n = grid.intervals.count
        let contacts = grid.intervals.map { i in contactsPerHour * ((8..<20).contains(i.minuteOfDay / 60) ? 2 : 1) }
        let queue = QueueDemand(id: "voice", contacts: contacts, ahtSeconds: Array(repeating: 600, count: n),
                                thresholdSeconds: 20, serviceLevelTarget: 0.5)
        let template = ShiftTemplate(id: "s", startEarliestMinute: 0, startLatestMinute: 960, startStepMinutes: 480,
                                     lengthsMinutes: [480], breaks: [])
        let contract = Contract(id: "c", weekMinutesMin: 0, weekMinutesMax: 10_000, daysOffMin: 0, maxConsecutiveDays: days,
                                minRestMinutes: 0, maxNightShifts: days, maxStartSpreadMinutes: 1440, templateIDs: ["s"])
        let list = (0..<agents).map { Agent(id: "a\($0)", name: "Agent \($0)", contractID: "c", skills: [Skill(queueID: "voice")]) }
        var weights = ScheduleWeights()
        weights.paidHour = 0.5
        return RosterProblem(grid: grid, queues: [queue], templates: [template], contracts: [contract], agents: list,
                             weights: weights, search: SearchSettings(timeLimitSeconds: 20, seed: 7, maxMoves: 30_000))
    }

    /// A shift of template "s" for an agent on horizon day `day` starting at `hour`.
    static func shift(_ problem: RosterProblem, agent: String, day: Int, hour: Int) -> RosterShift {
        let date = problem.grid.startDate.adding(days: day)
        let s = TimeGrid.instant(of: date, minute: hour * 60, in: utc)
        return RosterShift(agentID: agent, date: date, templateID: "s", start: s, end: s + 8 * 3600, paidMinutes: 480, breaks: [])
    }
}

/// Every roster of a tiny problem: each agent-day off or one of its template's options
/// (availability ignored, so the checker must reject what breaks it).
enum BruteForceRosters {
    static func all(_ problem: RosterProblem) -> [Roster] {
        let context = SchedulingContext(problem: problem)
        let slots = (0..<problem.agents.count).flatMap { a in (0..<problem.grid.days).map { (a, $0) } }
        var rosters: [Roster] = []
        var pick = Array(repeating: -1, count: slots.count)
        func recurse(_ i: Int) {
            if i == slots.count {
                var shifts: [RosterShift] = []
                for (k, (a, _)) in slots.enumerated() where pick[k] >= 0 {
                    let o = context.catalog.options[pick[k]]
                    shifts.append(RosterShift(agentID: problem.agents[a].id, date: o.date, templateID: o.templateID, start: o.start,
                                              end: o.end, paidMinutes: o.paidMinutes, breaks: []))
                }
                rosters.append(Roster(shifts: shifts))
                return
            }
            let (a, d) = slots[i]
            for o in [-1] + context.catalog.templateAllowed[a][d] {
                pick[i] = o
                recurse(i + 1)
            }
        }
        recurse(0)
        return rosters
    }

    /// The objective of a roster recomputed from its projected service, paid hours, preferences and
    /// night/weekend counts (no skill levels in tiny problems).
    static func cost(_ roster: Roster, _ problem: RosterProblem) -> Double {
        let service = ProjectedService(roster: roster, problem: problem)
        let k = ObjectiveCoefficients(mode: problem.objective, weights: problem.weights)
        let w = problem.weights
        var total = k.unanswered * (problem.queues.reduce(0) { $0 + $1.volume } - service.answeredWithinThreshold)
        for (q, queue) in problem.queues.enumerated() {
            total += k.shortfall * max(0, queue.serviceLevelTarget * queue.volume - service.queues[q].answeredWithinThreshold)
        }
        total += k.paidHour * service.paidHours
        for window in problem.availability where window.kind != .unavailable {
            let r = window.absoluteRange(in: problem.grid.timeZone)
            let shifts = roster.shifts(of: window.agentID)
            let met = window.kind == .preferOff ? !shifts.contains { $0.start < r.upperBound && r.lowerBound < $0.end }
                                                : shifts.contains { $0.start <= r.lowerBound && r.upperBound <= $0.end }
            if !met { total += window.kind == .preferOff ? w.preferOff : w.preferOn }
        }
        total += w.fairNights * Double(service.agents.map(\.nightShifts).max() ?? 0)
        let weekends = problem.agents.map { a in roster.shifts(of: a.id).filter { problem.weekend.weekdays.contains($0.date.isoWeekday) }.count }
        total += w.fairWeekends * Double(weekends.max() ?? 0)
        if let plan = problem.published { total += plan.changePenalty * Double(plan.changes(in: roster, problem: problem).count) }
        return total
    }

    /// The best rule-abiding roster's cost and how many rosters abide by the rules.
    static func optimum(_ problem: RosterProblem) -> (cost: Double, feasible: Int) {
        let checker = RuleChecker(problem: problem)
        var best = Double.infinity, feasible = 0
        for roster in all(problem) where checker.violations(of: roster).isEmpty {
            feasible += 1
            best = min(best, cost(roster, problem))
        }
        return (best, feasible)
    }
}
