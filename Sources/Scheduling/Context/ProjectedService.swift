import Foundation
import Staffing
import WFMCore

/// Service per queue × interval recomputed from a roster (never from solver variables).
///
/// Agents on shift and not on break are counted per skill group and interval (fractions for
/// partial intervals), split across queues by `CapacityAllocator` (documented there), and each
/// queue's capacity goes through the staffing maths: answered within threshold (interpolated
/// between whole agents), service level = answered / contacts, ASA and occupancy.
public struct ProjectedService: Sendable {
    public struct Cell: Sendable, Hashable {
        public var interval: Int
        public var queueID: String
        public var contacts: Double
        public var ahtSeconds: Double
        /// Smallest whole agent count meeting the SL target and occupancy cap (Erlang C).
        public var requiredAgents: Int
        /// Agent capacity the roster gives this queue (after breaks, shrinkage and the skill split).
        public var scheduledAgents: Double
        public var answeredWithinThreshold: Double
        /// 1 when there are no contacts.
        public var serviceLevel: Double
        /// nil when the queue is unstable at this capacity (capacity ≤ offered load).
        public var asaSeconds: Double?
        public var occupancy: Double
    }

    /// The scheduler's weekly terms of one queue (for deferred work, over the planned items); the
    /// figures a run reports, weekly ASA included, are `Scenario.ServiceFigures`.
    public struct QueueWeek: Sendable, Hashable {
        public var queueID: String
        public var contacts: Double
        public var answeredWithinThreshold: Double
        /// Volume-weighted: answered within threshold / contacts.
        public var serviceLevel: Double
        /// Offered load / capacity over the week (both summed over intervals).
        public var occupancy: Double
    }

    public struct AgentIndicators: Sendable, Hashable {
        public var agentID: String
        public var contractID: String
        public var paidMinutes: Int
        public var daysWorked: Int
        /// Longest run of working days, carry-in included.
        public var maxConsecutiveDays: Int
        /// Shortest rest between consecutive shifts (carry-in included); nil with fewer than two shifts.
        public var minRestMinutes: Int?
        public var nightShifts: Int
        public var startSpreadMinutes: Int
        public var prefsMet: Int
        public var prefsTotal: Int
    }

    /// Cells in interval order, queues in problem order within an interval.
    public var cells: [Cell]
    public var queues: [QueueWeek]
    public var agents: [AgentIndicators]
    public var paidHours: Double
    /// Agent-intervals of capacity on skills of level L, weighted by (L − 1), over the week.
    public var secondarySkillAgentIntervals: Double

    /// Contacts answered within threshold over all queues / all contacts.
    public var serviceLevel: Double {
        let contacts = queues.reduce(0) { $0 + $1.contacts }
        return contacts > 0 ? queues.reduce(0) { $0 + $1.answeredWithinThreshold } / contacts : 1
    }
    public var answeredWithinThreshold: Double { queues.reduce(0) { $0 + $1.answeredWithinThreshold } }

    public init(roster: Roster, problem: RosterProblem) {
        self.init(roster: roster, context: SchedulingContext(problem: problem))
    }

    public init(roster: Roster, context: SchedulingContext) {
        let problem = context.problem
        let T = context.intervalCount, G = context.groups.count, Q = problem.queues.count
        let step = problem.grid.intervalMinutes * 60
        let gridStart = problem.grid.intervals.first?.start ?? 0
        let agentIndex = Dictionary(uniqueKeysWithValues: problem.agents.enumerated().map { ($1.id, $0) })
        var on = Array(repeating: Array(repeating: 0.0, count: T), count: G)
        func add(_ g: Int, _ start: Int, _ end: Int, _ sign: Double) {
            var t = max(0, (start - gridStart) / step)
            while t < T && gridStart + t * step < end {
                let a = gridStart + t * step
                let overlap = min(end, a + step) - max(start, a)
                if overlap > 0 { on[g][t] += sign * Double(overlap) / Double(step) }
                t += 1
            }
        }
        for s in roster.shifts {
            guard let a = agentIndex[s.agentID] else { continue }
            let g = context.groups.groupOfAgent[a]
            add(g, s.start, s.end, 1)
            for b in s.breaks { add(g, b.start, b.end, -1) }
        }
        var cells: [Cell] = []
        cells.reserveCapacity(T * Q)
        var capacity = Array(repeating: 0.0, count: Q), answered = capacity
        let intervalSeconds = Double(step)
        var secondary = 0.0
        for t in 0..<T {
            secondary += context.allocator.allocate(interval: t, on: (0..<G).map { on[$0][t] }, capacity: &capacity, answered: &answered)
            for (q, queue) in problem.queues.enumerated() {
                let load = queue.contacts[t] * queue.ahtSeconds[t] / intervalSeconds
                let c = capacity[q]
                let asa = ProjectedService.asa(queue: queue, interval: t, load: load, capacity: c)
                let servers = c * queue.model.serversPerAgent
                cells.append(Cell(interval: t, queueID: queue.id, contacts: queue.contacts[t], ahtSeconds: queue.ahtSeconds[t],
                                  requiredAgents: ProjectedService.required(queue: queue, interval: t, load: load),
                                  scheduledAgents: c, answeredWithinThreshold: answered[q],
                                  serviceLevel: queue.contacts[t] > 0 ? answered[q] / queue.contacts[t] : 1,
                                  asaSeconds: queue.contacts[t] > 0 ? asa : 0,
                                  occupancy: load <= 0 ? 0 : (servers > 0 ? min(1, load / servers) : 1)))
            }
        }
        self.cells = cells
        queues = problem.queues.enumerated().map { q, queue in
            let mine = cells.filter { $0.queueID == queue.id }
            let contacts = mine.reduce(0) { $0 + $1.contacts }
            let answered = mine.reduce(0) { $0 + $1.answeredWithinThreshold }
            let load = mine.reduce(0) { $0 + $1.contacts * $1.ahtSeconds / intervalSeconds }
            let cap = mine.reduce(0) { $0 + $1.scheduledAgents } * queue.model.serversPerAgent
            return QueueWeek(queueID: queue.id, contacts: contacts, answeredWithinThreshold: answered,
                             serviceLevel: contacts > 0 ? answered / contacts : 1,
                             occupancy: cap > 0 ? min(1, load / cap) : (load > 0 ? 1 : 0))
        }
        agents = problem.agents.enumerated().map { a, agent in
            ProjectedService.indicators(agent: agent, index: a, shifts: roster.shifts(of: agent.id), context: context)
        }
        paidHours = Double(roster.paidMinutes) / 60
        let w = problem.weights.secondarySkill
        secondarySkillAgentIntervals = w > 0 ? secondary / w : 0
    }

