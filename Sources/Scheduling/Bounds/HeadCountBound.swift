/// A lower bound on the cost of every roster keeping every hard rule, for head-count problems (no
/// queues: shift cover, requests, paid hours, published changes), by Lagrangian relaxation of the
/// cover targets and of the per-agent counting rules (Fisher 1981, "The Lagrangian relaxation method
/// for solving integer programming problems", Management Science 27(1)).
///
/// Cost (contacts, `RosterState.cost` without queues) = Σ_c f_c(n_c) + Σ_a own_a(row_a) + fairness,
/// where n_c is the head count on target c (`problem.shiftCover[c]`; option o counts towards
/// `context.coverOfOption[o]`) and f_c(n) = under_c·max(0, req_c − n) + over_c·max(0, n − req_c).
///
/// - Cover: for every λ_c ∈ [−over_c, under_c], f_c(n) ≥ λ_c·(req_c − n) for every n (f_c is convex
///   with slopes −under_c and over_c, and both sides vanish at n = req_c).
/// - own_a(row) = Σ_d [paid hours (`coefficients.paidHour` × paid minutes / 60) + the weight of each
///   request of the day not granted (an on-request unless a matching shift is worked, an off-request
///   when one is) + `changePenalty` when the day's choice differs from the published one]: the exact
///   sum of these terms of `RosterState.agentCost`, all separable by day. Its other terms are left
///   out, valid because they are ≥ 0: prefer-off / prefer-on windows and the fairness maxima (weights
///   ≥ 0, checked) and the deficit and sequence terms (0 on rows keeping every hard rule).
/// - Counting rules g_i(row) ≤ 0 of each agent (`HeadCountCounting`: weekly and horizon paid
///   minutes, weekly worked days, weekly nights, weekends, per-template maxima) that the programme
///   does not count exactly: for μ_i ≥ 0 adding μ_i·g_i(row) lowers the cost of every row keeping them.
///
/// Hence for all such λ, μ and every roster keeping every hard rule:
///
///     cost ≥ L(λ, μ) = Σ_c λ_c·req_c + Σ_a min_row [own_a(row) − Σ_d λ_{c(row_d)} + Σ_i μ_i·g_i(row)],
///
/// the minimum over rows keeping the sequence rules (and the counted rules), computed exactly per
/// agent by `HeadCountAgentProgramme`, which also says what it relaxes. The subgradient at (λ, μ) is
/// req_c − n_c for λ_c and g_i(row) for μ_i at the rows found.
///
/// L is maximised by the volume algorithm (Barahona & Anbil 2000, "The volume algorithm: producing
/// primal solutions with a subgradient method", Math. Programming 87), a subgradient method in the
/// line of Held, Wolfe & Crowder 1974 ("Validation of subgradient optimization", Math. Programming 6):
/// from the best point π̂ so far, step θ·(target − L(π̂))/‖v‖² (Polyak's step) along v, a running
/// average of the subgradients (v ← α·g + (1 − α)·v, α ∈ [0.01, 0.1] minimising ‖v‖), with the
/// components the projection would undo set to 0; λ projected onto its box, μ onto ≥ 0. The target
/// is `upperBound` when above the best L, else the best L + 1 % (at least 1). An improving step moves
/// π̂ (θ × 1.1 when g·v ≥ 0, at most 2); 20 non-improving ones shrink θ by 0.66. Measured on Curtois
/// (3000 iterations, best known as upper bound, an earlier programme without the counters): plain
/// projected subgradient steps from the current point, θ halved after 50 non-improving iterations,
/// stalled lower (Instance3 874, Instance8 944) than these steps (1000 and 1268).
///
/// Start: the better of λ_c = under_c (req_c > 0) or −over_c (req_c = 0), and λ = 0 (measured far
/// better on Curtois Instance24: 3044 against 0 after 300 iterations), with μ = 0. With a single
/// agent, no multiplier-priced rule and no rest rule (every rule exact in the programme),
/// n_c ∈ {0, 1} makes f_c(n) = λ_c·(req_c − n) at the first start, so the first L is the optimum.
///
/// The result is the best L seen less 10⁻⁹·max(1, |L|) (rounding of the sums), and at least 0 (every
/// cost term is ≥ 0). Deterministic: the same iterations give the same value; the deadline only
/// cuts the iterations (checked before each). Single-threaded; an iteration is one programme per agent.
public struct HeadCountBound: Sendable {
    public let context: SchedulingContext
    let programmes: [HeadCountAgentProgramme]
    /// Offset of each agent's multipliers in the μ vector.
    let muOffset: [Int]
    /// θ at the start, and the non-improving iterations after which θ shrinks by 0.66 (Barahona &
    /// Anbil's values).
    static let initialStep = 0.1
    static let patience = 20

