import Foundation
import GLPKSolver
import Testing
@testable import Scheduling

@Test func neighbourhoodsImproveAGreedyWeekExactlyAndKeepEveryRule() throws {
    let problem = midProblem()
    let context = SchedulingContext(problem: problem)
    let state = RosterState(context: context)
    GreedyConstruction.run(on: state)
    let greedy = state.cost
    var rng = SplitMix64(seed: 5)
    var lns = NeighbourhoodSearch(solver: GLPKSolver())
    lns.patience = 1000
    lns.roundSeconds = 30   // a cap only: the node limit ends each solve, so a busy machine cannot change the outcome
    lns.maxNodes = 100
    let result = lns.run(on: state, deadline: .now + .seconds(120), rng: &rng, maxRounds: 3)
    #expect(result.rounds == 3)
    #expect(result.improved > 0)
    #expect(state.cost < greedy - 1e-6)
    // The cached cost equals the cost rebuilt from scratch for the decoded roster.
    let roster = state.roster()
    #expect(RuleChecker(problem: problem).violations(of: roster).isEmpty)
    let rebuilt = RosterState(context: context)
    rebuilt.load(choice: state.choice, breaks: state.breakStarts)
    #expect(abs(rebuilt.cost - state.cost) < 1e-6)
}
