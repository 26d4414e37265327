import Foundation
import Testing
import WFMCore
@testable import Scheduling

/// `HeadCountBound` against brute force: every roster of a small head-count problem (no queues)
/// enumerated, the cheapest one keeping every hard rule priced term by term and cross-checked with
/// `RosterState.cost` and `RuleChecker`.
///
/// From Friday 2026-03-06 (days 1–2 and 8–9 are weekends, day 7 starts the second week), templates
/// "e" 08:00–16:00 (480 paid minutes), "l" 16:00–22:00 (360) and "n" 00:00–10:00 (600, a night).
private func headCountProblem(agents: Int, days: Int, templates: Int, seed: UInt64,
                              _ tighten: (inout RosterProblem) -> Void) -> RosterProblem {
    var p = TinyProblems.base(agents: agents, days: days)
    p.queues = []
    p.agents = p.agents.map { Agent(id: $0.id, name: $0.name, contractID: $0.contractID, skills: []) }
    let all = [ShiftTemplate(id: "e", startEarliestMinute: 480, startLatestMinute: 480, startStepMinutes: 60, lengthsMinutes: [480], breaks: []),
               ShiftTemplate(id: "l", startEarliestMinute: 960, startLatestMinute: 960, startStepMinutes: 60, lengthsMinutes: [360], breaks: []),
               ShiftTemplate(id: "n", startEarliestMinute: 0, startLatestMinute: 0, startStepMinutes: 60, lengthsMinutes: [600], breaks: [])]
    p.templates = Array(all.prefix(templates))
    p.contracts[0].templateIDs = p.templates.map(\.id)
    p.weights.fairNights = 0
    p.weights.fairWeekends = 0
    // Seeded targets (0–2 agents, under 2–30, over 0–5 per agent) and requests (weight 1–5).
    var rng = SplitMix64(seed: seed)
    func draw(_ n: UInt64) -> Int { Int(rng.next() % n) }
    for d in 0..<days {
        let date = p.grid.startDate.adding(days: d)
        for t in p.templates where draw(4) > 0 {
            p.shiftCover.append(ShiftCover(date: date, templateID: t.id, required: draw(3), underWeight: Double(2 + draw(29)),
                                           overWeight: Double(draw(6))))
        }
        for a in p.agents where draw(3) == 0 {
            p.requests.append(ShiftRequest(agentID: a.id, date: date, templateID: draw(2) == 0 ? nil : p.templates[draw(UInt64(templates))].id,
                                           kind: draw(2) == 0 ? .on : .off, weight: Double(1 + draw(5))))
        }
    }
    tighten(&p)
    #expect(p.diagnostics().isEmpty)
    return p
}

/// The true optimum of a small head-count problem, by enumeration: each agent's rows that keep every
/// hard rule (`WeekRules`: no maximum broken, nothing short; `RuleChecker` re-checks the optimum),
/// then every combination priced term by term.
private struct HeadCountTruth {
    let context: SchedulingContext
    /// Per agent, every row (option per day, −1 off) keeping every hard rule.
    var rows: [[[Int]]] = []
    var optimum = Double.infinity
    var optimalRoster: [[Int]] = []

    init(_ problem: RosterProblem) {
        context = SchedulingContext(problem: problem)
        rows = problem.agents.indices.map { AgentRows(context, agent: $0).valid }
        // Own terms, head counts per target, nights and weekend days per row; then every combination.
        let cover = problem.shiftCover
        let options = context.catalog.options
        let own = rows.enumerated().map { a, list in list.map { ownCost(agent: a, row: $0) } }
        let counts = rows.map { list in
            list.map { row in cover.map { c in row.filter { $0 >= 0 && options[$0].date == c.date && options[$0].templateID == c.templateID }.count } }
        }
        let nights = rows.map { list in list.map { $0.filter { $0 >= 0 && options[$0].isNight }.count } }
        let weekendDays = rows.map { list in list.map { $0.filter { $0 >= 0 && options[$0].isWeekend }.count } }
        let w = problem.weights
        var pick = Array(repeating: 0, count: rows.count)
        func recurse(_ a: Int) {
            if a == rows.count {
                var cost = 0.0, maxNights = 0, maxWeekendDays = 0
                for (b, i) in pick.enumerated() {
                    cost += own[b][i]
                    maxNights = max(maxNights, nights[b][i])
                    maxWeekendDays = max(maxWeekendDays, weekendDays[b][i])
                }
                for (t, c) in cover.enumerated() {
                    let n = pick.enumerated().reduce(0) { $0 + counts[$1.offset][$1.element][t] }
                    cost += n < c.required ? c.underWeight * Double(c.required - n) : c.overWeight * Double(n - c.required)
                }
                cost += w.fairNights * Double(maxNights) + w.fairWeekends * Double(maxWeekendDays)
                if cost < optimum { optimum = cost; optimalRoster = pick.enumerated().map { rows[$0][$1] } }
                return
            }
            for i in rows[a].indices { pick[a] = i; recurse(a + 1) }
        }
        if rows.allSatisfy({ !$0.isEmpty }) { recurse(0) }
    }

