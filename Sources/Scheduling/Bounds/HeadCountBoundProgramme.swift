/// One agent's part of `HeadCountBound`: the cheapest row under cover prices λ and counting-rule
/// multipliers μ, by an exact dynamic programme over the sequence rules.
///
/// Exact in the programme: the options each day allows (`OptionCatalog.allowed`; options of a
/// template whose `max-template-shifts` is 0 left out), `min-rest` between the carry-in and a day-0
/// shift, one shift a day, `max-consecutive-days` (carry-in run counted), `min-consecutive-days` and
/// `min-consecutive-days-off` (runs touching the horizon's first or last day exempt, as in
/// `RuleChecker.checkCalendar`), `forbidden-succession`, and, when the states fit `maxStates`, the
/// horizon paid-minute window and `max-weekends` (below).
///
/// Relaxed: `min-rest` between shifts on consecutive horizon days (dropped), the weekly start spread
/// (dropped), and the other counting rules (`HeadCountCounting`), each priced by its multiplier μ ≥ 0.
///
/// States per day: work (template class k, work-run length r in 1…R) and rest (rest-run length l in
/// 1…M, M meaning "M or more"), each times a counter q. R is `maxConsecutiveDays` when it can bind,
/// else max(1, `minConsecutiveDays`) (longer runs stay at R). A work run containing day 0 has length
/// carry-in + d + 1 on day d, longer than any run starting later, which identifies it for the
/// exemption; a rest run containing day 0 has length d + 1. A class is a set of the agent's
/// (template, paid minutes) kinds with the same forbidden successions both ways (and the same paid
/// minutes when they are counted): on a cheapest row only a class's cheapest option of the day can
/// appear. Classes with the same forbidden predecessors share a "pattern", so a day costs
/// O(Q × patterns × classes × R) comparisons, Q the counter values still live that day (`live`).
///
/// The counter q = (paid minutes so far / g, weekends worked so far), g the greatest common divisor of
/// the agent's paid minutes: paid minutes above `horizonMinutesMax` and weekends above `maxWeekends`
/// have no state, and a row must end at or above `horizonMinutesMin` (counted up to it when there is
/// no maximum). Both parts are kept when days × states × counter values stay within `maxStates`,
/// else the hours alone, else the weekends alone; a rule not counted is priced by a multiplier.
struct HeadCountAgentProgramme: Sendable {
    /// Most states (days × states per day × counter values) the programme keeps per agent. Counted on
    /// Curtois: every agent of Instances 1, 5, 8–10, 12 and 13 keeps both counters (at most 0.39
    /// million states, Instance13); on Instance24 (364 days, 13 classes) 147 of the 150 agents keep
    /// the weekends alone (up to 0.9 million states), the hours needing 937 values.
    static let maxStates = 1_000_000

    let days: Int
    let carry: Int
    /// `maxConsecutiveDays` when a run could exceed it (carry-in included), else nil.
    let maxRun: Int?
    let minRun: Int
    let R: Int
    let M: Int
    /// The agent's options: entries `entryStart[d]..<entryStart[d + 1]` are day d's.
    let entryStart: [Int]
    let entryClass: [Int]
    /// Own cost of working the option rather than having the day off (contacts).
    let entryCost: [Double]
    let entryCover: [Int]
    let entryPaid: [Double]
    let entryNight: [Bool]
    let entryTemplate: [Int]
    /// Own cost of the all-off row (contacts).
    let offTotal: Double
    let classCount: Int
    /// Counter units each class adds (paid minutes / g when hours are counted, else 0).
    let classUnits: [Int]
    /// `predecessors[p]`: classes a class of pattern p may follow; `patternOfClass[k]`.
    let predecessors: [[Int]]
    let patternOfClass: [Int]
    let counter: Counter
    let counting: HeadCountCounting

