/// A roster under construction or search, with everything needed to price a change incrementally.
///
/// `choice[a][d]` is the option agent `a` works on day `d` (−1: day off) and `breakStarts[a][d]` the
/// absolute starts of its breaks (template order). `on[g·T + t]` counts agents of skill group g on
/// shift and not on break in interval t (fractions for partial intervals). Each interval's queue
/// allocation (`CapacityAllocator`) is cached, so a change is priced by re-allocating only the
/// intervals it touches; head counts per `shiftCover` target likewise. The cost is the mode's
/// objective in contacts (`ObjectiveCoefficients`, shift cover and requests included), plus
/// `deficitWeight` per paid minute short of a weekly or horizon minimum and `sequenceWeight` per
/// day missing from a too-short run (`WeekRules.shortfall`).
///
/// Not thread-safe (scratch buffers); one per search thread.
final class RosterState {
    /// One agent-day as it should become: `option` −1 for a day off; `breaks` nil = place greedily.
    struct Change {
        var agent: Int
        var day: Int
        var option: Int
        var breaks: [Int]?
    }

    /// Price of one paid minute below a contract's weekly or horizon minimum, in contacts.
    static let deficitWeight = 10.0
    /// Price of one day missing from a run of work or rest shorter than the contract's minimum run,
    /// in contacts per missing day. The rule is hard: the search may break it only on its way to a
    /// roster that keeps it (a returned roster has no short run), so the price is set high, not
    /// measured: as much as 100 minutes short of a minimum at `deficitWeight`.
    static let sequenceWeight = 1000.0

    let context: SchedulingContext
    /// Every agent's weekly terms and their price, fairness maxima included.
    private var agents: AgentTermsLedger
    var rules: WeekRules { agents.rules }
    let T: Int
    let Q: Int
    let G: Int
    private(set) var choice: [[Int]]
    private(set) var breakStarts: [[[Int]]]
    private var on: [Double]
    private var answeredQT: [Double]
    private var penaltyT: [Double]
    private var penaltyTotal = 0.0
    private(set) var answeredQ: [Double]
    let targetQ: [Double]
    let totalContacts: Double
    /// Head count per `shiftCover` target and the cover penalty of the whole roster.
    private var cover: ShiftCoverCounter

    // Scratch of the pending (evaluated, not yet committed) change.
    private var deltaOn: [Double]
    private var touchedT: [Int]
    private var touchedMark: [Bool]
    private var pendingAnswered: [Double]   // touchedT.count × Q
    private var pendingPenalty: [Double]
    private var pendingChanges: [Change] = []
    private var groupOn: [Double]
    /// Interval costs at on + deltaOn, and with one agent of the placing agent's group fewer, cached
    /// while one shift's breaks are placed (NaN = not computed; a placed break clears its intervals).
    private var baseCostT: [Double]
    private var lessCostT: [Double]
    private var baseCostTouched: [Int] = []
    private var capacity: [Double]
    private var answered: [Double]

    init(context: SchedulingContext) {
        self.context = context
        agents = AgentTermsLedger(context: context)
        T = context.intervalCount
        Q = context.problem.queues.count
        G = context.groups.count
        choice = Array(repeating: Array(repeating: -1, count: context.days), count: context.agentCount)
        breakStarts = Array(repeating: Array(repeating: [], count: context.days), count: context.agentCount)
        on = Array(repeating: 0, count: G * T)
        deltaOn = on
        touchedMark = Array(repeating: false, count: T)
        touchedT = []
        pendingAnswered = []
        pendingPenalty = []
        groupOn = Array(repeating: 0, count: G)
        baseCostT = Array(repeating: .nan, count: T)
        lessCostT = baseCostT
        capacity = Array(repeating: 0, count: Q)
        answered = Array(repeating: 0, count: Q)
        answeredQT = Array(repeating: 0, count: Q * T)
        penaltyT = Array(repeating: 0, count: T)
        answeredQ = Array(repeating: 0, count: Q)
        targetQ = context.problem.queues.map { $0.serviceLevelTarget * $0.volume }
        totalContacts = context.problem.queues.reduce(0) { $0 + $1.volume }
        cover = ShiftCoverCounter(context: context)
        for t in 0..<T {
            for g in 0..<G { groupOn[g] = 0 }
            penaltyT[t] = context.allocator.allocate(interval: t, on: groupOn, capacity: &capacity, answered: &answered)
            penaltyTotal += penaltyT[t]
            for q in 0..<Q { answeredQT[q * T + t] = answered[q]; answeredQ[q] += answered[q] }
        }
    }

    // MARK: cost

