import Foundation

extension RunComparison {
    /// Plan runs (`wfm plan`) side by side: cost by term, hires and classes, weeks short, the
    /// simple rule's cost on the same inputs, solver status and gap.
    public init(plans: [PlanRunSummary]) {
        precondition(!plans.isEmpty, "RunComparison needs at least one plan")
        let names = plans.map(\.name)
        labels = Set(names).count == names.count ? names : plans.map(\.path)
        var rows: [Row] = []
        func add(_ metric: String, _ unit: String, _ decimals: Int, _ value: (PlanRunSummary) -> Value) {
            rows.append(Row(metric: metric, unit: unit, decimals: decimals, values: plans.map(value)))
        }
        add("weeks", "", 0) { .number(Double($0.weeks)) }
        add("cost, total", "", 0) { .number($0.cost.total) }
        add("cost, paid FTE", "", 0) { .number($0.cost.paid) }
        add("cost, hiring", "", 0) { .number($0.cost.hiring) }
        add("cost, overtime", "", 0) { .number($0.cost.overtime) }
        add("cost, shortfall", "", 0) { .number($0.cost.shortfall) }
        add("hires", "", 0) { .number(Double($0.hires)) }
        add("classes", "", 0) { .number(Double($0.classes.count)) }
        add("first class, week", "", 0) { $0.classes.first.map { .number(Double($0.startWeek)) } ?? .missing }
        add("weeks short", "", 0) { .number(Double($0.weeksShort)) }
        add("shortfall", "FTE-weeks", 1) { .number($0.shortfallFTEWeeks) }
        add("simple rule, cost total", "", 0) { .number($0.ruleCost.total) }
        add("solver status", "", 0) { .text($0.solver.status) }
        add("solver gap", "%", 2) { $0.solver.gap.map { .number($0 * 100) } ?? .missing }
        self.rows = rows
    }
}
