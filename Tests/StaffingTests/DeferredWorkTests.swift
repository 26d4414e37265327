import Testing
@testable import Staffing

/// Simulates earliest-deadline-first service of the fluid profile and returns the work still
/// unfinished at its deadline (0 when every deadline is met). Independent of the YDS code.
private func missedWork(contacts: [Double], aht: Double, open: [Bool], interval: Double, window: Int, profile: [Double]) -> Double {
    let slots = open.indices.filter { open[$0] }
    var pending: [(deadline: Int, work: Double)] = []
    var missed = 0.0
    var next = 0
    for (position, slot) in slots.enumerated() {
        while next < contacts.count && next <= slot {
            if contacts[next] > 0 { pending.append((min(position + window - 1, slots.count - 1), contacts[next] * aht)) }
            next += 1
        }
        var capacity = profile[slot] * interval
        pending.sort { $0.deadline < $1.deadline }
        while capacity > 0, !pending.isEmpty {
            let done = min(capacity, pending[0].work)
            pending[0].work -= done
            capacity -= done
            if pending[0].work <= 1e-9 { pending.removeFirst() }
        }
        missed += pending.filter { $0.deadline == position }.map(\.work).reduce(0, +)
        pending.removeAll { $0.deadline == position }
    }
    return missed
}

/// The largest density (work released and due inside / open slots inside) over every window, brute force.
private func peakDensity(contacts: [Double], aht: Double, open: [Bool], interval: Double, window: Int) -> Double {
    let slots = open.indices.filter { open[$0] }
    var jobs: [(release: Int, deadline: Int, work: Double)] = []
    for i in contacts.indices where contacts[i] > 0 {
        guard let r = slots.firstIndex(where: { $0 >= i }) else { continue }
        jobs.append((r, min(r + window - 1, slots.count - 1), contacts[i] * aht))
    }
    var peak = 0.0
    for s in slots.indices {
        for e in s..<slots.count {
            let work = jobs.filter { $0.release >= s && $0.deadline <= e }.map(\.work).reduce(0, +)
            peak = max(peak, work / (Double(e - s + 1) * interval))
        }
    }
    return peak
}

@Test func constantArrivalsNeedConstantStaffing() {
    let profile = DeferredWork.agentProfile(contacts: Array(repeating: 20, count: 32), ahtSeconds: Array(repeating: 270, count: 32),
                                            isOpen: Array(repeating: true, count: 32), intervalSeconds: 900, responseHours: 2)
    for agents in profile { #expect(abs(agents - 6) < 1e-12) } // 20 × 270 s / 900 s
}

@Test func aSpikeIsSpreadOverItsResponseWindow() {
    // 120 items × 300 s = 10 agent-hours at 08:00, 4 hours to answer with 1-hour intervals: 2.5 agents for 4 hours.
    var contacts = Array(repeating: 0.0, count: 10)
    contacts[0] = 120
    let profile = DeferredWork.agentProfile(contacts: contacts, ahtSeconds: Array(repeating: 300, count: 10),
                                            isOpen: Array(repeating: true, count: 10), intervalSeconds: 3600, responseHours: 4)
    #expect(profile == [2.5, 2.5, 2.5, 2.5, 0, 0, 0, 0, 0, 0])
}

@Test func workArrivingWhileClosedWaitsForOpening() {
    // Closed 0–3, open 4–7: the 40 items (× 90 s) of the night are due within 2 open hours of opening.
    let open = [false, false, false, false, true, true, true, true]
    let contacts = [10.0, 10, 10, 10, 0, 0, 0, 0]
    let profile = DeferredWork.agentProfile(contacts: contacts, ahtSeconds: Array(repeating: 90, count: 8), isOpen: open,
                                            intervalSeconds: 3600, responseHours: 2)
    #expect(profile == [0, 0, 0, 0, 0.5, 0.5, 0, 0])
}

/// Random arrivals, open hours and deadlines: EDF on the profile meets every deadline, and the
/// profile's peak equals the largest window density (no feasible profile can have a lower peak).
@Test(arguments: 1...12)
func profileIsFeasibleAndItsPeakIsTheLowerBound(seed: Int) {
    var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15
    func random() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) / Double(1 << 53)
    }
    let count = 48
    let open = (0..<count).map { ($0 % 24) >= 6 && ($0 % 24) < 20 || random() < 0.1 }
    let contacts = (0..<count).map { _ in random() < 0.3 ? 0 : (random() * 40).rounded() }
    let window = 1 + seed % 5
    let profile = DeferredWork.agentProfile(contacts: contacts, ahtSeconds: Array(repeating: 240, count: count), isOpen: open,
                                            intervalSeconds: 1800, responseHours: Double(window) * 0.5)
    #expect(missedWork(contacts: contacts, aht: 240, open: open, interval: 1800, window: window, profile: profile) < 1e-6)
    let peak = peakDensity(contacts: contacts, aht: 240, open: open, interval: 1800, window: window)
    #expect(abs(profile.max()! - peak) < 1e-9 * max(1, peak))
    #expect(zip(open, profile).allSatisfy { $0 || $1 == 0 })
}
