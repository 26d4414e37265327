/// The sequence rules of one agent's row as a dynamic programme over run lengths: the one programme
/// behind `RowPlanner` (RowProgramme.swift) and `HeadCountAgentProgramme`.
///
/// Exact here: one shift a day, `max-consecutive-days` (carry-in run counted), `min-consecutive-days`
/// and `min-consecutive-days-off` (runs touching the horizon's first or last day exempt, as in
/// `RuleChecker.checkCalendar`). The user gives the rest: which classes of options a day has and
/// which of yesterday's classes each may follow (`RunClasses`), and a counter carried along the row
/// (`RunCounter`).
///
/// States per day: work (class k, run length r in 1…R, counter q) at (k·R + r − 1)·Q + q, and rest
/// (rest length l in 1…M, M meaning "M or more", counter q) at (K·R + l − 1)·Q + q, K the most
/// classes of a day and Q the counter's values. R is `maxConsecutiveDays` when a run could exceed it
/// (carry-in included), else max(1, `minConsecutiveDays`) (a longer run then stays at R). A work run
/// containing day 0 has length carry-in + d + 1 on day d, a rest run containing it d + 1: longer than
/// any run starting later, which identifies them for the exemption. Transitions into day d:
/// - rest after work at r: r ≥ `minConsecutiveDays` or r = carry-in + d (the run contains day 0);
/// - rest l after rest: min(M, l + 1);
/// - work at 1 after rest l: l ≥ M or l = d (the rest contains day 0);
/// - work at min(R, r + 1) after work at r: r + 1 ≤ `maxConsecutiveDays`, from yesterday's cheapest
///   class it may follow (`RunClasses.best`).
/// A row may end in any state whose counter the counter accepts. Ties: strict `<` throughout, so the
/// first state in the order above (classes, run lengths, counters ascending) wins.
struct RunLengthProgramme {
    let days: Int
    let carry: Int
    /// `maxConsecutiveDays` when a run could exceed it (carry-in included), else nil.
    let maxRun: Int?
    let minRun: Int
    let R: Int
    let M: Int

    init(contract c: Contract, days: Int, carry: Int) {
        self.days = days
        self.carry = carry
        maxRun = c.maxConsecutiveDays < days + carry ? c.maxConsecutiveDays : nil
        minRun = max(1, c.minConsecutiveDays)
        R = max(1, maxRun ?? minRun)
        M = max(1, c.minConsecutiveDaysOff)
    }

    /// True when working day d starts a weekend's count: d is a weekend day and, after a worked day
    /// (`afterWork`), the day before is not of the same weekend (a weekend counts once, on its first
    /// worked day).
    @inline(__always)
    static func countsWeekend(_ weekendOfDay: [Int], day d: Int, afterWork: Bool) -> Bool {
        let weekend = weekendOfDay[d]
        return weekend >= 0 && !(afterWork && d > 0 && weekendOfDay[d - 1] == weekend)
    }

    /// Scratch space of `solve`, reused across calls (one per thread).
    final class Scratch {
        private(set) var previous = Buffer<Double>(), current = Buffer<Double>(), trace = Buffer<Int32>()
        private(set) var restBest = Buffer<Double>(), restArg = Buffer<Int32>()

