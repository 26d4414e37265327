import Forecasting
import Foundation
import Staffing
import WFMCore

/// Required productive FTE per plan week: given (`demand.file`), or from history (docs/plan.md):
/// 1. `Forecaster.longRange` forecasts every queue's interval contacts over the plan's weeks (trend,
///    yearly seasonality with two years of history, weekday × interval profile, the calendar);
/// 2. each queue's staffing model gives the agents required per interval (`Requirements`, the same
///    Erlang C / A, chat and deferred-email maths as `wfm run`, one plan week at a time as `wfm run`
///    staffs its week), closed outside its `open:` hours;
/// 3. required FTE of week w = Σ_{intervals i of w, queues} agents_i · hours_i / (1 − shrinkage(month_i))
///    / hours_per_fte_week, shrinkage taken in the month of the interval's local date.
enum PlanDemandStage {
    struct Weekly: Sendable {
        var requiredFTE: [Double]
        /// Per queue (from history only): its forecast contacts over the plan and the yearly growth of its trend.
        var queues: [(id: String, contacts: Double, growthPerYear: Double, yearlySeasonality: Bool)]
    }

    static func run(_ plan: PlanFile) throws -> Weekly {
        switch plan.demand {
        case .weekly(_, let required):
            return Weekly(requiredFTE: required, queues: [])
        case .history(let demand):
            return try fromHistory(demand, plan: plan)
        }
    }

    static func fromHistory(_ demand: PlanFile.HistoryDemand, plan: PlanFile) throws -> Weekly {
        let grid = TimeGrid(timeZone: demand.timeZone, startDate: plan.start, days: 7 * plan.weeks, intervalMinutes: demand.intervalMinutes)
        let calendar = DemandStage.specialDays(demand.calendar)
        let history = try DemandStage.history(demand.history, intervalMinutes: demand.intervalMinutes, timeZone: demand.timeZone,
                                              singleQueue: demand.queues[0].id)
        let forecasts = try Forecaster.longRange(
            history: history, start: plan.start, days: grid.days, specialDays: calendar,
            ahtSeconds: Dictionary(uniqueKeysWithValues: demand.queues.compactMap { q in q.ahtSeconds.map { (q.id, $0) } }),
            growthPerYear: demand.growthPerYear, file: demand.history.map(\.file.displayName).joined(separator: ", "))
        let byQueue = Dictionary(uniqueKeysWithValues: forecasts.map { ($0.queue, $0) })
        let intervalHours = Double(demand.intervalMinutes) / 60
        var required = Array(repeating: 0.0, count: plan.weeks)
        var summaries: [(id: String, contacts: Double, growthPerYear: Double, yearlySeasonality: Bool)] = []
        let weekOf = grid.intervals.map { ($0.date.dayNumber - plan.start.dayNumber) / 7 }
        let weekRanges = (0..<plan.weeks).map { w in
            (weekOf.firstIndex(of: w) ?? 0)..<((weekOf.lastIndex(of: w) ?? -1) + 1)
        }
        var bag = DiagnosticBag()
        for q in demand.queues {
            guard let forecast = byQueue[q.id] else {
                bag.error(file: plan.file, key: "demand.queues.\(q.id)", "the history has no rows for this queue")
                continue
            }
            let isOpen = DemandStage.openMask(q, grid: grid, calendar: calendar)
            var contacts = forecast.contacts.map { $0 * q.volumeFactor }
            if q.channel != .email { for k in contacts.indices where !isOpen[k] { contacts[k] = 0 } }
            let aht = forecast.ahtSeconds.map { $0 + q.ahtDeltaSeconds }
            if let bad = aht.firstIndex(where: { $0 <= 0 }) {
                bag.error(file: plan.file, key: "demand.queues.\(q.id).aht_delta_seconds",
                          "makes the handle time \(aht[bad]) s at \(TimeGrid.iso8601(grid.intervals[bad])): it must stay > 0")
                continue
            }
            // Week by week, as `wfm run` staffs its one week: deferred work (email) is profiled
            // within the week (Staffing/DeferredWork.swift, O(J²) per critical window).
            for (week, range) in weekRanges.enumerated() {
                let intervals = range.map { IntervalDemand(contacts: contacts[$0], ahtSeconds: aht[$0], isOpen: isOpen[$0]) }
                let agents = Requirements.compute(staffing: RequirementsStage.staffing(q, shrinkage: 0), demand: intervals,
                                                  intervalSeconds: Double(demand.intervalMinutes * 60))
                for (k, requirement) in zip(range, agents) {
                    let shrinkage = demand.shrinkage.value(month: grid.intervals[k].date.month)
                    required[week] += Double(requirement.requiredAgents) * intervalHours / (1 - shrinkage) / plan.hoursPerFTEWeek
                }
            }
            summaries.append((q.id, contacts.reduce(0, +), forecast.growthPerYear, forecast.yearlySeasonality))
        }
        try bag.throwIfErrors()
        return Weekly(requiredFTE: required, queues: summaries)
    }
}
