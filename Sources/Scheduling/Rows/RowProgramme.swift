/// The dynamic programme of `RowPlanner`: one round, the cheapest row under given multipliers.
///
/// Measured (release, this machine): on Curtois Instance24 (364 days × 150 agents, 32 templates,
/// 480/600/720-minute shifts under horizon windows) the scheduler's pass over the agents the
/// construction left short (at most the 150) took 58.6 s (`wfm-bench curtois --time-limit 400`,
/// progress lines "greedy" at 21.6 s and "rows" at 80.2 s).
extension RowPlanner {
    /// One round of the dynamic programme: the cheapest row under `prices`, nil when the sequence
    /// rules admit none. `scratch` is reused across rounds.
    ///
    /// The programme is `RunLengthProgramme`. A class is one option, or, without a rest rule, the
    /// options of templates with the same forbidden successions both ways (only the cheapest of a
    /// class can be on a cheapest row); an option may follow yesterday's when neither the forbidden
    /// successions nor the minimum rest bar it. The counter is the worked days, counted only under a
    /// horizon paid-minute rule (a count is what the multipliers cannot steer into a narrow window
    /// when shifts cost alike), within the counts `window` admits (`countWindow`): never above its
    /// top, and never so low that the remaining days cannot reach its bottom.
    func solve(agent a: Int, costs: [[Double]], prices: [Double], unit: Double, window: ClosedRange<Int>?,
               scratch: RunLengthProgramme.Scratch) -> [Int]? {
        let c = context.contracts[a]
        let days = context.days
        let carryEnd = context.carryIn[a].last?.end
        let layout = multipliers(agent: a)
        let rest = c.minRestMinutes * 60
        var templatePrice = Array(repeating: 0.0, count: context.problem.templates.count)
        for (i, limit) in rules.templateLimits[a].enumerated() { templatePrice[limit.template] += prices[layout.template(i)] }
        let dayClasses = (0..<days).map { d in
            classes(agent: a, day: d, costs: costs[d], prices: prices, unit: unit, templatePrice: templatePrice,
                    carryEnd: d == 0 ? carryEnd : nil, rest: rest)
        }
        let programme = RunLengthProgramme(contract: c, days: days, carry: context.carryInRun[a])
        var options = OptionClasses(days: dayClasses, weekendOfDay: context.weekendOfDay, weekendPrice: prices[layout.weekends],
                                    forbiddenNext: context.forbiddenNext, rest: rest)
        let counter = WorkedDays(days: days, window: window)
        return programme.solve(counter: counter, classes: &options, scratch: scratch).map { row in
            row.indices.map { d in row[d] < 0 ? -1 : dayClasses[d][row[d]].option }
        }
    }

    /// The worked days so far (`solve`): values 0…top of `window` (only 0 without one), after day d
    /// at most d + 1 and at least what the remaining days can still lift to its bottom.
    struct WorkedDays: RunCounter {
        let values: Int
        let step: Int
        let window: ClosedRange<Int>?
        /// Counts possible after day d: `low[d]...high[d]` (none when low > high).
        let low: [Int], high: [Int]

        init(days: Int, window: ClosedRange<Int>?) {
            self.window = window
            values = window.map { $0.upperBound + 1 } ?? 1
            step = window == nil ? 0 : 1
            let bottom = window?.lowerBound ?? 0
            low = (0..<days).map { d in max(0, bottom - (days - 1 - d)) }
            high = (0..<days).map { [values, step] d in min(values - 1, (d + 1) * step) }
        }

        func live(afterDay d: Int) -> Range<Int> { low[d]..<max(low[d], high[d] + 1) }
        @inline(__always)
        func resting(_ q: Int, day d: Int) -> Int? { q >= low[d] && q <= high[d] ? q : nil }
        func working(day d: Int, class k: Int, afterWork: Bool) -> (add: Int, low: Int, high: Int) { (step, low[d], high[d]) }
        @inline(__always)
        func apply(_ step: (add: Int, low: Int, high: Int), to q: Int) -> Int? {
            let t = q + step.add
            return t >= step.low && t <= step.high ? t : nil
        }
        func accepts(_ q: Int) -> Bool { window?.contains(q) ?? true }
    }

    /// The day classes of `solve` with their predecessors: an option may follow yesterday's when its
    /// template may succeed the other's and it starts at least `rest` seconds after the other's end.
    /// The cheapest it may follow is found from yesterday's two cheapest per run length and count
    /// (a scan of all only when both are barred).
    struct OptionClasses: RunClasses {
        let days: [[ClassEntry]]
        let weekendOfDay: [Int]
        let weekendPrice: Double
        let forbiddenNext: [[Bool]]
        let rest: Int
        private var previous: UnsafePointer<Double>? = nil
        private var R = 0, Q = 0, earlier = 0
        /// `follows[k · earlier + j]`: option class k of the day may follow class j of the day before.
        private var follows: [Bool] = []
        private var top: [(v1: Double, j1: Int, v2: Double, j2: Int)] = []

        init(days: [[ClassEntry]], weekendOfDay: [Int], weekendPrice: Double, forbiddenNext: [[Bool]], rest: Int) {
            self.days = days
            self.weekendOfDay = weekendOfDay
            self.weekendPrice = weekendPrice
            self.forbiddenNext = forbiddenNext
            self.rest = rest
        }

