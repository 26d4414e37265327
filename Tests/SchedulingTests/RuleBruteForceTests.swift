import Foundation
import GLPKSolver
import MIP
import Testing
import WFMCore
@testable import Scheduling

/// Each hard rule alone on a 2-agent × 3-day problem: the optimum over every enumerated roster that
/// the independent checker accepts must equal (a) the cost of the scheduler's roster and (b) the
/// optimum of the MIP formulation solved by GLPK; and the rule must bind (cost above the loose optimum).
struct RuleCase: CustomTestStringConvertible, Sendable {
    var name: String
    /// Applied to both the loose and the tight problem (so the rule has something to bind).
    var prepare: @Sendable (inout RosterProblem) -> Void = { _ in }
    var tighten: @Sendable (inout RosterProblem) -> Void
    var testDescription: String { name }
}

let ruleCases: [RuleCase] = [
    RuleCase(name: "week-minutes-min", prepare: { $0.weights.paidHour = 10 }) { $0.contracts[0].weekMinutesMin = 1440 },
    RuleCase(name: "week-minutes-max") { $0.contracts[0].weekMinutesMax = 480 },
    RuleCase(name: "min-days-off") { $0.contracts[0].daysOffMin = 2 },
    RuleCase(name: "max-consecutive-days") { $0.contracts[0].maxConsecutiveDays = 1 },
    RuleCase(name: "min-rest-between-shifts") { $0.contracts[0].minRestMinutes = 1200 },
    RuleCase(name: "max-night-shifts") { $0.contracts[0].maxNightShifts = 0 },
    RuleCase(name: "max-start-spread", prepare: { p in
        p.availability = [AvailabilityWindow(agentID: "a0", date: p.grid.startDate.adding(days: 1), startMinute: 0, endMinute: 480, kind: .unavailable)]
    }) { $0.contracts[0].maxStartSpreadMinutes = 0 },
    RuleCase(name: "unavailable") { p in
        p.availability = [AvailabilityWindow(agentID: "a0", date: p.grid.startDate.adding(days: 1), startMinute: 0, endMinute: 1440, kind: .unavailable),
                          AvailabilityWindow(agentID: "a1", date: p.grid.startDate, startMinute: 300, endMinute: 1440, kind: .unavailable)]
    },
    RuleCase(name: "carry-in rest and consecutive days") { p in
        p.contracts[0].minRestMinutes = 660
        p.contracts[0].maxConsecutiveDays = 2
        let before = p.grid.startDate.adding(days: -1)
        let lateStart = TimeGrid.instant(of: before, minute: 16 * 60, in: TinyProblems.utc)
        let twoBefore = p.grid.startDate.adding(days: -2)
        p.carryIn = [CarryInShift(agentID: "a0", date: before, start: lateStart, end: lateStart + 8 * 3600),
                     CarryInShift(agentID: "a1", date: before, start: lateStart - 8 * 3600, end: lateStart),
                     CarryInShift(agentID: "a1", date: twoBefore, start: lateStart - 32 * 3600, end: lateStart - 24 * 3600)]
    },
]

@Test(arguments: ruleCases)
func ruleMatchesBruteForce(_ rule: RuleCase) throws {
    var loose = TinyProblems.base()
    rule.prepare(&loose)
    var problem = loose
    rule.tighten(&problem)
    let truth = BruteForceRosters.optimum(problem)
    let looseTruth = BruteForceRosters.optimum(loose)
    #expect(truth.feasible > 0)
    #expect(truth.cost > looseTruth.cost + 1e-6, "the rule does not bind: \(truth.cost) vs \(looseTruth.cost)")

    try expectOptimal(problem, truth: truth.cost)
}

/// `fair-weekends` counts the centre's weekend: contacts only on the first day (a Friday) cost weekend
/// days under `weekend: [fri, sat]` and none under Saturday–Sunday; the scheduler and the MIP reach the
/// brute-force optimum of each.
@Test func fairWeekendsFollowsTheCentresWeekend() throws {
    var truths: [Double] = []
    for weekdays in [[6, 7], [5, 6]] {
        var problem = TinyProblems.base()
        problem.queues[0].contacts = problem.grid.intervals.map { $0.date == problem.grid.startDate ? 9 : 0 }
        problem.weights.fairWeekends = 5
        problem.weekend = try #require(Weekend(weekdays: Set(weekdays)))
        let truth = BruteForceRosters.optimum(problem)
        try expectOptimal(problem, truth: truth.cost)
        truths.append(truth.cost)
    }
    #expect(truths[1] > truths[0] + 1e-6, "\(truths)")
}

/// The scheduler's roster passes the checker and costs the brute-force optimum; its bound is valid;
/// the full MIP solved by GLPK has the same optimum.
func expectOptimal(_ problem: RosterProblem, truth: Double) throws {
    let result = try RosterScheduler(solver: GLPKSolver()).schedule(problem)
    let roster = try #require(result.roster)
    #expect(RuleChecker(problem: problem).violations(of: roster).isEmpty)
    #expect(abs(BruteForceRosters.cost(roster, problem) - truth) < 1e-6, "scheduler \(BruteForceRosters.cost(roster, problem)) vs brute force \(truth)")
    #expect(abs(result.objective - truth) < 1e-6)
    #expect(result.bound <= truth + 1e-6)

    let context = SchedulingContext(problem: problem)
    let formulation = RosterFormulation(context: context, free: Array(0..<problem.agents.count))
    let mip = try GLPKSolver().solve(formulation.model, options: SolveOptions(timeLimitSeconds: 20, relativeGap: 0))
    #expect(mip.status == .optimal)
    #expect(abs(mip.objective - truth) < 1e-6, "MIP \(mip.objective) vs brute force \(truth)")
}
