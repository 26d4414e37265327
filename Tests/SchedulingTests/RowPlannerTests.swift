import Foundation
import Testing
import WFMCore
@testable import Scheduling

/// `RowPlanner` and `RosterState.dayCosts` against independent truth: every row of a small horizon
/// enumerated and judged by `WeekRules` (cross-checked with `RuleChecker`), and `RosterState.evaluate`.
///
/// One agent from Friday 2026-03-06 (days 1–2 and 8–9 are weekends, day 7 starts the second week),
/// templates with one start each: "e" 08:00–16:00 (480 paid minutes), "l" 16:00–22:00 (360), and
/// with three templates "n" 00:00–10:00 (600, a night). Loose weekly rules unless a case tightens them.
private func rowProblem(days: Int, templates: Int, _ tighten: (inout RosterProblem) -> Void) -> RosterProblem {
    var p = TinyProblems.base(agents: 1, days: days)
    let all = [ShiftTemplate(id: "e", startEarliestMinute: 480, startLatestMinute: 480, startStepMinutes: 60, lengthsMinutes: [480], breaks: []),
               ShiftTemplate(id: "l", startEarliestMinute: 960, startLatestMinute: 960, startStepMinutes: 60, lengthsMinutes: [360], breaks: []),
               ShiftTemplate(id: "n", startEarliestMinute: 0, startLatestMinute: 0, startStepMinutes: 60, lengthsMinutes: [600], breaks: [])]
    p.templates = Array(all.prefix(templates))
    p.contracts[0].templateIDs = p.templates.map(\.id)
    tighten(&p)
    #expect(p.diagnostics().isEmpty)
    return p
}

/// The index of template `id` in `p`, for `cannotFollow` edits.
private func index(_ p: RosterProblem, _ id: String) -> Int { p.templates.firstIndex { $0.id == id }! }

struct RowCase: CustomTestStringConvertible, Sendable {
    var name: String
    var days: Int
    var templates: Int
    var tighten: @Sendable (inout RosterProblem) -> Void
    var testDescription: String { name }
}

/// Sequence rules only: the counting rules are loose (the weekly defaults of `TinyProblems.base`).
private let sequenceCases: [RowCase] = [
    RowCase(name: "runs 2…4 of work, rest runs ≥ 2, no early after a late", days: 10, templates: 2) { p in
        p.contracts[0].maxConsecutiveDays = 4
        p.contracts[0].minConsecutiveDays = 2
        p.contracts[0].minConsecutiveDaysOff = 2
        p.templates[index(p, "l")].cannotFollow = ["e"]
    },
    RowCase(name: "carry-in of two lates, runs of exactly 3, 11 h rest", days: 10, templates: 2) { p in
        p.contracts[0].maxConsecutiveDays = 3
        p.contracts[0].minConsecutiveDays = 3
        p.contracts[0].minRestMinutes = 660
        for back in 1...2 {
            let date = p.grid.startDate.adding(days: -back)
            let start = TimeGrid.instant(of: date, minute: 960, in: TinyProblems.utc)
            p.carryIn.append(CarryInShift(agentID: "a0", date: date, start: start, end: start + 360 * 60))
        }
    },
    RowCase(name: "three templates, rest runs ≥ 3, no night after an early or a late", days: 8, templates: 3) { p in
        p.contracts[0].maxConsecutiveDays = 5
        p.contracts[0].minConsecutiveDays = 2
        p.contracts[0].minConsecutiveDaysOff = 3
        p.templates[index(p, "e")].cannotFollow = ["n"]
        p.templates[index(p, "l")].cannotFollow = ["n"]
    },
]

