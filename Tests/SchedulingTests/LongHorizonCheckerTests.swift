import Foundation
import Testing
import WFMCore
@testable import Scheduling

/// Hand-made rosters on horizons longer than a week that break exactly one long-horizon rule each,
/// beside just-legal variants that must pass. The horizon starts on Friday 2026-03-06: days 1–2 and
/// 8–9 are weekends, day 7 starts the second week.
private func loose(days: Int) -> RosterProblem {
    var p = TinyProblems.base(agents: 1, days: days)
    p.templates.append(ShiftTemplate(id: "late", startEarliestMinute: 960, startLatestMinute: 960, startStepMinutes: 60,
                                     lengthsMinutes: [480], breaks: [], cannotFollow: ["s"]))
    p.contracts[0].templateIDs = ["s", "late"]
    return p
}

/// 8-hour shifts of `agent` on the given horizon days, starting at `hour`.
private func work(_ p: RosterProblem, _ days: [Int], hour: Int = 8, template: String = "s", agent: String = "a0") -> [RosterShift] {
    days.map { d in
        var s = TinyProblems.shift(p, agent: agent, day: d, hour: hour)
        s.templateID = template
        return s
    }
}

private func violations(_ p: RosterProblem, _ shifts: [RosterShift]) -> [RuleViolation] {
    #expect(p.diagnostics().isEmpty)
    return RuleChecker(problem: p).violations(of: Roster(shifts: shifts))
}

private func dates(_ p: RosterProblem, _ days: [Int]) -> [LocalDate] { days.map { p.grid.startDate.adding(days: $0) } }

@Test func everyNewRuleAtItsLoosestPassesAFullRoster() {
    var p = loose(days: 14)
    p.contracts[0].minConsecutiveDays = 14
    p.contracts[0].minConsecutiveDaysOff = 14
    p.contracts[0].maxWeekends = 2
    p.contracts[0].maxShiftsPerTemplate = ["s": 14]
    p.contracts[0].horizonMinutesMin = 14 * 480
    p.contracts[0].horizonMinutesMax = 14 * 480
    #expect(violations(p, work(p, Array(0..<14))).isEmpty)
}

@Test func aShortInnerWorkRunBreaksMinConsecutiveDays() {
    var p = loose(days: 7)
    p.contracts[0].minConsecutiveDays = 2
    let found = violations(p, work(p, [0, 1, 3, 5, 6]))
    #expect(found.map(\.rule) == [.minConsecutiveDays])
    #expect(found.first?.dates == dates(p, [3]))
    // Single working days on the first and last day continue outside the horizon: exempt.
    #expect(violations(p, work(p, [0, 3, 4, 6])).isEmpty)
    // Two short inner runs: one violation each.
    p.contracts[0].minConsecutiveDays = 3
    #expect(violations(p, work(p, [2, 4])).map(\.dates) == [dates(p, [2]), dates(p, [4])])
}

@Test func aShortInnerRestRunBreaksMinConsecutiveDaysOff() {
    var p = loose(days: 7)
    p.contracts[0].minConsecutiveDaysOff = 2
    let found = violations(p, work(p, [0, 1, 3, 4, 5]))
    #expect(found.map(\.rule) == [.minConsecutiveDaysOff])
    #expect(found.first?.dates == dates(p, [2]))
    // A single day off on day 0 (and on day 6) touches the horizon's edge: exempt.
    #expect(violations(p, work(p, [1, 2, 5])).isEmpty)
    #expect(violations(p, work(p, [0, 1, 2, 3, 4, 5])).isEmpty)
}

@Test func maxWeekendsCountsSaturdayAndTheFollowingSundayOnce() {
    var p = loose(days: 14)
    p.contracts[0].maxWeekends = 1
    // Saturday and Sunday of the first weekend: one weekend.
    #expect(violations(p, work(p, [0, 1, 2, 3])).isEmpty)
    // The first weekend's Sunday and the second weekend's Saturday: two.
    let found = violations(p, work(p, [2, 8]))
    #expect(found.map(\.rule) == [.maxWeekends])
    #expect(found.first?.dates == dates(p, [2, 8]))
    // Friday work is no weekend.
    #expect(violations(p, work(p, [0, 7, 8])).isEmpty)
}

/// With `weekend: [fri, sat]` a weekend is a Friday and the Saturday after it; Sunday is a working day.
@Test func maxWeekendsCountsTheCentresWeekend() {
    var p = loose(days: 14)
    p.weekend = Weekend(weekdays: [5, 6])!
    p.contracts[0].maxWeekends = 1
    // Friday and Saturday of the first weekend, and Sundays: one weekend.
    #expect(violations(p, work(p, [0, 1, 2, 9])).isEmpty)
    // Fridays of two weeks: two weekends (under Saturday–Sunday, none).
    let found = violations(p, work(p, [0, 7]))
    #expect(found.map(\.rule) == [.maxWeekends])
    #expect(found.first?.dates == dates(p, [0, 7]))
    // The first Saturday and the second Friday: two.
    #expect(violations(p, work(p, [1, 7])).map(\.rule) == [.maxWeekends])
}