    /// Paid hours, requests not granted, published changes, preference windows broken.
    func ownCost(agent a: Int, row: [Int]) -> Double {
        let p = context.problem
        let agent = p.agents[a]
        let worked = shifts(of: a, row: row, in: context)
        var cost = context.coefficients.paidHour * Double(worked.reduce(0) { $0 + $1.paidMinutes }) / 60
        for r in p.requests where r.agentID == agent.id {
            let matched = worked.contains { $0.date == r.date && (r.templateID == nil || r.templateID == $0.templateID) }
            if matched == (r.kind == .off) { cost += r.weight }
        }
        if let plan = p.published {
            let mine = plan.shifts.filter { $0.agentID == agent.id }
            for d in 0..<p.grid.days {
                let date = p.grid.startDate.adding(days: d)
                let old = mine.first { $0.date == date }, new = worked.first { $0.date == date }
                if old?.templateID != new?.templateID || old?.start != new?.start || old?.end != new?.end { cost += plan.changePenalty }
            }
        }
        for w in p.availability where w.agentID == agent.id && w.kind != .unavailable {
            let r = w.absoluteRange(in: p.grid.timeZone)
            let met = w.kind == .preferOff ? !worked.contains { $0.start < r.upperBound && r.lowerBound < $0.end }
                                           : worked.contains { $0.start <= r.lowerBound && r.upperBound <= $0.end }
            if !met { cost += w.kind == .preferOff ? p.weights.preferOff : p.weights.preferOn }
        }
        return cost
    }

    /// `RosterState.cost` of a roster (nil when the state rejects it).
    func stateCost(_ roster: [[Int]]) -> Double? {
        let state = RosterState(context: context)
        let changes = roster.enumerated().flatMap { a, row in
            row.enumerated().filter { $0.element >= 0 }.map { RosterState.Change(agent: a, day: $0.offset, option: $0.element, breaks: []) }
        }
        guard state.evaluate(changes) != nil else { return nil }
        state.commit()
        return state.cost
    }
}

struct BoundCase: CustomTestStringConvertible, Sendable {
    var name: String
    var agents: Int
    var days: Int
    var templates: Int
    var tighten: @Sendable (inout RosterProblem) -> Void
    var testDescription: String { name }
}

private func index(_ p: RosterProblem, _ id: String) -> Int { p.templates.firstIndex { $0.id == id }! }

/// Runs of 2…4 working days, rest runs of at least 2, no early the day after a late, at most one weekend.
private func shortRuns(_ p: inout RosterProblem) {
    p.contracts[0].maxConsecutiveDays = 4
    p.contracts[0].minConsecutiveDays = 2
    p.contracts[0].minConsecutiveDaysOff = 2
    p.contracts[0].maxWeekends = 1
    p.templates[index(p, "l")].cannotFollow = ["e"]
}

/// One agent, only rules the programme keeps exactly (sequence rules, horizon window, weekends; no
/// rest rule, no weekly or per-template rule, no fairness): the bound is the optimum.
private let exactCases: [BoundCase] = [
    BoundCase(name: "runs 2…4, rest runs ≥ 2, no early after a late, horizon 1920…2880, one weekend", agents: 1, days: 8, templates: 2) { p in
        shortRuns(&p)
        p.contracts[0].horizonMinutesMin = 1920
        p.contracts[0].horizonMinutesMax = 2880
    },
    BoundCase(name: "three templates, carry-in run of 2, runs ≤ 3 and ≥ 2, horizon ≥ 1800", agents: 1, days: 7, templates: 3) { p in
        p.contracts[0].maxConsecutiveDays = 3
        p.contracts[0].minConsecutiveDays = 2
        p.contracts[0].horizonMinutesMin = 1800
        p.templates[index(p, "e")].cannotFollow = ["n"]
        p.templates[index(p, "l")].cannotFollow = ["n"]
        for back in 1...2 {
            let date = p.grid.startDate.adding(days: -back)
            let start = TimeGrid.instant(of: date, minute: 480, in: TinyProblems.utc)
            p.carryIn.append(CarryInShift(agentID: "a0", date: date, start: start, end: start + 480 * 60))
        }
    },
]

