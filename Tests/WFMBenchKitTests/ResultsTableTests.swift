import CurtoisFormat
import Testing
@testable import WFMBenchKit

/// Gap = (objective − best) / best in percent; unknown numbers are empty fields; a solution file has
/// one `employee,day,shift` row per worked day.
@Test func resultsAndSolutionFiles() throws {
    let instance = try smallInstance()
    let ok = CurtoisResult(instance: "small", status: .feasible, objective: 62, schedulerObjective: 62, bound: 40,
                           bestKnown: 50, seconds: 1.5, violations: [], solution: CurtoisSolution(assignment: smallBase))
    #expect(ok.gapPercent == 24)
    let failed = CurtoisResult(instance: "other", status: .invalid, objective: nil, schedulerObjective: 10, bound: nil,
                               bestKnown: 50, seconds: 2, violations: ["x"], solution: nil)
    #expect(failed.gapPercent == nil)
    #expect(ResultsTable.csv([ok, failed]) == """
        instance,objective,best_known,gap_percent,seconds,status,scheduler_bound
        small,62,50,24.00,1.5,feasible,40.0
        other,,50,,2.0,invalid,

        """)
    let lines = ResultsTable.solutionCSV(CurtoisSolution(assignment: smallBase), of: instance).split(separator: "\n")
    #expect(lines.first == "employee,day,shift")
    #expect(lines.count == 1 + 18)
    #expect(lines[4] == "A,3,L")
    #expect(lines.last == "B,12,E")
}

@Test func bestKnownOfTheSharedFile() throws {
    let best = try BestKnown.read(path: curtoisFolder.appendingPathComponent("best_known.csv").path)
    #expect(best.objectives.count == 24)
    #expect(best.objectives["Instance1"] == 607)
    #expect(best.objectives["Instance24"] == 42463)
}
