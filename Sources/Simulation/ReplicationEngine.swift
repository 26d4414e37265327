import Foundation

/// Counts of one replication per queue × arrival interval (index `q · T + t`), and weekly agent time.
struct ReplicationTally: Sendable {
    var offered: [Double]
    var answered: [Double]
    var answeredWithin: [Double]
    var abandoned: [Double]
    /// Still waiting at the end of the simulation with their threshold not yet passed: neither
    /// answered nor missed, left out of every rate.
    var undecided: [Double]
    /// Sum of waits of answered contacts, seconds.
    var waitSum: [Double]
    /// Per queue: agent-seconds handling the queue's contacts (a chat counts 1/concurrency).
    var busySeconds: [Double]
    /// Per queue: agent-seconds on duty and free, split equally over the queues the agent could have taken.
    var idleSeconds: [Double]
    /// Rule breaches the audit found (empty unless auditing).
    var auditFindings: [String] = []

    init(queues: Int, intervals: Int) {
        let n = queues * intervals
        offered = Array(repeating: 0, count: n)
        answered = offered; answeredWithin = offered; abandoned = offered; undecided = offered; waitSum = offered
        busySeconds = Array(repeating: 0, count: queues)
        idleSeconds = busySeconds
    }
}

/// One replication of the discrete-event simulation (the model and every rule: docs/simulation.md).
///
/// Events (time, kind, operands) in `EventHeap`; at equal times: completions, duty ends, interval
/// starts, duty starts, arrivals. Idle agents wait in one pool per (queue, level), in the order they
/// became free (front = longest idle); an entry is valid while its stamp equals the agent's (every
/// change of the agent's state bumps the stamp), so stale entries are dropped lazily. Abandonment is
/// lazy too: a waiting contact whose patience ran out is removed when it reaches the head of its FIFO.
struct ReplicationEngine {
    private enum Kind: UInt64 { case completion = 0, dutyEnd = 1, interval = 2, dutyStart = 3, arrival = 4 }
    private enum Mode: UInt8 { case idle, voice, email, chat }
    private static let voiceKind: UInt8 = 0, chatKind: UInt8 = 1, emailKind: UInt8 = 2

    private struct Waiting {
        var arrival: Double
        var deadline: Double
        var handle: Double
    }

    /// A FIFO of waiting contacts (array with a moving head, compacted when half consumed).
    private struct FIFO {
        var items: [Waiting] = []
        var head = 0
        var count: Int { items.count - head }
        var front: Waiting { items[head] }
        mutating func push(_ w: Waiting) { items.append(w) }
        mutating func pop() -> Waiting {
            let w = items[head]
            head += 1
            if head == items.count { items.removeAll(keepingCapacity: true); head = 0 }
            else if head >= 4096 && head * 2 >= items.count { items.removeFirst(head); head = 0 }
            return w
        }
    }

    private struct PoolEntry {
        var agent: Int32
        var stamp: UInt32
    }

    private struct Pool {
        var items: [PoolEntry] = []
        var head = 0
        mutating func compact() {
            if head == items.count { items.removeAll(keepingCapacity: true); head = 0 }
            else if head >= 4096 && head * 2 >= items.count { items.removeFirst(head); head = 0 }
        }
    }

    // Model, flattened.
    private let T: Int, Q: Int, A: Int, levels: Int
    private let L: Double
    private let kind: [UInt8]
    private let concurrency: [Int]
    private let threshold: [Double]
    private let patience: [Double]
    private let rate: [Double]
    private let aht: [Double]
    private let lognormalSigma: [Double]
    private let skillQueue: [[Int]]
    private let skillLevel: [[Int]]
    private let maxConcurrency: [Int]
    private let windows: [[(start: Double, end: Double)]]
    private let shrinkage: Double
    private let audit: Bool

    // State.
    private var now = 0.0
    private var events: EventHeap
    private var streams: [RandomStream]
    private let shrinkKey: UInt64
    private var fifo: [FIFO]
    private var pools: [Pool]
    private var inWindow: [Bool], offPhone: [Bool], available: [Bool]
    private var mode: [Mode]
    private var chats: [Int]
    private var stamp: [UInt32]
    private var lastChange: [Double]
    private var idleFull: [Double], idleChat: [Double]
    private var joinedAt: [Double], joinOrder: [Int]
    private var joins = 0
    private var tally: ReplicationTally

