import MIP

/// Price and branch over whole rows, for head-count problems (cover targets and requests, no
/// queues): every agent picks one of its known rows in a set-partitioning master that GLPK solves;
/// column generation adds rows priced with the master's LP duals.
///
/// Master (the Dantzig–Wolfe reformulation of the roster by agent; Desaulniers, Desrosiers and
/// Solomon (eds.) 2005, "Column Generation"; for nurse rostering Jaumard, Semet and Vovor 1998):
///
///     min Σ_a Σ_j own_a(r_aj)·y_aj + Σ_c (under_c·u_c + over_c·o_c)
///     s.t. Σ_j y_aj = 1                                  for every agent a     (dual σ_a)
///          Σ_a Σ_j n_c(r_aj)·y_aj + u_c − o_c = req_c    for every target c    (dual π_c)
///          y_aj ∈ {0, 1}, u_c, o_c ≥ 0,
///
/// where r_aj is agent a's j-th row (an option per day, −1 off), own_a its own cost
/// (`RosterState.ownCost`: requests, paid hours, preference windows, published changes, priced
/// rule shortfall) and n_c(r) the shifts it puts on cover target c (`context.coverOfOption`). At
/// integer y the objective is the roster's cost without the fairness maxima (0 on head-count
/// benchmarks); the roster it picks is committed only when `RosterState.evaluate` prices it
/// cheaper, so the state's cost stays exact.
///
/// A row's reduced cost is own_a(r) − Σ_d π_c(r_d) − σ_a, so pricing is a row search with day costs
/// `ownDayCosts − π`. Each round, for every agent: the exact cheapest row (`RowLabels`) when its
/// state space fits, else the planner's row (`RowPlanner`, counting rules by multipliers); and the
/// state's row and the rows the LP uses, each polished (`RowPolish`: best one- and two-day changes);
/// every one with a negative reduced cost joins the pool. The polished rows are what the integer
/// master combines: on Curtois Instance6 (1 run at 60 s) the exact rows alone gave 2,047, with the
/// polished ones 1,953 (best known 1,950). Then the master with binary y, first over the rows the
/// last LP uses, then over every row found, each from the state's rows as the first incumbent,
/// within a node limit; passes repeat while one improves. When every agent was priced exactly the
/// round also proves a lower bound (`generate`).
///
/// Used on head-count problems of at most `maxAgentDays` agent-days (`applies`), measured on Curtois
/// at 60 s: it pays on Instances 2–6 (up to 18 agents × 28 days; Instance6 2,076 → 1,953), finds
/// nothing in its quarter of the limit on Instance7 (20 × 28: 1,098 against 1,085 without it), and
/// on Instances 8–10 (30–40 agents × 28 days) column generation did not converge within 90 s
/// (measured before the exact row replaced the planner's when it exists; not re-measured since).
struct RowMaster {
    let solver: any MIPSolver
    /// Problems up to this many agent-days are solved (whole); larger ones are left to the search.
    static let maxAgentDays = 504

    /// True for head-count problems small enough (`maxAgentDays`).
    static func applies(to context: SchedulingContext) -> Bool {
        context.problem.queues.isEmpty && context.agentCount * context.days <= maxAgentDays
    }
    /// Share of the time limit the scheduler keeps free for it at the end.
    static let reserveShare = 0.25
    /// Column-generation rounds per pass at most (each: one LP, a few priced rows per agent).
    var rounds = 300
    /// Passes (generation, then both masters) while the previous one improved the state.
    var passes = 5
    /// Branch-and-bound nodes of each integer master (a work limit: the solve repeats exactly).
    var maxNodes = 2_000

    /// The rows known per agent, without repeats, in the order found.
    struct Pool {
        private(set) var rows: [[[Int]]]
        private var seen: [Set<[Int]>]

        init(agents: Int) {
            rows = Array(repeating: [], count: agents)
            seen = Array(repeating: [], count: agents)
        }

        @discardableResult
        mutating func add(agent a: Int, row: [Int]) -> Bool {
            guard seen[a].insert(row).inserted else { return false }
            rows[a].append(row)
            return true
        }
    }

