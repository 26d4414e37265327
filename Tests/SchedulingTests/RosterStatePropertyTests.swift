import Foundation
import PropertyBased
import Testing
@testable import Scheduling

/// Random sequences of moves on `midProblem` (two queues, shared skills, breaks, shrinkage,
/// preferences): each step changes one or two agent-days to a random allowed option or a day off,
/// then commits or discards. After every step `RosterState`'s incremental cost equals the cost of a
/// fresh state loaded with the same roster, an evaluated delta equals the committed change of cost,
/// and a rule-abiding roster's cost equals its rule penalties recomputed from the roster
/// (`RuleOutcome`, `ProjectedService`).
@Test func randomMovesKeepTheIncrementalCostEqualToARebuild() async {
    let problem = midProblem()
    let context = SchedulingContext(problem: problem)
    let n = context.agentCount, days = context.days
    await propertyCheck(count: 12, input: Gen.int(in: 0...Int(Int32.max)).array(of: 1...25)) { steps in
        let state = RosterState(context: context)
        for x in steps {
            let a = x % n, d = (x / n) % days
            let allowed = context.catalog.allowed[a][d]
            let pick = (x / (n * days)) % (allowed.count + 1)
            var changes = [RosterState.Change(agent: a, day: d, option: pick < allowed.count ? allowed[pick] : -1, breaks: nil)]
            if (x / 7) % 3 == 0 {
                // A second agent on the same day (a swap-like move over two agents).
                let b = (a + 1) % n
                let other = context.catalog.allowed[b][d]
                changes.append(.init(agent: b, day: d, option: other.isEmpty ? -1 : other[(x / 11) % other.count], breaks: nil))
            }
            let before = state.cost
            guard let delta = state.evaluate(changes) else { continue }
            if (x / 13) % 4 == 0 {
                state.discard()
                #expect(abs(state.cost - before) < 1e-9 * max(1, abs(before)), "a discarded move leaves the cost")
            } else {
                state.commit()
                #expect(abs(state.cost - (before + delta)) < 1e-6 * max(1, abs(before)), "the delta is the change of cost")
            }
            let rebuilt = RosterState(context: context)
            rebuilt.load(choice: state.choice, breaks: state.breakStarts)
            #expect(abs(state.cost - rebuilt.cost) < 1e-6 * max(1, abs(state.cost)), "incremental \(state.cost), rebuilt \(rebuilt.cost)")
        }
        guard state.totalDeficit == 0 else { return }
        let roster = state.roster()
        let outcomes = RuleOutcome.outcomes(roster: roster, service: ProjectedService(roster: roster, context: context),
                                            violations: [], problem: problem)
        let recomputed = outcomes.reduce(0) { $0 + $1.penalty }
        #expect(abs(state.cost - recomputed) < 1e-6 * max(1, abs(recomputed)), "state \(state.cost), from the roster \(recomputed)")
    }
}