    public init(context: SchedulingContext) {
        precondition(context.problem.queues.isEmpty, "HeadCountBound needs a problem without queues, got \(context.problem.queues.count)")
        let w = context.problem.weights
        precondition(w.preferOff >= 0 && w.preferOn >= 0 && w.fairNights >= 0 && w.fairWeekends >= 0 && context.coefficients.paidHour >= 0,
                     "HeadCountBound drops terms whose weights must be ≥ 0: \(w)")
        self.context = context
        let rules = WeekRules(context: context)
        programmes = (0..<context.agentCount).map { HeadCountAgentProgramme(context: context, agent: $0, rules: rules) }
        var offsets: [Int] = [], total = 0
        for p in programmes { offsets.append(total); total += p.counting.rules.count }
        muOffset = offsets + [total]
    }

    /// The best L(λ, μ) of at most `iterations` evaluations (fewer when the deadline passes, the
    /// upper bound is reached, or no direction is left). `upperBound`: the cost of a known roster,
    /// the steps' target.
    public func value(iterations: Int, upperBound: Double?, deadline: ContinuousClock.Instant) -> Double {
        let cover = context.problem.shiftCover
        let counted = muOffset.last ?? 0
        // One vector π = (λ, μ) with its box.
        let lower = cover.map { -$0.overWeight } + Array(repeating: 0.0, count: counted)
        let upper = cover.map(\.underWeight) + Array(repeating: Double.infinity, count: counted)
        var center = cover.map { $0.required > 0 ? $0.underWeight : -$0.overWeight } + Array(repeating: 0.0, count: counted)
        let scratch = HeadCountAgentProgramme.Scratch()
        var gradient = Array(repeating: 0.0, count: center.count)
        guard ContinuousClock.now < deadline, iterations > 0 else { return 0 }
        var best = evaluate(center, gradient: &gradient, scratch: scratch)
        var point = Array(repeating: 0.0, count: center.count)
        var evaluations = 1
        if iterations > 1 && ContinuousClock.now < deadline {
            var other = gradient
            let L = evaluate(point, gradient: &other, scratch: scratch)
            evaluations += 1
            if L > best { (best, center, gradient) = (L, point, other) }
        }
        var direction = gradient, step = Self.initialStep, reds = 0
        for _ in evaluations..<max(evaluations, iterations) {
            if ContinuousClock.now >= deadline { break }
            if let upperBound, best >= upperBound { break }
            // The direction without the components the projection would undo.
            var projected = direction, norm = 0.0
            for i in projected.indices {
                if (projected[i] > 0 && center[i] >= upper[i]) || (projected[i] < 0 && center[i] <= lower[i]) { projected[i] = 0 }
                norm += projected[i] * projected[i]
            }
            guard norm > 0 else { break }
            var target = best + max(1, 0.01 * abs(best))
            if let upperBound, upperBound > best { target = upperBound }
            let t = step * (target - best) / norm
            for i in point.indices { point[i] = min(upper[i], max(lower[i], center[i] + t * projected[i])) }
            let L = evaluate(point, gradient: &gradient, scratch: scratch)
            // α ∈ [0.01, 0.1] minimising ‖α g + (1 − α) v‖.
            var gg = 0.0, gv = 0.0, vv = 0.0
            for i in gradient.indices { gg += gradient[i] * gradient[i]; gv += gradient[i] * direction[i]; vv += direction[i] * direction[i] }
            let denominator = gg - 2 * gv + vv
            let alpha = min(0.1, max(0.01, denominator > 0 ? (vv - gv) / denominator : 0.1))
            for i in direction.indices { direction[i] = alpha * gradient[i] + (1 - alpha) * direction[i] }
            if L > best {
                best = L
                center = point
                reds = 0
                if gv >= 0 { step = min(2, step * 1.1) }
            } else {
                reds += 1
                if reds >= Self.patience { step *= 0.66; reds = 0 }
            }
        }
        return max(0, best - 1e-9 * max(1, abs(best)))
    }

