import Foundation
import GLPKSolver
import Testing
@testable import Scheduling

/// Each objective mode (and the soft rules) on the tiny problem, against brute force.
@Test func balanceWithPreferencesMatchesBruteForce() throws {
    var problem = TinyProblems.base()
    let day1 = problem.grid.startDate.adding(days: 1)
    problem.availability = [AvailabilityWindow(agentID: "a0", date: day1, startMinute: 0, endMinute: 1440, kind: .preferOff),
                            AvailabilityWindow(agentID: "a1", date: day1, startMinute: 600, endMinute: 720, kind: .preferOn)]
    problem.weights.preferOff = 40
    problem.weights.preferOn = 40
    let truth = BruteForceRosters.optimum(problem)
    try expectOptimal(problem, truth: truth.cost)
    let roster = try #require(try RosterScheduler(solver: GLPKSolver()).schedule(problem).roster)
    let service = ProjectedService(roster: roster, problem: problem)
    #expect(service.agents.map(\.prefsMet) == [1, 1], "preferences this expensive are granted")
}

@Test func minCostMeetsTheWeeklyTargetAtLeastPaidHours() throws {
    var problem = TinyProblems.base(agents: 3, days: 2, contactsPerHour: 3)
    problem.objective = .minCost
    problem.queues[0].serviceLevelTarget = 0.3
    let truth = BruteForceRosters.optimum(problem)
    try expectOptimal(problem, truth: truth.cost)
    let result = try RosterScheduler(solver: GLPKSolver()).schedule(problem)
    let service = try #require(result.service)
    #expect(service.queues[0].serviceLevel >= 0.3 - 1e-9)
    // Everyone working every day is 48 h; the cheapest roster meeting the target (brute force above) needs fewer.
    #expect(service.paidHours < 48)
}

@Test func maxServiceUsesEveryHourTheContractsAllow() throws {
    var problem = TinyProblems.base()
    problem.objective = .maxService
    problem.weights.fairNights = 0
    problem.weights.fairWeekends = 0
    let truth = BruteForceRosters.optimum(problem)
    try expectOptimal(problem, truth: truth.cost)
    let result = try RosterScheduler(solver: GLPKSolver()).schedule(problem)
    #expect(result.roster?.shifts.count == 6, "paid hours are free, so every agent works every day")
}
