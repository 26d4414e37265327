/// One agent's weekly terms: what its own row costs, apart from service and shift cover.
struct AgentTerms: Equatable {
    var paid = 0, nights = 0, weekends = 0, preferOff = 0, preferOn = 0, deficit = 0, changed = 0
    /// Days missing from too-short runs (`WeekRules.shortfall`).
    var sequence = 0
    /// Weight of the shift requests not granted.
    var requests = 0.0
}

/// Every agent's `AgentTerms` in a roster and their price (contacts): paid hours, preference
/// windows, published changes, requests, the priced hard-rule shortfall (`RosterState.deficitWeight`,
/// `RosterState.sequenceWeight`) and the fairness maxima (busiest agent's nights and weekend days),
/// with one pending change of some agents' weeks priced against them: `evaluate`, then `commit` or
/// `discard`.
struct AgentTermsLedger {
    private let context: SchedulingContext
    let rules: WeekRules
    private var current: [AgentTerms]
    /// New terms of each agent the pending change moves, in agent order.
    private var pending: [(agent: Int, terms: AgentTerms)] = []

    /// Every agent with every day off.
    init(context: SchedulingContext) {
        self.context = context
        rules = WeekRules(context: context)
        current = []
        let off = Array(repeating: -1, count: context.days)
        current = (0..<context.agentCount).map { terms(agent: $0, week: off) }
    }

    /// The agents' own terms, summed in agent order (no fairness maxima).
    var ownCost: Double { current.reduce(0) { $0 + cost($1) } }

    /// The fairness maxima of the committed terms, priced.
    var fairnessCost: Double { fairnessCost(replacing: []) }

    /// The part of the cost one agent's terms carry on their own (everything but the fairness maxima).
    func cost(_ t: AgentTerms) -> Double {
        let k = context.coefficients
        let w = context.problem.weights
        return k.paidHour * Double(t.paid) / 60 + w.preferOff * Double(t.preferOff) + w.preferOn * Double(t.preferOn)
            + (context.problem.published?.changePenalty ?? 0) * Double(t.changed) + t.requests
            + RosterState.deficitWeight * Double(t.deficit) + RosterState.sequenceWeight * Double(t.sequence)
    }

    /// The busiest agent's nights and weekend days, priced, agents' terms taken from the ledger except
    /// those in `replacing` (0 without fairness weights, skipping the scan over agents).
    private func fairnessCost(replacing: [(agent: Int, terms: AgentTerms)]) -> Double {
        let w = context.problem.weights
        guard w.fairNights > 0 || w.fairWeekends > 0 else { return 0 }
        var maxNights = 0, maxWeekends = 0
        for (a, committed) in current.enumerated() {
            let t = replacing.first { $0.agent == a }?.terms ?? committed
            maxNights = max(maxNights, t.nights)
            maxWeekends = max(maxWeekends, t.weekends)
        }
        return w.fairNights * Double(maxNights) + w.fairWeekends * Double(maxWeekends)
    }

    /// Weekly terms of one agent's week of choices.
    func terms(agent a: Int, week: [Int]) -> AgentTerms {
        var r = AgentTerms()
        let options = context.catalog.options
        for o in week where o >= 0 {
            r.paid += options[o].paidMinutes
            if options[o].isNight { r.nights += 1 }
            if options[o].isWeekend { r.weekends += 1 }
        }
        for (w, range) in zip(context.preferences[a], context.preferenceRanges[a]) {
            switch w.kind {
            case .preferOff:
                if week.contains(where: { $0 >= 0 && Self.meets(options[$0], range) }) { r.preferOff += 1 }
            case .preferOn:
                if !week.contains(where: { $0 >= 0 && Self.covers(options[$0], range) }) { r.preferOn += 1 }
            case .unavailable:
                break
            }
        }
        for request in context.requests[a] {
            let o = week[request.day]
            let matched = o >= 0 && request.matches(options[o])
            if matched == (request.kind == .off) { r.requests += request.weight }
        }
        (r.deficit, r.sequence) = rules.shortfall(agent: a, week: week)
        r.changed = context.publishedChanges(agent: a, week: week)
        return r
    }

