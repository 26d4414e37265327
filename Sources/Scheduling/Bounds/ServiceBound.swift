import MIP

/// An upper bound on the contacts answered within threshold that any roster of these agents under
/// these rules can reach, overall and per queue (the planner's "no roster can exceed …").
///
/// Two valid bounds, the smaller taken: the greedy `CapacityBound` (always), and the LP below
/// solved by GLPK within a time limit (when it finishes optimal).
///
/// LP (shape-free, per skill group g, queue q, interval t; capacity in agents after shrinkage):
///
///     maximise    Σ_{q,t,k} slope_qtk · s_qtk
///     subject to  Σ_q x_gqt ≤ avail_gt                      (agents of g who can be on the floor in t)
///                 Σ_{q,t} x_gqt ≤ budget_g                   (their on-floor budgets, in intervals)
///                 Σ_k s_qtk ≤ u · Σ_g x_gqt                  (segments use the capacity given to q in t)
///                 0 ≤ s_qtk ≤ width_qtk,  x ≥ 0
///
/// where (slope, width) are the segments of the upper concave envelope of queue q's table in t
/// (`ServiceTables`: answered within threshold at n agents, interpolated linearly between whole
/// n), `avail_gt` sums over g's agents the largest share of t that one of its allowed options covers,
/// `budget_g` sums `OnFloorBudget` over g's agents divided by the interval length, and u = 1 − shrinkage.
///
/// Validity: take any rule-abiding roster and its projected service. Let x_gqt be the on-floor
/// agents of group g the allocator gives queue q in interval t (breaks removed, divided by u):
/// each agent is on the floor in t at most the share its option covers, so the first row holds;
/// its on-floor minutes over the horizon are at most its `OnFloorBudget` (proved there), so the second
/// holds; answered_qt = curve(capacity_qt) ≤ envelope(capacity_qt), and filling the envelope's
/// segments in order (slopes decrease) up to capacity_qt gives exactly envelope(capacity_qt)
/// (capped at the table's end, where the curve is flat), a feasible s. So every roster's answered
/// total is at most the LP optimum. Segments with slope below `flatSlope` are merged into one with
/// the largest of their slopes and their total width (an over-estimate, still valid, fewer columns).
/// The per-queue bound is the same LP with only queue q's segments in the objective.
///
/// Whole heads: when every option covers whole grid intervals and every break lasts whole intervals
/// from a grid-aligned start (the break placer's positions), each group's head count on the floor in
/// an interval is an integer, and `CapacityAllocator` hands it out one agent (u) at a time, so queue
/// q's capacity is h·u for an integer h. The curve is then needed only at those points: the envelope
/// is taken over (h, curve(h·u)), h = 0…agents skilled for q (tighter, as cpsat_roster.py's LP does),
/// segments and x in heads. Otherwise the envelope is over whole capacities (valid at every capacity).
public struct ServiceBound: Sendable, Hashable {
    /// Upper bound on answered-within-threshold contacts over all queues.
    public var answered: Double
    /// perQueue[q]: upper bound on queue q's answered contacts alone (nil: none valid).
    public var perQueue: [Double?]
    /// "lp" when the GLPK LP for the total was solved (`answered` is then the smaller of the two
    /// bounds), "capacity" when only the greedy bound is known.
    public var method: String

    /// Slopes below this (contacts per agent-interval) are merged (see the type's comment).
    static let flatSlope = 1e-6

    /// The greedy bound alone.
    init(capacity: CapacityBound) {
        answered = capacity.answered
        perQueue = capacity.alone.map { $0 }
        method = "capacity"
    }

    /// The LP bound for the total and for every queue alone, each solve within the time left until
    /// `deadline`, each kept (as the smaller of it and the greedy bound) when GLPK proves it optimal.
    init(context: SchedulingContext, solver: any MIPSolver, deadline: ContinuousClock.Instant) {
        let budget = OnFloorBudget(context: context).minutes
        let capacity = CapacityBound(problem: context.problem, tables: context.tables, budgetMinutes: budget)
        self.init(capacity: capacity)
        let Q = context.problem.queues.count
        guard Q > 0 else { return }
        let shape = ServiceBoundShape(context: context, budgetMinutes: budget)
        for target in [nil] + (0..<Q).map({ Optional($0) }) {
            let seconds = (deadline - ContinuousClock.now).inSeconds
            guard seconds > 0 else { break }
            let model = shape.model(queue: target)
            let s = solver.solveBuilt(model, options: SolveOptions(timeLimitSeconds: seconds, relaxation: true))
            guard s.status == .optimal else { break }
            // GLPK's primal feasibility tolerance (1e-7 per row) could place the optimum a hair low.
            let value = s.objective * (1 + 1e-9) + 1e-6
            if let q = target {
                perQueue[q] = min(perQueue[q] ?? .infinity, value)
            } else {
                answered = min(answered, value)
                method = "lp"
            }
        }
    }