    /// The full cost of the current state (contacts), recomputed from the caches.
    var cost: Double {
        serviceCost(answeredQ: answeredQ, penalty: penaltyTotal + cover.penalty)
            + agents.ownCost + agents.fairnessCost
    }

    /// Unanswered contacts and weekly shortfall at the given per-queue answered totals, plus the skill
    /// and cover penalties.
    private func serviceCost(answeredQ: [Double], penalty: Double) -> Double {
        let k = context.coefficients
        var total = k.unanswered * (totalContacts - answeredQ.reduce(0, +)) + penalty
        for q in 0..<Q { total += k.shortfall * max(0, targetQ[q] - answeredQ[q]) }
        return total
    }

    /// Minutes and days by which agent a misses the priced hard rules (0: its row keeps them all).
    func shortfall(agent a: Int) -> Int { agents.shortfall(agent: a) }

    /// Minutes and days by which the roster misses the priced hard rules (0: every hard rule holds).
    var totalDeficit: Int { agents.totalDeficit }
    var answeredTotal: Double { answeredQ.reduce(0, +) }

    // MARK: pricing a change

    /// Contribution of one shift (with breaks) to `deltaOn` of its agent's group, times `sign`.
    private func addShift(agent a: Int, option o: Int, breaks: [Int], sign: Double) {
        guard Q > 0 else { return }   // no queue: intervals carry no cost (head-count cover is priced apart)
        let option = context.catalog.options[o]
        let base = context.groups.groupOfAgent[a] * T
        for (i, c) in option.coverage.enumerated() { touch(option.firstInterval + i, base, sign * c) }
        let template = context.problem.templates[option.templateIndex]
        for (rule, start) in zip(template.breaks, breaks) { addBreak(base: base, start: start, minutes: rule.lengthMinutes, sign: -sign) }
    }

    private func addBreak(base: Int, start: Int, minutes: Int, sign: Double) {
        forEachInterval(start: start, length: minutes * 60) { t, overlap in touch(t, base, sign * overlap) }
    }

    @inline(__always)
    private func touch(_ t: Int, _ base: Int, _ amount: Double) {
        guard t < T else { return }
        if !touchedMark[t] {
            touchedMark[t] = true
            touchedT.append(t)
        }
        deltaOn[base + t] += amount
    }

    /// Cost of interval t at on + deltaOn (service part weighted per queue for local decisions).
    private func intervalCost(_ t: Int, extra: (group: Int, amount: Double)? = nil) -> Double {
        for g in 0..<G { groupOn[g] = on[g * T + t] + deltaOn[g * T + t] }
        if let extra { groupOn[extra.group] += extra.amount }
        let penalty = context.allocator.allocate(interval: t, on: groupOn, capacity: &capacity, answered: &answered)
        var c = penalty
        let k = context.coefficients
        for q in 0..<Q {
            let w = k.unanswered + (answeredQ[q] < targetQ[q] ? k.shortfall : 0)
            c -= w * answered[q]
        }
        return c
    }

    /// Places the breaks of option `o` for agent `a` one by one, each at the grid-aligned start in its
    /// window that loses the least (given everything already in `deltaOn`), without overlapping the
    /// breaks placed before it. Falls back to the window's first minute when no start is aligned.
    private func placeBreaks(agent a: Int, option o: Int) -> [Int] {
        let option = context.catalog.options[o]
        let template = context.problem.templates[option.templateIndex]
        let g = context.groups.groupOfAgent[a]
        let cat = context.catalog
        var placed: [(Int, Int)] = []
        var starts: [Int] = []
        for rule in template.breaks {
            let length = rule.lengthMinutes * 60
            var best: Int? = nil
            var bestLoss = Double.infinity
            let earliest = option.start + rule.earliestAfterMinutes * 60
            let latest = option.start + rule.latestAfterMinutes * 60
            let offset = ((earliest - cat.gridStart) % cat.intervalSeconds + cat.intervalSeconds) % cat.intervalSeconds
            var p = offset == 0 ? earliest : earliest + cat.intervalSeconds - offset
            while p <= latest {
                if !placed.contains(where: { p < $0.1 && $0.0 < p + length }) && p + length <= option.end {
                    let loss = breakLoss(group: g, start: p, length: length)
                    if loss < bestLoss - 1e-12 { bestLoss = loss; best = p }
                }
                p += cat.intervalSeconds
            }
            let chosen = best ?? earliest
            placed.append((chosen, chosen + length))
            starts.append(chosen)
            addBreak(base: g * T, start: chosen, minutes: rule.lengthMinutes, sign: -1)
            forEachInterval(start: chosen, length: length) { t, _ in baseCostT[t] = .nan; lessCostT[t] = .nan }
        }
        for t in baseCostTouched { baseCostT[t] = .nan; lessCostT[t] = .nan }
        baseCostTouched.removeAll(keepingCapacity: true)
        return starts
    }