    /// L(π) and its subgradient at π = (λ, μ): req_c − n_c, then g_i of the rows found.
    func evaluate(_ pi: [Double], gradient: inout [Double], scratch: HeadCountAgentProgramme.Scratch) -> Double {
        let cover = context.problem.shiftCover
        let C = cover.count
        let lambda = Array(pi[0..<C])
        var L = 0.0
        for c in 0..<C { L += lambda[c] * Double(cover[c].required); gradient[c] = Double(cover[c].required) }
        for (a, programme) in programmes.enumerated() {
            let range = C + muOffset[a]..<C + muOffset[a + 1]
            let row = programme.solve(lambda: lambda, mu: pi[range], scratch: scratch)
            var own = programme.offTotal
            for e in row where e >= 0 {
                own += programme.entryCost[e]
                if case let c = programme.entryCover[e], c >= 0 { own -= lambda[c]; gradient[c] -= 1 }
            }
            let g = programme.counting.violations(row: row, programme: programme)
            for (i, v) in g.enumerated() { own += pi[range.lowerBound + i] * v; gradient[range.lowerBound + i] = v }
            L += own
        }
        return L
    }
}

/// The counting rules of one agent as inequalities g_i(row) ≤ 0, each with its multiplier μ_i ≥ 0
/// (index i in the agent's part of μ). Paid-minute rules are divided by `unit`, the agent's mean
/// paid minutes per option (so every g is in shifts or days and one step suits all); a positive
/// factor keeps the bound valid. A rule enters only when some row of the programme could break it.
///
/// - week b (7-day blocks from day 0): paid minutes ≤ `weekMinutesMax`, ≥ `weekMinutesMin(in:)`, worked
///   days ≤ days of the block − `daysOffMin(in:)`, night shifts ≤ `maxNightShifts`;
/// - horizon: paid minutes ≤ `horizonMinutesMax`, ≥ `horizonMinutesMin`, weekends worked ≤
///   `maxWeekends`, shifts of each limited template ≤ its maximum (a maximum of 0 is exact in the
///   programme instead).
struct HeadCountCounting: Sendable {
    enum Usage: Sendable { case weekMinutes(Int), weekDays(Int), weekNights(Int), horizonMinutes, weekends, template(Int) }
    /// g = sign · (usage − limit) / scale: sign +1 for a maximum, −1 for a minimum.
    struct Rule: Sendable { var usage: Usage, limit: Double, sign: Double, scale: Double }
    let rules: [Rule]
    /// Rule indices per week (−1: none): paid maximum, paid minimum, worked days, nights.
    let weekMax: [Int], weekMin: [Int], weekDays: [Int], weekNights: [Int]
    let horizonMax: Int, horizonMin: Int, weekends: Int
    /// Rule index per template index (−1: none).
    let templateRule: [Int]
    let weekendOfDay: [Int]
    let unit: Double