    /// The master over `pool`, its row variables binary or continuous. Variables: agent 0's rows,
    /// agent 1's, …, then u_c, o_c per target; rows: one convexity row per agent, then one cover row
    /// per target (the layout the duals are read in). Returns the model and each agent's variables.
    static func master(state: RosterState, pool: Pool, integer: Bool) -> (model: Model, columns: [[Model.Var]]) {
        let context = state.context
        let covers = context.problem.shiftCover
        var model = Model()
        var coverTerms = Array(repeating: [Model.Term](), count: covers.count)
        let columns = pool.rows.enumerated().map { a, rows in
            rows.enumerated().map { j, row in
                // In the LP no upper bound: y ≤ 1 follows from the convexity row, and a bound GLPK could
                // leave a row at would hide its reduced cost from the duals (and from the bound).
                let y = model.addVariable("y\(a)_\(j)", lower: 0, upper: integer ? 1 : .infinity, cost: state.ownCost(agent: a, row: row), integer: integer)
                var counts: [Int: Int] = [:]
                for o in row where o >= 0 && context.coverOfOption[o] >= 0 { counts[context.coverOfOption[o], default: 0] += 1 }
                for (c, n) in counts.sorted(by: { $0.key < $1.key }) { coverTerms[c].append(Model.Term(y, Double(n))) }
                return y
            }
        }
        for (a, ys) in columns.enumerated() { model.addRow("one\(a)", ys.map { Model.Term($0, 1) }, lower: 1, upper: 1) }
        for (c, target) in covers.enumerated() {
            let u = model.addVariable("u\(c)", cost: target.underWeight)
            let o = model.addVariable("o\(c)", cost: target.overWeight)
            let required = Double(target.required)
            model.addRow("cover\(c)", coverTerms[c] + [Model.Term(u, 1), Model.Term(o, -1)], lower: required, upper: required)
        }
        return (model, columns)
    }

    /// What column generation left: the last LP's value of each agent's pool rows, and the best
    /// lower bound it proved (nil when the pricing was not exact for every agent).
    struct Generated {
        var values: [[Double]]
        var bound: Double?
    }

    /// Column generation: up to `rounds` LPs, each followed by pricing (see the type's comment); ends
    /// when no row prices out, an LP fails or the clock runs out. Nil when not even one LP was solved.
    ///
    /// Bound: when `RowLabels` priced every agent exactly (no agent has preference windows, so the own
    /// costs are exactly the sum of the day costs, and the fairness weights, left out, are ≥ 0), z_LP + Σ_a min(0, rc_a) ≤ the optimum
    /// (Lasdon 1970, "Optimization Theory for Large Systems"; the master with convexity rows), where
    /// rc_a is agent a's least reduced cost over every valid row; minus 10⁻⁶ per agent for rounding.
    func generate(_ state: RosterState, pool: inout Pool, own: [[[Double]]], deadline: ContinuousClock.Instant) -> Generated? {
        let context = state.context
        let planner = RowPlanner(context: context, rules: state.rules)
        let polish = RowPolish(context: context, rules: state.rules)
        let labels = RowLabels(context: context, rules: state.rules)
        let weights = context.problem.weights
        let separable = context.preferences.allSatisfy(\.isEmpty) && weights.fairNights >= 0 && weights.fairWeekends >= 0
        var last: Generated? = nil
        for _ in 0..<rounds {
            guard ContinuousClock.now < deadline, !context.stopRequested else { break }
            let (model, columns) = Self.master(state: state, pool: pool, integer: false)
            let lp = solver.solveBuilt(model, options: SolveOptions(timeLimitSeconds: Self.seconds(to: deadline), relaxation: true))
            guard lp.status == .optimal, lp.rowDuals.count == model.rows.count else { break }
            let sigma = Array(lp.rowDuals[0..<context.agentCount])
            let pi = Array(lp.rowDuals[context.agentCount...])
            func reducedCost(_ a: Int, _ row: [Int]) -> Double {
                var reduced = state.ownCost(agent: a, row: row) - sigma[a]
                for o in row where o >= 0 && context.coverOfOption[o] >= 0 { reduced -= pi[context.coverOfOption[o]] }
                return reduced
            }
            var generated = Generated(values: columns.map { $0.map { lp.value($0) } }, bound: nil)
            var exact: Double? = separable ? lp.objective - 1e-6 * Double(context.agentCount) : nil
            var added = false
            for a in 0..<context.agentCount {
                let costs = context.catalog.allowed[a].enumerated().map { d, list in
                    list.enumerated().map { k, o in own[a][d][k] - (context.coverOfOption[o] >= 0 ? pi[context.coverOfOption[o]] : 0) }
                }
                var starts = [state.choice[a]] + pool.rows[a].indices.filter { generated.values[a][$0] > 1e-6 }.map { pool.rows[a][$0] }
                if let cheapest = labels.cheapest(agent: a, costs: costs) {
                    let reduced = reducedCost(a, cheapest)
                    exact? += min(0, reduced)
                    if reduced < -1e-6 && pool.add(agent: a, row: cheapest) { added = true }
                } else {
                    exact = nil
                    if let planned = planner.plan(agent: a, costs: costs) { starts.insert(planned, at: 0) }
                }
                for start in starts {
                    let row = polish.polish(agent: a, row: start, costs: costs)
                    if state.rules.allowsExceptMinimum(agent: a, week: row) && reducedCost(a, row) < -1e-6 && pool.add(agent: a, row: row) { added = true }
                }
            }
            generated.bound = [last?.bound, exact].compactMap { $0 }.max()
            last = generated
            if !added { break }
        }
        return last
    }

