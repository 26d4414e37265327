import CurtoisFormat
import Scheduling
import Testing
@testable import WFMBenchKit

/// One broken hard rule planted in the small instance's valid base solution (the other employee keeps
/// its base row), with the rule's name in `CurtoisChecker` and in the scheduler's `RuleChecker`.
struct PlantedViolation: Sendable, CustomTestStringConvertible {
    var employee: Int
    var row: String
    var curtois: String
    var rule: RuleID
    var testDescription: String { curtois }
}

let plantedViolations = [
    PlantedViolation(employee: 0, row: "---EEEE--EEE--", curtois: "day-off", rule: .unavailable),
    PlantedViolation(employee: 0, row: "EELEL--EE--EE-", curtois: "forbidden-succession", rule: .forbiddenSuccession),
    PlantedViolation(employee: 0, row: "ELLLL--EE--EE-", curtois: "max-shifts", rule: .maxTemplateShifts),
    PlantedViolation(employee: 1, row: "EEELL--EE--EE-", curtois: "max-shifts", rule: .allowedTemplates),
    PlantedViolation(employee: 0, row: "EEELL--EE--EEE", curtois: "max-total-minutes", rule: .horizonMinutesMax),
    PlantedViolation(employee: 0, row: "EEELL---------", curtois: "min-total-minutes", rule: .horizonMinutesMin),
    PlantedViolation(employee: 1, row: "EEEEEE--EE----", curtois: "max-consecutive-shifts", rule: .maxConsecutiveDays),
    PlantedViolation(employee: 0, row: "EEELL--E--EEE-", curtois: "min-consecutive-shifts", rule: .minConsecutiveDays),
    PlantedViolation(employee: 0, row: "EEELL--EE-EE--", curtois: "min-consecutive-days-off", rule: .minConsecutiveDaysOff),
    PlantedViolation(employee: 1, row: "--EEEE---EEEE-", curtois: "max-weekends", rule: .maxWeekends),
]

@Test func baseSolutionPassesBothCheckers() throws {
    let instance = try smallInstance()
    let adapter = CurtoisAdapter(instance: instance)
    let base = CurtoisSolution(assignment: smallBase)
    #expect(CurtoisChecker.violations(base, of: instance).isEmpty)
    #expect(RuleChecker(problem: adapter.problem(search: SearchSettings())).violations(of: adapter.roster(base)).isEmpty)
}

/// Both checkers find the planted rule, and nothing else.
@Test(arguments: plantedViolations) func checkersAgreeOnAPlantedViolation(_ planted: PlantedViolation) throws {
    let instance = try smallInstance()
    let adapter = CurtoisAdapter(instance: instance)
    var assignment = smallBase
    assignment[planted.employee] = row(planted.row)
    let solution = CurtoisSolution(assignment: assignment)
    let curtois = CurtoisChecker.violations(solution, of: instance)
    #expect(Set(curtois.map(\.rule)) == [planted.curtois])
    let ours = RuleChecker(problem: adapter.problem(search: SearchSettings())).violations(of: adapter.roster(solution))
    #expect(Set(ours.map(\.rule)) == [planted.rule])
    #expect(Set(ours.map(\.agentID)) == [instance.employees[planted.employee].id])
}
