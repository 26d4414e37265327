import Scheduling
import Staffing
import WFMCore

/// How a queue's handle times are drawn around the interval's AHT (the mean).
public enum HandleTimeDistribution: Sendable, Hashable {
    /// Exponential with mean AHT (the Erlang models' assumption; the default).
    case exponential
    /// Lognormal with mean AHT and coefficient of variation `cv` (> 0): σ² = ln(1 + cv²), μ = ln AHT − σ²/2.
    case lognormal(cv: Double)
}

/// What the simulator needs of a roster and its problem, in seconds after the horizon's start.
///
/// Built like the rule checker reads a roster: from shift and break times and the problem's queues,
/// agents and shrinkage only, never from solver variables.
public struct SimulationModel: Sendable {
    public enum Channel: Sendable, Hashable {
        case voice
        /// Up to `concurrency` conversations at once, and nothing else while holding one.
        case chat(concurrency: Int)
        /// Deferred work: taken only when none of the agent's voice or chat queues waits; "answered within
        /// threshold" means started within the response time.
        case email
    }

    public struct Queue: Sendable, Hashable {
        public var id: String
        public var channel: Channel
        /// Voice and chat: the service-level threshold; email: the response time. Seconds.
        public var thresholdSeconds: Double
        /// Mean of the exponential patience, seconds; nil = contacts never abandon.
        public var patienceSeconds: Double?
        public var handleTime: HandleTimeDistribution
        /// Expected arrivals per interval (Poisson, constant rate within the interval).
        public var contacts: [Double]
        public var ahtSeconds: [Double]
        public init(id: String, channel: Channel, thresholdSeconds: Double, patienceSeconds: Double?,
                    handleTime: HandleTimeDistribution, contacts: [Double], ahtSeconds: [Double]) {
            self.id = id
            self.channel = channel
            self.thresholdSeconds = thresholdSeconds
            self.patienceSeconds = patienceSeconds
            self.handleTime = handleTime
            self.contacts = contacts
            self.ahtSeconds = ahtSeconds
        }
    }

    public struct Agent: Sendable {
        public var id: String
        /// (queue index, level 1 = primary …), best level first; queues of equal level in skill order.
        public var skills: [(queue: Int, level: Int)]
        /// On-duty windows [start, end), seconds after the horizon's start: shifts minus breaks, sorted.
        public var windows: [(start: Double, end: Double)]
        public init(id: String, skills: [(queue: Int, level: Int)], windows: [(start: Double, end: Double)]) {
            self.id = id
            self.skills = skills
            self.windows = windows
        }
    }

    public var intervalSeconds: Double
    public var intervalCount: Int
    public var queues: [Queue]
    /// Agents in problem order (index = the agent's key for its shrinkage draws).
    public var agents: [Agent]
    /// Probability that a present agent is off-phone for a whole interval.
    public var shrinkage: Double

    public init(intervalSeconds: Double, intervalCount: Int, queues: [Queue], agents: [Agent], shrinkage: Double) {
        self.intervalSeconds = intervalSeconds
        self.intervalCount = intervalCount
        self.queues = queues
        self.agents = agents
        self.shrinkage = shrinkage
    }

    /// The model of `roster` under `problem`.
    /// - `arrivals`: expected contacts per interval by queue id, replacing the problem's (the run passes
    ///   email's forecast arrivals here: the problem carries email's deadline plan instead).
    /// - `handleTimes`: per queue id; queues not listed are exponential.
    public init(problem: RosterProblem, roster: Roster, arrivals: [String: [Double]] = [:],
                handleTimes: [String: HandleTimeDistribution] = [:]) {
        let origin = problem.grid.intervals.first?.start ?? 0
        let queues = problem.queues.map { q -> Queue in
            let channel: Channel, threshold: Double, patience: Double?
            switch q.model {
            case .erlangC: (channel, threshold, patience) = (.voice, q.thresholdSeconds, nil)
            case .erlangA(let p): (channel, threshold, patience) = (.voice, q.thresholdSeconds, p)
            case .chat(let k): (channel, threshold, patience) = (.chat(concurrency: k), q.thresholdSeconds, nil)
            case .deferred(let hours): (channel, threshold, patience) = (.email, hours * 3600, nil)
            }
            return Queue(id: q.id, channel: channel, thresholdSeconds: threshold, patienceSeconds: patience,
                         handleTime: handleTimes[q.id] ?? .exponential, contacts: arrivals[q.id] ?? q.contacts,
                         ahtSeconds: q.ahtSeconds)
        }
        let queueIndex = Dictionary(uniqueKeysWithValues: problem.queues.enumerated().map { ($1.id, $0) })
        let shiftsByAgent = Dictionary(grouping: roster.shifts, by: \.agentID)
        let agents = problem.agents.map { agent -> Agent in
            let skills = agent.skills.enumerated()
                .compactMap { i, s in queueIndex[s.queueID].map { (queue: $0, level: s.level, order: i) } }
                .sorted { ($0.level, $0.order) < ($1.level, $1.order) }
                .map { (queue: $0.queue, level: $0.level) }
            var windows: [(start: Double, end: Double)] = []
            for shift in (shiftsByAgent[agent.id] ?? []).sorted(by: { $0.start < $1.start }) {
                var cursor = shift.start
                for b in shift.breaks.sorted(by: { $0.start < $1.start }) {
                    if b.start > cursor { windows.append((Double(cursor - origin), Double(b.start - origin))) }
                    cursor = max(cursor, b.end)
                }
                if shift.end > cursor { windows.append((Double(cursor - origin), Double(shift.end - origin))) }
            }
            return Agent(id: agent.id, skills: skills, windows: windows)
        }
        self.init(intervalSeconds: Double(problem.grid.intervalMinutes * 60), intervalCount: problem.grid.intervals.count,
                  queues: queues, agents: agents, shrinkage: problem.shrinkage)
    }
}
