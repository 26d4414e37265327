import WFMCore

/// Everything derived once from a `RosterProblem` that the construction, the local search, the
/// MIP formulation and the projected-service computation share: shift options, service tables,
/// skill groups, per-agent contracts, carry-in and preference windows, objective coefficients.
public struct SchedulingContext: Sendable {
    public let problem: RosterProblem
    public let catalog: OptionCatalog
    public let tables: ServiceTables
    public let groups: SkillGroups
    public let contracts: [Contract]
    public let carryIn: [[CarryInShift]]
    /// Consecutive carry-in working days ending the day before the horizon, per agent.
    public let carryInRun: [Int]
    public let preferences: [[AvailabilityWindow]]
    public let preferenceRanges: [[Range<Int>]]
    let allocator: CapacityAllocator
    /// Objective coefficients of the chosen mode (see `ObjectiveCoefficients`).
    public let coefficients: ObjectiveCoefficients
    /// With a published roster: `published[a][d]` is the option agent a was published to work on day d,
    /// −1 for a published day off, −2 for a published shift that is no option of this problem (any
    /// choice changes it). nil without a published roster.
    public let published: [[Int]]?
    /// `coverOfOption[o]`: index into `problem.shiftCover` of the target option o counts towards
    /// (same date and template), −1 for none.
    public let coverOfOption: [Int]
    /// `forbiddenNext[t1][t2]`: template index t2 may not be worked the day after t1 (`cannotFollow`).
    public let forbiddenNext: [[Bool]]
    /// The weeks of the horizon: 7-day blocks of day indices from day 0 (the last may be shorter).
    public let weeks: [Range<Int>]
    /// The index in `weeks` of the week holding `day`.
    func week(of day: Int) -> Int { day / 7 }
    /// `weekendOfDay[d]`: index of the weekend (a run of consecutive `problem.weekend` days, e.g. Saturday
    /// + the Sunday after it) day d belongs to, −1 on other days. Weekends are numbered in horizon order from 0; `weekendCount` of them.
    public let weekendOfDay: [Int]
    public let weekendCount: Int
    /// Requests per agent as (day, template index or −1 for any, kind, weight).
    public let requests: [[AgentRequest]]

    public struct AgentRequest: Sendable, Hashable {
        public var day: Int
        public var templateIndex: Int
        public var kind: ShiftRequest.Kind
        public var weight: Double
        /// True when option `o` is a shift this request is about (its day, and its template unless any).
        public func matches(_ option: ShiftOption) -> Bool {
            option.day == day && (templateIndex < 0 || option.templateIndex == templateIndex)
        }
    }

    public var intervalCount: Int { problem.grid.intervals.count }
    public var days: Int { problem.grid.days }
    public var agentCount: Int { problem.agents.count }

