import Forecasting
import Foundation
import Scheduling
import Simulation
import Staffing
import WFMCore

/// Renders every file of a finished run (SPEC.md "Files a run writes") from the stages' results;
/// `interrupted`: the search was stopped by an interrupt (solver status `interrupted`).
/// Coverage and agent indicators come from `ProjectedService`, i.e. recomputed from the roster by the
/// staffing maths, never copied from solver variables; every service figure from `ServiceFigures`.
enum RunFiles {
    static func render(scenario: Scenario, demand: PlanDemand, requirements: [[IntervalRequirement]],
                       result: ScheduleResult, roster: Roster, service: ProjectedService, simulation: SimulationResult?,
                       interrupted: Bool = false,
                       timings: RunSummaryOutput.Timings) -> (files: [(name: String, contents: String)], summary: RunSummaryOutput) {
        let grid = scenario.grid
        let stamps = grid.intervals.map { RunTimestamp(instant: $0.start, in: grid.timeZone) }
        func stamp(_ instant: Int) -> RunTimestamp { RunTimestamp(instant: instant, in: grid.timeZone) }

        var requirementRows: [RequirementRow] = []
        for k in grid.intervals.indices {
            for (q, queue) in demand.queues.enumerated() {
                let r = requirements[q][k]
                requirementRows.append(RequirementRow(intervalStart: stamps[k], queue: queue.id, contacts: queue.contacts[k],
                                                      ahtSeconds: queue.ahtSeconds[k], requiredAgents: Double(r.requiredAgents),
                                                      requiredWithShrinkage: Double(r.requiredWithShrinkage)))
            }
        }
        let queueIndex = Dictionary(uniqueKeysWithValues: demand.queues.enumerated().map { ($1.id, $0) })
        let figures = ServiceFigures(service: service, demand: demand, scenario: scenario)
        let coverageRows = figures.cells.map { cell -> CoverageRow in
            let q = queueIndex[cell.queueID]!
            return CoverageRow(intervalStart: stamps[cell.interval], queue: cell.queueID,
                               contacts: cell.contacts, ahtSeconds: cell.ahtSeconds,
                               requiredAgents: Double(requirements[q][cell.interval].requiredAgents),
                               scheduledAgents: cell.scheduledAgents, serviceLevel: cell.serviceLevel,
                               asaSeconds: cell.asaSeconds, occupancy: cell.occupancy,
                               simulatedServiceLevel: simulation?.cells[cell.interval * demand.queues.count + q].serviceLevel)
        }
        let shifts = roster.shifts.sorted { ($0.agentID, $0.start) < ($1.agentID, $1.start) }
        let shiftRows = shifts.map {
            ShiftRow(agentID: $0.agentID, date: $0.date, shiftID: $0.templateID, start: stamp($0.start), end: stamp($0.end),
                     paidMinutes: $0.paidMinutes)
        }
        let breakRows = shifts.flatMap { shift in
            shift.breaks.map { BreakRow(agentID: shift.agentID, start: stamp($0.start), end: stamp($0.end), paid: $0.paid) }
        }
        // Weekly rules' indicators in the agent's worst 7-day block, the others over the horizon (docs/outputs.md).
        let weeks = HorizonWeeks(first: grid.startDate, days: grid.days)
        let shiftRowsByAgent = Dictionary(grouping: shiftRows, by: \.agentID)
        let agentRows = service.agents.map {
            let worst = weeks.worstWeek(of: shiftRowsByAgent[$0.agentID] ?? [])
            return AgentRow(agentID: $0.agentID, contract: $0.contractID, paidMinutes: $0.paidMinutes, daysWorked: $0.daysWorked,
                            maxConsecutiveDays: $0.maxConsecutiveDays, minRestMinutes: $0.minRestMinutes, nightShifts: worst.nightShifts,
                            startSpreadMinutes: worst.startSpreadMinutes, prefsMet: $0.prefsMet, prefsTotal: $0.prefsTotal)
        }
        let understaffed = Dictionary(grouping: coverageRows.filter(\.isUnderstaffed), by: \.queue).mapValues(\.count)
        let bounds = ServiceBoundShares(figures: figures, bound: result.serviceBound, problemQueueIDs: service.queues.map(\.queueID))
        var summary = RunSummaryOutput(
            scenario: scenario.name, timezone: scenario.timeZone.identifier, inputsSHA256: scenario.inputsSHA256,
            overrides: scenario.overrides,
            queues: figures.queues.map {
                RunSummaryOutput.QueueKPI($0, understaffedIntervals: understaffed[$0.queueID] ?? 0,
                                          simulated: simulation.map { [q = queueIndex[$0.queueID]!] in RunSummaryOutput.SimulatedKPI($0.queues[q]) },
                                          serviceBound: bounds.perQueue[$0.queueID] ?? nil)
            },
            paidHours: service.paidHours, agentsUsed: Set(roster.shifts.map(\.agentID)).count,
            solver: .init(status: interrupted ? "interrupted" : result.status.rawValue, objective: result.objective, bound: result.bound, gap: result.gap,
                          seconds: result.seconds, serviceBound: bounds.overall),
            rules: result.rules.map { .init(id: $0.rule.rawValue, kind: $0.isHard ? .hard : .soft, violations: $0.violations, penalty: $0.penalty) },
            timings: timings)
        summary.weekend = scenario.weekend
        let files = [
            ("forecast.csv", demand.forecast(grid: grid).csv()),
            ("requirements.csv", Exporters.requirementsCSV(requirementRows)),
            ("shifts.csv", Exporters.shiftsCSV(shiftRows)),
            ("breaks.csv", Exporters.breaksCSV(breakRows)),
            ("coverage.csv", Exporters.coverageCSV(coverageRows)),
            ("agents.csv", Exporters.agentsCSV(agentRows)),
            ("summary.json", Exporters.summaryJSON(summary)),
        ]
        return (files, summary)
    }
}
