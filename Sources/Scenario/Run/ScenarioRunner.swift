import Foundation
import GLPKSolver
import MIP
import Scheduling
import Simulation
import Staffing
import WFMCore

/// What a run produced: where its files are and the KPIs the command line prints.
public struct RunOutcome: Sendable {
    public var folder: String
    public var summary: RunSummaryOutput
    /// With a published roster: one line per changed shift (`PublishedChangesText`); nil without one.
    public var changedShifts: [String]?
    /// Bounds the scheduler found invalid and dropped (`ScheduleResult.warnings`), one line each.
    public var boundWarnings: [String] = []
}

/// A run that finished without a roster: the hard rules cannot all hold (or no roster was found in
/// time). `explanation` names the colliding rules, agents and days; nothing was written.
public struct RunFailure: Error, Sendable, CustomStringConvertible {
    public var explanation: String
    public var description: String { explanation }
}

/// The pipeline of one scenario run, top to bottom (SPEC.md "The planner's week"):
/// history → forecast → requirements → roster → projected service → files and report.
///
/// Each stage is a module's plain function; this type only wires them and reports progress.
/// Output files are rendered completely, then swapped in as one folder (`OutputFolder`, locked for
/// the whole run), so a rejected, failed or killed run never leaves a partial or mixed folder.
public struct ScenarioRunner: Sendable {
    public var timeLimitSeconds: Double?
    public var seed: Int?
    /// Receives one line per stage and solver progress; nil for `--quiet`.
    public var progress: (@Sendable (String) -> Void)?
    /// Set (by the first interrupt) to end the search early: the best roster so far is written
    /// with solver status `interrupted`.
    public var stop: StopRequest?

    public init(timeLimitSeconds: Double? = nil, seed: Int? = nil, progress: (@Sendable (String) -> Void)? = nil,
                stop: StopRequest? = nil) {
        self.timeLimitSeconds = timeLimitSeconds
        self.seed = seed
        self.progress = progress
        self.stop = stop
    }

    public func run(_ scenario: Scenario, folder: String) throws -> RunOutcome {
        let lock = try OutputFolder.lock(folder)
        defer { lock.release() }
        let clock = ContinuousClock.now
        var mark = clock
        func lap() -> Double {
            let now = ContinuousClock.now
            defer { mark = now }
            return (now - mark).inSeconds
        }

        progress?("forecast: \(describe(scenario.forecast))")
        let demand = try DemandStage.run(scenario)
        let forecastSeconds = lap()

        progress?("requirements: \(scenario.queues.count) queues × \(scenario.grid.intervals.count) intervals")
        let requirements = RequirementsStage.run(scenario, demand: demand)
        let staffingSeconds = lap()

        var problem = RosterProblemBuilder.build(scenario, demand: demand, timeLimitSeconds: timeLimitSeconds, seed: seed)
        problem.search.stop = stop
        progress?("roster: \(problem.agents.count) agents, time limit \(Int(problem.search.timeLimitSeconds)) s")
        let report = progress
        let scheduler = RosterScheduler(solver: GLPKSolver()) { p in
            let incumbent = p.incumbent.map { String(format: "%.1f", $0) } ?? "-"
            let bound = p.bound.map { String(format: "%.1f", $0) } ?? "-"
            let gap = p.gap.map { String(format: "%.2f %%", $0 * 100) } ?? "-"
            report?(String(format: "  %6.1f s  %@: incumbent %@, bound %@, gap %@", p.elapsedSeconds, p.stage, incumbent, bound, gap))
        }
        let replications = scenario.solver.simulationReplications
        var simulation: SimulationResult?
        let result: ScheduleResult
        if replications > 0 && scenario.solver.simulationRounds > 0 {
            (result, _, simulation) = try SimulationFeedback.schedule(problem, rounds: scenario.solver.simulationRounds, scheduler: scheduler) {
                let s = RosterSimulation.run(scenario: scenario, demand: demand, problem: $0, roster: $1, seed: seed)
                progress?(String(format: "simulation round: all queues %.2f %% ± %.2f, paid hours %.1f", s.serviceLevel.mean * 100,
                                 s.serviceLevel.halfWidth95 * 100, Double($1.paidMinutes) / 60))
                return s
            }
        } else {
            result = try scheduler.schedule(problem)
        }
        let rosterSeconds = lap()
        guard let roster = result.roster, let service = result.service else {
            throw RunFailure(explanation: Self.explain(result))
        }
        // The scheduler already ran the checker; a run re-checks independently before writing anything.
        let violations = RuleChecker(problem: problem).violations(of: roster)
        precondition(violations.isEmpty, "scheduler returned a roster breaking hard rules: \(violations.prefix(5))")

        if simulation == nil && replications > 0 {
            simulation = RosterSimulation.run(scenario: scenario, demand: demand, problem: problem, roster: roster, seed: seed)
            progress?(String(format: "simulation: %d replications, all queues %.1f %% ± %.1f answered within threshold (%.1f s)",
                             scenario.solver.simulationReplications, simulation!.serviceLevel.mean * 100,
                             simulation!.serviceLevel.halfWidth95 * 100, lap()))
        }
        let (files, summary) = RunFiles.render(scenario: scenario, demand: demand, requirements: requirements, result: result,
                                    roster: roster, service: service, simulation: simulation, interrupted: stop?.isRequested ?? false,
                                    timings: .init(forecastSeconds: forecastSeconds, staffingSeconds: staffingSeconds,
                                                   rosterSeconds: rosterSeconds))
        try OutputFolder.write(files, to: folder) { staging in try Report.write(runDirectory: staging, limits: contractLimits(scenario)) }
        progress?("wrote \(files.count + 1) files to \(folder)")
        let changes = problem.published.map {
            PublishedChangesText.lines($0.changes(in: roster, problem: problem), zone: problem.grid.timeZone)
        }
        return RunOutcome(folder: folder, summary: summary, changedShifts: changes, boundWarnings: result.warnings)
    }

    func describe(_ source: ForecastSource) -> String {
        switch source {
        case .file(let file, _): return "from \(file.displayName)"
        case .method(let method): return "method \(method) from history"
        }
    }

    /// The planner-facing explanation of a run without a roster.
    static func explain(_ result: ScheduleResult) -> String {
        if !result.conflicts.isEmpty {
            return "the hard rules cannot all be met; they collide here:\n"
                + result.conflicts.map { "  - \($0)" }.joined(separator: "\n")
        }
        if !result.violations.isEmpty {
            return "no roster meeting every hard rule was found in the time limit; the best one breaks:\n"
                + result.violations.prefix(20).map { "  - \($0)" }.joined(separator: "\n")
        }
        return "no roster meeting every hard rule was found within the time limit (\(result.status.rawValue)); "
            + "raise solver.time_limit_seconds or relax the contracts"
    }

    /// The burnout limits of each contract, so the report flags agents at or over them.
    func contractLimits(_ scenario: Scenario) -> [String: ContractLimits] {
        Dictionary(uniqueKeysWithValues: scenario.contracts.map { ($0.id, ContractLimits($0)) })
    }
}