    init(model: SimulationModel, seed: UInt64, replication: Int, audit: Bool = false) {
        T = model.intervalCount; Q = model.queues.count; A = model.agents.count
        L = model.intervalSeconds
        levels = max(1, model.agents.flatMap { $0.skills.map(\.level) }.max() ?? 1)
        kind = model.queues.map {
            switch $0.channel { case .voice: Self.voiceKind; case .chat: Self.chatKind; case .email: Self.emailKind }
        }
        concurrency = model.queues.map { if case .chat(let k) = $0.channel { max(1, k) } else { 1 } }
        threshold = model.queues.map(\.thresholdSeconds)
        patience = model.queues.map { $0.patienceSeconds ?? .infinity }
        let L = model.intervalSeconds
        rate = model.queues.flatMap { q in (0..<model.intervalCount).map { max(0, q.contacts[$0]) / L } }
        aht = model.queues.flatMap { q in (0..<model.intervalCount).map { q.ahtSeconds[$0] } }
        lognormalSigma = model.queues.map {
            if case .lognormal(let cv) = $0.handleTime { (log1p(cv * cv)).squareRoot() } else { 0 }
        }
        skillQueue = model.agents.map { $0.skills.map(\.queue) }
        skillLevel = model.agents.map { $0.skills.map(\.level) }
        let conc = concurrency, kinds = kind
        maxConcurrency = model.agents.map { a in a.skills.filter { kinds[$0.queue] == Self.chatKind }.map { conc[$0.queue] }.max() ?? 1 }
        windows = model.agents.map(\.windows)
        shrinkage = model.shrinkage
        self.audit = audit

        events = EventHeap(capacity: 4 * (A + Q) + 64)
        streams = (0..<model.queues.count).map { RandomStream(key: StreamKey.combine(seed, UInt64(replication), 1, UInt64($0))) }
        shrinkKey = StreamKey.combine(seed, UInt64(replication), 2)
        fifo = Array(repeating: FIFO(), count: Q)
        pools = Array(repeating: Pool(), count: Q * levels)
        inWindow = Array(repeating: false, count: A); offPhone = inWindow; available = inWindow
        mode = Array(repeating: .idle, count: A)
        chats = Array(repeating: 0, count: A)
        stamp = Array(repeating: 0, count: A)
        lastChange = Array(repeating: 0, count: A)
        idleFull = lastChange; idleChat = lastChange; joinedAt = lastChange
        joinOrder = chats
        tally = ReplicationTally(queues: Q, intervals: T)
    }

    @inline(__always) private func code(_ k: Kind, _ a: Int, _ b: Int = 0) -> UInt64 {
        k.rawValue << 56 | UInt64(a) << 24 | UInt64(b)
    }

    @inline(__always) private func interval(_ t: Double) -> Int { min(T - 1, max(0, Int(t / L))) }

    /// Runs the replication to the end (no arrivals after the horizon; agents finish their contacts).
    mutating func run() -> ReplicationTally {
        guard T > 0 else { return tally }
        for q in 0..<Q { scheduleArrival(q, from: 0) }
        for a in 0..<A where !windows[a].isEmpty { events.push(windows[a][0].start, code(.dutyStart, a, 0)) }
        if shrinkage > 0 { events.push(L, code(.interval, 1)) }
        while !events.isEmpty {
            let e = events.pop()
            now = e.time
            let a = Int(e.code >> 24 & 0xFFFF_FFFF), b = Int(e.code & 0xFF_FFFF)
            switch Kind(rawValue: e.code >> 56)! {
            case .arrival: arrive(a)
            case .completion: complete(agent: a, queue: b)
            case .dutyStart:
                inWindow[a] = true
                offPhone[a] = shrinkage > 0 && StreamKey.uniform(shrinkKey, a, interval(now)) < shrinkage
                events.push(windows[a][b].end, code(.dutyEnd, a, b))
                updateAvailability(a)
            case .dutyEnd:
                inWindow[a] = false
                updateAvailability(a)
                if b + 1 < windows[a].count { events.push(windows[a][b + 1].start, code(.dutyStart, a, b + 1)) }
            case .interval:
                for agent in 0..<A where inWindow[agent] {
                    offPhone[agent] = StreamKey.uniform(shrinkKey, agent, a) < shrinkage
                    updateAvailability(agent)
                }
                if a + 1 < T { events.push(Double(a + 1) * L, code(.interval, a + 1)) }
            }
            if audit { auditWaiting() }
        }
        finish()
        return tally
    }

    // MARK: arrivals

