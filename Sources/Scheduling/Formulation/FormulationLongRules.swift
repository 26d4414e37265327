import MIP

/// Lookups the long-horizon rows share, made once per formulation in O(templates³ + days).
struct LongRuleTables {
    /// Template index by id.
    let templateIndex: [String: Int]
    /// One clique of `forbidden-succession` per distinct non-empty set F = cannotFollow(t): the
    /// templates `after` = F, and `before` = every template t' whose own set contains F (t' ∈ before
    /// on day d and t2 ∈ after on day d+1 always collide), in template order.
    let successionCliques: [(before: [Int], after: [Int])]
    /// `weekendDays[k]`: the horizon days of weekend k (its run of `RosterProblem.weekend` days).
    let weekendDays: [[Int]]

    init(context: SchedulingContext) {
        templateIndex = Dictionary(context.problem.templates.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let forbidden = context.forbiddenNext.map { row in row.indices.filter { row[$0] } }
        var seen = Set<[Int]>()
        successionCliques = forbidden.compactMap { after in
            guard !after.isEmpty, seen.insert(after).inserted else { return nil }
            return (forbidden.indices.filter { t in after.allSatisfy { context.forbiddenNext[t][$0] } }, after)
        }
        var weekendDays = Array(repeating: [Int](), count: context.weekendCount)
        for (d, k) in context.weekendOfDay.enumerated() where k >= 0 { weekendDays[k].append(d) }
        self.weekendDays = weekendDays
    }
}

/// The rules of long horizons as rows of `RosterFormulation` (CURTOIS-PLAN.md semantics), one
/// function per rule id, every hard row through `addRuleRow` so the elastic model can relax it.
/// Slack units: minutes (priced 1/60) for horizon minutes, shifts, weekends or days otherwise.
extension RosterFormulation {
    /// `horizon-minutes-min` / `horizon-minutes-max`: min ≤ Σ_{d,o} paid(o)·x ≤ max over the whole
    /// horizon (a minimum of 0 and a nil maximum add no row).
    mutating func addHorizonMinutes(agent a: Int) {
        let c = context.contracts[a]
        guard c.horizonMinutesMin > 0 || c.horizonMinutesMax != nil else { return }
        let terms = (0..<context.days).flatMap { d in x(a, d).map { Model.Term($0.variable, Double(context.catalog.options[$0.option].paidMinutes)) } }
        let all = Array(0..<context.days)
        if c.horizonMinutesMin > 0 {
            addRuleRow(.horizonMinutesMin, agent: a, days: all, agentIDs[a], terms, lower: Double(c.horizonMinutesMin),
                       unit: "minutes", slackCost: 1.0 / 60)
        }
        if let most = c.horizonMinutesMax {
            addRuleRow(.horizonMinutesMax, agent: a, days: all, agentIDs[a], terms, upper: Double(most), unit: "minutes", slackCost: 1.0 / 60)
        }
    }

    /// `max-template-shifts`: Σ_{d, o of template t} x ≤ maxShiftsPerTemplate[t] for every listed
    /// template the agent has more options of than the maximum.
    mutating func addMaxTemplateShifts(agent a: Int, tables: LongRuleTables) {
        let limits = context.contracts[a].maxShiftsPerTemplate
        guard !limits.isEmpty else { return }
        var terms = Array(repeating: [Model.Term](), count: context.problem.templates.count)
        for d in 0..<context.days {
            for (o, v) in x(a, d) { terms[context.catalog.options[o].templateIndex].append(Model.Term(v, 1)) }
        }
        for (id, most) in limits.sorted(by: { $0.key < $1.key }) {
            guard let t = tables.templateIndex[id], terms[t].count > most else { continue }
            addRuleRow(.maxTemplateShifts, agent: a, days: Array(0..<context.days), "\(agentIDs[a]),\(id)", terms[t],
                       upper: Double(most), unit: "shifts")
        }
    }

    /// `max-weekends`: per weekend k a worked indicator v_k ∈ [0, 1] with v_k ≥ Σ_o x[a,d,o] for its
    /// days (rows `weekend[a,k,d]`), and Σ_k v_k ≤ maxWeekends. v need not be
    /// integer: at integer x the cheapest feasible v is the max over its days, 0 or 1. Skipped when the
    /// agent has options on at most maxWeekends weekends.
    mutating func addMaxWeekends(agent a: Int, tables: LongRuleTables) {
        guard let most = context.contracts[a].maxWeekends else { return }
        let open = tables.weekendDays.enumerated().filter { _, days in days.contains { !x(a, $0).isEmpty } }
        guard open.count > most else { return }
        let id = agentIDs[a]
        var indicators: [Model.Term] = []
        var days: [Int] = []
        for (k, weekend) in open {
            let v = model.addVariable("weekend[\(id),\(k)]", lower: 0, upper: 1)
            indicators.append(Model.Term(v, 1))
            for d in weekend where !x(a, d).isEmpty {
                model.addRow("weekend[\(id),\(k),d\(d)]", [Model.Term(v, 1)] + x(a, d).map { Model.Term($0.variable, -1) }, lower: 0)
                days.append(d)
            }
        }
        addRuleRow(.maxWeekends, agent: a, days: days, id, indicators, upper: Double(most), unit: "weekends")
    }

