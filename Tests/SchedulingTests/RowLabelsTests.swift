import Foundation
import Testing
import WFMCore
@testable import Scheduling

/// `RowLabels` (exact cheapest row) and `RowPolish` (one- and two-day descent) against brute force:
/// every row of one agent over a 7–10-day horizon enumerated and judged by `WeekRules`
/// (`allowsExceptMinimum` and no `shortfall`), the valid ones cross-checked with `RuleChecker`.
///
/// Horizons start on Friday 2026-03-06 (days 1–2 and 8–9 are weekends, day 7 starts the second
/// week). Templates, one start each unless said: "e" 08:00 (480 paid minutes), "l" 16:00 (360),
/// "n" 00:00 (600, a night), "d" 06:00 or 10:00 (420).
private let templatePool = [
    ShiftTemplate(id: "e", startEarliestMinute: 480, startLatestMinute: 480, startStepMinutes: 60, lengthsMinutes: [480], breaks: []),
    ShiftTemplate(id: "l", startEarliestMinute: 960, startLatestMinute: 960, startStepMinutes: 60, lengthsMinutes: [360], breaks: []),
    ShiftTemplate(id: "n", startEarliestMinute: 0, startLatestMinute: 0, startStepMinutes: 60, lengthsMinutes: [600], breaks: []),
    ShiftTemplate(id: "d", startEarliestMinute: 360, startLatestMinute: 600, startStepMinutes: 240, lengthsMinutes: [420], breaks: []),
]

/// A problem over `days` whose agents work the pool templates `templates`, loose rules unless `tighten`
/// sets them (`TinyProblems.base` otherwise).
func poolProblem(agents: Int = 1, days: Int, templates: [String], _ tighten: (inout RosterProblem) -> Void) -> RosterProblem {
    var p = TinyProblems.base(agents: agents, days: days)
    p.templates = templates.map { id in templatePool.first { $0.id == id }! }
    p.contracts[0].templateIDs = templates
    tighten(&p)
    #expect(p.diagnostics().isEmpty, "\(p.diagnostics())")
    return p
}

/// Carry-in shifts of template `id` on the `count` days before the horizon (for `poolProblem`).
func carryIn(_ p: inout RosterProblem, agent: String, template id: String, count: Int) {
    let template = templatePool.first { $0.id == id }!
    for back in 1...count {
        let date = p.grid.startDate.adding(days: -back)
        let start = TimeGrid.instant(of: date, minute: template.startEarliestMinute, in: TinyProblems.utc)
        p.carryIn.append(CarryInShift(agentID: agent, date: date, start: start, end: start + template.lengthsMinutes[0] * 60))
    }
}

/// Failure messages name the agent, not the whole context.
extension AgentRows: CustomTestStringConvertible {
    var testDescription: String { "rows of agent \(agent)" }
}

struct LabelCase: CustomTestStringConvertible, Sendable {
    var name: String
    var days: Int
    var templates: [String]
    var hasValidRow = true
    var tighten: @Sendable (inout RosterProblem) -> Void
    var testDescription: String { name }

    var rows: AgentRows { AgentRows(SchedulingContext(problem: poolProblem(days: days, templates: templates, tighten)), agent: 0) }
}

