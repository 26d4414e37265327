import MIP

/// The integer programme of a capacity plan (docs/plan.md, "The model"), as a `MIP.Model`.
///
/// Variables, for each start week s ∈ [lead_weeks, weeks): `h_s` (integer class size, 0…max) and
/// `y_s` (binary, a class starts); for each week t: `o_t` (overtime FTE ≥ 0) and `u_t` (shortfall
/// FTE ≥ 0). Rows:
/// - `class-min[s]`: h_s − min · y_s ≥ 0 and `class-max[s]`: h_s − max · y_s ≤ 0 (h_s = 0 or min ≤ h_s ≤ max);
/// - `class-spacing[t]`: Σ_{s ∈ [t, t + W)} y_s ≤ 1, W = min_weeks_between_classes (when W > 1);
/// - `overtime-cap[t]`: o_t − max_share · Σ_s p̂(t − s) h_s ≤ max_share · tenured_t;
/// - `cover[t]`: u_t + o_t + Σ_s p̂(t − s) h_s ≥ required_t − tenured_t,
/// where p̂(k) is the productive FTE per hire k weeks after the start (`CapacityPlan.productivePerHire`).
/// Objective: Σ_t fte_week · P_t + overtime · o_t + shortfall · u_t + hire · Σ_s h_s, with P_t's
/// tenured part as the constant offset and its class part folded into each h_s's cost:
/// hire + fte_week · Σ_{t ≥ s} ĥ(t − s), ĥ the headcount per hire.
public struct PlanProgramme: Sendable {
    public var model: Model
    /// Per start week of `CapacityPlan.startWeeks`: its class size and class-start variables.
    public var classSize: [Int: Model.Var]
    public var classStarts: [Int: Model.Var]
    /// Per week: its overtime and shortfall variables.
    public var overtime: [Model.Var] = []
    public var shortfall: [Model.Var] = []

    public init(_ plan: CapacityPlan) {
        let c = plan.costs, hiring = plan.hiring
        let tenured = (0..<plan.weeks).map(plan.tenuredFTE)
        var model = Model(sense: .minimize, objectiveOffset: c.fteWeek * tenured.reduce(0, +))
        var size: [Int: Model.Var] = [:], start: [Int: Model.Var] = [:]
        var overtime: [Model.Var] = [], shortfall: [Model.Var] = []
        for s in plan.startWeeks {
            let paidWeeks = (s..<plan.weeks).reduce(0.0) { $0 + plan.headcountPerHire(age: $1 - s) }
            let h = model.addVariable("class-size[\(s)]", lower: 0, upper: Double(hiring.maxSize),
                                      cost: c.hire + c.fteWeek * paidWeeks, integer: true)
            let y = model.addBinary("class-start[\(s)]")
            model.addRow("class-min[\(s)]", [.init(h, 1), .init(y, -Double(hiring.minSize))], lower: 0)
            model.addRow("class-max[\(s)]", [.init(h, 1), .init(y, -Double(hiring.maxSize))], upper: 0)
            size[s] = h
            start[s] = y
        }
        let window = hiring.minWeeksBetweenClasses
        if window > 1 {
            for t in plan.startWeeks {
                let terms = (t..<min(t + window, plan.weeks)).compactMap { start[$0] }.map { Model.Term($0, 1) }
                if terms.count > 1 { model.addRow("class-spacing[\(t)]", terms, upper: 1) }
            }
        }
        for t in 0..<plan.weeks {
            let o = model.addVariable("overtime[\(t)]", cost: c.overtimeFTEWeek)
            let u = model.addVariable("shortfall[\(t)]", cost: c.shortfallFTEWeek)
            overtime.append(o)
            shortfall.append(u)
            let productive = size.compactMap { s, h -> Model.Term? in
                let p = plan.productivePerHire(age: t - s)
                return p > 0 ? Model.Term(h, p) : nil
            }.sorted { $0.variable < $1.variable }
            model.addRow("overtime-cap[\(t)]", [.init(o, 1)] + productive.map { .init($0.variable, -plan.overtimeMaxShare * $0.coefficient) },
                         upper: plan.overtimeMaxShare * tenured[t])
            model.addRow("cover[\(t)]", [.init(u, 1), .init(o, 1)] + productive, lower: plan.requiredFTE[t] - tenured[t])
        }
        self.model = model
        self.classSize = size
        self.classStarts = start
        self.overtime = overtime
        self.shortfall = shortfall
    }

    /// The classes of a solution: every start week whose size rounds to a positive integer.
    public func classes(in solution: Solution) -> [PlanOutcome.Class] {
        classSize.compactMap { s, h in
            let n = Int(solution.value(h).rounded())
            return n > 0 ? PlanOutcome.Class(startWeek: s, size: n) : nil
        }.sorted { $0.startWeek < $1.startWeek }
    }
}