    /// Smallest whole agent count meeting the SL target and occupancy cap (`Staffing.RequiredAgents`);
    /// for deferred work, the agents whose capacity covers the interval's work (⌈load⌉).
    static func required(queue: QueueDemand, interval t: Int, load: Double) -> Int {
        guard queue.contacts[t] > 0 else { return 0 }
        if case .deferred = queue.model { return Int(load.rounded(.up)) }
        let targets = ServiceTargets(serviceLevel: queue.serviceLevelTarget, thresholdSeconds: queue.thresholdSeconds,
                                     maxOccupancy: queue.maxOccupancy)
        return RequiredAgents.minimum(load: load, ahtSeconds: queue.ahtSeconds[t], model: queue.model, targets: targets).agents
    }

    /// ASA at a fractional capacity: linear between the whole agent counts around it; nil when the
    /// queue is unstable there (or for deferred work, which has no per-interval queue).
    static func asa(queue: QueueDemand, interval t: Int, load: Double, capacity c: Double) -> Double? {
        if case .deferred = queue.model { return nil }
        let n = Int(c)
        let lo = queue.model.performance(load: load, ahtSeconds: queue.ahtSeconds[t], agents: n, thresholdSeconds: queue.thresholdSeconds)
        let hi = queue.model.performance(load: load, ahtSeconds: queue.ahtSeconds[t], agents: n + 1, thresholdSeconds: queue.thresholdSeconds)
        guard lo.asaSeconds.isFinite && hi.asaSeconds.isFinite else { return nil }
        return lo.asaSeconds + (c - Double(n)) * (hi.asaSeconds - lo.asaSeconds)
    }

    static func indicators(agent: Agent, index a: Int, shifts: [RosterShift], context: SchedulingContext) -> AgentIndicators {
        let zone = context.problem.grid.timeZone
        func localMinute(_ t: Int) -> Int {
            let wall = t + zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(t)))
            return ((wall % 86_400) + 86_400) % 86_400 / 60
        }
        let sorted = shifts.sorted { $0.start < $1.start }
        let carry = context.carryIn[a]
        var dayNumbers = Set(carry.map(\.date.dayNumber)).union(sorted.map(\.date.dayNumber)).sorted()
        var longest = 0, run = 0, previous = Int.min
        for d in dayNumbers {
            run = d == previous + 1 ? run + 1 : 1
            longest = max(longest, run)
            previous = d
        }
        dayNumbers.removeAll()
        let timeline = carry.map { ($0.start, $0.end) } + sorted.map { ($0.start, $0.end) }
        let rests = zip(timeline, timeline.dropFirst()).map { ($1.0 - $0.1) / 60 }
        let starts = sorted.map { localMinute($0.start) }
        let nights = zip(sorted, starts).filter { s, m in
            let end = m + (s.end - s.start) / 60
            return m < 360 || (end > 1440 && m < 1800)
        }.count
        let prefs = zip(context.preferences[a], context.preferenceRanges[a])
        let met = prefs.filter { w, r in
            w.kind == .preferOff ? !sorted.contains { $0.start < r.upperBound && r.lowerBound < $0.end }
                                 : sorted.contains { $0.start <= r.lowerBound && r.upperBound <= $0.end }
        }.count
        return AgentIndicators(agentID: agent.id, contractID: agent.contractID, paidMinutes: sorted.reduce(0) { $0 + $1.paidMinutes },
                               daysWorked: Set(sorted.map(\.date)).count, maxConsecutiveDays: longest,
                               minRestMinutes: rests.min(), nightShifts: nights,
                               startSpreadMinutes: (starts.max() ?? 0) - (starts.min() ?? 0),
                               prefsMet: met, prefsTotal: context.preferences[a].count)
    }
}
