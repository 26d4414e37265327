import Foundation
import GLPKSolver
import Testing
@testable import Scheduling

@Test func collidingRulesAreExplainedAndNoRosterIsReturned() throws {
    var problem = TinyProblems.base(agents: 2, days: 3)
    problem.contracts[0].weekMinutesMin = 1440          // three 8-hour shifts …
    problem.contracts[0].daysOffMin = 1                 // … in three days with one day off
    problem.contracts.append(Contract(id: "ok", weekMinutesMin: 480, weekMinutesMax: 960, daysOffMin: 1, maxConsecutiveDays: 3,
                                      minRestMinutes: 0, maxNightShifts: 3, maxStartSpreadMinutes: 1440, templateIDs: ["s"]))
    problem.agents[1].contractID = "ok"
    let result = try RosterScheduler(solver: GLPKSolver()).schedule(problem)
    #expect(result.status == .infeasible)
    #expect(result.roster == nil)
    #expect(!result.conflicts.isEmpty)
    #expect(result.conflicts.allSatisfy { $0.agentID == "a0" }, "agent a1's contract is satisfiable")
    let moved = Set(result.conflicts.map(\.rule))
    #expect(moved.isSubset(of: [.weekMinutesMin, .minDaysOff]) && !moved.isEmpty)
}

@Test func unavailabilityAgainstTheWeeklyMinimumNamesTheDays() throws {
    var problem = TinyProblems.base(agents: 1, days: 3)
    problem.contracts[0].weekMinutesMin = 1440
    let day = problem.grid.startDate.adding(days: 2)
    problem.availability = [AvailabilityWindow(agentID: "a0", date: day, startMinute: 0, endMinute: 1440, kind: .unavailable)]
    let result = try RosterScheduler(solver: GLPKSolver()).schedule(problem)
    #expect(result.status == .infeasible)
    let conflict = try #require(result.conflicts.first)
    // Cheapest repair: one shift in the unavailable window (1 unit) rather than 8 hours below the minimum.
    #expect(result.conflicts.count == 1)
    #expect(conflict.rule == .unavailable)
    #expect(conflict.dates == [day])
}
