import MIP

/// The roster as a mixed-integer programme (solver-neutral `MIP.Model`), for all agents or for a
/// neighbourhood: `free` agents get variables, every other agent is fixed and enters only as a
/// constant base capacity per queue and interval (`FixedPart`). docs/formulation.md explains every
/// variable, row and weight; each rule is one function in FormulationRules.swift and names its
/// rows `<rule-id>[agent,…]`.
///
/// Variables: `x[a,d,o]` (binary) agent a works option o on day d; `works[a,d]` = Σ_o x[a,d,o] where
/// sequence rules need it and the day has several options; per-agent, per-week start-spread bounds;
/// weekend indicators; skill flows `f[g,q,t]`; curve segments `y[q,t,k]` with ordering binaries
/// `z[q,t,k]` on the convex part; preference, request, shift-cover and fairness penalties; in elastic
/// mode one slack per hard-rule row.
public struct RosterFormulation {
    /// How breaks enter interval coverage (exact placement happens in decoding).
    public enum BreakCoverage: Sendable {
        /// Each break's minutes spread evenly over its possible span: the search model.
        case averaged
        /// Only minutes on break under every placement are removed: coverage is then never below the
        /// truth, so the model's optimum bounds every roster (used for the LP bound).
        case certainOnly
    }

    /// What the fixed agents contribute: capacity per queue and interval after their own skill
    /// split, their night/weekend maxima (fairness), and their head count on each `shiftCover`
    /// target (same order as `RosterProblem.shiftCover`; empty = 0 on every target).
    public struct FixedPart: Sendable {
        public var capacity: [[Double]]
        public var maxNights: Int
        public var maxWeekends: Int
        public var coverCounts: [Int]
        public init(capacity: [[Double]], maxNights: Int = 0, maxWeekends: Int = 0, coverCounts: [Int] = []) {
            self.capacity = capacity
            self.maxNights = maxNights
            self.maxWeekends = maxWeekends
            self.coverCounts = coverCounts
        }
    }

    /// Rule families whose rows get a priced slack (elastic model); the objective is then the slack alone.
    public var elastic: Set<RuleID>
    public let context: SchedulingContext
    public let free: [Int]
    /// Agent ids by agent index, for row and variable names.
    let agentIDs: [String]
    public internal(set) var model: Model
    /// x variables: (agent, day, option, variable).
    public internal(set) var shifts: [(agent: Int, day: Int, option: Int, variable: Model.Var)] = []
    /// Slack variables of the elastic model, with the rule, agent and days they relax.
    public internal(set) var slacks: [(rule: RuleID, agent: Int, days: [Int], variable: Model.Var, unit: String)] = []
    var xByAgentDay: [Int: [[(option: Int, variable: Model.Var)]]] = [:]
    /// `worked[a][d]`: the term "agent a works on day d" (nil: no option that day), see `worked(_:)`.
    var workedByAgent: [Int: [Model.Term?]] = [:]
    let breakCoverage: BreakCoverage
    let fixed: FixedPart

    /// Builds the model. `fixed` nil means nobody is fixed (the full model).
    /// `service: false` leaves out coverage, preferences and fairness (a pure contract-rule model, used
    /// to check or explain one agent's week); an elastic model never has them.
    public init(context: SchedulingContext, free: [Int], fixed: FixedPart? = nil, breaks: BreakCoverage = .averaged,
                elastic: Set<RuleID> = [], relaxedAvailability: Bool = false, service: Bool = true) {
        self.context = context
        self.free = free
        self.elastic = elastic
        agentIDs = context.problem.agents.map(\.id)
        breakCoverage = breaks
        let T = context.intervalCount, Q = context.problem.queues.count
        self.fixed = fixed ?? FixedPart(capacity: Array(repeating: Array(repeating: 0, count: T), count: Q))
        model = Model(sense: .minimize)
        addShiftVariables(relaxedAvailability: relaxedAvailability, service: service)
        let long = LongRuleTables(context: context)
        for a in free {
            addOneShiftPerDay(agent: a)
            for week in context.weeks {
                addWeekMinutes(agent: a, week: week)
                addMinDaysOff(agent: a, week: week)
                addMaxNightShifts(agent: a, week: week)
                addMaxStartSpread(agent: a, week: week)
            }
            addMaxConsecutiveDays(agent: a)
            addMinRest(agent: a)
            addHorizonMinutes(agent: a)
            addMaxTemplateShifts(agent: a, tables: long)
            addMaxWeekends(agent: a, tables: long)
            addForbiddenSuccession(agent: a, tables: long)
            addMinConsecutiveDays(agent: a)
            addMinConsecutiveDaysOff(agent: a)
            if relaxedAvailability { addUnavailable(agent: a) }
        }
        if elastic.isEmpty && service {
            addPreferences()
            addRequests()
            addFairness()
            addShiftCover()
            addCoverage()
        }
    }

