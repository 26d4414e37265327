import Foundation
import Testing
import WFMCore
@testable import Scheduling

/// `RuleOutcome` figures against a hand computation on one agent, one day and one queue
/// (`TinyProblems`: 1-hour intervals, 600-s handle time, 20-s threshold, target 50 %, no shrinkage).
/// Contacts: 1 an hour, 2 an hour from 08:00 to 20:00, 36 in all; the agent works 08:00–16:00 (8
/// intervals of 2 contacts). One agent is an M/M/1 queue: offered load A = 2 · 600 / 3600 = 1/3,
/// P(wait) = A, service level 1 − A · exp(−(1 − A) · 20 / 600).
private let load = 2.0 * 600 / 3600
private let oneAgentLevel = 1 - load * exp(-(1 - load) * 20 / 600)
private let answeredByHand = 8 * 2 * oneAgentLevel

private func outcomes(mode: ObjectiveMode, skillLevel: Int = 1) -> (outcomes: [RuleID: RuleOutcome], problem: RosterProblem) {
    var problem = TinyProblems.base(agents: 1, days: 1, contactsPerHour: 1)
    problem.objective = mode
    problem.weights.secondarySkill = 0.25
    problem.agents[0].skills = [Skill(queueID: "voice", level: skillLevel)]
    let roster = Roster(shifts: [TinyProblems.shift(problem, agent: "a0", day: 0, hour: 8)])
    let service = ProjectedService(roster: roster, problem: problem)
    let list = RuleOutcome.outcomes(roster: roster, service: service, violations: [], problem: problem)
    return (Dictionary(uniqueKeysWithValues: list.map { ($0.rule, $0) }), problem)
}

@Test func unansweredContactsAreTheContactsLessTheAnsweredByHand() throws {
    let (rules, problem) = outcomes(mode: .balance)
    let unanswered = try #require(rules[.unansweredContacts])
    #expect(abs(unanswered.penalty - problem.weights.unansweredContact * (36 - answeredByHand)) < 1e-9)
    // Below the 50 % target: the 16 intervals nobody works (the agent's 8 reach `oneAgentLevel`, 0.67).
    #expect(oneAgentLevel > 0.5)
    #expect(unanswered.violations == 16)
}

@Test func serviceTargetIsTheWeeklyShortfallByHand() throws {
    let (rules, problem) = outcomes(mode: .minCost)
    let target = try #require(rules[.serviceTarget])
    // 50 % of 36 contacts within threshold is the target; the agent answers `answeredByHand` (10.7).
    #expect(abs(target.penalty - problem.weights.serviceShortfall * (18 - answeredByHand)) < 1e-9)
    #expect(target.violations == 1)
    let unanswered = try #require(rules[.unansweredContacts])
    #expect(abs(unanswered.penalty - 1e-3 * (36 - answeredByHand)) < 1e-9, "min-cost prices an unanswered contact at 10⁻³")
    #expect(try #require(outcomes(mode: .balance).outcomes[.serviceTarget]).penalty == 0, "priced in min-cost only")
}

@Test func secondarySkillIsTheLevelWeightedAgentIntervalsByHand() throws {
    // Level 3: 8 agent-intervals on the skill, weighted by 3 − 1.
    let secondary = try #require(outcomes(mode: .balance, skillLevel: 3).outcomes[.secondarySkill])
    #expect(secondary.violations == 16)
    #expect(abs(secondary.penalty - 0.25 * 16) < 1e-9)
    let primary = try #require(outcomes(mode: .balance, skillLevel: 1).outcomes[.secondarySkill])
    #expect(primary.violations == 0 && primary.penalty == 0)
}

@Test func hardRuleOutcomesCountTheCheckersViolations() throws {
    // Two shifts on one day break one-shift-per-day (and the rest between them); each hard rule's
    // outcome counts the checker's violations of that rule, at no penalty.
    let problem = TinyProblems.base(agents: 1, days: 1, contactsPerHour: 1)
    let roster = Roster(shifts: [TinyProblems.shift(problem, agent: "a0", day: 0, hour: 0),
                                 TinyProblems.shift(problem, agent: "a0", day: 0, hour: 8)])
    let violations = RuleChecker(problem: problem).violations(of: roster)
    #expect(violations.contains { $0.rule == .oneShiftPerDay })
    let list = RuleOutcome.outcomes(roster: roster, service: ProjectedService(roster: roster, problem: problem),
                                    violations: violations, problem: problem)
    for outcome in list where outcome.isHard {
        #expect(outcome.violations == violations.filter { $0.rule == outcome.rule }.count, "\(outcome.rule)")
        #expect(outcome.penalty == 0)
    }
    #expect(list.first { $0.rule == .oneShiftPerDay }!.violations > 0)
}