    /// Next arrival of queue q after `t`: one unit exponential spent against the piecewise-constant rate
    /// (time change of a non-homogeneous Poisson process); none after the horizon.
    private mutating func scheduleArrival(_ q: Int, from t: Double) {
        var remaining = streams[q].exponential()
        var cursor = t
        var k = interval(t)
        while k < T {
            let r = rate[q * T + k]
            let end = Double(k + 1) * L
            if r > 0 {
                let dt = remaining / r
                if cursor + dt < end {
                    events.push(cursor + dt, code(.arrival, q))
                    return
                }
                remaining -= (end - cursor) * r
            }
            cursor = end
            k += 1
        }
    }

    private mutating func arrive(_ q: Int) {
        let k = interval(now)
        let mean = aht[q * T + k]
        let sigma = lognormalSigma[q]
        let handle = sigma > 0 ? exp(log(mean) - sigma * sigma / 2 + sigma * streams[q].normal()) : mean * streams[q].exponential()
        let deadline = patience[q].isFinite ? now + patience[q] * streams[q].exponential() : .infinity
        tally.offered[q * T + k] += 1
        let contact = Waiting(arrival: now, deadline: deadline, handle: handle)
        if let agent = idleAgent(for: q) {
            if audit { auditArrivalChoice(q, agent) }
            assign(agent, q, contact)
            rejoin(agent)
        } else {
            fifo[q].push(contact)
        }
        scheduleArrival(q, from: now)
    }

    /// The front valid entry of the best level's pool: best level, then longest idle.
    private mutating func idleAgent(for q: Int) -> Int? {
        for level in 0..<levels {
            let p = q * levels + level
            while pools[p].head < pools[p].items.count {
                let e = pools[p].items[pools[p].head]
                if stamp[Int(e.agent)] == e.stamp { return Int(e.agent) }
                pools[p].head += 1
            }
            pools[p].compact()
        }
        return nil
    }

    // MARK: agents

    /// Adds agent-seconds since the agent's last change to its idle time (whole or chat slots free).
    @inline(__always) private mutating func account(_ a: Int) {
        if available[a] {
            let dt = now - lastChange[a]
            switch mode[a] {
            case .idle: idleFull[a] += dt
            case .chat: idleChat[a] += dt * Double(maxConcurrency[a] - chats[a]) / Double(maxConcurrency[a])
            default: break
            }
        }
        lastChange[a] = now
    }

    private mutating func assign(_ a: Int, _ q: Int, _ c: Waiting) {
        account(a)
        let wait = now - c.arrival
        let i = q * T + interval(c.arrival)
        tally.answered[i] += 1
        tally.waitSum[i] += wait
        if wait <= threshold[q] { tally.answeredWithin[i] += 1 }
        switch kind[q] {
        case Self.chatKind: mode[a] = .chat; chats[a] += 1
        case Self.emailKind: mode[a] = .email
        default: mode[a] = .voice
        }
        stamp[a] &+= 1
        tally.busySeconds[q] += c.handle / Double(concurrency[q])
        events.push(now + c.handle, code(.completion, a, q))
    }

    private mutating func complete(agent a: Int, queue q: Int) {
        account(a)
        if mode[a] == .chat {
            chats[a] -= 1
            if chats[a] == 0 { mode[a] = .idle }
        } else {
            mode[a] = .idle
        }
        stamp[a] &+= 1
        if available[a] { takeWork(a) }
    }

    private mutating func updateAvailability(_ a: Int) {
        let on = inWindow[a] && !offPhone[a]
        guard on != available[a] else { return }
        account(a)
        available[a] = on
        stamp[a] &+= 1
        if on { takeWork(a) }
    }

    /// Whether agent a may start a contact of queue q now (on duty, and free for that channel).
    @inline(__always) private func canTake(_ a: Int, _ q: Int) -> Bool {
        guard available[a] else { return false }
        switch mode[a] {
        case .idle: return true
        case .chat: return kind[q] == Self.chatKind && chats[a] < concurrency[q]
        default: return false
        }
    }

    /// A freed agent takes waiting contacts (as many chats as it has room for), then rejoins the pools.
    private mutating func takeWork(_ a: Int) {
        while let q = waitingQueue(for: a) {
            if audit { auditFreedChoice(a, q) }
            assign(a, q, fifo[q].pop())
            if mode[a] != .chat { break }
        }
        rejoin(a)
    }

