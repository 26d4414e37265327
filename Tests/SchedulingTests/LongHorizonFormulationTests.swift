import Foundation
import GLPKSolver
import MIP
import Testing
import WFMCore
@testable import Scheduling

/// Tiny long-horizon problems without queues, so the whole objective is paid hours, shift cover and
/// requests, all evaluable by hand. Templates have one start and one length each and no breaks:
/// E 06:00–14:00, L 14:00–22:00, N 22:00–06:00 (a night shift). The horizon starts on Friday
/// 2026-03-06, so days 1–2 and 8–9 are weekends and days 0–6, 7–13 are the weeks.
enum LongTiny {
    static let E = ShiftTemplate(id: "E", startEarliestMinute: 360, startLatestMinute: 360, startStepMinutes: 60, lengthsMinutes: [480], breaks: [])
    static let L = ShiftTemplate(id: "L", startEarliestMinute: 840, startLatestMinute: 840, startStepMinutes: 60, lengthsMinutes: [480], breaks: [])
    static let N = ShiftTemplate(id: "N", startEarliestMinute: 1320, startLatestMinute: 1320, startStepMinutes: 60, lengthsMinutes: [480], breaks: [])

    /// A loose contract (no rule binds) over `templates`, `agents` agents on `days` days, and seeded
    /// random requests: on about two agent-days of three a request, `on` with probability `onShare`
    /// (weight 3–9 contacts) or else `off` (weight 1–6), for any shift or one template. A shift costs
    /// 4 in balance (8 h × 0.5), so eager agents (`onShare` 1) want to work and lazy ones (0) do not.
    static func problem(agents: Int, days: Int, templates: [ShiftTemplate], seed: UInt64, onShare: Double = 0.5,
                        mode: ObjectiveMode = .balance) -> RosterProblem {
        let grid = TimeGrid(timeZone: TinyProblems.utc, startDate: TinyProblems.start, days: days, intervalMinutes: 60)
        let contract = Contract(id: "c", weekMinutesMin: 0, weekMinutesMax: 100_000, daysOffMin: 0, maxConsecutiveDays: days,
                                minRestMinutes: 0, maxNightShifts: days, maxStartSpreadMinutes: 1440, templateIDs: templates.map(\.id))
        let list = (0..<agents).map { Agent(id: "a\($0)", name: "Agent \($0)", contractID: "c", skills: []) }
        var weights = ScheduleWeights()
        weights.paidHour = 0.5
        weights.fairNights = 0
        weights.fairWeekends = 0
        var random = SplitMix64(seed: seed)
        var requests: [ShiftRequest] = []
        for a in list {
            for d in 0..<days where Int.random(in: 0..<3, using: &random) > 0 {
                let template = Int.random(in: 0...templates.count, using: &random)
                let on = Double.random(in: 0..<1, using: &random) < onShare
                requests.append(ShiftRequest(agentID: a.id, date: grid.startDate.adding(days: d),
                                             templateID: template < templates.count ? templates[template].id : nil, kind: on ? .on : .off,
                                             weight: Double(on ? Int.random(in: 3...9, using: &random) : Int.random(in: 1...6, using: &random))))
            }
        }
        return RosterProblem(grid: grid, queues: [], templates: templates, contracts: [contract], agents: list,
                             objective: mode, weights: weights, requests: requests)
    }
}

/// The plan's semantics (CURTOIS-PLAN.md) evaluated directly on choices (option per day, −1 off),
/// written for these tests and independent of the formulation: hard rules per agent, cost per agent
/// (paid hours, requests) and the shift-cover cost of all agents together.
struct PlanSemantics {
    let problem: RosterProblem
    let options: [ShiftOption]
    let days: Int

    init(_ problem: RosterProblem) {
        self.problem = problem
        options = OptionCatalog(problem: problem).options
        days = problem.grid.days
    }