    /// The exact counters: hours in units of `unit` minutes (values 0…`hoursTop`), weekends (0…`weekendsTop`).
    struct Counter: Sendable {
        var countsHours = false, countsWeekends = false
        var unit = 1
        var hoursTop = 0, hoursMin = 0
        /// True: hours above `hoursTop` stay at it (no maximum, only the minimum is counted).
        var hoursSaturate = false
        var weekendsTop = 0
        var values: Int { (hoursTop + 1) * (weekendsTop + 1) }

        /// The counter after adding `hours` units and `weekends` weekends (ignored unless counted) to q;
        /// nil when over a maximum.
        @inline(__always)
        func adding(_ q: Int, hours: Int, weekends: Int) -> Int? {
            let w = weekendsTop + 1
            var h = q / w + hours, e = q % w + (countsWeekends ? weekends : 0)
            if h > hoursTop { if hoursSaturate { h = hoursTop } else { return nil } }
            if e > weekendsTop { return nil }
            return h * w + e
        }
        func accepts(_ q: Int) -> Bool { q / (weekendsTop + 1) >= hoursMin }

        /// The counters that can matter after day x of `days` when a day adds at most `step` hour
        /// units: hours no more than x + 1 days reach, and no fewer than can still reach the minimum.
        func live(afterDay x: Int, days: Int, step: Int) -> Range<Int> {
            let high = min(hoursTop, (x + 1) * step), low = max(0, min(hoursMin, hoursTop) - (days - 1 - x) * step)
            return low <= high ? low * (weekendsTop + 1)..<(high + 1) * (weekendsTop + 1) : 0..<0
        }
    }

    /// Own costs per day (`HeadCountBound` defines own_a): off cost and each allowed option's cost.
    init(context: SchedulingContext, agent a: Int, rules: WeekRules) {
        let c = context.contracts[a]
        let options = context.catalog.options
        days = context.days
        carry = context.carryInRun[a]
        maxRun = c.maxConsecutiveDays < days + carry ? c.maxConsecutiveDays : nil
        minRun = max(1, c.minConsecutiveDays)
        R = max(1, maxRun ?? minRun)
        M = max(1, c.minConsecutiveDaysOff)
        let banned = Set(rules.templateLimits[a].filter { $0.max <= 0 }.map(\.template))
        let carryEnd = context.carryIn[a].last?.end
        let paidHour = context.coefficients.paidHour
        let changePenalty = context.problem.published?.changePenalty ?? 0
        let published = context.published?[a]
        let requestsByDay = Dictionary(grouping: context.requests[a], by: \.day)

        var starts = [0], optionList: [Int] = [], costs: [Double] = []
        var offTotal = 0.0
        for d in 0..<days {
            let requests = requestsByDay[d] ?? []
            // Day off: every on-request of the day unmet, a published shift changed.
            var off = requests.filter { $0.kind == .on }.reduce(0) { $0 + $1.weight }
            if let published, published[d] != -1 { off += changePenalty }
            offTotal += off
            for o in context.catalog.allowed[a][d] where !banned.contains(options[o].templateIndex) {
                let option = options[o]
                if d == 0, let carryEnd, option.start - carryEnd < c.minRestMinutes * 60 { continue }
                var cost = paidHour * Double(option.paidMinutes) / 60
                for r in requests where r.matches(option) == (r.kind == .off) { cost += r.weight }
                if let published, published[d] != o { cost += changePenalty }
                optionList.append(o)
                costs.append(cost - off)
            }
            starts.append(optionList.count)
        }
        self.offTotal = offTotal
        entryStart = starts
        entryCost = costs
        entryCover = optionList.map { context.coverOfOption[$0] }
        let paid = optionList.map { options[$0].paidMinutes }
        entryPaid = paid.map(Double.init)
        let night = optionList.map { options[$0].isNight }
        entryNight = night
        let templates = optionList.map { options[$0].templateIndex }
        entryTemplate = templates

        // Which counters fit (hours first, then weekends, then both).
        let unit = paid.reduce(0) { Self.gcd($0, $1) }
        var hours = Counter(), weekends = Counter()
        if unit > 0 && (c.horizonMinutesMin > 0 || c.horizonMinutesMax != nil) {
            hours.countsHours = true
            hours.unit = unit
            hours.hoursMin = (c.horizonMinutesMin + unit - 1) / unit
            hours.hoursTop = c.horizonMinutesMax.map { $0 / unit } ?? hours.hoursMin
            hours.hoursSaturate = c.horizonMinutesMax == nil
        }
        if let cap = c.maxWeekends, cap < context.weekendCount {
            weekends.countsWeekends = true
            weekends.weekendsTop = max(0, cap)
        }
        var both = hours
        both.countsWeekends = weekends.countsWeekends
        both.weekendsTop = weekends.weekendsTop
        let kinds = Self.kinds(templates: templates, paid: paid)
        let (horizon, runStates, restStates) = (days, R, M)
        let chosen = [both, hours, weekends].first { counter in
            let classes = Self.classes(kinds: kinds, next: context.forbiddenNext, splitPaid: counter.countsHours).keys.count
            return (counter.countsHours || counter.countsWeekends) && horizon * (classes * runStates + restStates) * counter.values <= Self.maxStates
        } ?? Counter()
        counter = chosen

        // Classes and patterns over the kinds the agent can work.
        let next = context.forbiddenNext
        let grouping = Self.classes(kinds: kinds, next: next, splitPaid: chosen.countsHours)
        classCount = grouping.keys.count
        entryClass = zip(templates, paid).map { grouping.classOfKind[Kind(template: $0, paid: $1)]! }
        classUnits = grouping.representatives.map { chosen.countsHours ? $0.paid / chosen.unit : 0 }
        var patternKeys: [[Bool]] = []
        var patternOfClass: [Int] = []
        let used = Array(Set(templates)).sorted()
        for kind in grouping.representatives {
            let column = used.map { next[$0][kind.template] }
            if let p = patternKeys.firstIndex(of: column) {
                patternOfClass.append(p)
            } else {
                patternOfClass.append(patternKeys.count)
                patternKeys.append(column)
            }
        }
        self.patternOfClass = patternOfClass
        let representatives = grouping.representatives
        predecessors = patternKeys.indices.map { p in
            let target = representatives[patternOfClass.firstIndex(of: p)!].template
            return representatives.indices.filter { !next[representatives[$0].template][target] }
        }
        counting = HeadCountCounting(context: context, agent: a, rules: rules, paid: paid.map(Double.init), counter: chosen,
                                     nightDays: (0..<days).filter { d in (starts[d]..<starts[d + 1]).contains { night[$0] } })
    }