    static func seconds(to deadline: ContinuousClock.Instant) -> Double { max(0.1, (deadline - ContinuousClock.now).inSeconds) }

    /// Passes of column generation from the state's rows, then the integer master over the rows the
    /// last LP uses (small: GLPK solves it fast) and, when that found nothing, over every row found;
    /// a roster is committed when cheaper. Returns whether the state improved, and the best lower
    /// bound column generation proved (`generate`). Only where it `applies` (else returns at once).
    /// Stops at `deadline` (a cut run is then not repeatable; passes, rounds and nodes are the work
    /// limits).
    @discardableResult
    func improve(_ state: RosterState, deadline: ContinuousClock.Instant) -> (improved: Bool, bound: Double?) {
        let context = state.context
        let n = context.agentCount
        precondition(context.problem.queues.isEmpty, "RowMaster prices head-count cover only")
        guard Self.applies(to: context) else { return (false, nil) }
        var pool = Pool(agents: n)
        let own = (0..<n).map { state.ownDayCosts(agent: $0) }
        var improved = false
        var bound: Double? = nil
        for _ in 0..<passes where ContinuousClock.now < deadline && !state.context.stopRequested {
            for a in 0..<n { pool.add(agent: a, row: state.choice[a]) }
            guard let generated = generate(state, pool: &pool, own: own, deadline: deadline) else { break }
            bound = [bound, generated.bound].compactMap { $0 }.max()
            var used = Pool(agents: n)
            for a in 0..<n {
                for j in generated.values[a].indices where generated.values[a][j] > 1e-6 { used.add(agent: a, row: pool.rows[a][j]) }
            }
            guard solve(used, state: state, deadline: deadline) || (ContinuousClock.now < deadline && solve(pool, state: state, deadline: deadline)) else { break }
            improved = true
        }
        return (improved, bound)
    }

    /// The integer master over `pool` and the state's rows, from the state as its first incumbent;
    /// commits its roster when cheaper. Returns whether it did.
    private func solve(_ pool: Pool, state: RosterState, deadline: ContinuousClock.Instant) -> Bool {
        let context = state.context
        var all = pool
        for a in 0..<context.agentCount { all.add(agent: a, row: state.choice[a]) }
        let (model, columns) = Self.master(state: state, pool: all, integer: true)
        var start = Array(repeating: 0.0, count: model.variables.count)
        for (a, ys) in columns.enumerated() { start[ys[all.rows[a].firstIndex(of: state.choice[a])!].index] = 1 }
        var counts = Array(repeating: 0, count: context.problem.shiftCover.count)
        for row in state.choice { for o in row where o >= 0 && context.coverOfOption[o] >= 0 { counts[context.coverOfOption[o]] += 1 } }
        let firstSlack = columns.reduce(0) { $0 + $1.count }
        for (c, target) in context.problem.shiftCover.enumerated() {
            start[firstSlack + 2 * c] = Double(max(0, target.required - counts[c]))
            start[firstSlack + 2 * c + 1] = Double(max(0, counts[c] - target.required))
        }
        let solution = solver.solveBuilt(model, options: SolveOptions(timeLimitSeconds: Self.seconds(to: deadline), start: start, maxNodes: maxNodes))
        guard solution.hasSolution else { return false }
        var rows: [[Int]] = []
        for (a, ys) in columns.enumerated() {
            guard let j = ys.firstIndex(where: { solution.value($0) > 0.5 }) else { return false }
            rows.append(all.rows[a][j])
        }
        return commit(rows: rows, to: state)
    }

    /// Loads `rows` (one per agent) into the state when `evaluate` prices them cheaper.
    private func commit(rows: [[Int]], to state: RosterState) -> Bool {
        var changes: [RosterState.Change] = []
        for (a, row) in rows.enumerated() {
            for d in row.indices where row[d] != state.choice[a][d] { changes.append(.init(agent: a, day: d, option: row[d], breaks: nil)) }
        }
        guard !changes.isEmpty, let delta = state.evaluate(changes), delta < -1e-9 else {
            state.discard()
            return false
        }
        state.commit()
        return true
    }
}