    /// The queue whose head the agent takes: among its voice and chat skills of the best level with a
    /// live waiting contact, the oldest head; email only when none of those waits.
    private mutating func waitingQueue(for a: Int) -> Int? {
        guard available[a], mode[a] == .idle || mode[a] == .chat else { return nil }
        for pass in 0..<2 {
            if pass == 1 && mode[a] != .idle { return nil }
            var best = -1, bestArrival = Double.infinity, bestLevel = Int.max
            for (s, q) in skillQueue[a].enumerated() {
                if skillLevel[a][s] > bestLevel { break }
                guard (kind[q] == Self.emailKind) == (pass == 1), canTake(a, q) else { continue }
                purge(q)
                if fifo[q].count > 0 && fifo[q].front.arrival < bestArrival {
                    best = q; bestArrival = fifo[q].front.arrival; bestLevel = skillLevel[a][s]
                }
            }
            if best >= 0 { return best }
        }
        return nil
    }

    /// Drops the head contacts whose patience ran out before now (they abandoned then).
    @inline(__always) private mutating func purge(_ q: Int) {
        while fifo[q].count > 0 && fifo[q].front.deadline <= now {
            let c = fifo[q].pop()
            tally.abandoned[q * T + interval(c.arrival)] += 1
        }
    }

    /// A free agent (re)enters the pools it can take work from, at their back.
    private mutating func rejoin(_ a: Int) {
        guard available[a], mode[a] == .idle || mode[a] == .chat else { return }
        stamp[a] &+= 1
        joins += 1
        joinedAt[a] = now
        joinOrder[a] = joins
        for (s, q) in skillQueue[a].enumerated() where canTake(a, q) {
            pools[q * levels + skillLevel[a][s] - 1].items.append(PoolEntry(agent: Int32(a), stamp: stamp[a]))
        }
    }

    // MARK: end

    private mutating func finish() {
        for a in 0..<A { account(a) }
        for q in 0..<Q {
            while fifo[q].count > 0 {
                let c = fifo[q].pop()
                let i = q * T + interval(c.arrival)
                if c.deadline <= now { tally.abandoned[i] += 1 }
                else if now - c.arrival <= threshold[q] { tally.undecided[i] += 1 }
            }
        }
        for a in 0..<A {
            let queues = skillQueue[a]
            let chatQueues = queues.filter { kind[$0] == Self.chatKind }
            for q in queues { tally.idleSeconds[q] += idleFull[a] / Double(queues.count) }
            for q in chatQueues { tally.idleSeconds[q] += idleChat[a] / Double(chatQueues.count) }
        }
    }

    // MARK: audit (tests): the routing rule re-derived by brute force over every agent and contact

    private func level(_ a: Int, _ q: Int) -> Int? {
        skillQueue[a].firstIndex(of: q).map { skillLevel[a][$0] }
    }

    private func live(_ q: Int) -> [Waiting] {
        fifo[q].items[fifo[q].head...].filter { $0.deadline > now }
    }

    /// No live contact waits while an agent on duty could take it.
    private mutating func auditWaiting() {
        for q in 0..<Q where !live(q).isEmpty {
            for a in 0..<A where level(a, q) != nil && canTake(a, q) {
                tally.auditFindings.append("t=\(now): queue \(q) has a waiting contact while agent \(a) is free")
            }
        }
    }

    /// An arrival went to the best level, then the longest idle, among all agents able to take it.
    private mutating func auditArrivalChoice(_ q: Int, _ chosen: Int) {
        let free = (0..<A).filter { level($0, q) != nil && canTake($0, q) }
        guard let best = free.min(by: { (level($0, q)!, joinedAt[$0], joinOrder[$0]) < (level($1, q)!, joinedAt[$1], joinOrder[$1]) }),
              best == chosen else {
            tally.auditFindings.append("t=\(now): arrival at queue \(q) went to agent \(chosen); free agents able to take it: \(free)")
            return
        }
    }

    /// A freed agent took the oldest live contact of its best level with work (email last).
    private mutating func auditFreedChoice(_ a: Int, _ chosen: Int) {
        let candidates = skillQueue[a].filter { canTake(a, $0) && !live($0).isEmpty }
        let voiceChat = candidates.filter { kind[$0] != Self.emailKind }
        let pool = voiceChat.isEmpty ? candidates : voiceChat
        guard let bestLevel = pool.map({ level(a, $0)! }).min() else {
            tally.auditFindings.append("t=\(now): agent \(a) took queue \(chosen) with nothing waiting")
            return
        }
        let oldest = pool.filter { level(a, $0) == bestLevel }.min { live($0)[0].arrival < live($1)[0].arrival }
        if oldest != chosen {
            tally.auditFindings.append("t=\(now): agent \(a) took queue \(chosen), rule picks \(oldest.map(String.init) ?? "-")")
        }
    }
}