    /// Calls `body(t, overlap)` for every interval t a span [start, start + length) (seconds) overlaps,
    /// overlap as a fraction of the interval.
    private func forEachInterval(start: Int, length: Int, _ body: (Int, Double) -> Void) {
        let cat = context.catalog
        var t = max(0, (start - cat.gridStart) / cat.intervalSeconds)
        while t < T {
            let a = cat.gridStart + t * cat.intervalSeconds
            if a >= start + length { break }
            let overlap = Double(min(start + length, a + cat.intervalSeconds) - max(start, a)) / Double(cat.intervalSeconds)
            if overlap > 0 { body(t, overlap) }
            t += 1
        }
    }

    /// Service lost when one agent of group g takes a break at [start, start + length).
    private func breakLoss(group g: Int, start: Int, length: Int) -> Double {
        var loss = 0.0
        forEachInterval(start: start, length: length) { t, overlap in
            if baseCostT[t].isNaN {
                if lessCostT[t].isNaN { baseCostTouched.append(t) }
                baseCostT[t] = intervalCost(t)
            }
            if overlap < 1 {
                loss += intervalCost(t, extra: (g, -overlap)) - baseCostT[t]
                return
            }
            if lessCostT[t].isNaN { lessCostT[t] = intervalCost(t, extra: (g, -1)) }
            loss += lessCostT[t] - baseCostT[t]
        }
        return loss
    }

    /// Prices a set of agent-day changes (at most one per agent-day) and keeps them pending.
    /// Returns nil when an affected agent's week would break a hard rule (other than the weekly
    /// minimum), else the change in cost. Call `commit()` or `discard()` next.
    func evaluate(_ changes: [Change]) -> Double? {
        discard()
        var weeks: [Int: [Int]] = [:]
        for c in changes {
            var week = weeks[c.agent] ?? choice[c.agent]
            week[c.day] = c.option
            weeks[c.agent] = week
        }
        guard agents.evaluate(weeks) else { return nil }
        return agents.priced(adding: stageShifts(changes))
    }

    /// Stages the shifts of `changes` (breaks placed when not given) and returns the change in the
    /// service and shift-cover cost alone; the agents' own terms are the caller's.
    private func stageShifts(_ changes: [Change]) -> Double {
        for c in changes where choice[c.agent][c.day] >= 0 {
            addShift(agent: c.agent, option: choice[c.agent][c.day], breaks: breakStarts[c.agent][c.day], sign: -1)
        }
        for var c in changes {
            if c.option >= 0 {
                if let b = c.breaks {
                    addShift(agent: c.agent, option: c.option, breaks: b, sign: 1)
                } else {
                    addShift(agent: c.agent, option: c.option, breaks: [], sign: 1)
                    c.breaks = placeBreaks(agent: c.agent, option: c.option)
                }
            } else {
                c.breaks = []
            }
            pendingChanges.append(c)
        }
        let coverDelta = cover.evaluate(pendingChanges.map { (choice[$0.agent][$0.day], $0.option) })
        var newAnsweredQ = answeredQ
        var penaltyDelta = 0.0
        pendingAnswered.removeAll(keepingCapacity: true)
        pendingPenalty.removeAll(keepingCapacity: true)
        for t in touchedT {
            for g in 0..<G { groupOn[g] = on[g * T + t] + deltaOn[g * T + t] }
            let p = context.allocator.allocate(interval: t, on: groupOn, capacity: &capacity, answered: &answered)
            pendingPenalty.append(p)
            penaltyDelta += p - penaltyT[t]
            for q in 0..<Q {
                pendingAnswered.append(answered[q])
                newAnsweredQ[q] += answered[q] - answeredQT[q * T + t]
            }
        }
        return serviceCost(answeredQ: newAnsweredQ, penalty: penaltyTotal + penaltyDelta + cover.penalty + coverDelta)
            - serviceCost(answeredQ: answeredQ, penalty: penaltyTotal + cover.penalty)
    }