    public init(problem: RosterProblem) {
        self.problem = problem
        catalog = OptionCatalog(problem: problem)
        tables = ServiceTables(problem: problem)
        groups = SkillGroups(problem: problem)
        contracts = problem.agents.map { agent in
            guard let c = problem.contract(of: agent) else { preconditionFailure("agent \(agent.id): unknown contract \(agent.contractID); validate the problem first") }
            return c
        }
        let start = problem.grid.startDate.dayNumber
        carryIn = problem.agents.map { a in problem.carryIn.filter { $0.agentID == a.id }.sorted { $0.start < $1.start } }
        carryInRun = carryIn.map { shifts in
            let days = Set(shifts.map(\.date.dayNumber))
            var run = 0
            while days.contains(start - 1 - run) { run += 1 }
            return run
        }
        preferences = problem.agents.map { a in problem.availability.filter { $0.agentID == a.id && $0.kind != .unavailable } }
        preferenceRanges = preferences.map { $0.map { $0.absoluteRange(in: problem.grid.timeZone) } }
        coefficients = ObjectiveCoefficients(mode: problem.objective, weights: problem.weights)
        allocator = CapacityAllocator(tables: tables, groups: groups, shrinkage: problem.shrinkage,
                                      secondarySkill: problem.weights.secondarySkill)
        let templateIndex = Dictionary(problem.templates.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var coverIndex: [Int: Int] = [:]
        for (i, c) in problem.shiftCover.enumerated() {
            guard let t = templateIndex[c.templateID] else { continue }
            coverIndex[(c.date.dayNumber - start) * problem.templates.count + t] = i
        }
        coverOfOption = catalog.options.map { coverIndex[$0.day * problem.templates.count + $0.templateIndex] ?? -1 }
        forbiddenNext = problem.templates.map { t in
            let banned = Set(t.cannotFollow)
            return problem.templates.map { banned.contains($0.id) }
        }
        let days = problem.grid.days
        weeks = TimeGrid.weekBlocks(days: days)
        var weekendOfDay = Array(repeating: -1, count: days)
        var weekendCount = 0
        // A weekend starts on a weekend day whose previous day is not one (or on day 0).
        for d in 0..<days where problem.weekend.contains(problem.grid.startDate.adding(days: d)) {
            if d == 0 || weekendOfDay[d - 1] < 0 { weekendCount += 1 }
            weekendOfDay[d] = weekendCount - 1
        }
        self.weekendOfDay = weekendOfDay
        self.weekendCount = weekendCount
        let agentIndex = Dictionary(problem.agents.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var requests = Array(repeating: [AgentRequest](), count: problem.agents.count)
        for r in problem.requests {
            guard let a = agentIndex[r.agentID] else { continue }
            requests[a].append(AgentRequest(day: r.date.dayNumber - start, templateIndex: r.templateID.flatMap { templateIndex[$0] } ?? -1,
                                            kind: r.kind, weight: r.weight))
        }
        self.requests = requests
        if let plan = problem.published {
            published = Self.publishedOptions(plan, problem: problem, catalog: catalog)
        } else {
            published = nil
        }
    }

    /// Maps the published shifts onto options (see `published`).
    private static func publishedOptions(_ plan: PublishedPlan, problem: RosterProblem, catalog: OptionCatalog) -> [[Int]] {
        struct Key: Hashable { var day: Int, template: String, start: Int, end: Int }
        var index: [Key: Int] = [:]
        for (i, o) in catalog.options.enumerated() { index[Key(day: o.day, template: o.templateID, start: o.start, end: o.end)] = i }
        var result = Array(repeating: Array(repeating: -1, count: problem.grid.days), count: problem.agents.count)
        let agentIndex = Dictionary(problem.agents.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let start = problem.grid.startDate.dayNumber
        for shift in plan.shifts {
            let d = shift.date.dayNumber - start
            guard let a = agentIndex[shift.agentID], d >= 0, d < problem.grid.days, result[a][d] == -1 else { continue }
            result[a][d] = index[Key(day: d, template: shift.templateID, start: shift.start, end: shift.end)] ?? -2
        }
        return result
    }

    /// Changed published shifts of one agent's week of choices (`PublishedPlan` defines a change).
    func publishedChanges(agent a: Int, week: [Int]) -> Int {
        guard let published else { return 0 }
        var n = 0
        for (chosen, old) in zip(week, published[a]) where chosen != old { n += 1 }
        return n
    }
}

/// The objective of each mode as coefficients of the same terms (all minimised, unit: contacts).
///
/// - `balance`: unanswered × w.unansweredContact + paid hours × w.paidHour + soft penalties.
/// - `min-cost`: paid hours × max(w.paidHour, 1) + weekly shortfall below each queue's target ×
///   w.serviceShortfall (the target as a heavily priced requirement) + soft penalties; unanswered
///   contacts count only as a 10⁻³ tie-breaker.
/// - `max-service`: unanswered × w.unansweredContact + soft penalties; paid hours are free within contracts.
public struct ObjectiveCoefficients: Sendable, Hashable {
    public var unanswered: Double
    public var paidHour: Double
    public var shortfall: Double

    public init(mode: ObjectiveMode, weights: ScheduleWeights) {
        switch mode {
        case .balance: (unanswered, paidHour, shortfall) = (weights.unansweredContact, weights.paidHour, 0)
        case .minCost: (unanswered, paidHour, shortfall) = (1e-3, max(weights.paidHour, 1), weights.serviceShortfall)
        case .maxService: (unanswered, paidHour, shortfall) = (weights.unansweredContact, 0, 0)
        }
    }
}