    /// Every week of agent a: off or, on each day, one option of its contract's templates that
    /// overlaps none of its unavailable windows.
    func weeks(agent a: Int) -> [[Int]] {
        let templates = Set(problem.contract(of: problem.agents[a])!.templateIDs)
        let blocked = problem.availability.filter { $0.agentID == problem.agents[a].id && $0.kind == .unavailable }
            .map { $0.absoluteRange(in: problem.grid.timeZone) }
        let perDay = (0..<days).map { d in
            [-1] + options.indices.filter { o in
                options[o].day == d && templates.contains(options[o].templateID)
                    && !blocked.contains { $0.lowerBound < options[o].end && options[o].start < $0.upperBound }
            }
        }
        var result: [[Int]] = [[]]
        for choices in perDay { result = result.flatMap { prefix in choices.map { prefix + [$0] } } }
        return result
    }

    func template(_ o: Int) -> ShiftTemplate { problem.templates[options[o].templateIndex] }

    /// Lengths of the maximal runs of days where `worked` is `value` that touch neither day 0 nor day D − 1.
    static func innerRuns(_ worked: [Bool], of value: Bool) -> [Int] {
        var runs: [Int] = []
        var d = 0
        while d < worked.count {
            guard worked[d] == value else { d += 1; continue }
            var e = d
            while e + 1 < worked.count && worked[e + 1] == value { e += 1 }
            if d > 0 && e < worked.count - 1 { runs.append(e - d + 1) }
            d = e + 1
        }
        return runs
    }

    func isFeasible(agent a: Int, _ week: [Int]) -> Bool {
        let c = problem.contract(of: problem.agents[a])!
        let paid = week.map { $0 < 0 ? 0 : template($0).paidMinutes(length: options[$0].lengthMinutes) }
        for block in stride(from: 0, to: days, by: 7) {
            let inBlock = Array(block..<min(days, block + 7))
            let minutes = inBlock.reduce(0) { $0 + paid[$1] }
            let worked = inBlock.filter { week[$0] >= 0 }
            let starts = worked.map { options[week[$0]].startMinute }
            // A block shorter than a week owes ⌊minimum · days / 7⌋ of each weekly minimum.
            let share = { (minimum: Int) in inBlock.count < 7 ? minimum * inBlock.count / 7 : minimum }
            if minutes < share(c.weekMinutesMin) || minutes > c.weekMinutesMax { return false }
            if inBlock.count - worked.count < share(c.daysOffMin) { return false }
            if worked.filter({ options[week[$0]].isNight }).count > c.maxNightShifts { return false }
            if let lo = starts.min(), let hi = starts.max(), hi - lo > c.maxStartSpreadMinutes { return false }
        }
        let total = paid.reduce(0, +)
        if total < c.horizonMinutesMin || total > (c.horizonMinutesMax ?? .max) { return false }
        for (id, most) in c.maxShiftsPerTemplate where week.filter({ $0 >= 0 && options[$0].templateID == id }).count > most { return false }
        if let most = c.maxWeekends {
            // A weekend is named by its first day: from a worked weekend day, back over the weekend days
            // of the horizon (the centre's `weekend`, Saturday and Sunday unless set).
            func isWeekend(_ d: Int) -> Bool { problem.weekend.weekdays.contains(problem.grid.startDate.adding(days: d).isoWeekday) }
            let firsts = Set(week.indices.compactMap { d -> Int? in
                guard week[d] >= 0, isWeekend(d) else { return nil }
                var first = d
                while first > 0 && isWeekend(first - 1) { first -= 1 }
                return first
            })
            if firsts.count > most { return false }
        }
        let worked = week.map { $0 >= 0 }
        var run = 0
        for w in worked {
            run = w ? run + 1 : 0
            if run > c.maxConsecutiveDays { return false }
        }
        for d in 0..<(days - 1) where week[d] >= 0 && week[d + 1] >= 0 {
            if template(week[d]).cannotFollow.contains(options[week[d + 1]].templateID) { return false }
            if options[week[d + 1]].start - options[week[d]].end < c.minRestMinutes * 60 { return false }
        }
        if Self.innerRuns(worked, of: true).contains(where: { $0 < c.minConsecutiveDays }) { return false }
        if Self.innerRuns(worked, of: false).contains(where: { $0 < c.minConsecutiveDaysOff }) { return false }
        return true
    }

