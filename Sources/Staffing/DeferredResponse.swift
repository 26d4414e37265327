/// Response times of deferred work (email, back office) under a given capacity profile: the items are
/// worked off first in, first out at the capacity each interval has.
///
/// Model (fluid FIFO, the clock of `DeferredWork`): time runs in open time only, slot by slot, each
/// open interval ("slot") `L = intervalSeconds` long. Items arriving in an open interval arrive at an
/// even rate over it; items arriving while the queue is closed are released at the start of the next
/// open slot; items arriving after the last open slot are not due in this horizon (they stay in the
/// backlog). An item of interval i is `AHT(i)` agent-seconds of work; slot k works at `c(k)` agents.
/// With backlog `B` at the start of slot k (lump of closed-time items included), arrival rate
/// `α = contacts·AHT / L` and service rate `μ = c(k)`, the work done runs at μ for
/// `t₁ = min(L, B / (μ − α))` (all of L when μ ≤ α) and then at α: the fluid queue's departure curve
/// `D(τ) = min_{s ≤ τ} [A(s) + C(τ) − C(s)]` (Lindley's reflection of cumulative arrivals A over
/// cumulative capacity C; Chen & Yao, *Fundamentals of Queueing Networks*, 2001, ch. 6). Work done in
/// slot k is therefore `min(μL, B + α L)`, as if the slot's items had been released at its start.
/// FIFO order is also earliest-deadline order (deadlines rise with arrival), so a profile at least
/// `DeferredWork.agentProfile` answers every due item in time (Horn 1974).
///
/// Figures:
/// - deadline: items released in slot r are due by the end of slot `r + D − 1` (`DeferredWork.deadlineSlots`),
///   clipped to the last open slot, the planning model's rule;
/// - `answeredWithin[i]`: contacts of interval i done by their deadline, exact from `D` at the deadline;
/// - response time of an item: completion minus arrival, **minutes of open time**; mean and 90th
///   percentile over the items answered within the horizon, each interval's items taken at `samples`
///   evenly spaced points of its work (midpoint rule, weight contacts / samples);
/// - `backlog[i]`: contacts arrived by the end of interval i and not yet answered.
///
/// Cost: O(T log T) for T intervals (`samples` inverse look-ups per interval, each a binary search).
public struct DeferredResponse: Sendable, Hashable {
    /// Contacts arriving in each interval.
    public var arrivals: [Double]
    /// Contacts of each interval due within the horizon (0 for those after the last open slot).
    public var due: [Double]
    /// Contacts of each interval answered by their deadline.
    public var answeredWithin: [Double]
    /// Contacts waiting at the end of each interval (arrived, not yet answered).
    public var backlog: [Double]
    /// Mean response time, minutes of open time, over items answered within the horizon; nil when none.
    public var meanResponseMinutes: Double?
    /// 90th percentile of the same response times (the smallest sampled time with ≥ 90 % of weight at or below).
    public var p90ResponseMinutes: Double?

    /// Points per interval at which response times are sampled.
    public static let samples = 20

    /// Share of the interval's due contacts answered in time; 1 without contacts, nil when its contacts
    /// are due after the horizon.
    public func withinShare(_ i: Int) -> Double? {
        guard arrivals[i] > 0 else { return 1 }
        return due[i] > 0 ? answeredWithin[i] / due[i] : nil
    }

