import Foundation
import GLPKSolver
import MIP
import Testing
import WFMCore
@testable import Scheduling

/// `RowMaster.improve` with GLPK on tiny head-count problems against brute force: the optimum over
/// every combination of valid rows (one per agent, by `AgentRows`), its cost recomputed from the
/// problem alone (paid hours, requests, cover).
///
/// Problems (seeded): templates "e" 08:00 (480 paid minutes) and "l" 16:00 (360), no early the day
/// after a late, no queues, no fairness weights. Even agents (contract "c"): runs of 2…4 working
/// days, at least 1440 paid minutes, at most 1 weekend; odd agents ("c2"): rest runs of at least 2
/// days, at most 2 lates, at most 2400 paid minutes. One cover target a day (its template seeded),
/// on a third of the days one for the other template too, required 0…agents, under weight 1…5,
/// over weight 0…2; 3 requests (on or off, any shift or a named one, weight 1…4).
private func headCountProblem(agents: Int, days: Int, seed: UInt64) -> RosterProblem {
    var rng = SplitMix64(seed: seed)
    func draw(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
    return poolProblem(agents: agents, days: days, templates: ["e", "l"]) { p in
        p.queues = []
        p.weights.fairNights = 0
        p.weights.fairWeekends = 0
        p.templates[1].cannotFollow = ["e"]
        var c2 = p.contracts[0]
        c2.id = "c2"
        c2.minConsecutiveDaysOff = 2
        c2.maxShiftsPerTemplate = ["l": 2]
        c2.horizonMinutesMax = 2400
        p.contracts[0].minConsecutiveDays = 2
        p.contracts[0].maxConsecutiveDays = 4
        p.contracts[0].horizonMinutesMin = 1440
        p.contracts[0].maxWeekends = 1
        p.contracts.append(c2)
        for i in p.agents.indices {
            p.agents[i].skills = []
            if i % 2 == 1 { p.agents[i].contractID = "c2" }
        }
        for d in 0..<days {
            let first = draw(2)
            for t in draw(3) == 0 ? [first, 1 - first] : [first] {
                p.shiftCover.append(ShiftCover(date: p.grid.startDate.adding(days: d), templateID: ["e", "l"][t], required: draw(agents + 1),
                                               underWeight: Double(1 + draw(5)), overWeight: Double(draw(3))))
            }
        }
        p.requests = (0..<3).map { _ in
            ShiftRequest(agentID: "a\(draw(agents))", date: p.grid.startDate.adding(days: draw(days)), templateID: [nil, "e", "l"][draw(3)],
                         kind: draw(2) == 0 ? .on : .off, weight: Double(1 + draw(4)))
        }
    }
}

/// The brute-force truth of a head-count problem without preference windows or fairness weights.
private struct HeadCountTruth {
    let problem: RosterProblem
    let context: SchedulingContext
    let rows: [AgentRows]

    init(_ problem: RosterProblem) {
        self.problem = problem
        let context = SchedulingContext(problem: problem)
        self.context = context
        rows = (0..<problem.agents.count).map { AgentRows(context, agent: $0) }
    }

    /// The horizon day of `date`.
    private func day(_ date: LocalDate) -> Int { (0..<problem.grid.days).first { problem.grid.startDate.adding(days: $0) == date }! }

    /// Agent a's own cost of `row`: paid hours at the objective's hourly weight, plus the weight of
    /// each request not granted.
    func ownCost(_ a: Int, _ row: [Int]) -> Double {
        let options = context.catalog.options
        let paid = row.filter { $0 >= 0 }.reduce(0) { $0 + options[$1].paidMinutes }
        var cost = ObjectiveCoefficients(mode: problem.objective, weights: problem.weights).paidHour * Double(paid) / 60
        for r in problem.requests where r.agentID == problem.agents[a].id {
            let o = row[day(r.date)]
            let worked = o >= 0 && (r.templateID == nil || options[o].templateID == r.templateID)
            if worked == (r.kind == .off) { cost += r.weight }
        }
        return cost
    }

    /// Shifts `row` puts on each cover target.
    func counts(_ row: [Int]) -> [Int] {
        problem.shiftCover.map { target in
            row.filter { $0 >= 0 && context.catalog.options[$0].date == target.date && context.catalog.options[$0].templateID == target.templateID }.count
        }
    }

    /// Cover penalty at head counts `n` (one per target).
    func coverCost(_ n: [Int]) -> Double {
        zip(problem.shiftCover, n).reduce(0) { sum, x in
            sum + (x.1 < x.0.required ? x.0.underWeight * Double(x.0.required - x.1) : x.0.overWeight * Double(x.1 - x.0.required))
        }
    }

    /// The cost of a roster (one row per agent).
    func cost(_ roster: [[Int]]) -> Double {
        let n = roster.map(counts).reduce(Array(repeating: 0, count: problem.shiftCover.count)) { zip($0, $1).map(+) }
        return roster.enumerated().reduce(0) { $0 + ownCost($1.offset, $1.element) } + coverCost(n)
    }

    /// The least cost over every combination of valid rows (nil when an agent has none). Rows alike on
    /// every target are merged keeping the cheapest, then combinations are formed agent by agent
    /// keeping the cheapest per vector of head counts: exact, as the cost is the agents' own costs plus
    /// a function of the head counts.
    var optimum: Double? {
        var reached: [[Int]: Double] = [Array(repeating: 0, count: problem.shiftCover.count): 0]
        for (a, agentRows) in rows.enumerated() {
            var patterns: [[Int]: Double] = [:]
            for row in agentRows.valid { patterns[counts(row)] = min(patterns[counts(row)] ?? .infinity, ownCost(a, row)) }
            var next: [[Int]: Double] = [:]
            for (n, cost) in reached {
                for (m, own) in patterns {
                    let key = zip(n, m).map(+)
                    next[key] = min(next[key] ?? .infinity, cost + own)
                }
            }
            reached = next
        }
        return reached.map { $1 + coverCost($0) }.min()
    }
}

/// Failure messages name the problem's size, not the whole problem.
extension HeadCountTruth: CustomTestStringConvertible {
    var testDescription: String { "\(problem.agents.count) agents × \(problem.grid.days) days" }
}

/// A state holding `roster` (one row per agent).
private func loadedState(_ context: SchedulingContext, holding roster: [[Int]]) throws -> RosterState {
    let state = RosterState(context: context)
    let changes = roster.enumerated().flatMap { a, row in row.enumerated().map { RosterState.Change(agent: a, day: $0, option: $1, breaks: nil) } }
    let delta = state.evaluate(changes)
    try #require(delta != nil)
    state.commit()
    return state
}

/// A poor start: a seeded random valid row per agent.
private func randomStart(_ truth: HeadCountTruth, seed: UInt64) -> [[Int]] {
    var rng = SplitMix64(seed: seed)
    return truth.rows.map { $0.valid[Int(rng.next() % UInt64($0.valid.count))] }
}

struct MasterCase: CustomTestStringConvertible, Sendable {
    var agents: Int
    var days: Int
    var seeds: ClosedRange<UInt64> = 1...8
    var testDescription: String { "\(agents) agents × \(days) days" }
}

private let masterCases = [MasterCase(agents: 2, days: 7), MasterCase(agents: 3, days: 6), MasterCase(agents: 4, days: 5)]

/// From a random valid roster, `improve` (a) never raises the state's cost and leaves every row valid
/// (`WeekRules` and the checker) with the state's cost equal to the recomputed one; (b) returns a
/// bound (no preference windows: every agent priced exactly) at most the brute-force optimum; (c)
/// when that bound equals the optimum (within the 10⁻⁶-per-agent rounding margin) the roster costs
/// the optimum. (d) The bound is the master LP over every valid row, solved by GLPK (column generation
/// converged; a known bug, marked below). Prints how often the optimum was reached and the bound was
/// tight.
@Test(arguments: masterCases)
func rowMasterKeepsValidityAndItsBoundHolds(_ c: MasterCase) throws {
    var reached = 0, proved = 0, improved = 0
    var weakBounds: [String] = []
    for seed in c.seeds {
        let problem = headCountProblem(agents: c.agents, days: c.days, seed: seed)
        let truth = HeadCountTruth(problem)
        let optimum = try #require(truth.optimum, "seed \(seed): every agent has a valid row")
        let start = randomStart(truth, seed: seed)
        let state = try loadedState(truth.context, holding: start)
        let before = state.cost
        #expect(abs(before - truth.cost(start)) < 1e-9, "seed \(seed): state \(before) vs recomputed \(truth.cost(start))")
        let result = RowMaster(solver: GLPKSolver()).improve(state, deadline: .now + .seconds(60))
        let after = state.cost
        #expect(after <= before + 1e-9, "seed \(seed): \(before) → \(after)")
        #expect(result.improved == (after < before - 1e-9), "seed \(seed): improved \(result.improved), \(before) → \(after)")
        for a in 0..<c.agents { #expect(truth.rows[a].keeps(state.choice[a]), "seed \(seed) agent \(a): \(state.choice[a])") }
        let violations = RuleChecker(problem: problem).violations(of: state.roster()).count
        #expect(violations == 0, "seed \(seed)")
        #expect(abs(after - truth.cost(state.choice)) < 1e-9, "seed \(seed): state \(after) vs recomputed \(truth.cost(state.choice))")
        #expect(after >= optimum - 1e-9, "seed \(seed): \(after) below the optimum \(optimum)")
        let bound = try #require(result.bound, "seed \(seed): no preference windows, so a bound")
        #expect(bound <= optimum + 1e-6, "seed \(seed): bound \(bound) above the optimum \(optimum)")
        // Column generation converged: the bound is the master LP over every valid row (see the known bug below).
        var every = RowMaster.Pool(agents: c.agents)
        for (a, agentRows) in truth.rows.enumerated() { for row in agentRows.valid { every.add(agent: a, row: row) } }
        let lp = try GLPKSolver().solve(RowMaster.master(state: state, pool: every, integer: false).model, options: SolveOptions(relaxation: true))
        #expect(lp.status == .optimal && lp.objective <= optimum + 1e-6, "seed \(seed): master LP \(lp.objective), optimum \(optimum)")
        if abs(bound - lp.objective) >= 1e-4 { weakBounds.append("seed \(seed): bound \(bound), master LP \(lp.objective), optimum \(optimum)") }
        if abs(bound - optimum) <= 1e-5 {
            proved += 1
            #expect(abs(after - optimum) < 1e-6, "seed \(seed): bound \(bound) proves \(optimum), roster \(after)")
        }
        if abs(after - optimum) < 1e-6 { reached += 1 }
        if result.improved { improved += 1 }
    }
    print("RowMaster \(c.testDescription): \(improved)/\(c.seeds.count) improved, optimum reached \(reached), bound tight \(proved)")
    #expect(improved > 0, "some random start is improved")
    // The LP master leaves y unbounded above (y ≤ 1 follows from the convexity row): with y ≤ 1 GLPK
    // left rows at that bound with a negative reduced cost the duals do not show, and the bound fell
    // 1–2 below the master LP on 9 of 24 seeds here.
    #expect(weakBounds.isEmpty, "\(weakBounds.count) of \(c.seeds.count) bounds below the master LP over every valid row: \(weakBounds)")
}

/// A preference window makes an agent's own cost other than the sum of its day costs: no bound, and
/// still (a) the state's cost does not rise and every row stays valid.
@Test func rowMasterGivesNoBoundWithAPreferenceWindow() throws {
    for seed in UInt64(1)...4 {
        var problem = headCountProblem(agents: 3, days: 6, seed: seed)
        problem.availability = [AvailabilityWindow(agentID: "a0", date: problem.grid.startDate.adding(days: 1), startMinute: 480,
                                                   endMinute: 720, kind: .preferOff)]
        let truth = HeadCountTruth(problem)
        let state = try loadedState(truth.context, holding: randomStart(truth, seed: seed))
        let before = state.cost
        let result = RowMaster(solver: GLPKSolver()).improve(state, deadline: .now + .seconds(60))
        #expect(result.bound == nil, "seed \(seed): bound \(String(describing: result.bound))")
        #expect(state.cost <= before + 1e-9, "seed \(seed): \(before) → \(state.cost)")
        for a in 0..<3 { #expect(truth.rows[a].keeps(state.choice[a]), "seed \(seed) agent \(a): \(state.choice[a])") }
        let violations = RuleChecker(problem: problem).violations(of: state.roster()).count
        #expect(violations == 0, "seed \(seed)")
    }
}