    /// Paid hours (priced as the objective mode says) and requests of one agent.
    func cost(agent a: Int, _ week: [Int]) -> Double {
        let k = ObjectiveCoefficients(mode: problem.objective, weights: problem.weights)
        var total = 0.0
        for o in week where o >= 0 { total += k.paidHour * Double(template(o).paidMinutes(length: options[o].lengthMinutes)) / 60 }
        let first = problem.grid.startDate.dayNumber
        for r in problem.requests where r.agentID == problem.agents[a].id {
            let o = week[r.date.dayNumber - first]
            let matches = o >= 0 && (r.templateID == nil || r.templateID == options[o].templateID)
            if matches == (r.kind == .off) { total += r.weight }
        }
        return total
    }

    /// Head count of every cover target in `weeks` (agents in any order).
    func coverCounts(_ weeks: [[Int]]) -> [Int] {
        problem.shiftCover.map { target in
            let d = target.date.dayNumber - problem.grid.startDate.dayNumber
            return weeks.filter { $0[d] >= 0 && options[$0[d]].templateID == target.templateID }.count
        }
    }

    /// Cover cost of head counts n: underWeight·max(0, required − n) + overWeight·max(0, n − required).
    func coverCost(_ counts: [Int]) -> Double {
        zip(problem.shiftCover, counts).reduce(0) { sum, pair in
            let (t, n) = pair
            return sum + t.underWeight * Double(max(0, t.required - n)) + t.overWeight * Double(max(0, n - t.required))
        }
    }

    /// The cheapest rule-abiding choice of weeks for the agents `free`, the others' weeks given in
    /// `fixed`: the free agents' own costs plus the cover cost of everybody; nil when none exists.
    func optimum(free: [Int], fixed: [[Int]] = []) -> Double? {
        let feasible = free.map { a in weeks(agent: a).filter { isFeasible(agent: a, $0) } }
        if feasible.contains(where: \.isEmpty) { return nil }
        let costs = zip(free, feasible).map { a, list in list.map { cost(agent: a, $0) } }
        if problem.shiftCover.isEmpty { return costs.reduce(0) { $0 + $1.min()! } }
        let counts = feasible.map { $0.map { coverCounts([$0]) } }
        var best = Double.infinity
        var n = coverCounts(fixed)
        func recurse(_ i: Int, _ sum: Double) {
            if i == feasible.count {
                best = min(best, sum + coverCost(n))
                return
            }
            for w in feasible[i].indices {
                for (k, c) in counts[i][w].enumerated() { n[k] += c }
                recurse(i + 1, sum + costs[i][w])
                for (k, c) in counts[i][w].enumerated() { n[k] -= c }
            }
        }
        recurse(0, 0)
        return best
    }

    /// Cost of a complete choice of weeks for all agents, nil if one breaks a hard rule.
    func evaluate(_ weeks: [[Int]]) -> Double? {
        guard weeks.indices.allSatisfy({ isFeasible(agent: $0, weeks[$0]) }) else { return nil }
        return weeks.indices.reduce(0) { $0 + cost(agent: $1, weeks[$1]) } + coverCost(coverCounts(weeks))
    }
}

/// A rule family case: a loose problem of one agent and how to tighten it.
struct LongRuleCase: CustomTestStringConvertible, Sendable {
    var name: String
    var days: Int
    var templates: [ShiftTemplate]
    /// Share of on requests: 1 for rules that limit work, 0 for rules that demand it.
    var onShare: Double
    var seed: UInt64 = 1
    var tighten: @Sendable (inout Contract) -> Void
    var testDescription: String { name }
}