/// One agent's contracts exercising every rule `RowLabels` tracks; the last two have no valid row.
private let labelCases: [LabelCase] = [
    LabelCase(name: "runs 2…4, rest runs ≥ 2, no early after a late", days: 10, templates: ["e", "l"]) { p in
        p.contracts[0].maxConsecutiveDays = 4
        p.contracts[0].minConsecutiveDays = 2
        p.contracts[0].minConsecutiveDaysOff = 2
        p.templates[1].cannotFollow = ["e"]
    },
    LabelCase(name: "carry-in of 3 lates, runs ≤ 4 and ≥ 3, rest runs ≥ 2, 12 h rest", days: 10, templates: ["e", "l"]) { p in
        p.contracts[0].maxConsecutiveDays = 4
        p.contracts[0].minConsecutiveDays = 3
        p.contracts[0].minConsecutiveDaysOff = 2
        p.contracts[0].minRestMinutes = 720
        carryIn(&p, agent: "a0", template: "l", count: 3)
    },
    LabelCase(name: "horizon 2400…2880, ≤ 3 earlies, 1 weekend, runs 2…4", days: 10, templates: ["e", "l"]) { p in
        p.contracts[0].horizonMinutesMin = 2400
        p.contracts[0].horizonMinutesMax = 2880
        p.contracts[0].maxShiftsPerTemplate = ["e": 3]
        p.contracts[0].maxWeekends = 1
        p.contracts[0].minConsecutiveDays = 2
        p.contracts[0].maxConsecutiveDays = 4
    },
    LabelCase(name: "2 days off and 480…1800 paid per week, horizon ≤ 3360, 1 weekend, no late after an early", days: 10, templates: ["e", "l"]) { p in
        p.contracts[0].daysOffMin = 2
        p.contracts[0].weekMinutesMin = 480
        p.contracts[0].weekMinutesMax = 1800
        p.contracts[0].horizonMinutesMax = 3360
        p.contracts[0].maxWeekends = 1
        p.templates[0].cannotFollow = ["l"]
    },
    LabelCase(name: "three templates: 1 night a week, ≤ 2 lates, horizon ≥ 2400, rest runs ≥ 2, 11 h rest, 0 weekends", days: 8, templates: ["e", "l", "n"]) { p in
        p.contracts[0].maxNightShifts = 1
        p.contracts[0].maxShiftsPerTemplate = ["l": 2]
        p.contracts[0].horizonMinutesMin = 2400
        p.contracts[0].minConsecutiveDaysOff = 2
        p.contracts[0].minRestMinutes = 660
        p.contracts[0].maxWeekends = 0
    },
    LabelCase(name: "two starts, start spread ≤ 180, ≥ 420 paid a week, runs ≤ 3, carry-in of 2 earlies", days: 8, templates: ["d", "e"]) { p in
        p.contracts[0].maxStartSpreadMinutes = 180
        p.contracts[0].weekMinutesMin = 420
        p.contracts[0].maxConsecutiveDays = 3
        carryIn(&p, agent: "a0", template: "e", count: 2)
    },
    LabelCase(name: "paid 1800…2160, ≤ 1 early, ≤ 1 night, runs of exactly 2", days: 7, templates: ["e", "l", "n"]) { p in
        p.contracts[0].horizonMinutesMin = 1440 + 360
        p.contracts[0].horizonMinutesMax = 2160
        p.contracts[0].maxShiftsPerTemplate = ["e": 1, "n": 1]
        p.contracts[0].minConsecutiveDays = 2
        p.contracts[0].maxConsecutiveDays = 2
    },
    LabelCase(name: "from a Sunday: 1 weekend, no nights (template maximum 0), runs ≥ 3 after a carry-in of 1 early", days: 8, templates: ["e", "l", "n"]) { p in
        p.grid = TimeGrid(timeZone: TinyProblems.utc, startDate: LocalDate("2026-03-08")!, days: 8, intervalMinutes: 60)
        p.contracts[0].maxWeekends = 1
        p.contracts[0].maxShiftsPerTemplate = ["n": 0]
        p.contracts[0].minConsecutiveDays = 3
        carryIn(&p, agent: "a0", template: "e", count: 1)
    },
    LabelCase(name: "no valid row: horizon ≥ 3360 in 8 earlies with runs ≤ 3 and rest runs ≥ 2", days: 8, templates: ["e"], hasValidRow: false) { p in
        p.contracts[0].horizonMinutesMin = 3360
        p.contracts[0].maxConsecutiveDays = 3
        p.contracts[0].minConsecutiveDaysOff = 2
    },
    LabelCase(name: "no valid row: ≤ 2 lates, ≤ 1 early and 3 days off a week against ≥ 1440 paid a week", days: 7, templates: ["e", "l"], hasValidRow: false) { p in
        p.contracts[0].maxShiftsPerTemplate = ["e": 1, "l": 2]
        p.contracts[0].daysOffMin = 3
        p.contracts[0].weekMinutesMin = 1440
    },
]

private let labelSeeds: [UInt64] = Array(1...12)

