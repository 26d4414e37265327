import Foundation
import GLPKSolver
import MIP
import Planning
import Testing

/// The capacity plan's integer programme against independent truth: every admissible set of classes
/// of a small plan enumerated and costed straight from the model's definition (issue 17, docs/plan.md),
/// written here without the Planning module's arithmetic.
struct CapacityPlannerTests {
    /// The cost of `sizes` (class size per week, 0 = none) by the model's formulas, with the cheapest
    /// overtime/shortfall split of each week's gap.
    static func referenceCost(_ plan: CapacityPlan, sizes: [Int]) -> Double {
        let a = plan.weeklyAttrition, h = plan.hiring, c = plan.costs
        var total = 0.0
        for t in 0..<plan.weeks {
            var available = plan.startFTE * pow(1 - a, Double(t)), paid = available
            for s in 0...t where sizes[s] > 0 {
                let k = t - s
                var head = Double(sizes[s]) * pow(1 - a, Double(k))
                if k >= h.trainingWeeks { head *= 1 - h.graduationLoss }
                let p: Double = k < h.trainingWeeks ? 0 : (k - h.trainingWeeks < h.ramp.count ? h.ramp[k - h.trainingWeeks] : 1)
                paid += head
                available += head * p
            }
            let gap = max(0, plan.requiredFTE[t] - available)
            let overtime = min(gap, plan.overtimeMaxShare * available)
            total += c.fteWeek * paid + c.overtimeFTEWeek * overtime + c.shortfallFTEWeek * (gap - overtime)
        }
        return total + c.hire * Double(sizes.reduce(0, +))
    }

    /// The cheapest admissible plan by enumeration: sizes 0 or min…max in weeks ≥ lead, at most one
    /// class in any `min_weeks_between_classes` consecutive weeks.
    static func enumeratedOptimum(_ plan: CapacityPlan) -> (cost: Double, sizes: [Int]) {
        let h = plan.hiring
        let choices = [0] + Array(h.minSize...h.maxSize)
        var best = (cost: Double.infinity, sizes: [Int]())
        func visit(_ week: Int, _ sizes: inout [Int], lastStart: Int?) {
            if week == plan.weeks {
                let cost = referenceCost(plan, sizes: sizes)
                if cost < best.cost { best = (cost, sizes) }
                return
            }
            for size in choices {
                if size > 0 && week < h.leadWeeks { continue }
                if size > 0, let lastStart, week - lastStart < h.minWeeksBetweenClasses { continue }
                sizes[week] = size
                visit(week + 1, &sizes, lastStart: size > 0 ? week : lastStart)
            }
            sizes[week] = 0
        }
        var sizes = Array(repeating: 0, count: plan.weeks)
        visit(0, &sizes, lastStart: nil)
        return best
    }

    static func smallPlan(required: [Double], startFTE: Double = 10, monthlyAttrition: Double = 0.04, lead: Int = 2,
                          training: Int = 2, ramp: [Double] = [0.5], loss: Double = 0.1, spacing: Int = 2,
                          overtime: Double = 0.1, shortfallCost: Double = 3000) -> CapacityPlan {
        CapacityPlan(requiredFTE: required, startFTE: startFTE,
                     weeklyAttrition: CapacityPlan.weeklyAttrition(monthly: monthlyAttrition),
                     hiring: .init(leadWeeks: lead, trainingWeeks: training, ramp: ramp, graduationLoss: loss,
                                   minSize: 3, maxSize: 5, minWeeksBetweenClasses: spacing),
                     overtimeMaxShare: overtime,
                     costs: .init(fteWeek: 900, hire: 2500, overtimeFTEWeek: 1350, shortfallFTEWeek: shortfallCost))
    }

    static let cases: [CapacityPlan] = [
        smallPlan(required: [10, 10, 11, 12, 13, 14, 15, 16]),
        smallPlan(required: [10, 10, 10, 10, 14, 14, 14, 14, 14, 14], monthlyAttrition: 0.03, lead: 1, training: 3, ramp: [0.5, 0.75]),
        smallPlan(required: [9, 12, 12, 15, 15, 18, 18, 18, 18], startFTE: 9, lead: 1, training: 2, spacing: 3),
        smallPlan(required: [10, 11, 12, 13, 14, 15, 16, 17, 18, 19], monthlyAttrition: 0.05, lead: 2, training: 1, ramp: [],
                  loss: 0, overtime: 0.05, shortfallCost: 1800),
        smallPlan(required: [12, 8, 8, 16, 16, 9, 9, 16, 16, 16], startFTE: 11, lead: 0, training: 2, ramp: [0.6], spacing: 1),
    ]

