import WFMCore

/// How one rule fared in a roster: summary.json `rules` [{id, kind, violations, penalty}].
///
/// Hard rules: violations found by the `RuleChecker` (0 for a returned roster), no penalty.
/// Soft rules and objective terms, penalty in contacts (the objective's unit), their sum being the
/// roster's objective:
/// - `unanswered-contacts`: contacts not answered within threshold; violations = queue-intervals below target.
/// - `paid-hours`: paid hours × the hour price; violations 0.
/// - `service-target` (min-cost): weekly shortfall below target × its price; violations = queues short.
/// - `prefer-off` / `prefer-on`: windows not granted × their price.
/// - `fair-nights` / `fair-weekends`: the busiest agent's count × the price; violations = that count
///   minus the least busy agent's.
/// - `secondary-skill`: (level − 1)-weighted agent-intervals on secondary skills × the price.
/// - `published-shift-changed`: agent-days changed against the published roster (`PublishedPlan`)
///   × its change penalty; 0 without a published roster.
/// - `cover-under` / `cover-over`: per `ShiftCover` target, n = agents with a shift of its template
///   starting on its date; Σ underWeight·max(0, required − n) / Σ overWeight·max(0, n − required);
///   violations = targets under / over. Every target is priced on its own, in every objective mode.
/// - `shift-on-request` / `shift-off-request`: Σ weight of `on` requests whose agent works no matching
///   shift that day / `off` requests whose agent works one (matching: the request's template, or any
///   shift when it names none); violations = requests not granted.
public struct RuleOutcome: Sendable, Hashable {
    public var rule: RuleID
    public var isHard: Bool { rule.isHard }
    public var violations: Int
    public var penalty: Double

    public init(rule: RuleID, violations: Int, penalty: Double) {
        self.rule = rule
        self.violations = violations
        self.penalty = penalty
    }

    /// One outcome per rule id, in `RuleID.allCases` order.
    public static func outcomes(roster: Roster, service: ProjectedService, violations: [RuleViolation],
                                problem: RosterProblem) -> [RuleOutcome] {
        let k = ObjectiveCoefficients(mode: problem.objective, weights: problem.weights)
        let w = problem.weights
        let zone = problem.grid.timeZone
        var prefOff = 0, prefOn = 0
        for window in problem.availability where window.kind != .unavailable {
            let r = window.absoluteRange(in: zone)
            let shifts = roster.shifts(of: window.agentID)
            if window.kind == .preferOff, shifts.contains(where: { $0.start < r.upperBound && r.lowerBound < $0.end }) { prefOff += 1 }
            if window.kind == .preferOn, !shifts.contains(where: { $0.start <= r.lowerBound && r.upperBound <= $0.end }) { prefOn += 1 }
        }
        let nights = service.agents.map(\.nightShifts)
        let weekends = problem.agents.map { a in roster.shifts(of: a.id).filter { problem.weekend.contains($0.date) }.count }
        let contacts = service.queues.reduce(0) { $0 + $1.contacts }
        let below = service.cells.filter { c in
            c.contacts > 0 && c.serviceLevel < (problem.queues.first { $0.id == c.queueID }?.serviceLevelTarget ?? 0)
        }.count
        struct Slot: Hashable { var date: LocalDate, templateID: String }
        struct AgentDay: Hashable { var agentID: String, date: LocalDate }
        let agentsOn = Dictionary(grouping: roster.shifts, by: { Slot(date: $0.date, templateID: $0.templateID) }).mapValues { Set($0.map(\.agentID)).count }
        let templatesOn = Dictionary(grouping: roster.shifts, by: { AgentDay(agentID: $0.agentID, date: $0.date) }).mapValues { $0.map(\.templateID) }
        let cover = problem.shiftCover.map { (target: $0, agents: agentsOn[Slot(date: $0.date, templateID: $0.templateID)] ?? 0) }
        let under = cover.filter { $0.agents < $0.target.required }
        let over = cover.filter { $0.agents > $0.target.required }
        let unmet = problem.requests.filter { r in
            let worked = templatesOn[AgentDay(agentID: r.agentID, date: r.date)] ?? []
            return worked.contains { r.templateID == nil || $0 == r.templateID } == (r.kind == .off)
        }
        let unmetOn = unmet.filter { $0.kind == .on }, unmetOff = unmet.filter { $0.kind == .off }
        let shortfalls = zip(problem.queues, service.queues).map { max(0, $0.serviceLevelTarget * $0.volume - $1.answeredWithinThreshold) }
        return RuleID.allCases.map { rule in
            switch rule {
            case .unansweredContacts:
                return RuleOutcome(rule: rule, violations: below, penalty: k.unanswered * (contacts - service.answeredWithinThreshold))
            case .paidHours:
                return RuleOutcome(rule: rule, violations: 0, penalty: k.paidHour * service.paidHours)
            case .serviceTarget:
                return RuleOutcome(rule: rule, violations: shortfalls.filter { $0 > 1e-9 }.count,
                                   penalty: k.shortfall * shortfalls.reduce(0, +))
            case .preferOff:
                return RuleOutcome(rule: rule, violations: prefOff, penalty: w.preferOff * Double(prefOff))
            case .preferOn:
                return RuleOutcome(rule: rule, violations: prefOn, penalty: w.preferOn * Double(prefOn))
            case .fairNights:
                return RuleOutcome(rule: rule, violations: (nights.max() ?? 0) - (nights.min() ?? 0),
                                   penalty: w.fairNights * Double(nights.max() ?? 0))
            case .fairWeekends:
                return RuleOutcome(rule: rule, violations: (weekends.max() ?? 0) - (weekends.min() ?? 0),
                                   penalty: w.fairWeekends * Double(weekends.max() ?? 0))
            case .secondarySkill:
                return RuleOutcome(rule: rule, violations: Int(service.secondarySkillAgentIntervals.rounded()),
                                   penalty: w.secondarySkill * service.secondarySkillAgentIntervals)
            case .publishedShiftChanged:
                let changed = problem.published?.changes(in: roster, problem: problem).count ?? 0
                return RuleOutcome(rule: rule, violations: changed, penalty: (problem.published?.changePenalty ?? 0) * Double(changed))
            case .coverUnder:
                return RuleOutcome(rule: rule, violations: under.count,
                                   penalty: under.reduce(0) { $0 + $1.target.underWeight * Double($1.target.required - $1.agents) })
            case .coverOver:
                return RuleOutcome(rule: rule, violations: over.count,
                                   penalty: over.reduce(0) { $0 + $1.target.overWeight * Double($1.agents - $1.target.required) })
            case .shiftOnRequest:
                return RuleOutcome(rule: rule, violations: unmetOn.count, penalty: unmetOn.reduce(0) { $0 + $1.weight })
            case .shiftOffRequest:
                return RuleOutcome(rule: rule, violations: unmetOff.count, penalty: unmetOff.reduce(0) { $0 + $1.weight })
            default:
                return RuleOutcome(rule: rule, violations: violations.filter { $0.rule == rule }.count, penalty: 0)
            }
        }
    }
}