let longRuleCases: [LongRuleCase] = [
    // Weekly rules: weeks 0–6 and 7–8 (the 2-day last week owes ⌊minimum · 2/7⌋ of the minima).
    LongRuleCase(name: "week-minutes-min", days: 9, templates: [LongTiny.E, LongTiny.N], onShare: 0) { $0.weekMinutesMin = 960 },
    LongRuleCase(name: "week-minutes-max", days: 9, templates: [LongTiny.E, LongTiny.N], onShare: 1) { $0.weekMinutesMax = 960 },
    LongRuleCase(name: "min-days-off", days: 9, templates: [LongTiny.E, LongTiny.N], onShare: 1) { $0.daysOffMin = 4 },
    LongRuleCase(name: "max-night-shifts", days: 9, templates: [LongTiny.E, LongTiny.N], onShare: 1, seed: 2) { $0.maxNightShifts = 1 },
    LongRuleCase(name: "max-start-spread", days: 9, templates: [LongTiny.E, LongTiny.N], onShare: 1, seed: 9) { $0.maxStartSpreadMinutes = 0 },
    // Horizon rules: weekends are days 1–2 and 8.
    LongRuleCase(name: "horizon-minutes-min", days: 9, templates: [LongTiny.E, LongTiny.L], onShare: 0) { $0.horizonMinutesMin = 3360 },
    LongRuleCase(name: "horizon-minutes-max", days: 9, templates: [LongTiny.E, LongTiny.L], onShare: 1, seed: 4) { $0.horizonMinutesMax = 1920 },
    LongRuleCase(name: "max-template-shifts", days: 9, templates: [LongTiny.E, LongTiny.L], onShare: 1) { $0.maxShiftsPerTemplate = ["E": 1, "L": 2] },
    LongRuleCase(name: "max-weekends", days: 9, templates: [LongTiny.E, LongTiny.L], onShare: 1, seed: 4) { $0.maxWeekends = 1 },
    // Sequences.
    LongRuleCase(name: "max-consecutive-days across weeks", days: 9, templates: [LongTiny.E, LongTiny.L], onShare: 1, seed: 3) { $0.maxConsecutiveDays = 2 },
    LongRuleCase(name: "min-consecutive-days 2", days: 8, templates: [LongTiny.E, LongTiny.L], onShare: 0.5) { $0.minConsecutiveDays = 2 },
    LongRuleCase(name: "min-consecutive-days 3", days: 8, templates: [LongTiny.E, LongTiny.L], onShare: 0.5) { $0.minConsecutiveDays = 3 },
    LongRuleCase(name: "min-consecutive-days-off 2", days: 8, templates: [LongTiny.E, LongTiny.L], onShare: 0.7, seed: 3) { $0.minConsecutiveDaysOff = 2 },
    LongRuleCase(name: "min-consecutive-days-off 3", days: 8, templates: [LongTiny.E, LongTiny.L], onShare: 0.7, seed: 2) { $0.minConsecutiveDaysOff = 3 },
]

/// Solves the full formulation with GLPK; returns its optimum and the decoded weeks of every agent.
func solveFormulation(_ problem: RosterProblem, free: [Int]? = nil, fixed: RosterFormulation.FixedPart? = nil,
                      relaxation: Bool = false) throws -> (objective: Double, weeks: [Int: [Int]], status: SolveStatus) {
    let context = SchedulingContext(problem: problem)
    let formulation = RosterFormulation(context: context, free: free ?? Array(0..<problem.agents.count), fixed: fixed)
    let s = try GLPKSolver().solve(formulation.model, options: SolveOptions(timeLimitSeconds: 20, relativeGap: 0, relaxation: relaxation))
    return (s.objective, s.hasSolution && !relaxation ? formulation.choices(from: s) : [:], s.status)
}

/// Each rule family alone: the GLPK optimum of the formulation equals the brute-force optimum over
/// every roster under the plan's semantics, the MIP's roster keeps every rule and costs that much,
/// and the rule binds (the loose optimum is cheaper).
@Test(arguments: longRuleCases)
func longRuleMatchesBruteForce(_ rule: LongRuleCase) throws {
    let loose = LongTiny.problem(agents: 1, days: rule.days, templates: rule.templates, seed: rule.seed, onShare: rule.onShare)
    var problem = loose
    rule.tighten(&problem.contracts[0])
    let all = Array(0..<problem.agents.count)
    let truth = try #require(PlanSemantics(problem).optimum(free: all))
    let looseTruth = try #require(PlanSemantics(loose).optimum(free: all))
    #expect(truth > looseTruth + 1e-6, "the rule does not bind: \(truth) vs \(looseTruth)")

    let mip = try solveFormulation(problem)
    #expect(mip.status == .optimal)
    #expect(abs(mip.objective - truth) < 1e-6, "MIP \(mip.objective) vs brute force \(truth)")
    let weeks = all.map { mip.weeks[$0]! }
    let cost = try #require(PlanSemantics(problem).evaluate(weeks), "the MIP's roster breaks a rule: \(weeks)")
    #expect(abs(cost - truth) < 1e-6)
}