/// Sequence rules plus binding counting rules (horizon window, template maxima, weekends, weekly rules).
private let countingCases: [RowCase] = [
    RowCase(name: "horizon 2400…2880, at most 3 earlies, 1 weekend, runs 2…4", days: 10, templates: 2) { p in
        p.contracts[0].horizonMinutesMin = 2400
        p.contracts[0].horizonMinutesMax = 2880
        p.contracts[0].maxShiftsPerTemplate = ["e": 3]
        p.contracts[0].maxWeekends = 1
        p.contracts[0].minConsecutiveDays = 2
        p.contracts[0].maxConsecutiveDays = 4
    },
    RowCase(name: "2 days off and 480…1800 paid per week, horizon ≤ 3360, 1 weekend", days: 10, templates: 2) { p in
        p.contracts[0].daysOffMin = 2
        p.contracts[0].weekMinutesMin = 480
        p.contracts[0].weekMinutesMax = 1800
        p.contracts[0].horizonMinutesMax = 3360
        p.contracts[0].maxWeekends = 1
        p.templates[index(p, "l")].cannotFollow = ["e"]
    },
    RowCase(name: "one night a week, at most 2 lates, horizon ≥ 2400, rest runs ≥ 2, 1 weekend", days: 8, templates: 3) { p in
        p.contracts[0].maxNightShifts = 1
        p.contracts[0].maxShiftsPerTemplate = ["l": 2]
        p.contracts[0].horizonMinutesMin = 2400
        p.contracts[0].minConsecutiveDaysOff = 2
        p.contracts[0].maxWeekends = 1
    },
    RowCase(name: "horizon 3840…4800 with earlies only: work every day of 8", days: 8, templates: 1) { p in
        p.contracts[0].horizonMinutesMin = 3840
        p.contracts[0].horizonMinutesMax = 4800
    },
]

private let rowSeeds: [UInt64] = Array(1...12)

/// The brute-force truth agrees with the independent checker: every row `WeekRules` calls valid is
/// accepted, and short rows (every 7th, for time) are rejected.
@Test(arguments: [sequenceCases[0], countingCases[0], countingCases[1]])
func everyValidRowPassesTheChecker(_ c: RowCase) {
    let rows = AgentRows(SchedulingContext(problem: rowProblem(days: c.days, templates: c.templates, c.tighten)), agent: 0)
    #expect(rows.valid.allSatisfy(rows.checkerAccepts))
    #expect(!rows.open.isEmpty)
    #expect(stride(from: 0, to: rows.open.count, by: 7).allSatisfy { !rows.checkerAccepts(rows.open[$0]) })
}

/// With only sequence rules every multiplier stays 0 and the first round of the dynamic programme
/// runs on the exact costs: the planned row is the brute-force optimum (equal cost), valid and
/// accepted by the checker.
@Test(arguments: sequenceCases)
func plannedRowIsOptimalUnderSequenceRules(_ c: RowCase) throws {
    let rows = AgentRows(SchedulingContext(problem: rowProblem(days: c.days, templates: c.templates, c.tighten)), agent: 0)
    #expect(!rows.valid.isEmpty)
    let planner = RowPlanner(context: rows.context, rules: rows.rules)
    for seed in rowSeeds {
        let costs = rows.randomCosts(seed: seed)
        guard let optimum = rows.optimum(costs) else { Issue.record("seed \(seed): no valid row"); continue }
        let row = try #require(planner.plan(agent: 0, costs: costs), "seed \(seed)")
        #expect(rows.valid.contains(row), "seed \(seed): \(row)")
        #expect(rows.checkerAccepts(row), "seed \(seed): \(row)")
        #expect(abs(rows.cost(row, costs) - optimum) < 1e-9, "seed \(seed): planner \(rows.cost(row, costs)) vs optimum \(optimum)")
    }
}

/// With counting rules the planner is a heuristic: whenever a valid row exists it returns one (no
/// maximum broken, nothing short, accepted by the checker), never cheaper than the optimum.
@Test(arguments: countingCases)
func plannedRowIsValidUnderCountingRules(_ c: RowCase) throws {
    let rows = AgentRows(SchedulingContext(problem: rowProblem(days: c.days, templates: c.templates, c.tighten)), agent: 0)
    #expect(!rows.valid.isEmpty)
    #expect(!rows.open.isEmpty, "a minimum binds")
    let planner = RowPlanner(context: rows.context, rules: rows.rules)
    for seed in rowSeeds {
        let costs = rows.randomCosts(seed: seed)
        guard let optimum = rows.optimum(costs) else { Issue.record("seed \(seed): no valid row"); continue }
        let row = try #require(planner.plan(agent: 0, costs: costs), "seed \(seed)")
        #expect(rows.valid.contains(row), "seed \(seed): \(row) short \(rows.rules.shortfall(agent: 0, week: row))")
        #expect(rows.checkerAccepts(row), "seed \(seed): \(row)")
        #expect(rows.cost(row, costs) >= optimum - 1e-9)
    }
}