    /// A prefer-off window is broken by a shift that meets it, a prefer-on window kept by one that covers it.
    static func meets(_ option: ShiftOption, _ range: Range<Int>) -> Bool { option.start < range.upperBound && range.lowerBound < option.end }
    static func covers(_ option: ShiftOption, _ range: Range<Int>) -> Bool { option.start <= range.lowerBound && range.upperBound <= option.end }

    /// Minutes and days by which agent a misses the priced hard rules (0: its row keeps them all).
    func shortfall(agent a: Int) -> Int { current[a].deficit + current[a].sequence }

    /// Minutes and days by which the roster misses the priced hard rules (0: every hard rule holds).
    var totalDeficit: Int { current.reduce(0) { $0 + $1.deficit + $1.sequence } }

    /// Stages the new weeks of some agents (agent → option per day, −1 off). False, with the change
    /// left to `discard`, when an agent's week would break a hard rule other than the weekly minimum.
    mutating func evaluate(_ weeks: [Int: [Int]]) -> Bool {
        for (a, week) in weeks.sorted(by: { $0.key < $1.key }) {
            guard rules.allowsExceptMinimum(agent: a, week: week) else { return false }
            pending.append((a, terms(agent: a, week: week)))
        }
        return true
    }

    /// `delta` (the pending change's cost elsewhere) plus the pending change in the agents' own terms
    /// and in the fairness maxima, summed in that order.
    func priced(adding delta: Double) -> Double {
        var delta = delta
        for (a, terms) in pending { delta += cost(terms) - cost(current[a]) }
        return delta + fairnessCost(replacing: pending) - fairnessCost(replacing: [])
    }

    /// Applies the pending change.
    mutating func commit() {
        for (a, terms) in pending { current[a] = terms }
        discard()
    }

    /// Drops the pending change.
    mutating func discard() { pending.removeAll(keepingCapacity: true) }

    /// The busiest agent's nights and weekend days among those outside `free` (0 with none).
    func maxima(without free: Set<Int>) -> (nights: Int, weekends: Int) {
        let others = current.indices.filter { !free.contains($0) }
        return (others.map { current[$0].nights }.max() ?? 0, others.map { current[$0].weekends }.max() ?? 0)
    }

    /// `costs[d][k]`: the change in agent `a`'s own terms when it works option
    /// `context.catalog.allowed[a][d][k]` on day d rather than having the day off: paid hours, requests,
    /// preference windows and published-shift changes (no service, no cover: those depend on the others).
    /// Exact per day for paid hours, requests and published changes; a preference window is charged to
    /// the day's option alone (a window met or covered by another day's shift is not seen).
    func ownDayCosts(agent a: Int) -> [[Double]] {
        let options = context.catalog.options
        let k = context.coefficients
        let w = context.problem.weights
        let requestsByDay = Dictionary(grouping: context.requests[a], by: \.day)
        let published = context.published?[a]
        let changePenalty = context.problem.published?.changePenalty ?? 0
        return (0..<context.days).map { d in
            context.catalog.allowed[a][d].map { o in
                let option = options[o]
                var cost = k.paidHour * Double(option.paidMinutes) / 60
                for r in requestsByDay[d] ?? [] where r.matches(option) { cost += r.kind == .off ? r.weight : -r.weight }
                for (window, range) in zip(context.preferences[a], context.preferenceRanges[a]) {
                    switch window.kind {
                    case .preferOff: if Self.meets(option, range) { cost += w.preferOff }
                    case .preferOn: if Self.covers(option, range) { cost -= w.preferOn }
                    case .unavailable: break
                    }
                }
                if let published { cost += changePenalty * Double((published[d] != o ? 1 : 0) - (published[d] != -1 ? 1 : 0)) }
                return cost
            }
        }
    }
}