    /// Share of all contacts (0…1; 1 without contacts).
    public func share(contacts: Double) -> Double { contacts > 0 ? min(1, answered / contacts) : 1 }
}

/// The LP's data: availability, budgets and envelope segments per group, queue and interval.
struct ServiceBoundShape {
    let groupsOfQueue: [[Int]]
    let avail: [[Double]]
    let budget: [Double]
    let segments: [[[(slope: Double, width: Double)]]]
    /// Capacity of one head on the floor in the segments' unit: 1 with whole heads, else u.
    let unit: Double
    /// True when every agent is on the floor for whole intervals only (see the type's comment).
    let wholeHeads: Bool

    init(context: SchedulingContext, budgetMinutes: [Double]) {
        let T = context.intervalCount
        let G = context.groups.count
        let options = context.catalog.options
        var avail = Array(repeating: Array(repeating: 0.0, count: T), count: G)
        var budget = Array(repeating: 0.0, count: G)
        let intervalMinutes = Double(context.problem.grid.intervalMinutes)
        for a in 0..<context.agentCount {
            let g = context.groups.groupOfAgent[a]
            var share = Array(repeating: 0.0, count: T)
            for day in context.catalog.allowed[a] {
                for o in day {
                    for (i, c) in options[o].coverage.enumerated() where options[o].firstInterval + i < T {
                        share[options[o].firstInterval + i] = max(share[options[o].firstInterval + i], c)
                    }
                }
            }
            for t in 0..<T { avail[g][t] += share[t] }
            budget[g] += budgetMinutes[a] / intervalMinutes
        }
        self.avail = avail
        self.budget = budget
        let u = 1 - context.problem.shrinkage
        let problem = context.problem
        // Whole heads: every option covers whole intervals and every break starts on the grid (the
        // placer's positions; `earliest` as its fallback) and lasts whole intervals.
        let whole = options.allSatisfy { $0.coverage.allSatisfy { $0 == 0 || $0 == 1 } }
            && problem.templates.allSatisfy { t in
                t.breaks.allSatisfy { $0.lengthMinutes % problem.grid.intervalMinutes == 0 && $0.earliestAfterMinutes % problem.grid.intervalMinutes == 0 }
            }
        wholeHeads = whole
        unit = whole ? 1 : u
        groupsOfQueue = problem.queues.indices.map { q in (0..<G).filter { g in context.groups.skills[g].contains { $0.queue == q } } }
        let skilled = problem.queues.map { q in problem.agents.filter { $0.skills.contains { $0.queueID == q.id } }.count }
        let tables = context.tables
        segments = tables.values.indices.map { q in
            tables.values[q].indices.map { t in
                // Whole heads: the curve at h·u for h = 0…skilled (agents), else at whole capacities.
                let row = whole ? (0...skilled[q]).map { tables.answered(queue: q, interval: t, capacity: Double($0) * u) } : tables.values[q][t]
                var kept: [(slope: Double, width: Double)] = []
                for s in CapacityBound.envelope(row) where s.slope > 0 {
                    if s.slope < ServiceBound.flatSlope, let last = kept.last, last.slope < ServiceBound.flatSlope {
                        kept[kept.count - 1].width += s.width
                    } else {
                        kept.append(s)
                    }
                }
                return kept
            }
        }
    }

    /// The LP over every queue (objective: their sum) or, with `queue`, over that queue alone.
    func model(queue target: Int?) -> Model {
        let queues = target.map { [$0] } ?? Array(segments.indices)
        var m = Model(sense: .maximize)
        let G = avail.count
        var intervalRows = Array(repeating: Array(repeating: [Model.Term](), count: avail.first?.count ?? 0), count: G)
        var budgetRows = Array(repeating: [Model.Term](), count: G)
        for q in queues {
            for (t, list) in segments[q].enumerated() where !list.isEmpty {
                var capacity: [Model.Term] = []
                for g in groupsOfQueue[q] where avail[g][t] > 0 {
                    let x = m.addVariable("x\(g),\(q),\(t)")
                    intervalRows[g][t].append(Model.Term(x, 1))
                    budgetRows[g].append(Model.Term(x, 1))
                    capacity.append(Model.Term(x, -unit))
                }
                guard !capacity.isEmpty else { continue }
                for (k, s) in list.enumerated() {
                    capacity.append(Model.Term(m.addVariable("s\(q),\(t),\(k)", upper: s.width, cost: s.slope), 1))
                }
                m.addRow("cap\(q),\(t)", capacity, upper: 0)
            }
        }
        for g in 0..<G {
            for (t, terms) in intervalRows[g].enumerated() where terms.count > 1 {
                m.addRow("avail\(g),\(t)", terms, upper: avail[g][t])
            }
            for (t, terms) in intervalRows[g].enumerated() where terms.count == 1 {
                m.setBounds(terms[0].variable, lower: 0, upper: avail[g][t])
            }
            if !budgetRows[g].isEmpty { m.addRow("budget\(g)", budgetRows[g], upper: budget[g]) }
        }
        return m
    }
}