/// `dayCosts` of an agent with an empty row, on a contract without minima (so no priced rule moves)
/// and without fairness weights (which `dayCosts` leaves out): each entry is the change in cost that
/// `evaluate` gives for working that one option, with shift cover, requests and preference windows,
/// and with a queue's service too. Agent a1 works a few shifts first, so cover is over on some dates.
@Test(arguments: [false, true])
func dayCostsOfAnEmptyRowAreTheSingleChangesEvaluated(withQueue: Bool) throws {
    var p = TinyProblems.base(agents: 2, days: 7)
    p.templates.append(ShiftTemplate(id: "late", startEarliestMinute: 960, startLatestMinute: 960, startStepMinutes: 60,
                                     lengthsMinutes: [480], breaks: [], cannotFollow: ["s"]))
    p.contracts[0].templateIDs = ["s", "late"]
    if !withQueue {
        p.queues = []
        for i in p.agents.indices { p.agents[i].skills = [] }
    }
    p.weights.fairNights = 0
    p.weights.fairWeekends = 0
    let date = { p.grid.startDate.adding(days: $0) }
    p.shiftCover = [ShiftCover(date: date(0), templateID: "s", required: 2, underWeight: 6, overWeight: 2),
                    ShiftCover(date: date(1), templateID: "late", required: 1, underWeight: 3, overWeight: 1),
                    ShiftCover(date: date(2), templateID: "s", required: 1, underWeight: 5, overWeight: 4),
                    ShiftCover(date: date(4), templateID: "late", required: 1, underWeight: 2, overWeight: 7)]
    p.requests = [ShiftRequest(agentID: "a0", date: date(1), templateID: nil, kind: .on, weight: 4),
                  ShiftRequest(agentID: "a0", date: date(2), templateID: "s", kind: .off, weight: 5),
                  ShiftRequest(agentID: "a0", date: date(3), templateID: "late", kind: .on, weight: 7),
                  ShiftRequest(agentID: "a0", date: date(4), templateID: nil, kind: .off, weight: 2)]
    p.availability = [AvailabilityWindow(agentID: "a0", date: date(5), startMinute: 480, endMinute: 720, kind: .preferOff),
                      AvailabilityWindow(agentID: "a0", date: date(6), startMinute: 540, endMinute: 900, kind: .preferOn)]
    #expect(p.diagnostics().isEmpty)
    let context = SchedulingContext(problem: p)
    let state = RosterState(context: context)
    let options = context.catalog.options
    let busy = [(0, "s", 480), (1, "s", 480), (2, "s", 0), (4, "late", 960)].map { d, template, minute in
        RosterState.Change(agent: 1, day: d, option: context.catalog.allowed[1][d].first { options[$0].templateID == template && options[$0].startMinute == minute }!,
                           breaks: nil)
    }
    #expect(state.evaluate(busy) != nil)
    state.commit()
    let before = state.cost
    let costs = state.dayCosts(agent: 0)
    #expect(state.cost == before, "dayCosts leaves the state as it was")
    #expect(Set(costs.joined()).count > 5, "cover, requests and windows make the costs differ")
    for (d, list) in context.catalog.allowed[0].enumerated() {
        for (k, o) in list.enumerated() {
            let delta = try #require(state.evaluate([RosterState.Change(agent: 0, day: d, option: o, breaks: nil)]))
            state.discard()
            #expect(abs(delta - costs[d][k]) < 1e-9, "day \(d) option \(options[o].templateID)@\(options[o].startMinute): evaluate \(delta), dayCosts \(costs[d][k])")
        }
    }
}

/// A head-count problem on which agent 0 can keep every rule (brute force finds valid rows): early
/// cover wanted every day, at least 2400 paid minutes over 10 days and 480 in each week (205 in the 3-day last one), runs of 2…4
/// working days, one weekend; no fairness weights (which `dayCosts` leaves out). A request for day 3
/// off and one for a late on day 8 make rows differ in more than their hours.
private func shortAgentProblem() -> RosterProblem {
    rowProblem(days: 10, templates: 2) { p in
        p.queues = []
        p.agents[0].skills = []
        p.weights.paidHour = 0.05
        p.weights.fairNights = 0
        p.weights.fairWeekends = 0
        p.contracts[0].horizonMinutesMin = 2400
        p.contracts[0].weekMinutesMin = 480
        p.contracts[0].minConsecutiveDays = 2
        p.contracts[0].maxConsecutiveDays = 4
        p.contracts[0].maxWeekends = 1
        p.requests = [ShiftRequest(agentID: "a0", date: p.grid.startDate.adding(days: 3), templateID: nil, kind: .off, weight: 3),
                      ShiftRequest(agentID: "a0", date: p.grid.startDate.adding(days: 8), templateID: "l", kind: .on, weight: 1.5)]
        p.shiftCover = (0..<10).map { ShiftCover(date: p.grid.startDate.adding(days: $0), templateID: "e", required: 1, underWeight: 2, overWeight: 1) }
    }
}