    /// `costs[d][k]`: the change in cost when agent `a` works option `context.catalog.allowed[a][d][k]`
    /// on day d rather than having the day off, the rest of the roster (its other days too) as it is:
    /// service or shift cover (staged), plus the agent's own terms (`ownDayCosts`).
    /// Left out: the priced hard-rule terms and the fairness maxima (`RowPlanner` keeps the rules
    /// itself; the caller prices the planned row exactly with `evaluate`).
    func dayCosts(agent a: Int) -> [[Double]] {
        let own = ownDayCosts(agent: a)
        return (0..<context.days).map { d in
            discard()
            let off = stageShifts([Change(agent: a, day: d, option: -1, breaks: nil)])
            discard()
            return context.catalog.allowed[a][d].enumerated().map { k, o in
                let cost = stageShifts([Change(agent: a, day: d, option: o, breaks: nil)]) - off
                discard()
                return cost + own[d][k]
            }
        }
    }

    /// Agent `a`'s own cost of a whole row (option per day, −1 off): paid hours, preference windows,
    /// published changes, requests and the priced hard-rule shortfall; no fairness maxima, no service
    /// or cover.
    func ownCost(agent a: Int, row: [Int]) -> Double { agents.cost(agents.terms(agent: a, week: row)) }

    /// Agent `a`'s own change in cost per day and allowed option (`AgentTermsLedger.ownDayCosts`).
    func ownDayCosts(agent a: Int) -> [[Double]] { agents.ownDayCosts(agent: a) }

    /// Weekly terms of one agent's week of choices.
    func terms(agent a: Int, week: [Int]) -> AgentTerms { agents.terms(agent: a, week: week) }

    /// Applies the pending change.
    func commit() {
        for (i, t) in touchedT.enumerated() {
            for g in 0..<G { on[g * T + t] += deltaOn[g * T + t] }
            penaltyTotal += pendingPenalty[i] - penaltyT[t]
            penaltyT[t] = pendingPenalty[i]
            for q in 0..<Q {
                let v = pendingAnswered[i * Q + q]
                answeredQ[q] += v - answeredQT[q * T + t]
                answeredQT[q * T + t] = v
            }
        }
        agents.commit()
        cover.commit()
        for c in pendingChanges {
            choice[c.agent][c.day] = c.option
            breakStarts[c.agent][c.day] = c.breaks ?? []
        }
        pendingChanges = []
        discard()
    }

    /// Drops the pending change.
    func discard() {
        for t in touchedT {
            touchedMark[t] = false
            for g in 0..<G { deltaOn[g * T + t] = 0 }
        }
        touchedT.removeAll(keepingCapacity: true)
        agents.discard()
        pendingChanges.removeAll(keepingCapacity: true)
        cover.discard()
    }

    /// What every agent outside `free` contributes, for a neighbourhood model: their capacity per
    /// queue and interval after the skill split (breaks exact), their night/weekend maxima, and their
    /// head count per shift-cover target.
    func fixedPart(free: [Int]) -> RosterFormulation.FixedPart {
        discard()
        for a in free {
            for d in 0..<context.days where choice[a][d] >= 0 {
                addShift(agent: a, option: choice[a][d], breaks: breakStarts[a][d], sign: -1)
            }
        }
        var result = Array(repeating: Array(repeating: 0.0, count: T), count: Q)
        for t in 0..<T {
            for g in 0..<G { groupOn[g] = max(0, on[g * T + t] + deltaOn[g * T + t]) }
            _ = context.allocator.allocate(interval: t, on: groupOn, capacity: &capacity, answered: &answered)
            for q in 0..<Q { result[q][t] = capacity[q] }
        }
        discard()
        let maxima = agents.maxima(without: Set(free))
        let counts = cover.counts(without: free.flatMap { choice[$0] })
        return RosterFormulation.FixedPart(capacity: result, maxNights: maxima.nights,
                                           maxWeekends: maxima.weekends, coverCounts: counts)
    }

    /// The pending changes with their placed breaks (after `evaluate`).
    var pending: [Change] { pendingChanges }

    /// Decodes the state into a roster (agents in problem order, shifts by day).
    func roster() -> Roster {
        var shifts: [RosterShift] = []
        for (a, agent) in context.problem.agents.enumerated() {
            for d in 0..<context.days where choice[a][d] >= 0 {
                let option = context.catalog.options[choice[a][d]]
                let template = context.problem.templates[option.templateIndex]
                let breaks = zip(template.breaks, breakStarts[a][d]).map { rule, start in
                    RosterBreak(start: start, end: start + rule.lengthMinutes * 60, paid: rule.paid)
                }
                shifts.append(RosterShift(agentID: agent.id, date: option.date, templateID: option.templateID,
                                          start: option.start, end: option.end, paidMinutes: option.paidMinutes, breaks: breaks))
            }
        }
        return Roster(shifts: shifts)
    }
}
