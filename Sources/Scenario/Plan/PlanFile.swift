import Foundation
import Planning
import WFMCore

/// A capacity-plan file (`kind: plan`, docs/plan.md) as loaded: the plan's settings, where its
/// weekly demand comes from, and what was read.
public struct PlanFile: Sendable {
    /// Where the required FTE per week comes from.
    public enum Demand: Sendable {
        /// `demand.file`: `week_start,required_fte`, one row per plan week, in plan-week order.
        case weekly(InputFile, requiredFTE: [Double])
        /// `demand.history` with the scenario's keys: forecast, staff and convert to FTE.
        case history(HistoryDemand)
    }

    /// Demand derived from contact history (docs/plan.md, "Demand from history").
    public struct HistoryDemand: Sendable {
        public var timeZone: TimeZone
        public var intervalMinutes: Int
        public var history: [HistoryFile]
        public var queues: [QueueSettings]
        public var shrinkage: MonthlyShrinkage
        public var calendar: [SpecialDay]
        /// `demand.growth_per_year`: the planner's growth of the daily level per year (0.1 = +10 %);
        /// nil: the trend fitted on the history.
        public var growthPerYear: Double?
    }

    /// Shrinkage by calendar month: `by_month[m]` where given, else `default`; each in [0, 1).
    public struct MonthlyShrinkage: Sendable, Hashable {
        public var standard: Double
        public var byMonth: [Int: Double]
        public func value(month: Int) -> Double { byMonth[month] ?? standard }
    }

    public var name: String
    public var file: String
    /// First day of week 0; week k runs the 7 days from start + 7k.
    public var start: LocalDate
    public var weeks: Int
    public var demand: Demand
    /// Paid hours of one FTE per week.
    public var hoursPerFTEWeek: Double
    /// `staff.fte`: tenured productive FTE at the start of week 0.
    public var startFTE: Double
    /// `attrition_per_month`, the monthly leaving rate m (the model uses a = 1 − (1 − m)^(12/52)).
    public var attritionPerMonth: Double
    public var hiring: CapacityPlan.Hiring
    public var overtimeMaxShare: Double
    public var costs: CapacityPlan.Costs
    public var timeLimitSeconds: Double
    public var relativeGap: Double
    public var overrides: [AppliedOverride]
    public var inputFiles: [InputFile]
    public var inputsSHA256: String
    public var warnings: [Diagnostic]

    /// The first day of week `k`.
    public func weekStart(_ k: Int) -> LocalDate { start.adding(days: 7 * k) }

    /// The plan's integer programme input, for the given weekly requirement.
    public func capacityPlan(requiredFTE: [Double]) -> CapacityPlan {
        CapacityPlan(requiredFTE: requiredFTE, startFTE: startFTE,
                     weeklyAttrition: CapacityPlan.weeklyAttrition(monthly: attritionPerMonth), hiring: hiring,
                     overtimeMaxShare: overtimeMaxShare, costs: costs)
    }
}