    @Test("GLPK's optimum equals the enumerated optimum", arguments: cases.indices)
    func glpkMatchesEnumeration(_ index: Int) throws {
        let plan = Self.cases[index]
        let truth = Self.enumeratedOptimum(plan)
        #expect(truth.sizes.contains { $0 > 0 }, "the case should need a class")
        let result = try CapacityPlanner.solve(plan, solver: GLPKSolver(), timeLimitSeconds: 30, relativeGap: 1e-9)
        #expect(result.status == .optimal)
        let objective = try #require(result.objective)
        #expect(abs(objective - truth.cost) <= 1e-6 * truth.cost, "GLPK \(objective) vs enumeration \(truth.cost) \(truth.sizes)")
        // The outcome recomputed from the chosen classes costs what the solver said, by the reference arithmetic too.
        var sizes = Array(repeating: 0, count: plan.weeks)
        for cls in result.outcome.classes { sizes[cls.startWeek] = cls.size }
        #expect(abs(result.outcome.costs.total - objective) <= 1e-6 * objective)
        #expect(abs(Self.referenceCost(plan, sizes: sizes) - truth.cost) <= 1e-6 * truth.cost)
        #expect(result.outcome.classes.allSatisfy { (3...5).contains($0.size) && $0.startWeek >= plan.hiring.leadWeeks })
    }

    @Test("No attrition and demand equal to the start staff: nothing is hired")
    func steadyStateHiresNobody() throws {
        let plan = Self.smallPlan(required: Array(repeating: 10, count: 10), monthlyAttrition: 0)
        let result = try CapacityPlanner.solve(plan, solver: GLPKSolver(), timeLimitSeconds: 30, relativeGap: 1e-9)
        #expect(result.status == .optimal)
        #expect(result.outcome.classes.isEmpty)
        #expect(result.outcome.weeksShort == 0)
        #expect(abs(result.outcome.costs.total - 900 * 10 * 10) < 1e-6)
    }

    @Test("A demand step before lead + training weeks is partly short, and the plan says so")
    func earlyStepIsPartlyShort() throws {
        // Step from 10 to 14 FTE in week 2; a class can be productive only from week lead + training = 4.
        let plan = Self.smallPlan(required: [10, 10, 14, 14, 14, 14, 14, 14, 14, 14], monthlyAttrition: 0, lead: 2, training: 2,
                                  ramp: [], loss: 0, overtime: 0.1, shortfallCost: 5000)
        let result = try CapacityPlanner.solve(plan, solver: GLPKSolver(), timeLimitSeconds: 30, relativeGap: 1e-9)
        #expect(result.status == .optimal)
        let weeks = result.outcome.weeks
        // Weeks 2 and 3: 10 FTE plus 1 FTE overtime (10 %) against 14: 3 FTE short each.
        for t in [2, 3] {
            #expect(abs(weeks[t].overtimeFTE - 1) < 1e-9)
            #expect(abs(weeks[t].shortfallFTE - 3) < 1e-9)
        }
        #expect(result.outcome.weeksShort == 2)
        #expect(weeks[4...].allSatisfy { $0.shortfallFTE < 1e-9 })
        #expect(result.outcome.classes.first?.startWeek == 2)
    }

    @Test("The rule-based plan opens maximum classes and never beats the optimum", arguments: cases.indices)
    func ruleIsNoBetter(_ index: Int) throws {
        let plan = Self.cases[index]
        let rule = PlanOutcome(plan: plan, classes: RulePlan.classes(plan))
        #expect(rule.classes.allSatisfy { $0.size == plan.hiring.maxSize })
        #expect(rule.costs.total >= Self.enumeratedOptimum(plan).cost - 1e-6)
    }

    @Test("Stopped by the time limit, the solve still returns a plan no dearer than the simple rule's")
    func timeLimitKeepsTheRulePlan() throws {
        let required: [Double] = (0..<52).map { (t: Int) -> Double in
            let x = Double(t)
            return 40 + 8 * sin(x / 5) + x / 4
        }
        var plan = Self.smallPlan(required: required, startFTE: 40, lead: 3, training: 4, ramp: [0.5, 0.75], spacing: 2)
        plan.hiring.maxSize = 12
        let rule = PlanOutcome(plan: plan, classes: RulePlan.classes(plan))
        let result = try CapacityPlanner.solve(plan, solver: GLPKSolver(), timeLimitSeconds: 0.001, relativeGap: 0)
        #expect(result.status == SolveStatus.feasible || result.status == SolveStatus.optimal)
        #expect(result.outcome.costs.total <= rule.costs.total + 1e-6)
        #expect(!result.outcome.classes.isEmpty)
    }

    @Test("Weekly attrition compounds to the monthly rate over a year")
    func weeklyAttrition() {
        let a = CapacityPlan.weeklyAttrition(monthly: 0.03)
        #expect(abs(pow(1 - a, 52) - pow(0.97, 12)) < 1e-12)
    }
}
