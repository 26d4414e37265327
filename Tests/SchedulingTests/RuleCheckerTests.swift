import Foundation
import Testing
import WFMCore
@testable import Scheduling

/// Hand-made rosters that break one rule each: the checker must name exactly that rule.
private func problemWithBreaks() -> RosterProblem {
    var p = TinyProblems.base(agents: 1, days: 3)
    p.templates[0].breaks = [BreakRule(lengthMinutes: 30, paid: false, earliestAfterMinutes: 120, latestAfterMinutes: 240)]
    p.contracts[0].weekMinutesMin = 900
    p.contracts[0].weekMinutesMax = 900
    p.contracts[0].daysOffMin = 1
    p.contracts[0].maxConsecutiveDays = 1
    p.contracts[0].minRestMinutes = 720
    p.contracts[0].maxNightShifts = 0
    p.contracts[0].maxStartSpreadMinutes = 0
    return p
}

private func shift(_ p: RosterProblem, day: Int, hour: Int, breakAfter: Int = 180) -> RosterShift {
    var s = TinyProblems.shift(p, agent: "a0", day: day, hour: hour)
    s.paidMinutes = 450
    s.breaks = [RosterBreak(start: s.start + breakAfter * 60, end: s.start + breakAfter * 60 + 1800, paid: false)]
    return s
}

@Test func aRosterKeepingEveryRulePasses() {
    let p = problemWithBreaks()
    let roster = Roster(shifts: [shift(p, day: 0, hour: 8), shift(p, day: 2, hour: 8)])
    #expect(RuleChecker(problem: p).violations(of: roster).isEmpty)
}

@Test func eachBrokenRuleIsNamed() {
    let p = problemWithBreaks()
    let checker = RuleChecker(problem: p)
    func rules(_ shifts: [RosterShift]) -> Set<RuleID> { Set(checker.violations(of: Roster(shifts: shifts)).map(\.rule)) }
    let ok = [shift(p, day: 0, hour: 8), shift(p, day: 2, hour: 8)]
    #expect(rules([shift(p, day: 0, hour: 8)]) == [.weekMinutesMin])
    var third = ok + [shift(p, day: 1, hour: 8)]
    #expect(rules(third).isSuperset(of: [.weekMinutesMax, .minDaysOff, .maxConsecutiveDays]))
    #expect(rules([shift(p, day: 0, hour: 8), shift(p, day: 0, hour: 16)]).contains(.oneShiftPerDay))
    #expect(rules([shift(p, day: 0, hour: 8), shift(p, day: 2, hour: 16)]) == [.maxStartSpread])
    #expect(rules([shift(p, day: 0, hour: 0), shift(p, day: 2, hour: 0)]) == [.maxNightShifts])
    #expect(rules([shift(p, day: 0, hour: 8, breakAfter: 300), shift(p, day: 2, hour: 8)]) == [.breakPlacement])
    var unpaidAsPaid = ok
    unpaidAsPaid[0].breaks[0].paid = true
    #expect(rules(unpaidAsPaid) == [.breakPlacement])
    var wrongLength = ok
    wrongLength[0].end -= 3600
    #expect(rules(wrongLength).contains(.shiftShape))
    var offGrid = ok
    offGrid[1].start += 1800
    offGrid[1].end += 1800
    offGrid[1].breaks = offGrid[1].breaks.map { RosterBreak(start: $0.start + 1800, end: $0.end + 1800, paid: false) }
    #expect(rules(offGrid).contains(.shiftShape))
    var foreign = ok
    foreign[0].templateID = "other"
    #expect(rules(foreign).contains(.allowedTemplates))
    third = [shift(p, day: 0, hour: 16), shift(p, day: 2, hour: 16)]
    #expect(rules(third).isEmpty)

    var rest = p
    rest.contracts[0].maxConsecutiveDays = 3
    rest.contracts[0].daysOffMin = 0
    rest.contracts[0].weekMinutesMax = 2000
    rest.contracts[0].maxStartSpreadMinutes = 1440
    let tooSoon = [shift(p, day: 0, hour: 16), shift(p, day: 1, hour: 8)]
    #expect(Set(RuleChecker(problem: rest).violations(of: Roster(shifts: tooSoon)).map(\.rule)) == [.minRestBetweenShifts])

    var blocked = p
    blocked.availability = [AvailabilityWindow(agentID: "a0", date: p.grid.startDate, startMinute: 600, endMinute: 660, kind: .unavailable)]
    #expect(Set(RuleChecker(problem: blocked).violations(of: Roster(shifts: ok)).map(\.rule)) == [.unavailable])
}

@Test func carryInCountsForRestAndConsecutiveDays() {
    var p = problemWithBreaks()
    let before = p.grid.startDate.adding(days: -1)
    let lateStart = TimeGrid.instant(of: before, minute: 16 * 60, in: TinyProblems.utc)
    p.carryIn = [CarryInShift(agentID: "a0", date: before, start: lateStart, end: lateStart + 8 * 3600)]
    let roster = Roster(shifts: [shift(p, day: 0, hour: 8), shift(p, day: 2, hour: 8)])
    let violations = RuleChecker(problem: p).violations(of: roster)
    #expect(Set(violations.map(\.rule)) == [.minRestBetweenShifts, .maxConsecutiveDays])
    #expect(violations.first { $0.rule == .minRestBetweenShifts }?.dates == [before, p.grid.startDate])
}
