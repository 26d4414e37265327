import WFMCore
@testable import Scheduling

/// Calls `body` with every row of one agent: each day a day off (−1) or one of the options
/// `context.catalog.allowed[agent][d]`, in odometer order (day 0 turns fastest). The brute force
/// behind the row tests: (options + 1)^days rows, so keep horizons short.
func forEveryRow(of agent: Int, in context: SchedulingContext, _ body: ([Int]) -> Void) {
    let choices = context.catalog.allowed[agent].map { [-1] + $0 }
    var digits = Array(repeating: 0, count: choices.count)
    while true {
        body(zip(choices, digits).map { $0[$1] })
        var d = 0
        while d < digits.count {
            digits[d] += 1
            if digits[d] < choices[d].count { break }
            digits[d] = 0
            d += 1
        }
        if d == digits.count { break }
    }
}

/// Every row of agent `agent` (option per day, −1 off) over the options `catalog.allowed` gives it,
/// split by `WeekRules` into `valid` (every hard rule kept) and `invalid` (a maximum broken or a
/// minimum short); `open`, part of `invalid`, keeps the maxima but is short of a priced minimum.
struct AgentRows {
    let context: SchedulingContext
    let rules: WeekRules
    let agent: Int
    var valid: [[Int]] = []
    var invalid: [[Int]] = []
    var open: [[Int]] = []

    init(_ context: SchedulingContext, agent: Int) {
        self.context = context
        self.agent = agent
        rules = WeekRules(context: context)
        var valid: [[Int]] = [], invalid: [[Int]] = []
        let rules = self.rules
        forEveryRow(of: agent, in: context) { row in
            if Self.keeps(row, agent: agent, rules: rules) { valid.append(row) } else { invalid.append(row) }
        }
        self.valid = valid
        self.invalid = invalid
        open = invalid.filter { rules.allowsExceptMinimum(agent: agent, week: $0) }
    }

    /// Whether `row` keeps every hard rule by `WeekRules`.
    func keeps(_ row: [Int]) -> Bool { Self.keeps(row, agent: agent, rules: rules) }

    static func keeps(_ row: [Int], agent: Int, rules: WeekRules) -> Bool {
        rules.allowsExceptMinimum(agent: agent, week: row) && rules.shortfall(agent: agent, week: row) == (0, 0)
    }

    /// Sum of `costs[d][k]` over the worked days of `row` (k: the option's index in `allowed[agent][d]`).
    func cost(_ row: [Int], _ costs: [[Double]]) -> Double {
        row.enumerated().reduce(0) { sum, day in
            day.element < 0 ? sum : sum + costs[day.offset][context.catalog.allowed[agent][day.offset].firstIndex(of: day.element)!]
        }
    }

    /// The cheapest valid row's cost (nil when no row is valid).
    func optimum(_ costs: [[Double]]) -> Double? { valid.map { cost($0, costs) }.min() }

    /// Seeded costs per day and allowed option, in steps of 0.1 from −5 to 3 (working often pays).
    func randomCosts(seed: UInt64) -> [[Double]] {
        var rng = SplitMix64(seed: seed)
        return context.catalog.allowed[agent].map { $0.map { _ in Double(Int(rng.next() % 81) - 50) / 10 } }
    }

    /// True when the independent checker finds nothing wrong with `row` decoded into shifts.
    func checkerAccepts(_ row: [Int]) -> Bool {
        RuleChecker(problem: context.problem).violations(of: Roster(shifts: shifts(of: agent, row: row, in: context))).isEmpty
    }
}

/// Agent `agent`'s row (option per day, −1 off) as roster shifts without breaks.
func shifts(of agent: Int, row: [Int], in context: SchedulingContext) -> [RosterShift] {
    row.filter { $0 >= 0 }.map { o in
        let option = context.catalog.options[o]
        return RosterShift(agentID: context.problem.agents[agent].id, date: option.date, templateID: option.templateID,
                           start: option.start, end: option.end, paidMinutes: option.paidMinutes, breaks: [])
    }
}