    init(context: SchedulingContext, agent a: Int, rules limits: WeekRules, paid: [Double],
         counter: HeadCountAgentProgramme.Counter, nightDays: [Int]) {
        let c = context.contracts[a]
        let days = context.days
        let longest = paid.max() ?? 0
        let unit = paid.isEmpty ? 1 : max(1, paid.reduce(0, +) / Double(paid.count))
        self.unit = unit
        var list: [Rule] = []
        func add(_ usage: Usage, _ limit: Double, _ sign: Double, _ scale: Double = 1) -> Int {
            list.append(Rule(usage: usage, limit: limit, sign: sign, scale: scale))
            return list.count - 1
        }
        var weekMax: [Int] = [], weekMin: [Int] = [], weekDays: [Int] = [], weekNights: [Int] = []
        for (b, block) in context.weeks.enumerated() {
            weekMax.append(Double(block.count) * longest > Double(c.weekMinutesMax) ? add(.weekMinutes(b), Double(c.weekMinutesMax), 1, unit) : -1)
            let least = c.weekMinutesMin(in: block), off = c.daysOffMin(in: block)
            weekMin.append(least > 0 ? add(.weekMinutes(b), Double(least), -1, unit) : -1)
            weekDays.append(off > 0 ? add(.weekDays(b), Double(block.count - off), 1) : -1)
            let nights = nightDays.filter(block.contains).count
            weekNights.append(c.maxNightShifts < nights ? add(.weekNights(b), Double(c.maxNightShifts), 1) : -1)
        }
        var horizonMax = -1, weekends = -1
        var horizonMin = -1
        if !counter.countsHours {
            if let cap = c.horizonMinutesMax, Double(days) * longest > Double(cap) { horizonMax = add(.horizonMinutes, Double(cap), 1, unit) }
            if c.horizonMinutesMin > 0 { horizonMin = add(.horizonMinutes, Double(c.horizonMinutesMin), -1, unit) }
        }
        if !counter.countsWeekends, let cap = c.maxWeekends, cap < context.weekendCount { weekends = add(.weekends, Double(cap), 1) }
        var templateRule = Array(repeating: -1, count: context.problem.templates.count)
        for limit in limits.templateLimits[a] where limit.max > 0 && limit.max < days {
            templateRule[limit.template] = add(.template(limit.template), Double(limit.max), 1)
        }
        rules = list
        self.horizonMax = horizonMax
        self.horizonMin = horizonMin
        self.weekends = weekends
        self.weekMax = weekMax
        self.weekMin = weekMin
        self.weekDays = weekDays
        self.weekNights = weekNights
        self.templateRule = templateRule
        weekendOfDay = context.weekendOfDay
    }

    /// What the multipliers add to an option worked on day d: per paid minute, per worked day, per night.
    func dayPrices(day d: Int, mu: ArraySlice<Double>) -> (minute: Double, day: Double, night: Double) {
        let base = mu.startIndex, b = d / 7
        func price(_ i: Int) -> Double { i >= 0 ? mu[base + i] : 0 }
        let minute = (price(weekMax[b]) - price(weekMin[b]) + price(horizonMax) - price(horizonMin)) / unit
        return (minute, price(weekDays[b]), price(weekNights[b]))
    }

    /// g_i of a row of the programme's entries (−1 off), in rule order.
    func violations(row: [Int], programme p: HeadCountAgentProgramme) -> [Double] {
        let u = RowUsage(row: row, weeks: weekMax.count, templates: templateRule.count, weekendOfDay: weekendOfDay) { e in
            (Int(p.entryPaid[e]), p.entryNight[e], p.entryTemplate[e])
        }
        return rules.map { rule in
            let usage: Double
            switch rule.usage {
            case .weekMinutes(let b): usage = Double(u.weekPaid[b])
            case .weekDays(let b): usage = Double(u.weekDays[b])
            case .weekNights(let b): usage = Double(u.weekNights[b])
            case .horizonMinutes: usage = Double(u.paid)
            case .weekends: usage = Double(u.weekends)
            case .template(let t): usage = Double(u.templates[t])
            }
            return rule.sign * (usage - rule.limit) / rule.scale
        }
    }
}