    struct Kind: Hashable { var template: Int, paid: Int }

    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

    /// The distinct (template, paid minutes) kinds, sorted.
    static func kinds(templates: [Int], paid: [Int]) -> [Kind] {
        Array(Set(zip(templates, paid).map { Kind(template: $0, paid: $1) })).sorted { ($0.template, $0.paid) < ($1.template, $1.paid) }
    }

    /// Kinds grouped into classes: same forbidden successions both ways among the agent's templates,
    /// and the same paid minutes when `splitPaid`.
    static func classes(kinds: [Kind], next: [[Bool]], splitPaid: Bool)
        -> (keys: [[Int]], classOfKind: [Kind: Int], representatives: [Kind]) {
        let used = Array(Set(kinds.map(\.template))).sorted()
        var keys: [[Int]] = [], classOfKind: [Kind: Int] = [:], representatives: [Kind] = []
        for kind in kinds {
            let key = used.map { next[kind.template][$0] ? 1 : 0 } + used.map { next[$0][kind.template] ? 1 : 0 } + [splitPaid ? kind.paid : 0]
            if let k = keys.firstIndex(of: key) {
                classOfKind[kind] = k
            } else {
                classOfKind[kind] = keys.count
                keys.append(key)
                representatives.append(kind)
            }
        }
        return (keys, classOfKind, representatives)
    }

