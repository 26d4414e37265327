import Testing
@testable import Staffing

/// Ten items of 6 minutes arrive evenly over one 30-minute slot worked by one agent: the agent is
/// busy 60 minutes, the item at share f of the batch arrives at 30f minutes and is done at 60f,
/// so its response is 30f minutes (mean 15, 90th percentile 27).
@Test func oneAgentWorksOffABatchTwiceItsSpeed() throws {
    let contacts = [10.0, 0, 0], aht = [360.0, 360, 360], open = [true, true, true], capacity = [1.0, 1, 1]
    let hour = DeferredResponse.fifo(contacts: contacts, ahtSeconds: aht, isOpen: open, capacity: capacity,
                                     intervalSeconds: 1800, responseHours: 1)
    #expect(hour.due == [10, 0, 0])
    #expect(abs(hour.answeredWithin[0] - 10) < 1e-9)
    #expect(abs(try #require(hour.meanResponseMinutes) - 15) < 1e-9)
    let p90 = try #require(hour.p90ResponseMinutes)
    #expect(p90 >= 27 - 30.0 / Double(DeferredResponse.samples) && p90 <= 27)
    #expect(abs(hour.backlog[0] - 5) < 1e-9 && abs(hour.backlog[1]) < 1e-9)
    // Due within half an hour (one slot): half the batch is done by then.
    let half = DeferredResponse.fifo(contacts: contacts, ahtSeconds: aht, isOpen: open, capacity: capacity,
                                     intervalSeconds: 1800, responseHours: 0.5)
    #expect(abs(half.answeredWithin[0] - 5) < 1e-9)
    #expect(abs(try #require(half.withinShare(0)) - 0.5) < 1e-9)
}

/// Items arriving while closed wait for the opening and count from it (open time); items arriving
/// after the last open slot are not due in this horizon: no share, but in the backlog.
@Test func closedTimeArrivalsWaitAndLateOnesStayInTheBacklog() throws {
    let r = DeferredResponse.fifo(contacts: [4, 0, 3], ahtSeconds: [450, 450, 450], isOpen: [false, true, false],
                                  capacity: [5, 1, 5], intervalSeconds: 1800, responseHours: 4)
    #expect(r.due == [4, 0, 0])
    #expect(abs(r.answeredWithin[0] - 4) < 1e-9)
    #expect(r.withinShare(1) == 1 && r.withinShare(2) == nil)
    // 1,800 agent-seconds from the opening at one agent: response w seconds for work position w.
    #expect(abs(try #require(r.meanResponseMinutes) - 15) < 1e-9)
    #expect(abs(r.backlog[0] - 4) < 1e-9 && abs(r.backlog[1]) < 1e-9 && abs(r.backlog[2] - 3) < 1e-9)
}

/// FIFO stepped in small time steps, chunk by chunk: an independent account of the same model.
private func stepped(contacts: [Double], aht: [Double], open: [Bool], capacity: [Double], interval: Double, window: Int,
                     steps: Int) -> (within: [Double], backlog: [Double], meanMinutes: Double) {
    let slots = open.indices.filter { open[$0] }
    var queue: [(interval: Int, work: Double, perContact: Double, arrival: Double, deadline: Double)] = []
    var within = [Double](repeating: 0, count: contacts.count), backlog = within
    var responseSum = 0.0, answered = 0.0, arrived = 0.0, done = 0.0
    var next = 0
    let dt = interval / Double(steps)
    for (k, i) in slots.enumerated() {
        let deadline = Double(min(k + window, slots.count)) * interval
        let slotStart = Double(k) * interval
        while next < i {   // closed-time arrivals released now
            if contacts[next] > 0 {
                queue.append((next, contacts[next] * aht[next], aht[next], slotStart, deadline))
                arrived += contacts[next]
            }
            backlog[next] = arrived - done
            next += 1
        }
        next = i + 1
        for s in 0..<steps {
            let now = slotStart + Double(s) * dt
            if contacts[i] > 0 {
                queue.append((i, contacts[i] * aht[i] / Double(steps), aht[i], now + dt / 2, deadline))
                arrived += contacts[i] / Double(steps)
            }
            var budget = capacity[i] * dt
            while budget > 1e-12, !queue.isEmpty {
                let w = min(budget, queue[0].work)
                queue[0].work -= w
                budget -= w
                let c = w / queue[0].perContact, end = now + dt
                done += c
                if end <= queue[0].deadline + 1e-9 { within[queue[0].interval] += c }
                responseSum += c * (end - queue[0].arrival)
                answered += c
                if queue[0].work <= 1e-12 { queue.removeFirst() }
            }
        }
        backlog[i] = arrived - done
    }
    while next < contacts.count { arrived += contacts[next]; backlog[next] = arrived - done; next += 1 }
    return (within, backlog, answered > 0 ? responseSum / answered / 60 : 0)
}

/// Random arrivals, capacities and open hours: the exact fluid figures agree with the stepped FIFO
/// (to its step), and a capacity at least the planning profile answers every due item in time.
@Test(arguments: 1...10)
func fifoAgreesWithASteppedSimulation(seed: Int) throws {
    var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15
    func random() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) / Double(1 << 53)
    }
    let count = 48, interval = 1800.0
    let open = (0..<count).map { ($0 % 24) >= 6 && ($0 % 24) < 20 || random() < 0.1 }
    let contacts = (0..<count).map { _ in random() < 0.3 ? 0 : (random() * 20).rounded() }
    let aht = (0..<count).map { _ in 200 + 300 * random() }
    let capacity = (0..<count).map { _ in 4 * random() }
    let hours = Double(1 + seed % 4) * 0.5
    let window = DeferredWork.deadlineSlots(responseHours: hours, intervalSeconds: interval)
    let r = DeferredResponse.fifo(contacts: contacts, ahtSeconds: aht, isOpen: open, capacity: capacity,
                                  intervalSeconds: interval, responseHours: hours)
    let s = stepped(contacts: contacts, aht: aht, open: open, capacity: capacity, interval: interval, window: window, steps: 400)
    // One step of the fastest agent profile, in contacts.
    let slack = 4 * interval / 400 / 200 * 2
    for i in 0..<count where r.due[i] > 0 {
        #expect(abs(r.answeredWithin[i] - s.within[i]) <= slack, "interval \(i): \(r.answeredWithin[i]) vs \(s.within[i])")
    }
    for i in 0..<count { #expect(abs(r.backlog[i] - s.backlog[i]) <= slack, "interval \(i)") }
    if let mean = r.meanResponseMinutes { #expect(abs(mean - s.meanMinutes) <= 0.02 * s.meanMinutes + 0.5) }

    let profile = DeferredWork.agentProfile(contacts: contacts, ahtSeconds: aht, isOpen: open, intervalSeconds: interval, responseHours: hours)
    let planned = DeferredResponse.fifo(contacts: contacts, ahtSeconds: aht, isOpen: open, capacity: profile,
                                        intervalSeconds: interval, responseHours: hours)
    let due = planned.due.reduce(0, +)
    #expect(abs(planned.answeredWithin.reduce(0, +) - due) <= 1e-9 * max(1, due))
}