    /// `forbidden-succession`: Σ_{o of t on d} x + Σ_{o of t2 on d+1, t2 ∈ cannotFollow(t)} x ≤ 1 for
    /// each day d and template t, lifted to cliques: templates with the same set F share one row, and
    /// every template whose set contains F joins it on day d (`LongRuleTables.successionCliques`):
    /// Σ_{t ∈ before, o of t on d} x + Σ_{t2 ∈ F, o of t2 on d+1} x ≤ 1. Exact (one shift a day, and
    /// every pair across the two days is forbidden) and a tighter LP than the row per template.
    mutating func addForbiddenSuccession(agent a: Int, tables: LongRuleTables) {
        guard !tables.successionCliques.isEmpty, context.days > 1 else { return }
        let options = context.catalog.options
        let T = context.problem.templates.count
        func byTemplate(_ d: Int) -> [[Model.Term]] {
            var result = Array(repeating: [Model.Term](), count: T)
            for (o, v) in x(a, d) { result[options[o].templateIndex].append(Model.Term(v, 1)) }
            return result
        }
        var today = byTemplate(0)
        for d in 0..<(context.days - 1) {
            let tomorrow = byTemplate(d + 1)
            for (before, after) in tables.successionCliques {
                let first = before.flatMap { today[$0] }, next = after.flatMap { tomorrow[$0] }
                guard !first.isEmpty, !next.isEmpty else { continue }
                addRuleRow(.forbiddenSuccession, agent: a, days: [d, d + 1],
                           "\(agentIDs[a]),d\(d),\(after.map { context.problem.templates[$0].id }.joined(separator: "+"))",
                           first + next, upper: 1, unit: "shifts")
            }
            today = tomorrow
        }
    }

    /// `min-consecutive-days` k: with w[d] = works[a,d] (0 on days without options), for every start
    /// s ≥ 1 and length l < k with s + l ≤ D − 1: −w[s−1] + Σ_{i=s}^{s+l−1} w[i] − w[s+l] ≤ l − 1, i.e.
    /// no maximal run of exactly l working days strictly inside the horizon (runs touching day 0 or
    /// D − 1 are exempt). Rows whose inner days include one without options are implied and left out.
    mutating func addMinConsecutiveDays(agent a: Int) {
        let k = context.contracts[a].minConsecutiveDays
        let D = context.days
        guard k > 1, D > 2 else { return }
        let w = worked(a)
        for s in 1..<(D - 1) {
            for l in 1..<k where s + l <= D - 1 {
                let inner = w[s..<(s + l)]
                guard !inner.contains(where: { $0 == nil }) else { break }
                let terms = inner.compactMap { $0 } + [w[s - 1], w[s + l]].compactMap { $0.map { Model.Term($0.variable, -1) } }
                addRuleRow(.minConsecutiveDays, agent: a, days: Array((s - 1)...(s + l)), "\(agentIDs[a]),d\(s)+\(l)", terms,
                           upper: Double(l - 1), unit: "days")
            }
        }
    }

    /// `min-consecutive-days-off` k: the same rows on 1 − w, i.e. for every start s ≥ 1 and length
    /// l < k with s + l ≤ D − 1: w[s−1] − Σ_{i=s}^{s+l−1} w[i] + w[s+l] ≤ 1. Rows with a boundary day
    /// without options are implied and left out.
    mutating func addMinConsecutiveDaysOff(agent a: Int) {
        let k = context.contracts[a].minConsecutiveDaysOff
        let D = context.days
        guard k > 1, D > 2 else { return }
        let w = worked(a)
        for s in 1..<(D - 1) {
            guard let before = w[s - 1] else { continue }
            for l in 1..<k where s + l <= D - 1 {
                guard let after = w[s + l] else { continue }
                let terms = [before, after] + w[s..<(s + l)].compactMap { $0.map { Model.Term($0.variable, -1) } }
                addRuleRow(.minConsecutiveDaysOff, agent: a, days: Array((s - 1)...(s + l)), "\(agentIDs[a]),d\(s)+\(l)", terms,
                           upper: 1, unit: "days")
            }
        }
    }
}