/// Several agents, or rules priced by multipliers or dropped (weekly rules, template maxima, rest,
/// preference windows, fairness, a published roster): the bound stays at or below the optimum, with
/// or without the optimum as the steps' target, and repeats exactly.
private let validCases: [BoundCase] = [
    BoundCase(name: "two agents, runs 2…4, rest runs ≥ 2, no early after a late, one weekend", agents: 2, days: 7, templates: 2, tighten: shortRuns),
    BoundCase(name: "three agents, one template, horizon 1440…2400, at most 4 earlies, runs ≤ 3", agents: 3, days: 6, templates: 1) { p in
        p.contracts[0].horizonMinutesMin = 1440
        p.contracts[0].horizonMinutesMax = 2400
        p.contracts[0].maxShiftsPerTemplate = ["e": 4]
        p.contracts[0].maxConsecutiveDays = 3
    },
    BoundCase(name: "two agents, weekly 480…1800 minutes, 2 days off, one night, 11 h rest, paid hours", agents: 2, days: 5, templates: 3) { p in
        p.contracts[0].weekMinutesMin = 480
        p.contracts[0].weekMinutesMax = 1800
        p.contracts[0].daysOffMin = 2
        p.contracts[0].maxNightShifts = 1
        p.contracts[0].minRestMinutes = 660
        p.weights.paidHour = 0.5
    },
    BoundCase(name: "two agents, published roster, prefer-off window, fairness, unavailable day", agents: 2, days: 6, templates: 2) { p in
        p.contracts[0].maxConsecutiveDays = 3
        p.contracts[0].minConsecutiveDaysOff = 2
        p.weights.fairNights = 1
        p.weights.fairWeekends = 2
        let first = p.grid.startDate
        let day = { (d: Int) in first.adding(days: d) }
        let early = { (d: Int) in TimeGrid.instant(of: day(d), minute: 480, in: TinyProblems.utc) }
        p.published = PublishedPlan(shifts: [0, 1, 3].map { d in
            RosterShift(agentID: "a0", date: day(d), templateID: "e", start: early(d), end: early(d) + 480 * 60, paidMinutes: 480, breaks: [])
        }, changePenalty: 4)
        p.availability.append(AvailabilityWindow(agentID: "a1", date: day(2), startMinute: 600, endMinute: 720, kind: .preferOff))
        p.availability.append(AvailabilityWindow(agentID: "a0", date: day(4), startMinute: 0, endMinute: 1440, kind: .unavailable))
    },
]

private let boundSeeds: [UInt64] = [3, 11, 29]

private func bound(_ problem: RosterProblem, upperBound: Double? = nil) -> Double {
    HeadCountBound(context: SchedulingContext(problem: problem)).value(iterations: 400, upperBound: upperBound, deadline: .now + .seconds(3600))
}

/// The brute-force optimum passes the independent checker, and its term-by-term cost is
/// `RosterState.cost` of that roster.
private func expectStateAgrees(_ truth: HeadCountTruth, _ label: String) {
    let roster = Roster(shifts: truth.optimalRoster.enumerated().flatMap { shifts(of: $0, row: $1, in: truth.context) })
    #expect(RuleChecker(problem: truth.context.problem).violations(of: roster).isEmpty, "\(label)")
    guard let state = truth.stateCost(truth.optimalRoster) else { Issue.record("\(label): the state rejects the optimum"); return }
    #expect(abs(state - truth.optimum) < 1e-9, "\(label): RosterState \(state) vs brute force \(truth.optimum)")
}

@Test(arguments: exactCases)
func headCountBoundIsTheOptimumForOneAgent(_ c: BoundCase) throws {
    for seed in boundSeeds {
        let problem = headCountProblem(agents: c.agents, days: c.days, templates: c.templates, seed: seed, c.tighten)
        let truth = HeadCountTruth(problem)
        try #require(truth.optimum < .infinity, "seed \(seed): no valid roster")
        expectStateAgrees(truth, "seed \(seed)")
        let value = bound(problem)
        #expect(value <= truth.optimum + 1e-6, "seed \(seed): bound \(value) above the optimum \(truth.optimum)")
        #expect(value >= truth.optimum - 1e-6, "seed \(seed): bound \(value) below the optimum \(truth.optimum)")
    }
}

@Test(arguments: validCases)
func headCountBoundIsAtMostTheOptimum(_ c: BoundCase) throws {
    for seed in boundSeeds {
        let problem = headCountProblem(agents: c.agents, days: c.days, templates: c.templates, seed: seed, c.tighten)
        let truth = HeadCountTruth(problem)
        try #require(truth.optimum < .infinity, "seed \(seed): no valid roster")
        expectStateAgrees(truth, "seed \(seed)")
        for upperBound in [nil, truth.optimum] {
            let value = bound(problem, upperBound: upperBound)
            #expect(value <= truth.optimum + 1e-6, "seed \(seed): bound \(value) above the optimum \(truth.optimum)")
            // Measured: at least 0.87 of the optimum on these cases (lowest 57.0 of 65, with rest and
            // weekly rules relaxed); fairness and preference windows are left out of the bound.
            #expect(value >= 0.85 * truth.optimum, "seed \(seed): bound \(value) far below the optimum \(truth.optimum)")
        }
        #expect(bound(problem) == bound(problem), "seed \(seed): repeatable")
    }
}