    /// Scratch space of `solve`, reused across agents and iterations (one per thread): raw buffers,
    /// because the programme's inner loops are the bound's whole cost.
    final class Scratch {
        private(set) var classCost = Buffer<Double>(), classEntry = Buffer<Int32>(), trace = Buffer<Int32>()
        private(set) var previous = Buffer<Double>(), current = Buffer<Double>()
        private(set) var patternBest = Buffer<Double>(), patternArg = Buffer<Int32>()
        private(set) var restBest = Buffer<Double>(), restArg = Buffer<Int32>()

        func reserve(days: Int, classes K: Int, states S: Int, patterns P: Int, runs R: Int, counters Q: Int) {
            classCost.reserve(days * K); classEntry.reserve(days * K); trace.reserve(days * S)
            previous.reserve(S); current.reserve(S)
            patternBest.reserve(P * R * Q); patternArg.reserve(P * R * Q)
            restBest.reserve(Q); restArg.reserve(Q)
        }
    }

    /// A growable uninitialised buffer (trivial element types only).
    final class Buffer<T> {
        private(set) var pointer = UnsafeMutablePointer<T>.allocate(capacity: 1)
        private var capacity = 1
        func reserve(_ n: Int) {
            guard n > capacity else { return }
            pointer.deallocate()
            pointer = .allocate(capacity: n)
            capacity = n
        }
        deinit { pointer.deallocate() }
    }

