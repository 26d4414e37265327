import Forecasting
import Foundation
import Scheduling
import Staffing
import WFMCore

/// Renders every file of a finished run (SPEC.md "Files a run writes") from the stages' results.
/// Coverage and agent indicators come from `ProjectedService`, i.e. recomputed from the roster by the
/// staffing maths, never copied from solver variables.
enum RunFiles {
    static func render(scenario: Scenario, demand: PlanDemand, requirements: [[IntervalRequirement]],
                       result: ScheduleResult, roster: Roster, service: ProjectedService,
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
        let coverageRows = service.cells.map { cell -> CoverageRow in
            let q = queueIndex[cell.queueID]!
            return CoverageRow(intervalStart: stamps[cell.interval], queue: cell.queueID,
                               contacts: demand.queues[q].contacts[cell.interval], ahtSeconds: cell.ahtSeconds,
                               requiredAgents: Double(requirements[q][cell.interval].requiredAgents),
                               scheduledAgents: cell.scheduledAgents, serviceLevel: cell.serviceLevel,
                               asaSeconds: cell.asaSeconds, occupancy: cell.occupancy)
        }
        let shifts = roster.shifts.sorted { ($0.agentID, $0.start) < ($1.agentID, $1.start) }
        let shiftRows = shifts.map {
            ShiftRow(agentID: $0.agentID, date: $0.date, shiftID: $0.templateID, start: stamp($0.start), end: stamp($0.end),
                     paidMinutes: $0.paidMinutes)
        }
        let breakRows = shifts.flatMap { shift in
            shift.breaks.map { BreakRow(agentID: shift.agentID, start: stamp($0.start), end: stamp($0.end), paid: $0.paid) }
        }
        let agentRows = service.agents.map {
            AgentRow(agentID: $0.agentID, contract: $0.contractID, paidMinutes: $0.paidMinutes, daysWorked: $0.daysWorked,
                     maxConsecutiveDays: $0.maxConsecutiveDays, minRestMinutes: $0.minRestMinutes, nightShifts: $0.nightShifts,
                     startSpreadMinutes: $0.startSpreadMinutes, prefsMet: $0.prefsMet, prefsTotal: $0.prefsTotal)
        }
        let understaffed = Dictionary(grouping: coverageRows.filter(\.isUnderstaffed), by: \.queue).mapValues(\.count)
        // The scheduler's bounds are in contacts, problem queue order (that of `service.queues`).
        let queueBound = Dictionary(zip(service.queues.map(\.queueID), result.serviceBound?.perQueue ?? []), uniquingKeysWith: { a, _ in a })
        func serviceShare(_ answered: Double?, of contacts: Double) -> Double? {
            answered.map { contacts > 0 ? min(1, $0 / contacts) : 1 }
        }
        let summary = RunSummaryOutput(
            scenario: scenario.name, timezone: scenario.timeZone.identifier, inputsSHA256: scenario.inputsSHA256,
            overrides: scenario.overrides,
            queues: service.queues.map {
                .init(queueID: $0.queueID, contacts: demand.queues[queueIndex[$0.queueID]!].contacts.reduce(0, +),
                      serviceLevel: $0.serviceLevel, asaSeconds: $0.asaSeconds, occupancy: $0.occupancy,
                      understaffedIntervals: understaffed[$0.queueID] ?? 0,
                      serviceBound: serviceShare(queueBound[$0.queueID] ?? nil, of: $0.contacts))
            },
            paidHours: service.paidHours, agentsUsed: Set(roster.shifts.map(\.agentID)).count,
            solver: .init(status: result.status.rawValue, objective: result.objective, bound: result.bound, gap: result.gap,
                          seconds: result.seconds,
                          serviceBound: serviceShare(result.serviceBound?.answered, of: service.queues.reduce(0) { $0 + $1.contacts })),
            rules: result.rules.map { .init(id: $0.rule.rawValue, kind: $0.isHard ? .hard : .soft, violations: $0.violations, penalty: $0.penalty) },
            timings: timings)
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
