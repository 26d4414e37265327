import WFMCore

/// A roster already given to the agents, to re-plan a what-if against (scenario `published_roster`):
/// the search keeps its shifts where it can and pays `changePenalty` for every changed shift
/// (rule `published-shift-changed`), so the answer reads "change these N shifts".
///
/// What counts as one change, for each agent of the problem and each horizon date (agents work at
/// most one shift a day):
/// - the agent has a published shift that date and the new roster has none (dropped), or one that
///   differs in template, start or end (moved, lengthened or shortened, or on another template);
/// - the agent has no published shift that date (a published day off, also every day of an agent
///   absent from the published file) and the new roster gives one (added).
/// Breaks were not published: placing them again is not a change. Published shifts of agents not in
/// the problem or on dates outside the horizon are ignored.
public struct PublishedPlan: Sendable, Hashable {
    /// Published shifts; their breaks are ignored.
    public var shifts: [RosterShift]
    /// Contacts per changed shift (the objective's unit, like every `ScheduleWeights` weight), ≥ 0.
    public var changePenalty: Double

    public init(shifts: [RosterShift], changePenalty: Double) {
        self.shifts = shifts
        self.changePenalty = changePenalty
    }

    /// One changed agent-day: `old` nil = a new shift on a published day off, `new` nil = dropped.
    public struct Change: Sendable, Hashable {
        public var agentID: String
        public var date: LocalDate
        public var old: RosterShift?
        public var new: RosterShift?
    }

    /// Whether a roster's shift (or day off) on an agent-day is the published one (or day off).
    static func same(_ old: RosterShift?, _ new: RosterShift?) -> Bool {
        switch (old, new) {
        case (nil, nil): return true
        case let (o?, n?): return o.templateID == n.templateID && o.start == n.start && o.end == n.end
        default: return false
        }
    }

    /// Every change of `roster` against this plan, by agent (problem order) then date: computed from
    /// the two rosters alone, independently of the search's bookkeeping.
    public func changes(in roster: Roster, problem: RosterProblem) -> [Change] {
        let dates = (0..<problem.grid.days).map { problem.grid.startDate.adding(days: $0) }
        struct Key: Hashable { var agent: String, date: LocalDate }
        let published = Dictionary(shifts.map { (Key(agent: $0.agentID, date: $0.date), $0) }, uniquingKeysWith: { a, _ in a })
        let planned = Dictionary(roster.shifts.map { (Key(agent: $0.agentID, date: $0.date), $0) }, uniquingKeysWith: { a, _ in a })
        return problem.agents.flatMap { agent in
            dates.compactMap { date -> Change? in
                let key = Key(agent: agent.id, date: date)
                let old = published[key], new = planned[key]
                return Self.same(old, new) ? nil : Change(agentID: agent.id, date: date, old: old, new: new)
            }
        }
    }
}