    /// The cheapest row (entry index per day, −1 off) under cover prices `lambda` (per `shiftCover`
    /// target) and this agent's multipliers `mu` (`counting` layout), by the programme above.
    /// Minimises Σ_worked [entryCost − λ_cover + counting price of the entry] + weekend prices; the
    /// caller prices the returned row itself (`HeadCountBound.evaluate`).
    func solve(lambda: [Double], mu: ArraySlice<Double>, scratch: Scratch) -> [Int] {
        guard days > 0 else { return [] }
        let K = classCount, Q = counter.values, restBase = K * R
        let S = (K * R + M) * Q
        let P = predecessors.count
        scratch.reserve(days: days, classes: K, states: S, patterns: P, runs: R, counters: Q)
        let classCost = scratch.classCost.pointer, classEntry = scratch.classEntry.pointer, trace = scratch.trace.pointer
        var previous = scratch.previous.pointer, current = scratch.current.pointer
        let patternBest = scratch.patternBest.pointer, patternArg = scratch.patternArg.pointer
        let restBest = scratch.restBest.pointer, restArg = scratch.restArg.pointer
        let base = mu.startIndex
        let weekendPrice = counting.weekends >= 0 ? mu[base + counting.weekends] : 0
        // Cheapest entry of each class on each day under the prices.
        for d in 0..<days {
            let prices = counting.dayPrices(day: d, mu: mu)
            for k in 0..<K { classCost[d * K + k] = .infinity; classEntry[d * K + k] = -1 }
            for e in entryStart[d]..<entryStart[d + 1] {
                var cost = entryCost[e] + prices.minute * entryPaid[e] + prices.day
                if entryCover[e] >= 0 { cost -= lambda[entryCover[e]] }
                if entryNight[e] { cost += prices.night }
                if case let t = counting.templateRule[entryTemplate[e]], t >= 0 { cost += mu[base + t] }
                let i = d * K + entryClass[e]
                if cost < classCost[i] { classCost[i] = cost; classEntry[i] = Int32(e) }
            }
        }
        let canWork = (maxRun ?? 1) >= 1
        let maxUnits = classUnits.max() ?? 0
        let weekendOfDay = counting.weekendOfDay
        for i in 0..<S { previous[i] = .infinity; trace[i] = -1 }
        previous[restBase * Q] = 0
        if canWork && carry + 1 <= (maxRun ?? Int.max) {
            let weekend = weekendOfDay[0] >= 0 ? 1 : 0
            for k in 0..<K where classCost[k] < .infinity {
                guard let q = counter.adding(0, hours: classUnits[k], weekends: weekend) else { continue }
                previous[(k * R + min(R, carry + 1) - 1) * Q + q] = classCost[k] + Double(weekend) * weekendPrice
            }
        }
        for d in 1..<days {
            let row = d * S
            let weekend = weekendOfDay[d]
            let startCount = weekend >= 0 ? 1 : 0
            let extendCount = weekend >= 0 && weekendOfDay[d - 1] == weekend ? 0 : startCount
            let startPrice = Double(startCount) * weekendPrice, extendPrice = Double(extendCount) * weekendPrice
            for i in 0..<S { current[i] = .infinity; trace[row + i] = -1 }
            let live = counter.live(afterDay: d - 1, days: days, step: maxUnits)
            // Rest after work: the run that ended yesterday is long enough or contains day 0.
            for k in 0..<K {
                for r in 1...R where r >= minRun || r == carry + d {
                    let from = (k * R + r - 1) * Q
                    for q in live where previous[from + q] < current[restBase * Q + q] {
                        current[restBase * Q + q] = previous[from + q]; trace[row + restBase * Q + q] = Int32(from + q)
                    }
                }
            }
            for l in 1...M {
                let from = (restBase + l - 1) * Q, to = (restBase + min(M, l + 1) - 1) * Q
                for q in live where previous[from + q] < current[to + q] {
                    current[to + q] = previous[from + q]; trace[row + to + q] = Int32(from + q)
                }
            }
            guard canWork else { swap(&previous, &current); continue }
            // Work after rest: the rest run is long enough or contains day 0 (l == d).
            for q in live { restBest[q] = .infinity; restArg[q] = -1 }
            for l in 1...M where l >= M || l == d {
                let from = (restBase + l - 1) * Q
                for q in live where previous[from + q] < restBest[q] { restBest[q] = previous[from + q]; restArg[q] = Int32(from + q) }
            }
            // Work after work: per pattern, run length and counter, the cheapest class it may follow.
            let longest = min(R, (maxRun ?? Int.max) - 1)
            if longest >= 1 {
                for p in 0..<P {
                    for r in 1...longest {
                        let at = (p * R + r - 1) * Q
                        for q in live { patternBest[at + q] = .infinity; patternArg[at + q] = -1 }
                        for j in predecessors[p] {
                            let from = (j * R + r - 1) * Q
                            for q in live where previous[from + q] < patternBest[at + q] {
                                patternBest[at + q] = previous[from + q]; patternArg[at + q] = Int32(from + q)
                            }
                        }
                    }
                }
            }
            for k in 0..<K {
                let cost = classCost[d * K + k]
                guard cost < .infinity else { continue }
                let first = k * R * Q
                for q in live where restBest[q] < .infinity {
                    guard let to = counter.adding(q, hours: classUnits[k], weekends: startCount) else { continue }
                    let v = restBest[q] + cost + startPrice
                    if v < current[first + to] { current[first + to] = v; trace[row + first + to] = restArg[q] }
                }
                guard longest >= 1 else { continue }
                let p = patternOfClass[k]
                for r in 1...longest {
                    let at = (p * R + r - 1) * Q, target = (k * R + min(R, r + 1) - 1) * Q
                    for q in live where patternBest[at + q] < .infinity {
                        guard let to = counter.adding(q, hours: classUnits[k], weekends: extendCount) else { continue }
                        let v = patternBest[at + q] + cost + extendPrice
                        if v < current[target + to] { current[target + to] = v; trace[row + target + to] = patternArg[at + q] }
                    }
                }
            }
            swap(&previous, &current)
        }
        // Cheapest final state whose hours reach the minimum. With none (the window cannot be met),
        // the all-off row is returned: its value is then below the true +∞, still a valid bound.
        var state = -1
        for i in 0..<S where counter.accepts(i % Q) && previous[i] < .infinity && (state < 0 || previous[i] < previous[state]) { state = i }
        var result = Array(repeating: -1, count: days)
        var d = days - 1
        while d >= 0 && state >= 0 {
            if state / Q < restBase { result[d] = Int(classEntry[d * K + state / Q / R]) }
            state = Int(trace[d * S + state])
            d -= 1
        }
        return result
    }
}