/// `max-weekends` follows the centre's `weekend` key: with Friday–Saturday (days 0–1 and 7–8 of the
/// Friday start) or Thursday–Friday (day 0 alone, cut by the horizon, and days 6–7), the GLPK optimum
/// equals the brute force that counts those weekends, the rule binds, and the MIP's roster keeps it.
@Test(arguments: [[5, 6], [4, 5], [6, 7]])
func maxWeekendsFollowsTheCentresWeekend(_ weekdays: [Int]) throws {
    var loose = LongTiny.problem(agents: 1, days: 9, templates: [LongTiny.E, LongTiny.L], seed: 4, onShare: 1)
    loose.weekend = try #require(Weekend(weekdays: Set(weekdays)))
    var problem = loose
    problem.contracts[0].maxWeekends = 1
    let truth = try #require(PlanSemantics(problem).optimum(free: [0]))
    let looseTruth = try #require(PlanSemantics(loose).optimum(free: [0]))
    #expect(truth > looseTruth + 1e-6, "the rule does not bind: \(truth) vs \(looseTruth)")
    let mip = try solveFormulation(problem)
    #expect(mip.status == .optimal)
    #expect(abs(mip.objective - truth) < 1e-6, "MIP \(mip.objective) vs brute force \(truth)")
    let week = try #require(mip.weeks[0])
    #expect(PlanSemantics(problem).evaluate([week]) != nil, "the MIP's roster breaks a rule: \(week)")
}

/// Forbidden successions with nested sets (after L no E, after N no E or L: the rows are lifted to
/// cliques) and with a shared set (after L or N no E: one row for both).
@Test(arguments: [[["E"], ["E", "L"]], [["E"], ["E"]]])
func forbiddenSuccessionMatchesBruteForce(_ sets: [[String]]) throws {
    var late = LongTiny.L, night = LongTiny.N
    late.cannotFollow = sets[0]
    night.cannotFollow = sets[1]
    let loose = LongTiny.problem(agents: 2, days: 5, templates: [LongTiny.E, LongTiny.L, LongTiny.N], seed: 15, onShare: 1)
    let problem = LongTiny.problem(agents: 2, days: 5, templates: [LongTiny.E, late, night], seed: 15, onShare: 1)
    let truth = try #require(PlanSemantics(problem).optimum(free: [0, 1]))
    #expect(truth > PlanSemantics(loose).optimum(free: [0, 1])! + 1e-6, "the rule does not bind")
    let mip = try solveFormulation(problem)
    #expect(abs(mip.objective - truth) < 1e-6, "MIP \(mip.objective) vs brute force \(truth)")
    #expect(PlanSemantics(problem).evaluate([mip.weeks[0]!, mip.weeks[1]!]).map { abs($0 - truth) < 1e-6 } == true)
}

/// Requests alone (no cover), in every objective mode: GLPK optimum = brute force.
@Test(arguments: ObjectiveMode.allCases)
func requestsMatchBruteForce(_ mode: ObjectiveMode) throws {
    let problem = LongTiny.problem(agents: 2, days: 6, templates: [LongTiny.E, LongTiny.L], seed: 21, mode: mode)
    #expect(problem.requests.contains { $0.kind == .on } && problem.requests.contains { $0.kind == .off })
    let truth = try #require(PlanSemantics(problem).optimum(free: [0, 1]))
    let mip = try solveFormulation(problem)
    #expect(abs(mip.objective - truth) < 1e-6, "MIP \(mip.objective) vs brute force \(truth)")
    #expect(PlanSemantics(problem).evaluate([mip.weeks[0]!, mip.weeks[1]!]).map { abs($0 - truth) < 1e-6 } == true)
}