/// `cheapest` is exact. First the enumerated truth itself: the case has valid rows exactly when it
/// should, and rows that break a rule; every 5th valid row is accepted by the checker and no 97th
/// invalid one. Then for 12 seeded cost tables (negative costs included) and a flat one (every row
/// equally cheap) `cheapest` returns a row that keeps every rule (by `WeekRules` and the checker)
/// whose cost is the brute-force minimum, and nil exactly when no row is valid.
@Test(arguments: labelCases)
func cheapestRowIsTheBruteForceOptimum(_ c: LabelCase) throws {
    let rows = c.rows
    #expect(rows.valid.isEmpty == !c.hasValidRow, "\(rows.valid.count) valid rows")
    #expect(!rows.invalid.isEmpty)
    #expect(stride(from: 0, to: rows.valid.count, by: 5).allSatisfy { rows.checkerAccepts(rows.valid[$0]) })
    #expect(stride(from: 0, to: rows.invalid.count, by: 97).allSatisfy { !rows.checkerAccepts(rows.invalid[$0]) })

    let labels = RowLabels(context: rows.context, rules: rows.rules)
    let flat = rows.context.catalog.allowed[0].map { $0.map { _ in 0.0 } }
    for (seed, costs) in labelSeeds.map({ ($0, rows.randomCosts(seed: $0)) }) + [(UInt64(0), flat)] {
        let row = labels.cheapest(agent: 0, costs: costs)
        guard let optimum = rows.optimum(costs) else {
            #expect(row == nil, "seed \(seed): no valid row, cheapest returned \(String(describing: row))")
            continue
        }
        let found = try #require(row, "seed \(seed): a valid row of cost \(optimum) exists")
        #expect(rows.keeps(found), "seed \(seed): \(found) short \(rows.rules.shortfall(agent: 0, week: found))")
        #expect(rows.checkerAccepts(found), "seed \(seed): \(found)")
        #expect(abs(rows.cost(found, costs) - optimum) < 1e-9, "seed \(seed): labels \(rows.cost(found, costs)) vs optimum \(optimum)")
    }
}

/// Above `maxStates` states on one day the search gives up: one state is fewer than day 0 needs (off
/// and a shift); the default finds a row.
@Test func cheapestGivesUpAboveMaxStates() {
    let c = labelCases[0]
    let context = SchedulingContext(problem: poolProblem(days: c.days, templates: c.templates, c.tighten))
    var labels = RowLabels(context: context, rules: WeekRules(context: context))
    let costs = context.catalog.allowed[0].map { $0.map { _ in -1.0 } }
    labels.maxStates = 1
    let capped = labels.cheapest(agent: 0, costs: costs)
    labels.maxStates = 60_000
    let uncapped = labels.cheapest(agent: 0, costs: costs)
    #expect(capped == nil)
    #expect(uncapped != nil)
}

/// `polish` from 8 seeded valid start rows per case: the result keeps every rule, costs no more than
/// the start, and no valid row (by brute force) that differs from it on one or two days is cheaper;
/// some start improves. From 8 seeded rows that break a rule (a maximum broken or a minimum short)
/// it returns the start unchanged.
@Test(arguments: labelCases)
func polishedRowIsATwoDayLocalOptimum(_ c: LabelCase) throws {
    let rows = c.rows
    var polish = RowPolish(context: rows.context, rules: rows.rules)
    polish.passes = 10_000   // run to the local optimum
    var rng = SplitMix64(seed: 5)
    var improved = 0
    for seed in 1...UInt64(8) where !rows.valid.isEmpty {
        let costs = rows.randomCosts(seed: seed)
        let start = rows.valid[Int(rng.next() % UInt64(rows.valid.count))]
        let row = polish.polish(agent: 0, row: start, costs: costs)
        #expect(rows.keeps(row), "seed \(seed): \(start) → \(row)")
        let cost = rows.cost(row, costs)
        #expect(cost <= rows.cost(start, costs) + 1e-12, "seed \(seed): \(rows.cost(start, costs)) → \(cost)")
        if cost < rows.cost(start, costs) - 1e-9 { improved += 1 }
        let better = rows.valid.first { other in
            zip(other, row).filter { $0 != $1 }.count <= 2 && rows.cost(other, costs) < cost - 1e-9
        }
        #expect(better == nil, "seed \(seed): \(row) costs \(cost), \(better ?? []) costs \(rows.cost(better ?? row, costs))")
    }
    #expect(improved > 0 || !c.hasValidRow, "some start was improved")
    for seed in 1...UInt64(8) {
        let start = rows.invalid[Int(rng.next() % UInt64(rows.invalid.count))]
        let row = polish.polish(agent: 0, row: start, costs: rows.randomCosts(seed: seed))
        #expect(row == start, "seed \(seed): invalid start \(start) → \(row)")
    }
}
