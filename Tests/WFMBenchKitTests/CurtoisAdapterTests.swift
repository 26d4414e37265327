import CurtoisFormat
import Foundation
import Scheduling
import Testing
import WFMCore
@testable import WFMBenchKit

/// Instance1 (14 days, 8 employees with identical rules, one shift type D of 480 min; counts read off
/// the file): every part lands where docs/curtois.md says.
@Test func instance1MapsToTheExpectedProblem() throws {
    let problem = CurtoisAdapter(instance: try benchmarkInstance(1)).problem(search: SearchSettings(timeLimitSeconds: 1))
    #expect(problem.diagnostics().isEmpty)
    #expect(problem.grid.startDate.isoWeekday == 1)
    #expect(problem.grid.days == 14)
    #expect(problem.grid.intervals.count == 14 * 24)
    #expect(problem.queues.isEmpty)
    #expect(problem.agents.map(\.id) == ["A", "B", "C", "D", "E", "F", "G", "H"])
    #expect(problem.templates.count == 1)
    let d = try #require(problem.templates.first)
    #expect(d.id == "D" && d.lengthsMinutes == [480] && d.breaks.isEmpty && d.cannotFollow.isEmpty)
    #expect(d.startEarliestMinute == 480 && d.startLatestMinute == 480)
    // Identical employees share one contract: A,D=14,4320,3360,5,2,2,1.
    #expect(problem.contracts.count == 1)
    let c = try #require(problem.contracts.first)
    #expect(c.templateIDs == ["D"] && c.maxShiftsPerTemplate == ["D": 14])
    #expect(c.horizonMinutesMin == 3360 && c.horizonMinutesMax == 4320)
    #expect(c.maxConsecutiveDays == 5 && c.minConsecutiveDays == 2 && c.minConsecutiveDaysOff == 2 && c.maxWeekends == 1)
    #expect(c.weekMinutesMin == 0 && c.daysOffMin == 0 && c.minRestMinutes == 0)
    // 14 cover rows requiring 71 in all; 21 on-requests weighing 37, 5 off-requests weighing 11.
    #expect(problem.shiftCover.count == 14)
    #expect(problem.shiftCover.reduce(0) { $0 + $1.required } == 71)
    #expect(problem.shiftCover.allSatisfy { $0.underWeight == 100 && $0.overWeight == 1 })
    let on = problem.requests.filter { $0.kind == .on }, off = problem.requests.filter { $0.kind == .off }
    #expect(on.count == 21 && on.reduce(0) { $0 + $1.weight } == 37)
    #expect(off.count == 5 && off.reduce(0) { $0 + $1.weight } == 11)
    // One hard day off per employee, each the whole day: B's is day 5, Saturday 2024-01-06.
    #expect(problem.availability.count == 8)
    #expect(problem.availability.allSatisfy { $0.kind == .unavailable && $0.startMinute == 0 && $0.endMinute == 1440 })
    #expect(problem.availability.contains { $0.agentID == "B" && $0.date == LocalDate(year: 2024, month: 1, day: 6) })
    #expect(problem.objective == .maxService)
}

/// Cannot-follow lists, per-template maxima and forbidden templates of a multi-shift instance.
@Test func shiftTypesAndMaximaMap() throws {
    let problem = CurtoisAdapter(instance: try smallInstance()).problem(search: SearchSettings())
    #expect(problem.diagnostics().isEmpty)
    #expect(problem.templates.map(\.cannotFollow) == [[], ["E"]])
    #expect(problem.contracts.count == 2)
    let b = try #require(problem.contract(of: problem.agents[1]))
    #expect(b.templateIDs == ["E"] && b.maxShiftsPerTemplate == ["E": 14])
}

/// Solution → roster → solution is the identity, on Instance1 with an irregular pattern and on the
/// small two-shift instance; roster shifts start at 08:00 UTC of their date and last the shift's length.
@Test func solutionRoundTripsThroughARoster() throws {
    let instance = try benchmarkInstance(1)
    let adapter = CurtoisAdapter(instance: instance)
    let solution = CurtoisSolution(assignment: (0..<8).map { e in (0..<14).map { d in (d * 3 + e) % 5 < 3 ? "D" : nil } })
    let roster = adapter.roster(solution)
    #expect(roster.shifts.count == solution.assignment.joined().compactMap { $0 }.count)
    #expect(adapter.solution(roster) == solution)
    #expect(roster.shifts.allSatisfy { $0.end - $0.start == 480 * 60 && $0.paidMinutes == 480 })
    #expect(roster.shifts.allSatisfy { $0.start == $0.date.dayNumber * 86_400 + 8 * 3600 })

    let small = CurtoisAdapter(instance: try smallInstance())
    let base = CurtoisSolution(assignment: smallBase)
    #expect(small.solution(small.roster(base)) == base)
}

/// The benchmark objective of the small instance's base solution, by hand (62), and the scheduler's
/// own pricing of the same roster: the sum of its rule penalties equals it.
@Test func schedulerPricesARosterAsTheBenchmark() throws {
    let instance = try smallInstance()
    let adapter = CurtoisAdapter(instance: instance)
    let base = CurtoisSolution(assignment: smallBase)
    #expect(CurtoisChecker.objective(base, of: instance) == smallBaseObjective)
    let problem = adapter.problem(search: SearchSettings())
    let roster = adapter.roster(base)
    let outcomes = RuleOutcome.outcomes(roster: roster, service: ProjectedService(roster: roster, problem: problem),
                                        violations: [], problem: problem)
    #expect(outcomes.reduce(0) { $0 + $1.penalty } == Double(smallBaseObjective))
}
