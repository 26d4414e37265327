import Foundation
import GLPKSolver
import Scheduling
import Testing
@testable import Scenario

/// The open-hours scenario in the default dialect and in the Russian-Excel dialect gives a
/// byte-identical shifts.csv for the same seed. The search runs under a move budget with GLPK
/// rounds left out and a generous time limit, so the work, not the clock, ends it even in a loaded
/// debug run (as `aMoveBudgetRepeatsARunExactly`; the scenario's nine agents are above the eight
/// of the clock-capped exact model); the pipeline is the runner's, stage by stage.
@Test func bothDialectsGiveTheSameShiftsFile() throws {
    var shifts: [String] = []
    for dialect in ["default", "ru"] {
        let scenario = try ScenarioLoader.load(path: scenarioPath("open-hours/\(dialect)/open-hours.yaml"))
        let demand = try DemandStage.run(scenario)
        let requirements = RequirementsStage.run(scenario, demand: demand)
        var problem = RosterProblemBuilder.build(scenario, demand: demand, timeLimitSeconds: 120, seed: 5)
        problem.search.maxMoves = 4_000
        problem.search.maxNeighbourhoods = 0
        problem.search.threads = 1
        let result = try RosterScheduler(solver: GLPKSolver()).schedule(problem)
        let roster = try #require(result.roster)
        let service = try #require(result.service)
        #expect(result.statistics.localSearchMoves == 4_000, "the move budget, not the clock, ended the search")
        let (files, _) = RunFiles.render(scenario: scenario, demand: demand, requirements: requirements, result: result, roster: roster,
                                         service: service, simulation: nil, timings: .init(forecastSeconds: 0, staffingSeconds: 0, rosterSeconds: 0))
        shifts.append(try #require(files.first { $0.name == "shifts.csv" }?.contents))
    }
    #expect(shifts[0].split(separator: "\n").count > 30)
    #expect(shifts[0] == shifts[1])
}