/// The agent's row as full-horizon changes.
private func changes(_ row: [Int]) -> [RosterState.Change] {
    row.enumerated().map { RosterState.Change(agent: 0, day: $0, option: $1, breaks: nil) }
}

/// An agent with an empty row (short of both minima) is re-planned into a row that keeps every rule:
/// no shortfall left, the checker accepts the roster, the cost falls.
@Test func replanCompletesAnEmptyRow() throws {
    let rows = AgentRows(SchedulingContext(problem: shortAgentProblem()), agent: 0)
    #expect(!rows.valid.isEmpty)
    let state = RosterState(context: rows.context)
    // The horizon's 2400, the first week's 480 and the 3-day last week's ⌊480 · 3/7⌋ = 205.
    #expect(state.shortfall(agent: 0) == 2400 + 480 + 205)
    let before = state.cost
    #expect(RowPlanner(context: rows.context, rules: state.rules).replan(agent: 0, in: state))
    #expect(state.shortfall(agent: 0) == 0)
    #expect(rows.valid.contains(state.choice[0]))
    #expect(RuleChecker(problem: rows.context.problem).violations(of: state.roster()).isEmpty)
    #expect(state.cost < before)
}

/// From seeded start rows that keep every maximum (some short, some not), `replan` commits only a row
/// that is less short, or as short and cheaper; otherwise the state is untouched. A short start
/// row ends with no shortfall (a valid row exists).
@Test func replanCommitsOnlyLessShortOrCheaperRows() throws {
    let rows = AgentRows(SchedulingContext(problem: shortAgentProblem()), agent: 0)
    let planner = RowPlanner(context: rows.context, rules: rows.rules)
    let starts = rows.valid + rows.open
    var rng = SplitMix64(seed: 11)
    var committed = 0, shortStarts = 0
    for _ in 0..<12 {
        let start = starts[Int(rng.next() % UInt64(starts.count))]
        let state = RosterState(context: rows.context)
        #expect(state.evaluate(changes(start)) != nil)
        state.commit()
        let (short, cost) = (state.shortfall(agent: 0), state.cost)
        if planner.replan(agent: 0, in: state) {
            committed += 1
            #expect(state.shortfall(agent: 0) < short || (state.shortfall(agent: 0) == short && state.cost < cost - 1e-9),
                    "start \(start): shortfall \(short) → \(state.shortfall(agent: 0)), cost \(cost) → \(state.cost)")
        } else {
            #expect(state.choice[0] == start)
            #expect(state.cost == cost)
        }
        if short > 0 { shortStarts += 1; #expect(state.shortfall(agent: 0) == 0, "start \(start) stays short") }
    }
    #expect(committed > 0 && shortStarts > 0)
}

/// Agent 0 is the only agent and its cover targets, requests and paid hours are per day, so a row's
/// cost is the sum of its `dayCosts`. Started on the cheapest valid row by brute force, `replan` finds
/// nothing less short or cheaper and leaves the state untouched.
@Test func replanLeavesTheCheapestValidRowAlone() throws {
    let rows = AgentRows(SchedulingContext(problem: shortAgentProblem()), agent: 0)
    let state = RosterState(context: rows.context)
    let empty = state.cost
    let costs = state.dayCosts(agent: 0)
    let start = try #require(rows.valid.min { rows.cost($0, costs) < rows.cost($1, costs) })
    #expect(state.evaluate(changes(start)) != nil)
    state.commit()
    #expect(abs(state.cost - (empty - RosterState.deficitWeight * 3085) - rows.cost(start, costs)) < 1e-9,
            "the row's cost is its day costs (the empty row was 3085 minutes short)")
    let cost = state.cost
    #expect(!RowPlanner(context: rows.context, rules: rows.rules).replan(agent: 0, in: state))
    #expect(state.choice[0] == start)
    #expect(state.shortfall(agent: 0) == 0)
    #expect(state.cost == cost)
}
