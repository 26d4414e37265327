import Foundation

/// The input of a long-term capacity plan (docs/plan.md): weekly demand in FTE, the staff at the
/// start, attrition, hiring classes with training and ramp-up, overtime and the costs. Plain data;
/// every rate is per week and every FTE is a full-time equivalent of `hours_per_fte_week` paid hours.
public struct CapacityPlan: Sendable, Hashable {
    /// How classes of new hires may be opened.
    public struct Hiring: Sendable, Hashable {
        /// No class may start before week `leadWeeks` (weeks are 0-based).
        public var leadWeeks: Int
        /// Weeks of paid, unproductive training after a class starts.
        public var trainingWeeks: Int
        /// Productivity in the weeks after training, each in [0, 1]; 1 after the ramp.
        public var ramp: [Double]
        /// Share of a class lost at the end of training, in [0, 1).
        public var graduationLoss: Double
        /// Size of an opened class, agents: `minSize ≤ h ≤ maxSize`, or no class (h = 0).
        public var minSize: Int
        public var maxSize: Int
        /// At most one class starts in any this many consecutive weeks (≥ 1).
        public var minWeeksBetweenClasses: Int

        public init(leadWeeks: Int, trainingWeeks: Int, ramp: [Double], graduationLoss: Double, minSize: Int, maxSize: Int,
                    minWeeksBetweenClasses: Int) {
            precondition(leadWeeks >= 0 && trainingWeeks >= 0, "lead and training weeks must be ≥ 0, got \(leadWeeks), \(trainingWeeks)")
            precondition(ramp.allSatisfy { $0 >= 0 && $0 <= 1 }, "ramp productivities must be in [0, 1], got \(ramp)")
            precondition(graduationLoss >= 0 && graduationLoss < 1, "graduation loss must be in [0, 1), got \(graduationLoss)")
            precondition(minSize >= 1 && minSize <= maxSize, "class size needs 1 ≤ min ≤ max, got \(minSize)…\(maxSize)")
            precondition(minWeeksBetweenClasses >= 1, "min weeks between classes must be ≥ 1, got \(minWeeksBetweenClasses)")
            self.leadWeeks = leadWeeks
            self.trainingWeeks = trainingWeeks
            self.ramp = ramp
            self.graduationLoss = graduationLoss
            self.minSize = minSize
            self.maxSize = maxSize
            self.minWeeksBetweenClasses = minWeeksBetweenClasses
        }
    }

    /// Costs, in money per unit; all ≥ 0.
    public struct Costs: Sendable, Hashable {
        /// Per paid FTE per week (tenured and in classes, training included).
        public var fteWeek: Double
        /// Per agent hired (each agent of a class, once).
        public var hire: Double
        /// Per FTE-week of overtime.
        public var overtimeFTEWeek: Double
        /// Per FTE-week of demand not covered.
        public var shortfallFTEWeek: Double

        public init(fteWeek: Double, hire: Double, overtimeFTEWeek: Double, shortfallFTEWeek: Double) {
            precondition([fteWeek, hire, overtimeFTEWeek, shortfallFTEWeek].allSatisfy { $0 >= 0 && $0.isFinite },
                          "costs must be finite and ≥ 0")
            self.fteWeek = fteWeek
            self.hire = hire
            self.overtimeFTEWeek = overtimeFTEWeek
            self.shortfallFTEWeek = shortfallFTEWeek
        }
    }

    /// Required productive FTE per week, ≥ 0; its count is the number of weeks planned.
    public var requiredFTE: [Double]
    /// Tenured productive FTE at the start of week 0 (S0), ≥ 0.
    public var startFTE: Double
    /// Weekly attrition a, in [0, 1): everyone still employed leaves with this probability each week.
    public var weeklyAttrition: Double
    public var hiring: Hiring
    /// Overtime FTE in a week is at most this share of the week's available productive FTE, ≥ 0.
    public var overtimeMaxShare: Double
    public var costs: Costs

    public init(requiredFTE: [Double], startFTE: Double, weeklyAttrition: Double, hiring: Hiring, overtimeMaxShare: Double,
                costs: Costs) {
        precondition(!requiredFTE.isEmpty && requiredFTE.allSatisfy { $0 >= 0 && $0.isFinite }, "required FTE must be finite and ≥ 0")
        precondition(startFTE >= 0 && startFTE.isFinite, "start FTE must be finite and ≥ 0, got \(startFTE)")
        precondition(weeklyAttrition >= 0 && weeklyAttrition < 1, "weekly attrition must be in [0, 1), got \(weeklyAttrition)")
        precondition(overtimeMaxShare >= 0 && overtimeMaxShare.isFinite, "overtime share must be finite and ≥ 0")
        self.requiredFTE = requiredFTE
        self.startFTE = startFTE
        self.weeklyAttrition = weeklyAttrition
        self.hiring = hiring
        self.overtimeMaxShare = overtimeMaxShare
        self.costs = costs
    }

    public var weeks: Int { requiredFTE.count }

    /// The weeks a class may start in: `leadWeeks..<weeks` (empty when the lead time covers the plan).
    public var startWeeks: Range<Int> { min(hiring.leadWeeks, weeks)..<weeks }

    /// The weekly rate of a monthly attrition m: a = 1 − (1 − m)^(12/52), so that 52 weeks lose what
    /// 12 months do.
    public static func weeklyAttrition(monthly m: Double) -> Double { 1 - pow(1 - m, 12.0 / 52.0) }

    /// Tenured FTE in week t: S0 · (1 − a)^t.
    public func tenuredFTE(week t: Int) -> Double { startFTE * pow(1 - weeklyAttrition, Double(t)) }

    /// Headcount in week s + k of one agent hired in a class starting in week s: (1 − a)^k during
    /// training (k < training_weeks), (1 − a)^k · (1 − graduation_loss) after; 0 before the start (k < 0).
    public func headcountPerHire(age k: Int) -> Double {
        guard k >= 0 else { return 0 }
        let survived = pow(1 - weeklyAttrition, Double(k))
        return k < hiring.trainingWeeks ? survived : survived * (1 - hiring.graduationLoss)
    }

    /// Productivity p(k) of a class member k weeks after the class start: 0 in training, `ramp[j]` in
    /// the j-th week after it, 1 after the ramp.
    public func productivity(age k: Int) -> Double {
        let j = k - hiring.trainingWeeks
        guard k >= 0, j >= 0 else { return 0 }
        return j < hiring.ramp.count ? hiring.ramp[j] : 1
    }

    /// Productive FTE in week s + k per agent hired in week s: headcount × productivity.
    public func productivePerHire(age k: Int) -> Double { headcountPerHire(age: k) * productivity(age: k) }
}