        func reserve(days: Int, states S: Int, counters Q: Int) {
            previous.reserve(S); current.reserve(S); trace.reserve(days * S)
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

    /// The cheapest row: the class worked each day (−1 off), nil when no row ends in an accepted state.
    @inline(__always)
    func solve<Counter: RunCounter, Classes: RunClasses>(counter: Counter, classes: inout Classes, scratch: Scratch) -> [Int]? {
        guard days > 0 else { return nil }
        var K = 0
        for d in 0..<days { K = max(K, classes.count(day: d)) }
        let Q = counter.values, restBase = K * R
        let S = (K * R + M) * Q
        scratch.reserve(days: days, states: S, counters: Q)
        let trace = scratch.trace.pointer
        var previous = scratch.previous.pointer, current = scratch.current.pointer
        let restBest = scratch.restBest.pointer, restArg = scratch.restArg.pointer
        let canWork = (maxRun ?? 1) >= 1
        let longest = min(R, (maxRun ?? Int.max) - 1)
        for i in 0..<S { previous[i] = .infinity }
        if let q = counter.resting(0, day: 0) { previous[restBase * Q + q] = 0; trace[restBase * Q + q] = -1 }
        if canWork && carry + 1 <= (maxRun ?? Int.max) {
            for k in 0..<classes.count(day: 0) {
                guard let price = classes.price(day: 0, class: k, afterWork: false),
                      let q = counter.apply(counter.working(day: 0, class: k, afterWork: false), to: 0) else { continue }
                let s = (k * R + min(R, carry + 1) - 1) * Q + q
                previous[s] = classes.value(0, plus: price)
                trace[s] = -1
            }
        }
        for d in 1..<days {
            let row = d * S
            for i in 0..<S { current[i] = .infinity }
            let live = counter.live(afterDay: d - 1)
            let restTo = restBase * Q
            // Rest after work: the run that ended yesterday is long enough or contains day 0.
            for j in 0..<classes.count(day: d - 1) {
                for r in 1...R where r >= minRun || r == carry + d {
                    let from = (j * R + r - 1) * Q
                    for q in live {
                        guard let to = counter.resting(q, day: d), previous[from + q] < current[restTo + to] else { continue }
                        current[restTo + to] = previous[from + q]; trace[row + restTo + to] = Int32(from + q)
                    }
                }
            }
            for l in 1...M {
                let from = (restBase + l - 1) * Q, to = (restBase + min(M, l + 1) - 1) * Q
                for q in live {
                    guard let t = counter.resting(q, day: d), previous[from + q] < current[to + t] else { continue }
                    current[to + t] = previous[from + q]; trace[row + to + t] = Int32(from + q)
                }
            }
            guard canWork else { swap(&previous, &current); continue }
            // Work after rest: the rest run is long enough or contains day 0 (l == d).
            for q in live { restBest[q] = .infinity; restArg[q] = -1 }
            for l in 1...M where l >= M || l == d {
                let from = (restBase + l - 1) * Q
                for q in live where previous[from + q] < restBest[q] { restBest[q] = previous[from + q]; restArg[q] = Int32(from + q) }
            }
            if longest >= 1 { classes.prepare(day: d, previous: UnsafePointer(previous), runs: R, counters: Q, longest: longest, live: live) }
            for k in 0..<classes.count(day: d) {
                guard let start = classes.price(day: d, class: k, afterWork: false) else { continue }
                let first = k * R * Q
                let startStep = counter.working(day: d, class: k, afterWork: false)
                for q in live where restBest[q] < .infinity {
                    guard let to = counter.apply(startStep, to: q) else { continue }
                    let v = classes.value(restBest[q], plus: start)
                    if v < current[first + to] { current[first + to] = v; trace[row + first + to] = restArg[q] }
                }
                guard longest >= 1, let extend = classes.price(day: d, class: k, afterWork: true) else { continue }
                let extendStep = counter.working(day: d, class: k, afterWork: true)
                for r in 1...longest {
                    let target = (k * R + min(R, r + 1) - 1) * Q
                    for q in live {
                        let (best, from) = classes.best(class: k, run: r, counter: q)
                        guard best < .infinity, let to = counter.apply(extendStep, to: q) else { continue }
                        let v = classes.value(best, plus: extend)
                        if v < current[target + to] { current[target + to] = v; trace[row + target + to] = from }
                    }
                }
            }
            swap(&previous, &current)
        }
        // Cheapest accepted final state, then back along the predecessors.
        var state = -1
        for i in 0..<S where previous[i] < .infinity && counter.accepts(i % Q) && (state < 0 || previous[i] < previous[state]) { state = i }
        guard state >= 0 else { return nil }
        var result = Array(repeating: -1, count: days)
        var d = days - 1
        while d >= 0 && state >= 0 {
            if state / Q < restBase { result[d] = state / Q / R }
            state = Int(trace[d * S + state])
            d -= 1
        }
        return result
    }
}

/// What a row counts along its days beside the sequence rules: values 0..<`values`, 0 before day 0.
protocol RunCounter {
    /// What working one day adds, fixed per day and class (computed once per day and class).
    associatedtype Step
    var values: Int { get }
    /// The values of day d's states that can still matter (those the next day reads).
    func live(afterDay d: Int) -> Range<Int>
    /// The value after a day off on day d from q; nil when that state cannot matter.
    func resting(_ q: Int, day d: Int) -> Int?
    /// The step of working class k on day d, `afterWork` when day d − 1 was worked.
    func working(day d: Int, class k: Int, afterWork: Bool) -> Step
    /// The value after `step` from q; nil when over a maximum or when that state cannot matter.
    func apply(_ step: Step, to q: Int) -> Int?
    /// True when a row may end with value q.
    func accepts(_ q: Int) -> Bool
}

/// The classes of options of each day, their prices, and which of yesterday's classes each may follow.
protocol RunClasses {
    /// The price of working a class on a day (computed once per day and class).
    associatedtype Price
    func count(day d: Int) -> Int
    /// The price of working class k on day d (`afterWork` when day d − 1 was worked); nil when the day
    /// has no option of the class.
    func price(day d: Int, class k: Int, afterWork: Bool) -> Price?
    /// A row's value v with one more worked day at `price`.
    func value(_ v: Double, plus price: Price) -> Double
    /// Readies `best` for day d: `previous` holds day d − 1's values in the programme's layout
    /// (`runs` run lengths, `counters` values), needed at run lengths 1…`longest` and counters `live`.
    mutating func prepare(day d: Int, previous: UnsafePointer<Double>, runs R: Int, counters Q: Int, longest: Int, live: Range<Int>)
    /// Day d − 1's cheapest work state at run length r and counter q among the classes class k of day
    /// d may follow, the first in class order among equals: (value, state), (+∞, −1) when none.
    func best(class k: Int, run r: Int, counter q: Int) -> (Double, Int32)
}

/// Classes of templates for the programmes: items whose templates have the same forbidden successions
/// both ways with every template of `among`, and the same `extra` key, share a class.
enum SuccessionClasses {
    /// `classOf[i]`: the class of item i, numbered by first item; `first[c]`: the first item of class c.
    static func group(count n: Int, template: (Int) -> Int, extra: (Int) -> Int, among: [Int], next: [[Bool]])
        -> (classOf: [Int], first: [Int]) {
        var keys: [[Int]] = [], classOf: [Int] = [], first: [Int] = []
        for i in 0..<n {
            let t = template(i)
            let key = among.map { next[t][$0] ? 1 : 0 } + among.map { next[$0][t] ? 1 : 0 } + [extra(i)]
            if let c = keys.firstIndex(of: key) {
                classOf.append(c)
            } else {
                classOf.append(keys.count)
                keys.append(key)
                first.append(i)
            }
        }
        return (classOf, first)
    }
}