/// A problem with shift-cover targets on every day and template: required 0–3, under weight 2–8,
/// over weight 0–3 (seeded), on top of random requests.
func coverProblem(seed: UInt64, mode: ObjectiveMode = .balance) -> RosterProblem {
    var problem = LongTiny.problem(agents: 3, days: 4, templates: [LongTiny.E, LongTiny.L], seed: seed, mode: mode)
    var random = SplitMix64(seed: seed &+ 100)
    for d in 0..<problem.grid.days {
        for t in problem.templates {
            problem.shiftCover.append(ShiftCover(date: problem.grid.startDate.adding(days: d), templateID: t.id,
                                                 required: Int.random(in: 0...3, using: &random),
                                                 underWeight: Double(Int.random(in: 2...8, using: &random)),
                                                 overWeight: Double(Int.random(in: 0...3, using: &random))))
        }
    }
    return problem
}

/// Shift cover with every agent free, in every objective mode, and the LP bound below the optimum.
@Test(arguments: ObjectiveMode.allCases)
func shiftCoverMatchesBruteForce(_ mode: ObjectiveMode) throws {
    let problem = coverProblem(seed: 31, mode: mode)
    let truth = try #require(PlanSemantics(problem).optimum(free: [0, 1, 2]))
    var withoutCover = problem
    withoutCover.shiftCover = []
    #expect(truth > PlanSemantics(withoutCover).optimum(free: [0, 1, 2])! + 1e-6, "cover costs nothing")
    let mip = try solveFormulation(problem)
    #expect(abs(mip.objective - truth) < 1e-6, "MIP \(mip.objective) vs brute force \(truth)")
    #expect(PlanSemantics(problem).evaluate((0..<3).map { mip.weeks[$0]! }).map { abs($0 - truth) < 1e-6 } == true)
    let lp = try solveFormulation(problem, relaxation: true)
    #expect(lp.status == .optimal && lp.objective <= truth + 1e-6)
}

/// Shift cover in a neighbourhood: agent 2 fixed to a week, its head counts given as
/// `FixedPart.coverCounts`; the model's optimum (agents 0 and 1's own costs and everybody's cover)
/// is the brute-force optimum over agents 0 and 1.
@Test func shiftCoverCountsFixedAgents() throws {
    let problem = coverProblem(seed: 41)
    let semantics = PlanSemantics(problem)
    let fixedWeek = try #require(semantics.weeks(agent: 2).first { $0.filter { $0 >= 0 }.count == 3 })
    let truth = try #require(semantics.optimum(free: [0, 1], fixed: [fixedWeek]))
    let fixed = RosterFormulation.FixedPart(capacity: [], coverCounts: semantics.coverCounts([fixedWeek]))
    let mip = try solveFormulation(problem, free: [0, 1], fixed: fixed)
    #expect(abs(mip.objective - truth) < 1e-6, "MIP \(mip.objective) vs brute force \(truth)")
    let own = semantics.cost(agent: 2, fixedWeek)
    #expect(semantics.evaluate([mip.weeks[0]!, mip.weeks[1]!, fixedWeek]).map { abs($0 - own - truth) < 1e-6 } == true)
}

/// One new hard rule against the weekly minimum (every day worked, 7 days, one template): the agent
/// has no week (brute force and its contract-only MIP agree); the elastic model with only that rule
/// relaxed finds a week, paying slack on that rule alone; the explanation relaxes the cheapest rules,
/// which are that rule or, where one unavailable shift costs as little, `unavailable` (never the
/// 8-hour weekly minimum).
struct ElasticCase: CustomTestStringConvertible, Sendable {
    var rule: RuleID
    var alsoCheapest: Set<RuleID> = []
    var tighten: @Sendable (inout RosterProblem) -> Void
    var testDescription: String { rule.rawValue }
}

