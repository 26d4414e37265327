import Foundation
import Testing
import WFMCore
@testable import Scheduling

@Test func validationNamesEveryBrokenReference() {
    var problem = TinyProblems.base(agents: 2, days: 3)
    problem.agents[0].contractID = "nope"
    problem.agents[1].skills = [Skill(queueID: "email")]
    problem.contracts[0].templateIDs.append("ghost")
    problem.availability = [AvailabilityWindow(agentID: "zz", date: problem.grid.startDate.adding(days: 9),
                                               startMinute: 600, endMinute: 500, kind: .unavailable)]
    let messages = problem.diagnostics().map(\.description)
    #expect(messages.contains { $0.contains("agents.a0.contract") && $0.contains("nope") })
    #expect(messages.contains { $0.contains("agents.a1.skills") && $0.contains("email") })
    #expect(messages.contains { $0.contains("contracts.c.shifts") && $0.contains("ghost") })
    #expect(messages.contains { $0.contains("unknown agent 'zz'") })
    #expect(messages.contains { $0.contains("outside the horizon") })
    #expect(messages.contains { $0.contains("start < end") })
    #expect(throws: DiagnosticError.self) { try problem.validate() }
}

@Test func aValidProblemHasNoDiagnostics() throws {
    let problem = TinyProblems.base(agents: 2, days: 3)
    #expect(problem.diagnostics().isEmpty)
    try problem.validate()
}
