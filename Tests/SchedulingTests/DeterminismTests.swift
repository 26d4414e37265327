import Foundation
import GLPKSolver
import Testing
@testable import Scheduling

/// The default search is budgeted by work (moves, rounds, GLPK nodes), not by the clock, so the same
/// problem and seed give the same roster when the run finishes within its time limit. GLPK rounds are
/// left out here: under a fully parallel test run their 2 s safety cap can cut them (the node-limited
/// exact model is repeated end to end by `twoRunsWithTheSameSeedWriteTheSameFiles`).
@Test func theDefaultMoveBudgetRepeatsARunExactly() throws {
    let problem = midProblem(timeLimit: 10, maxMoves: .max, neighbourhoods: 0)
    let budget = problem.search.budget(for: problem)
    #expect(budget.moves == Int(10 * SearchSettings.movesPerSecond))
    let first = try RosterScheduler(solver: GLPKSolver()).schedule(problem)
    let roster = try #require(first.roster)
    #expect(RuleChecker(problem: problem).violations(of: roster).isEmpty)
    #expect(first.statistics.localSearchMoves == budget.moves * problem.search.threads,
            "the move budget of every chain, not the clock, ended the search")
    let second = try RosterScheduler(solver: GLPKSolver()).schedule(problem)
    #expect(second.roster == roster)
    #expect(second.objective == first.objective)
}