        func count(day d: Int) -> Int { days[d].count }
        @inline(__always)
        func price(day d: Int, class k: Int, afterWork: Bool) -> Double? {
            days[d][k].cost + (RunLengthProgramme.countsWeekend(weekendOfDay, day: d, afterWork: afterWork) ? weekendPrice : 0)
        }
        @inline(__always)
        func value(_ v: Double, plus price: Double) -> Double { v + price }

        mutating func prepare(day d: Int, previous: UnsafePointer<Double>, runs R: Int, counters Q: Int, longest: Int, live: Range<Int>) {
            let list = days[d], before = days[d - 1]
            (self.previous, self.R, self.Q, earlier) = (previous, R, Q, before.count)
            follows.removeAll(keepingCapacity: true)
            for entry in list {
                for p in before { follows.append(!forbiddenNext[p.template][entry.template] && entry.start - p.end >= rest) }
            }
            if top.count < R * Q { top = Array(repeating: (.infinity, -1, .infinity, -1), count: R * Q) }
            for r in 1...longest {
                for q in live {
                    var v1 = Double.infinity, v2 = Double.infinity, j1 = -1, j2 = -1
                    for j in before.indices {
                        let v = previous[(j * R + r - 1) * Q + q]
                        if v < v1 { v2 = v1; j2 = j1; v1 = v; j1 = j } else if v < v2 { v2 = v; j2 = j }
                    }
                    top[(r - 1) * Q + q] = (v1, j1, v2, j2)
                }
            }
        }

        @inline(__always)
        func best(class k: Int, run r: Int, counter q: Int) -> (Double, Int32) {
            let t = top[(r - 1) * Q + q], row = k * earlier
            var v = Double.infinity, j = -1
            if t.j1 >= 0 && follows[row + t.j1] { (v, j) = (t.v1, t.j1) }
            else if t.j2 >= 0 && follows[row + t.j2] { (v, j) = (t.v2, t.j2) }
            else if t.j2 >= 0, let previous {
                for i in 0..<earlier where follows[row + i] {
                    let w = previous[(i * R + r - 1) * Q + q]
                    if w < v { (v, j) = (w, i) }
                }
            }
            return (v, j < 0 ? -1 : Int32((j * R + r - 1) * Q + q))
        }
    }

    /// A class of options on one day, represented by its cheapest option under the multipliers.
    struct ClassEntry {
        var option: Int, template: Int, start: Int, end: Int
        var cost: Double
    }

    /// The classes of agent `a`'s options on day `d` with their cheapest option and its price:
    /// the cost plus the multipliers' prices of its paid minutes (week and horizon), its worked day,
    /// a night, its template's limit. Day-0 options too close to the carry-in's end are left out.
    func classes(agent a: Int, day d: Int, costs: [Double], prices: [Double], unit: Double, templatePrice: [Double],
                         carryEnd: Int?, rest: Int) -> [ClassEntry] {
        let layout = multipliers(agent: a)
        let b = d / 7
        let minutePrice = (prices[layout.horizonPaid] + prices[layout.weekPaid(b)]) / unit
        var entries: [ClassEntry] = []
        var keys: [Int] = []
        for (k, o) in context.catalog.allowed[a][d].enumerated() {
            let option = context.catalog.options[o]
            if let carryEnd, option.start - carryEnd < rest { continue }
            let cost = costs[k] + minutePrice * Double(option.paidMinutes) + prices[layout.weekDays(b)]
                + (option.isNight ? prices[layout.weekNights(b)] : 0) + templatePrice[option.templateIndex]
            let key = rest > 0 ? o : classOfTemplate[option.templateIndex]
            if let i = keys.firstIndex(of: key) {
                if cost < entries[i].cost { entries[i] = ClassEntry(option: o, template: option.templateIndex, start: option.start, end: option.end, cost: cost) }
            } else {
                keys.append(key)
                entries.append(ClassEntry(option: o, template: option.templateIndex, start: option.start, end: option.end, cost: cost))
            }
        }
        return entries
    }

    /// The worked-day counts that can meet the horizon paid-minute window (from the longest and
    /// shortest paid shift of the agent), when the horizon has such a rule and counting stays within
    /// `maxCountStates` states over the horizon; nil otherwise.
    func countWindow(agent a: Int) -> ClosedRange<Int>? {
        let c = context.contracts[a]
        guard c.horizonMinutesMin > 0 || c.horizonMinutesMax != nil else { return nil }
        let paid = context.catalog.allowed[a].flatMap { $0.map { context.catalog.options[$0].paidMinutes } }.filter { $0 > 0 }
        guard let shortest = paid.min(), let longest = paid.max() else { return nil }
        let lo = (c.horizonMinutesMin + longest - 1) / longest
        let hi = min(context.days, c.horizonMinutesMax.map { $0 / shortest } ?? context.days)
        guard lo <= hi else { return nil }
        let classes = Set(classOfTemplate).count
        let states = context.days * (hi + 1) * (classes * max(1, c.maxConsecutiveDays) + max(1, c.minConsecutiveDaysOff))
        return states <= maxCountStates ? lo...hi : nil
    }
}
