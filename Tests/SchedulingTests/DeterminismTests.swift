import Foundation
import GLPKSolver
import Testing
@testable import Scheduling

/// The default search is budgeted by work (moves, rounds, GLPK nodes), not by the clock, so the same
/// problem and seed give the same roster when the run finishes within its time limit.
@Test func theDefaultBudgetsRepeatARunExactly() throws {
    let problem = midProblem(timeLimit: 10, maxMoves: .max, neighbourhoods: .max)
    #expect(problem.search.moveBudget == Int(10 * SearchSettings.movesPerSecond))
    let first = try RosterScheduler(solver: GLPKSolver()).schedule(problem)
    let roster = try #require(first.roster)
    #expect(RuleChecker(problem: problem).violations(of: roster).isEmpty)
    #expect(first.statistics.localSearchMoves == problem.search.moveBudget, "the move budget, not the clock, ended the search")
    #expect(first.statistics.neighbourhoodsSolved >= 1)
    let second = try RosterScheduler(solver: GLPKSolver()).schedule(problem)
    #expect(second.roster == roster)
    #expect(second.objective == first.objective)
    #expect(second.statistics.neighbourhoodsImproved == first.statistics.neighbourhoodsImproved)
}
