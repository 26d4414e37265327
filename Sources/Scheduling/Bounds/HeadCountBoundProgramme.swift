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
/// The programme is `RunLengthProgramme`. A class is a set of the agent's (template, paid minutes)
/// kinds with the same forbidden successions both ways (and the same paid minutes when they are
/// counted): on a cheapest row only a class's cheapest option of the day can appear. Classes with the
/// same forbidden predecessors share a "pattern", so a day costs O(Q × patterns × classes × R)
/// comparisons, Q the counter values still live that day (`Counter.live`).
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
    let programme: RunLengthProgramme
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
        programme = RunLengthProgramme(contract: c, days: days, carry: context.carryInRun[a])
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
        let (horizon, runStates, restStates) = (days, programme.R, programme.M)
        let chosen = [both, hours, weekends].first { counter in
            let classes = Self.classes(kinds: kinds, next: context.forbiddenNext, splitPaid: counter.countsHours).representatives.count
            return (counter.countsHours || counter.countsWeekends) && horizon * (classes * runStates + restStates) * counter.values <= Self.maxStates
        } ?? Counter()
        counter = chosen

        // Classes and patterns over the kinds the agent can work.
        let next = context.forbiddenNext
        let grouping = Self.classes(kinds: kinds, next: next, splitPaid: chosen.countsHours)
        classCount = grouping.representatives.count
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
        -> (classOfKind: [Kind: Int], representatives: [Kind]) {
        let used = Array(Set(kinds.map(\.template))).sorted()
        let grouping = SuccessionClasses.group(count: kinds.count, template: { kinds[$0].template },
                                               extra: { splitPaid ? kinds[$0].paid : 0 }, among: used, next: next)
        let classOfKind = Dictionary(uniqueKeysWithValues: kinds.indices.map { (kinds[$0], grouping.classOf[$0]) })
        return (classOfKind, grouping.first.map { kinds[$0] })
    }

    /// Scratch space of `solve`, reused across agents and iterations (one per thread): raw buffers,
    /// because the programme's inner loops are the bound's whole cost.
    final class Scratch {
        let programme = RunLengthProgramme.Scratch()
        private(set) var classCost = RunLengthProgramme.Buffer<Double>(), classEntry = RunLengthProgramme.Buffer<Int32>()
        private(set) var patternBest = RunLengthProgramme.Buffer<Double>(), patternArg = RunLengthProgramme.Buffer<Int32>()

        func reserve(days: Int, classes K: Int, patterns P: Int, runs R: Int, counters Q: Int) {
            classCost.reserve(days * K); classEntry.reserve(days * K)
            patternBest.reserve(P * R * Q); patternArg.reserve(P * R * Q)
        }
    }

    /// The cheapest row (entry index per day, −1 off) under cover prices `lambda` (per `shiftCover`
    /// target) and this agent's multipliers `mu` (`counting` layout), by the programme above.
    /// Minimises Σ_worked [entryCost − λ_cover + counting price of the entry] + weekend prices; the
    /// caller prices the returned row itself (`HeadCountBound.evaluate`). With no row whose hours
    /// reach the minimum (the window cannot be met), the all-off row: its value is then below the
    /// true +∞, still a valid bound.
    func solve(lambda: [Double], mu: ArraySlice<Double>, scratch: Scratch) -> [Int] {
        let K = classCount, Q = counter.values, R = programme.R
        let P = predecessors.count
        scratch.reserve(days: days, classes: K, patterns: P, runs: R, counters: Q)
        let classCost = scratch.classCost.pointer, classEntry = scratch.classEntry.pointer
        let base = mu.startIndex
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
        var classes = PatternClasses(count: K, cost: UnsafePointer(classCost), weekendOfDay: counting.weekendOfDay,
                                     weekendPrice: counting.weekends >= 0 ? mu[base + counting.weekends] : 0,
                                     predecessors: predecessors, patternOfClass: patternOfClass,
                                     best: scratch.patternBest.pointer, arg: scratch.patternArg.pointer)
        let steps = CounterSteps(counter: counter, days: days, classUnits: classUnits, weekendOfDay: counting.weekendOfDay)
        guard let row = programme.solve(counter: steps, classes: &classes, scratch: scratch.programme) else {
            return Array(repeating: -1, count: days)
        }
        return row.indices.map { d in row[d] < 0 ? -1 : Int(classEntry[d * K + row[d]]) }
    }

    /// `Counter` as the programme's counter: a class adds its hour units, a worked day its weekend.
    struct CounterSteps: RunCounter {
        let counter: Counter
        let days: Int
        let classUnits: [Int]
        let weekendOfDay: [Int]
        let maxUnits: Int

        init(counter: Counter, days: Int, classUnits: [Int], weekendOfDay: [Int]) {
            (self.counter, self.days, self.classUnits, self.weekendOfDay) = (counter, days, classUnits, weekendOfDay)
            maxUnits = classUnits.max() ?? 0
        }

        var values: Int { counter.values }
        func live(afterDay d: Int) -> Range<Int> { counter.live(afterDay: d, days: days, step: maxUnits) }
        @inline(__always)
        func resting(_ q: Int, day d: Int) -> Int? { q }
        func working(day d: Int, class k: Int, afterWork: Bool) -> (hours: Int, weekends: Int) {
            (classUnits[k], RunLengthProgramme.countsWeekend(weekendOfDay, day: d, afterWork: afterWork) ? 1 : 0)
        }
        @inline(__always)
        func apply(_ step: (hours: Int, weekends: Int), to q: Int) -> Int? { counter.adding(q, hours: step.hours, weekends: step.weekends) }
        func accepts(_ q: Int) -> Bool { counter.accepts(q) }
    }

    /// The classes of the day with their prices (`cost[d · count + k]`, +∞ when absent) and the
    /// pattern predecessors: per pattern, run length and counter, the cheapest class of yesterday
    /// among `predecessors[p]` (in their order).
    struct PatternClasses: RunClasses {
        let classes: Int
        let cost: UnsafePointer<Double>
        let weekendOfDay: [Int]
        let weekendPrice: Double
        let predecessors: [[Int]]
        let patternOfClass: [Int]
        let bestValue: UnsafeMutablePointer<Double>, bestState: UnsafeMutablePointer<Int32>
        private var R = 0, Q = 0

        init(count: Int, cost: UnsafePointer<Double>, weekendOfDay: [Int], weekendPrice: Double, predecessors: [[Int]],
             patternOfClass: [Int], best: UnsafeMutablePointer<Double>, arg: UnsafeMutablePointer<Int32>) {
            (classes, self.cost, self.weekendOfDay, self.weekendPrice) = (count, cost, weekendOfDay, weekendPrice)
            (self.predecessors, self.patternOfClass, bestValue, bestState) = (predecessors, patternOfClass, best, arg)
        }

        func count(day d: Int) -> Int { classes }
        /// The class's cost and the weekend's price (added in this order).
        @inline(__always)
        func price(day d: Int, class k: Int, afterWork: Bool) -> (cost: Double, weekend: Double)? {
            let c = cost[d * classes + k]
            guard c < .infinity else { return nil }
            return (c, Double(RunLengthProgramme.countsWeekend(weekendOfDay, day: d, afterWork: afterWork) ? 1 : 0) * weekendPrice)
        }
        @inline(__always)
        func value(_ v: Double, plus price: (cost: Double, weekend: Double)) -> Double { v + price.cost + price.weekend }

        mutating func prepare(day d: Int, previous: UnsafePointer<Double>, runs R: Int, counters Q: Int, longest: Int, live: Range<Int>) {
            (self.R, self.Q) = (R, Q)
            for p in predecessors.indices {
                for r in 1...longest {
                    let at = (p * R + r - 1) * Q
                    for q in live { bestValue[at + q] = .infinity; bestState[at + q] = -1 }
                    for j in predecessors[p] {
                        let from = (j * R + r - 1) * Q
                        for q in live where previous[from + q] < bestValue[at + q] {
                            bestValue[at + q] = previous[from + q]; bestState[at + q] = Int32(from + q)
                        }
                    }
                }
            }
        }

        @inline(__always)
        func best(class k: Int, run r: Int, counter q: Int) -> (Double, Int32) {
            let at = (patternOfClass[k] * R + r - 1) * Q + q
            return (bestValue[at], bestState[at])
        }
    }
}
