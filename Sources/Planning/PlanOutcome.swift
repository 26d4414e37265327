/// A capacity plan's weeks and costs for a given set of classes: what plan.csv and summary.json show.
///
/// Computed from the class sizes by the plan's own arithmetic (`CapacityPlan`), never copied from
/// solver variables: overtime and shortfall are the cheapest cover of each week's gap
/// `g_t = max(0, required_t − A_t)`: when overtime is cheaper than shortfall, `o_t = min(g_t,
/// max_share · A_t)` and `u_t = g_t − o_t`; otherwise `o_t = 0`, `u_t = g_t`. For fixed classes this
/// is the optimum of the integer programme's remaining (linear) part.
public struct PlanOutcome: Sendable, Hashable {
    public struct Week: Sendable, Hashable {
        public var requiredFTE: Double
        /// Productive FTE A_t: tenured plus classes' headcount × productivity.
        public var availableFTE: Double
        /// Paid FTE P_t: tenured plus classes' headcount (trainees included).
        public var paidFTE: Double
        public var tenuredFTE: Double
        /// Headcount of classes still in training this week.
        public var inTrainingFTE: Double
        /// Agents of the class starting this week (0 without one).
        public var hiresStarting: Int
        public var overtimeFTE: Double
        public var shortfallFTE: Double
        /// fte_week · P_t + overtime_fte_week · o_t + shortfall_fte_week · u_t + hire · hires_starting.
        public var cost: Double
    }

    /// One class: its start week (0-based) and size in agents.
    public struct Class: Sendable, Hashable {
        public var startWeek: Int
        public var size: Int
        public init(startWeek: Int, size: Int) {
            self.startWeek = startWeek
            self.size = size
        }
    }

    /// The objective split by term, money.
    public struct Costs: Sendable, Hashable {
        public var paid: Double
        public var hiring: Double
        public var overtime: Double
        public var shortfall: Double
        public var total: Double { paid + hiring + overtime + shortfall }
    }

    public var weeks: [Week]
    public var classes: [Class]
    public var costs: Costs

    /// Weeks with a shortfall above 1e-6 FTE.
    public var weeksShort: Int { weeks.filter { $0.shortfallFTE > 1e-6 }.count }

    /// The outcome of `plan` with `classes` (start weeks distinct, sizes > 0).
    public init(plan: CapacityPlan, classes: [Class]) {
        let sizes = Dictionary(uniqueKeysWithValues: classes.map { ($0.startWeek, $0.size) })
        let c = plan.costs
        var weeks: [Week] = []
        var costs = Costs(paid: 0, hiring: 0, overtime: 0, shortfall: 0)
        for t in 0..<plan.weeks {
            let tenured = plan.tenuredFTE(week: t)
            var available = tenured, paid = tenured, training = 0.0
            for cls in classes where cls.startWeek <= t {
                let age = t - cls.startWeek, h = Double(cls.size)
                available += h * plan.productivePerHire(age: age)
                paid += h * plan.headcountPerHire(age: age)
                if age < plan.hiring.trainingWeeks { training += h * plan.headcountPerHire(age: age) }
            }
            let required = plan.requiredFTE[t]
            let gap = max(0, required - available)
            let overtime = c.overtimeFTEWeek < c.shortfallFTEWeek ? min(gap, plan.overtimeMaxShare * available) : 0
            let shortfall = gap - overtime
            let hires = sizes[t] ?? 0
            let week = Week(requiredFTE: required, availableFTE: available, paidFTE: paid, tenuredFTE: tenured,
                            inTrainingFTE: training, hiresStarting: hires, overtimeFTE: overtime, shortfallFTE: shortfall,
                            cost: c.fteWeek * paid + c.overtimeFTEWeek * overtime + c.shortfallFTEWeek * shortfall
                                + c.hire * Double(hires))
            costs.paid += c.fteWeek * paid
            costs.hiring += c.hire * Double(hires)
            costs.overtime += c.overtimeFTEWeek * overtime
            costs.shortfall += c.shortfallFTEWeek * shortfall
            weeks.append(week)
        }
        self.weeks = weeks
        self.classes = classes.sorted { $0.startWeek < $1.startWeek }
        self.costs = costs
    }
}
