import Testing
@testable import Scheduling

/// Starts every 5 minutes give an agent 444 open candidates in the 3-day week, so each step prices
/// a sample (every 4th: `GreedyConstruction.candidatesPerStep`); when the weekly minimum needs two
/// 9-hour shifts (510 paid minutes each, minimum 1,000) a sample can hold no candidate that keeps
/// the minimum reachable. The construction must still complete every agent's week.
@Test(arguments: [1, 2, 3] as [UInt64])
func sampledConstructionStillReachesEveryMinimum(seed: UInt64) {
    var problem = midProblem(seed: seed)
    problem.contracts[0].weekMinutesMin = 1000
    for i in problem.templates.indices { problem.templates[i].startStepMinutes = 5 }
    let context = SchedulingContext(problem: problem)
    let state = RosterState(context: context)
    #expect(GreedyConstruction.run(on: state))
    for a in 0..<context.agentCount {
        #expect(state.shortfall(agent: a) == 0, "agent \(a): \(state.choice[a])")
    }
    #expect(RuleChecker(problem: problem).violations(of: state.roster()).isEmpty)
}
