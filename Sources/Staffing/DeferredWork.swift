/// Agents per interval for deferred work (email, back office): every item answered within
/// `responseHours` of open time, with the smoothest possible staffing profile.
///
/// Model (fluid): interval i brings `w(i) = contacts(i) · AHT(i)` agent-seconds of work. Agents work
/// only in open intervals ("slots", each `intervalSeconds` long); the response clock runs in open
/// time. Work arriving in slot r (or while closed, released at the next open slot r) may be done
/// in slots r … r + D − 1 with `D = max(1, ⌊responseHours · 3600 / intervalSeconds⌋)`, clipped to
/// the last open slot of the horizon; work arriving after the last open slot belongs to the next
/// horizon and is ignored.
///
/// Feasibility: with capacity c(t) agents in slot t, serving the oldest deadline first (EDF) meets
/// every deadline iff for every window of slots [s, e] the work released in s… and due by e fits:
/// `Σ_{jobs ⊆ [s,e]} w ≤ intervalSeconds · Σ_{t=s…e} c(t)` (Horn 1974; the cumulative-work
/// argument). Among all feasible profiles we take the one of Yao, Demers & Shenker ("A scheduling
/// model for reduced CPU energy", FOCS 1995): repeatedly find the window of maximum density
/// (work due inside / free slots inside), give its free slots exactly that many agents, remove its
/// work and slots, and repeat. This profile meets every window condition, minimises the peak and
/// every convex cost of the profile (it is the smoothest feasible staffing), and never staffs a slot
/// no work can use. Jobs here have agreeable windows (release and deadline both increase with
/// arrival), so the work of a window is a contiguous run of jobs, found with prefix sums.
///
/// Cost: O(J²) per critical window, at most J windows, J = slots with arrivals (a week of
/// 15-minute slots: J ≤ 672).
public enum DeferredWork {
    /// `D = max(1, ⌊responseHours · 3600 / intervalSeconds⌋)`: work released in open slot r is due by the end of
    /// slot r + D − 1 (a relative 1e−12 absorbs rounding, so 4 h of 30-minute slots gives 8).
    public static func deadlineSlots(responseHours: Double, intervalSeconds: Double) -> Int {
        max(1, Int((responseHours * 3600 / intervalSeconds * (1 + 1e-12)).rounded(.down)))
    }

    /// Fluid agents needed in each interval (0 in closed intervals). Arrays are per interval, same length.
    public static func agentProfile(contacts: [Double], ahtSeconds: [Double], isOpen: [Bool],
                                    intervalSeconds: Double, responseHours: Double) -> [Double] {
        precondition(contacts.count == ahtSeconds.count && contacts.count == isOpen.count,
                     "contacts, AHT and open flags differ in length (\(contacts.count), \(ahtSeconds.count), \(isOpen.count))")
        precondition(intervalSeconds > 0 && responseHours > 0, "interval (\(intervalSeconds) s) and response hours (\(responseHours)) must be > 0")
        let slots = isOpen.indices.filter { isOpen[$0] }
        var profile = [Double](repeating: 0, count: contacts.count)
        guard let lastSlot = slots.indices.last else { return profile }
        let window = deadlineSlots(responseHours: responseHours, intervalSeconds: intervalSeconds)

        // Jobs by release slot (position in `slots`), in release order.
        var jobs: [(release: Int, deadline: Int, work: Double)] = []
        var slot = 0
        for i in contacts.indices where contacts[i] > 0 {
            precondition(contacts[i].isFinite && ahtSeconds[i] > 0, "interval \(i): contacts \(contacts[i]), AHT \(ahtSeconds[i])")
            while slot <= lastSlot && slots[slot] < i { slot += 1 }
            guard slot <= lastSlot else { break }
            let work = contacts[i] * ahtSeconds[i]
            if let last = jobs.last, last.release == slot {
                jobs[jobs.count - 1].work += work
            } else {
                jobs.append((slot, min(slot + window - 1, lastSlot), work))
            }
        }

        var free = [Bool](repeating: true, count: slots.count)
        while !jobs.isEmpty {
            // Compressed coordinates over the free slots: freeBefore[p] = free slots before position p.
            var freeBefore = [Int](repeating: 0, count: slots.count + 1)
            for p in slots.indices { freeBefore[p + 1] = freeBefore[p] + (free[p] ? 1 : 0) }
            let start = jobs.map { freeBefore[$0.release] }
            let end = jobs.map { freeBefore[$0.deadline + 1] - 1 }
            var workBefore = [0.0]
            for job in jobs { workBefore.append(workBefore.last! + job.work) }

            var best = (density: -1.0, first: 0, last: 0)
            for first in jobs.indices where first == 0 || start[first] != start[first - 1] {
                for last in first..<jobs.count where last == jobs.count - 1 || end[last] != end[last + 1] {
                    // Jobs first…last: those with start ≥ start[first] and end ≤ end[last].
                    let density = (workBefore[last + 1] - workBefore[first]) / Double(end[last] - start[first] + 1)
                    if density > best.density { best = (density, first, last) }
                }
            }
            let agents = best.density / intervalSeconds
            let (from, to) = (start[best.first], end[best.last])
            for p in slots.indices where free[p] && (from...to).contains(freeBefore[p]) {
                free[p] = false
                profile[slots[p]] = agents
            }
            jobs.removeSubrange(best.first...best.last)
        }
        return profile
    }
}