@Test func aSundayOnTheFirstDayIsAWeekendOfItsOwn() {
    var p = loose(days: 7)
    p.grid = TimeGrid(timeZone: TinyProblems.utc, startDate: LocalDate("2026-03-08")!, days: 7, intervalMinutes: 60)
    p.contracts[0].maxWeekends = 1
    #expect(p.grid.startDate.isoWeekday == 7)
    #expect(violations(p, work(p, [0, 6])).map(\.rule) == [.maxWeekends])
    #expect(violations(p, work(p, [0, 5])).isEmpty)
}

@Test func maxTemplateShiftsCountsOverTheHorizon() {
    var p = loose(days: 14)
    p.contracts[0].maxShiftsPerTemplate = ["s": 2, "late": 0]
    #expect(violations(p, work(p, [0, 10])).isEmpty)
    let found = violations(p, work(p, [0, 5, 10]))
    #expect(found.map(\.rule) == [.maxTemplateShifts])
    #expect(found.first?.dates == dates(p, [0, 5, 10]))
    #expect(violations(p, work(p, [0]) + work(p, [3], hour: 16, template: "late")).map(\.rule) == [.maxTemplateShifts])
}

@Test func forbiddenSuccessionOnlyOnTheNextDayAndInTheGivenOrder() {
    let p = loose(days: 7)
    let late = work(p, [2], hour: 16, template: "late")
    let found = violations(p, late + work(p, [3]))
    #expect(found.map(\.rule) == [.forbiddenSuccession])
    #expect(found.first?.dates == dates(p, [2, 3]))
    // Early before late, and late with a day between, are allowed.
    #expect(violations(p, work(p, [1]) + late).isEmpty)
    #expect(violations(p, late + work(p, [4])).isEmpty)
    #expect(violations(p, late + work(p, [3], hour: 16, template: "late")).isEmpty)
}

@Test func horizonMinutesBoundTheWholeHorizon() {
    var p = loose(days: 14)
    p.contracts[0].horizonMinutesMin = 5 * 480
    p.contracts[0].horizonMinutesMax = 6 * 480
    #expect(violations(p, work(p, [0, 2, 4, 8, 10])).isEmpty)
    #expect(violations(p, work(p, [0, 2, 4, 8, 10, 12])).isEmpty)
    #expect(violations(p, work(p, [0, 2, 8, 10])).map(\.rule) == [.horizonMinutesMin])
    #expect(violations(p, work(p, [0, 2, 4, 6, 8, 10, 12])).map(\.rule) == [.horizonMinutesMax])
}

/// On 14 days the weekly rules hold in each week; a roster legal per week may exceed them summed
/// over the horizon (which the single-week reading would have rejected).
@Test func weeklyRulesHoldPerSevenDayBlock() {
    var p = loose(days: 14)
    p.contracts[0].weekMinutesMin = 480
    p.contracts[0].weekMinutesMax = 3 * 480
    p.contracts[0].daysOffMin = 4
    p.contracts[0].maxNightShifts = 1
    p.contracts[0].maxStartSpreadMinutes = 0
    let legal = work(p, [0, 2, 4]) + work(p, [9, 11, 13], hour: 16)
    #expect(violations(p, legal).isEmpty)
    func only(_ shifts: [RosterShift]) -> [RuleID] { violations(p, shifts).map(\.rule) }

    let heavy = violations(p, work(p, [0, 1, 2, 4]) + work(p, [9]))
    #expect(heavy.map(\.rule).sorted { $0.rawValue < $1.rawValue } == [.minDaysOff, .weekMinutesMax])
    #expect(heavy.first { $0.rule == .weekMinutesMax }?.dates == dates(p, Array(0..<7)))
    #expect(heavy.first { $0.rule == .minDaysOff }?.dates == dates(p, [0, 1, 2, 4]))
    let idleSecondWeek = violations(p, work(p, [0, 2, 4]))
    #expect(idleSecondWeek.map(\.rule) == [.weekMinutesMin])
    #expect(idleSecondWeek.first?.dates == dates(p, Array(7..<14)))
    #expect(only(work(p, [0, 2], hour: 0) + work(p, [9], hour: 0)) == [.maxNightShifts])
    #expect(only(work(p, [0], hour: 0) + work(p, [9], hour: 0)).isEmpty)
    #expect(only(work(p, [0]) + work(p, [2], hour: 16) + work(p, [9])) == [.maxStartSpread])
}