    private mutating func addShiftVariables(relaxedAvailability: Bool, service: Bool) {
        let priced = elastic.isEmpty && service
        let hourCost = priced ? context.coefficients.paidHour / 60 : 0
        let published = priced ? context.published : nil
        let changeCost = context.problem.published?.changePenalty ?? 0
        for a in free {
            let lists = relaxedAvailability ? context.catalog.templateAllowed[a] : context.catalog.allowed[a]
            var byDay = Array(repeating: [(option: Int, variable: Model.Var)](), count: context.days)
            for d in 0..<context.days {
                // `published-shift-changed`: a published shift p changes unless x[p] = 1
                // (penalty·(1 − x[p]): constant in the offset, −penalty on x[p]); on a published day
                // off every x of the day is a change (+penalty on each).
                let p = published?[a][d] ?? -1
                if published != nil, p != -1 { model.objectiveOffset += changeCost }
                for o in lists[d] {
                    let option = context.catalog.options[o]
                    let change = published == nil ? 0 : (p == -1 ? changeCost : (p == o ? -changeCost : 0))
                    let v = model.addBinary("x[\(context.problem.agents[a].id),d\(d),\(option.templateID)@\(option.startMinute)+\(option.lengthMinutes)]",
                                            cost: hourCost * Double(option.paidMinutes) + change)
                    shifts.append((a, d, o, v))
                    byDay[d].append((o, v))
                }
            }
            xByAgentDay[a] = byDay
        }
    }

    /// x variables of agent a on day d.
    func x(_ a: Int, _ d: Int) -> [(option: Int, variable: Model.Var)] { xByAgentDay[a]?[d] ?? [] }

    /// The term "agent a works on day d" for every day, w[d] = Σ_o x[a,d,o] (0/1 by one-shift-per-day):
    /// nil on a day without options, the x itself on a day with one, otherwise a variable
    /// `works[a,d]` ∈ [0, 1] with the row `works[a,d]`: works − Σ_o x = 0. Made once per agent, on
    /// first use, so sequence rows over several days stay short (one term per day).
    mutating func worked(_ a: Int) -> [Model.Term?] {
        if let known = workedByAgent[a] { return known }
        let id = agentIDs[a]
        let terms: [Model.Term?] = (0..<context.days).map { d in
            let xs = x(a, d)
            guard xs.count > 1 else { return xs.first.map { Model.Term($0.variable, 1) } }
            let w = model.addVariable("works[\(id),d\(d)]", lower: 0, upper: 1)
            model.addRow("works[\(id),d\(d)]", [Model.Term(w, 1)] + xs.map { Model.Term($0.variable, -1) }, lower: 0, upper: 0)
            return Model.Term(w, 1)
        }
        workedByAgent[a] = terms
        return terms
    }

    /// Adds `lower ≤ terms ≤ upper` named `rule[name]`; in elastic mode for `rule` the violated side
    /// gets a slack priced `slackCost` per unit.
    mutating func addRuleRow(_ rule: RuleID, agent: Int, days: [Int], _ name: String, _ terms: [Model.Term],
                             lower: Double = -.infinity, upper: Double = .infinity, unit: String, slackCost: Double = 1) {
        var terms = terms
        if elastic.contains(rule) {
            let label = "\(rule.rawValue)[\(name)]"
            if upper.isFinite {
                let s = model.addVariable("slack-over:" + label, cost: slackCost)
                terms.append(Model.Term(s, -1))
                slacks.append((rule, agent, days, s, unit))
            }
            if lower.isFinite {
                let s = model.addVariable("slack-under:" + label, cost: slackCost)
                terms.append(Model.Term(s, 1))
                slacks.append((rule, agent, days, s, unit))
            }
        }
        model.addRow("\(rule.rawValue)[\(name)]", terms, lower: lower, upper: upper)
    }

    /// Agent-day choices of the free agents from a solution (−1 = day off).
    public func choices(from solution: Solution) -> [Int: [Int]] {
        var result: [Int: [Int]] = [:]
        for a in free { result[a] = Array(repeating: -1, count: context.days) }
        for s in shifts where solution.value(s.variable) > 0.5 { result[s.agent]![s.day] = s.option }
        return result
    }

    /// Bounds that fix x to the given choices on `days` (all days by default): for completing a
    /// start, or pinning the days outside a neighbourhood.
    public mutating func fix(choices: [Int: [Int]], days: Set<Int>? = nil) {
        for s in shifts where days?.contains(s.day) ?? true {
            let on = choices[s.agent]?[s.day] == s.option
            model.setBounds(s.variable, lower: on ? 1 : 0, upper: on ? 1 : 0)
        }
    }
}