let elasticCases: [ElasticCase] = [
    ElasticCase(rule: .maxWeekends) { $0.contracts[0].maxWeekends = 0 },
    ElasticCase(rule: .maxTemplateShifts) { $0.contracts[0].maxShiftsPerTemplate = ["E": 5] },
    ElasticCase(rule: .horizonMinutesMax) { $0.contracts[0].horizonMinutesMax = 3120 },
    ElasticCase(rule: .forbiddenSuccession) { $0.templates[0].cannotFollow = ["E"] },
    ElasticCase(rule: .minConsecutiveDays, alsoCheapest: [.unavailable]) { p in
        p.contracts[0].weekMinutesMin = 5 * 480
        p.contracts[0].minConsecutiveDays = 3
        p.availability = [2, 5].map { AvailabilityWindow(agentID: "a0", date: p.grid.startDate.adding(days: $0), startMinute: 0,
                                                          endMinute: 1440, kind: .unavailable) }
    },
    ElasticCase(rule: .minConsecutiveDaysOff, alsoCheapest: [.unavailable]) { p in
        p.contracts[0].weekMinutesMin = 6 * 480
        p.contracts[0].minConsecutiveDaysOff = 2
        p.availability = [AvailabilityWindow(agentID: "a0", date: p.grid.startDate.adding(days: 3), startMinute: 0, endMinute: 1440, kind: .unavailable)]
    },
    ElasticCase(rule: .horizonMinutesMin) { p in
        p.contracts[0].weekMinutesMin = 0
        p.contracts[0].weekMinutesMax = 960
        p.contracts[0].horizonMinutesMin = 1200
    },
]

@Test(arguments: elasticCases)
func elasticModelRelaxesTheNewRule(_ c: ElasticCase) throws {
    var problem = LongTiny.problem(agents: 1, days: 7, templates: [LongTiny.E], seed: 1)
    problem.requests = []
    problem.contracts[0].weekMinutesMin = 7 * 480
    c.tighten(&problem)
    #expect(PlanSemantics(problem).optimum(free: [0]) == nil)
    let context = SchedulingContext(problem: problem)
    let explanation = InfeasibilityExplanation(context: context, solver: GLPKSolver())
    guard case .infeasible = explanation.week(agent: 0) else {
        Issue.record("the contract-only model finds a week")
        return
    }
    let alone = RosterFormulation(context: context, free: [0], elastic: [c.rule], service: false)
    let s = try GLPKSolver().solve(alone.model, options: SolveOptions(timeLimitSeconds: 10, relativeGap: 0))
    #expect(s.hasSolution)
    #expect(alone.slacks.contains { s.value($0.variable) > 1e-6 })
    #expect(alone.slacks.allSatisfy { $0.rule == c.rule })
    let moved = Set(explanation.conflicts(agent: 0).map(\.rule))
    #expect(!moved.isEmpty && moved.isSubset(of: c.alsoCheapest.union([c.rule])), "relaxed \(moved)")
}

/// Every rule at once, with cover targets and requests, on 2 agents × 8 days (a week and one day): the
/// families interact (shared w, weekly and horizon rows on the same x), and the GLPK optimum still
/// equals the brute force for several seeds.
@Test(arguments: [UInt64(51), 52, 53])
func allRulesTogetherMatchBruteForce(_ seed: UInt64) throws {
    var late = LongTiny.L
    late.cannotFollow = ["E"]
    var problem = LongTiny.problem(agents: 2, days: 8, templates: [LongTiny.E, late], seed: seed, onShare: 0.6)
    problem.contracts[0] = Contract(id: "c", weekMinutesMin: 0, weekMinutesMax: 2400, daysOffMin: 1, maxConsecutiveDays: 4,
                                    minRestMinutes: 0, maxNightShifts: 0, maxStartSpreadMinutes: 480, templateIDs: ["E", "L"],
                                    minConsecutiveDays: 2, minConsecutiveDaysOff: 2, maxWeekends: 1, maxShiftsPerTemplate: ["E": 3],
                                    horizonMinutesMin: 1440, horizonMinutesMax: 2880)
    var random = SplitMix64(seed: seed)
    for d in 0..<problem.grid.days {
        problem.shiftCover.append(ShiftCover(date: problem.grid.startDate.adding(days: d), templateID: Bool.random(using: &random) ? "E" : "L",
                                             required: Int.random(in: 0...2, using: &random), underWeight: 5, overWeight: 1))
    }
    let semantics = PlanSemantics(problem)
    let best = semantics.optimum(free: [0, 1])
    let truth = try #require(best)
    let mip = try solveFormulation(problem)
    #expect(mip.status == .optimal)
    #expect(abs(mip.objective - truth) < 1e-6, "MIP \(mip.objective) vs brute force \(truth)")
    #expect(semantics.evaluate([mip.weeks[0]!, mip.weeks[1]!]).map { abs($0 - truth) < 1e-6 } == true)
}