/// A short last week owes its share of the weekly minima, ⌊minimum · days / 7⌋: here 3 of 7 days of
/// 480 paid minutes (205) and of 3 days off (1); its maximum is the week's.
@Test func aShortLastWeekOwesItsShareOfTheWeeklyMinima() {
    var p = loose(days: 10)
    p.contracts[0].weekMinutesMin = 480
    p.contracts[0].daysOffMin = 3
    #expect(violations(p, work(p, [0, 9])).isEmpty)
    let found = violations(p, work(p, [0, 6]))
    #expect(found.map(\.rule) == [.weekMinutesMin])
    #expect(found.first?.dates == dates(p, [7, 8, 9]))
    #expect(found.first?.detail == "week 2 (2026-03-13…2026-03-15): 0 paid minutes < minimum 205 (3 of 7 days)")
    // Two of the three days worked leave one off: the share of 3 days off; three worked leave none.
    #expect(violations(p, work(p, [0, 7, 8])).isEmpty)
    #expect(violations(p, work(p, [0, 7, 8, 9])).map(\.rule) == [.minDaysOff])
}

@Test func maxConsecutiveDaysRunsAcrossWeeks() {
    var p = loose(days: 14)
    p.contracts[0].maxConsecutiveDays = 5
    #expect(violations(p, work(p, Array(3..<8))).isEmpty)
    let found = violations(p, work(p, Array(3..<9)))
    #expect(found.map(\.rule) == [.maxConsecutiveDays])
    #expect(found.first?.dates == dates(p, Array(3..<9)))
}

/// Cover targets and requests priced by hand on a two-agent, three-day problem.
@Test func coverAndRequestPenaltiesByHand() {
    var p = loose(days: 3)
    p.agents.append(Agent(id: "a1", name: "Agent 1", contractID: "c", skills: [Skill(queueID: "voice")]))
    let d = { p.grid.startDate.adding(days: $0) }
    p.shiftCover = [
        ShiftCover(date: d(0), templateID: "s", required: 2, underWeight: 10, overWeight: 1),    // 1 on: under by 1 → 10
        ShiftCover(date: d(1), templateID: "s", required: 0, underWeight: 10, overWeight: 3),    // 2 on: over by 2 → 6
        ShiftCover(date: d(1), templateID: "late", required: 1, underWeight: 4, overWeight: 3),  // 0 on: under by 1 → 4
        ShiftCover(date: d(2), templateID: "late", required: 1, underWeight: 4, overWeight: 3),  // 1 on: met
    ]
    p.requests = [
        ShiftRequest(agentID: "a0", date: d(0), templateID: nil, kind: .on, weight: 2),       // works: granted
        ShiftRequest(agentID: "a0", date: d(2), templateID: nil, kind: .on, weight: 5),       // off: 5
        ShiftRequest(agentID: "a1", date: d(1), templateID: "late", kind: .on, weight: 7),    // works s: 7
        ShiftRequest(agentID: "a1", date: d(2), templateID: "s", kind: .off, weight: 11),     // works late: granted
        ShiftRequest(agentID: "a1", date: d(2), templateID: "late", kind: .off, weight: 13),  // works late: 13
        ShiftRequest(agentID: "a0", date: d(1), templateID: nil, kind: .off, weight: 17),     // works: 17
    ]
    #expect(p.diagnostics().isEmpty)
    let roster = Roster(shifts: work(p, [0, 1]) + work(p, [1], agent: "a1") + work(p, [2], hour: 16, template: "late", agent: "a1"))
    #expect(RuleChecker(problem: p).violations(of: roster).isEmpty)
    let service = ProjectedService(roster: roster, problem: p)
    let outcomes = RuleOutcome.outcomes(roster: roster, service: service, violations: [], problem: p)
    func outcome(_ rule: RuleID) -> RuleOutcome? { outcomes.first { $0.rule == rule } }
    #expect(outcome(.coverUnder) == RuleOutcome(rule: .coverUnder, violations: 2, penalty: 14))
    #expect(outcome(.coverOver) == RuleOutcome(rule: .coverOver, violations: 1, penalty: 6))
    #expect(outcome(.shiftOnRequest) == RuleOutcome(rule: .shiftOnRequest, violations: 2, penalty: 12))
    #expect(outcome(.shiftOffRequest) == RuleOutcome(rule: .shiftOffRequest, violations: 2, penalty: 30))
    // The outcomes still sum to the objective: the earlier terms plus 14 + 6 + 12 + 30.
    let total = outcomes.reduce(0) { $0 + $1.penalty }
    #expect(abs(total - (BruteForceRosters.cost(roster, p) + 62)) < 1e-6)
}