    /// Works `contacts` off FIFO at `capacity` agents per interval (see the type's comment). Arrays are
    /// per interval, same length; capacity in closed intervals is not used.
    public static func fifo(contacts: [Double], ahtSeconds: [Double], isOpen: [Bool], capacity: [Double],
                            intervalSeconds L: Double, responseHours: Double) -> DeferredResponse {
        let T = contacts.count
        precondition(ahtSeconds.count == T && isOpen.count == T && capacity.count == T,
                     "contacts, AHT, open flags and capacity differ in length (\(T), \(ahtSeconds.count), \(isOpen.count), \(capacity.count))")
        precondition(L > 0 && responseHours > 0, "interval (\(L) s) and response hours (\(responseHours)) must be > 0")
        let slots = isOpen.indices.filter { isOpen[$0] }
        let window = DeferredWork.deadlineSlots(responseHours: responseHours, intervalSeconds: L)

        // Each interval's release slot (position in `slots`; slots.count = after the horizon) and work.
        var release = [Int](repeating: slots.count, count: T)
        var p = 0
        for i in 0..<T {
            while p < slots.count && slots[p] < i { p += 1 }
            release[i] = p
        }
        let work = (0..<T).map { i -> Double in
            guard contacts[i] > 0 else { return 0 }
            precondition(contacts[i].isFinite && ahtSeconds[i] > 0, "interval \(i): contacts \(contacts[i]), AHT \(ahtSeconds[i])")
            return contacts[i] * ahtSeconds[i]
        }
        // FIFO positions: interval i's work occupies [position[i], position[i] + work[i]).
        var position = [Double](repeating: 0, count: T + 1)
        for i in 0..<T { position[i + 1] = position[i] + work[i] }

        // The departure curve per slot: done at its start, rate μ for t₁, then rate α.
        struct Slot { var doneAtStart: Double; var mu: Double; var t1: Double; var alpha: Double; var doneAtEnd: Double }
        var curve: [Slot] = []
        curve.reserveCapacity(slots.count)
        var done = 0.0
        for (k, i) in slots.enumerated() {
            let arrivedAtStart = position[i] // everything before interval i (closed-time lumps included)
            let backlog = max(0, arrivedAtStart - done)
            let mu = max(0, capacity[i]), alpha = work[i] / L
            let t1 = mu > alpha ? min(L, backlog / (mu - alpha)) : L
            let end = done + mu * t1 + alpha * (L - t1)
            curve.append(Slot(doneAtStart: done, mu: mu, t1: t1, alpha: alpha,
                              doneAtEnd: min(end, position[i + 1])))
            done = curve[k].doneAtEnd
        }
        let doneAtEnd = curve.map(\.doneAtEnd)

        /// Open time (seconds from the first slot's start) at which work position w is done; nil if never.
        func completion(_ w: Double) -> Double? {
            guard let last = doneAtEnd.last, w <= last else { return nil }
            var lo = 0, hi = doneAtEnd.count - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if doneAtEnd[mid] >= w { hi = mid } else { lo = mid + 1 }
            }
            let s = curve[lo]
            let first = s.mu * s.t1
            let x = w - s.doneAtStart <= first ? (s.mu > 0 ? (w - s.doneAtStart) / s.mu : 0)
                : s.t1 + (s.alpha > 0 ? (w - s.doneAtStart - first) / s.alpha : 0)
            return Double(lo) * L + min(L, max(0, x))
        }

        var due = [Double](repeating: 0, count: T), within = due
        var responses: [(minutes: Double, weight: Double)] = []
        for i in 0..<T where work[i] > 0 && release[i] < slots.count {
            due[i] = contacts[i]
            let deadline = min(release[i] + window - 1, slots.count - 1)
            within[i] = contacts[i] * min(1, max(0, (doneAtEnd[deadline] - position[i]) / work[i]))
            let open = slots[release[i]] == i
            for j in 0..<samples {
                let f = (Double(j) + 0.5) / Double(samples)
                guard let end = completion(position[i] + f * work[i]) else { break }
                let arrival = Double(release[i]) * L + (open ? f * L : 0)
                responses.append((max(0, end - arrival) / 60, contacts[i] / Double(samples)))
            }
        }

        // Backlog at the end of each interval: arrived contacts minus contacts answered by then.
        var backlog = [Double](repeating: 0, count: T)
        var arrived = 0.0, next = 0
        var answeredPrefix = [Double](repeating: 0, count: T + 1)
        for i in 0..<T { answeredPrefix[i + 1] = answeredPrefix[i] + contacts[i] * (work[i] > 0 ? 1 : 0) }
        func answered(upTo w: Double) -> Double {
            // Intervals entirely before w count whole; the one w falls in counts its done share.
            var lo = 0, hi = T
            while lo < hi {
                let mid = (lo + hi) / 2
                if position[mid + 1] <= w { lo = mid + 1 } else { hi = mid }
            }
            let partial = lo < T && work[lo] > 0 ? contacts[lo] * max(0, min(1, (w - position[lo]) / work[lo])) : 0
            return answeredPrefix[lo] + partial
        }
        var doneSoFar = 0.0
        for i in 0..<T {
            arrived += max(0, contacts[i])
            while next < slots.count && slots[next] <= i { doneSoFar = doneAtEnd[next]; next += 1 }
            backlog[i] = max(0, arrived - answered(upTo: doneSoFar))
        }

        let weight = responses.reduce(0) { $0 + $1.weight }
        var p90: Double?
        if weight > 0 {
            var cumulative = 0.0
            for r in responses.sorted(by: { $0.minutes < $1.minutes }) {
                cumulative += r.weight
                if cumulative >= 0.9 * weight * (1 - 1e-12) { p90 = r.minutes; break }
            }
        }
        return DeferredResponse(arrivals: work.indices.map { work[$0] > 0 ? contacts[$0] : 0 }, due: due, answeredWithin: within, backlog: backlog,
                                meanResponseMinutes: weight > 0 ? responses.reduce(0) { $0 + $1.minutes * $1.weight } / weight : nil,
                                p90ResponseMinutes: p90)
    }
}
