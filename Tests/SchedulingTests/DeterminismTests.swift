import Foundation
import GLPKSolver
import Testing
@testable import Scheduling

/// The default search is budgeted by work (construction evaluations, moves, rounds, GLPK nodes), not
/// by the clock, so the same problem, seed and thread count give the same roster when the run
/// finishes within its time limit. GLPK rounds are left out here: under a fully parallel test run
/// their 2 s safety cap can cut them (the node-limited exact model is repeated end to end by
/// `twoRunsWithTheSameSeedWriteTheSameFiles`).
@Test func theDefaultMoveBudgetFollowsTheTimeLimit() {
    let problem = midProblem(timeLimit: 10, maxMoves: .max, neighbourhoods: 0)
    #expect(problem.search.budget(for: problem).moves == Int(10 * SearchSettings.movesPerSecond))
    // Above `movesPerSecondAgents` agents the rate falls as agents^−0.8 (a move costs time per agent on shift).
    var large = problem
    large.agents = (0..<240).map { Agent(id: "x\($0)", name: "X", contractID: "ft", skills: problem.agents[$0 % 10].skills) }
    #expect(large.search.budget(for: large).moves == Int(10 * (SearchSettings.movesPerSecond * pow(SearchSettings.movesPerSecondAgents / 240, 0.8))))
}

@Test(arguments: [1, 2])
func aMoveBudgetRepeatsARunExactly(threads: Int) throws {
    // A generous time limit, so the moves (not the clock) end every chain even in a loaded debug run.
    var problem = midProblem(timeLimit: 120, maxMoves: 6_000, neighbourhoods: 0)
    problem.search.threads = threads
    let first = try RosterScheduler(solver: GLPKSolver()).schedule(problem)
    let roster = try #require(first.roster)
    #expect(RuleChecker(problem: problem).violations(of: roster).isEmpty)
    #expect(first.statistics.localSearchMoves == 6_000 * threads, "the move budget of every chain, not the clock, ended the search")
    let second = try RosterScheduler(solver: GLPKSolver()).schedule(problem)
    #expect(second.roster == roster)
    #expect(second.objective == first.objective)
}
