import WFMCore

/// summary.json of a run (docs/outputs.md). Only the fields the report and `wfm compare` use are
/// read; others (`queues[].contacts`, summed from coverage.csv instead, and `timings`, the one part
/// that differs between identical runs) are ignored.
public struct RunSummary: Sendable, Hashable, Decodable {
    /// Weekly figures of one queue, recomputed from the roster.
    public struct Queue: Sendable, Hashable, Decodable {
        public var id: String
        /// Volume-weighted weekly share answered within the threshold, 0...1.
        public var serviceLevel: Double
        /// nil for deferred work and where unbounded (`unstableIntervals`).
        public var asaSeconds: Double?
        /// Weekly occupancy, 0...1; nil for deferred work.
        public var occupancy: Double?
        public var understaffedIntervals: Int?
        /// Intervals with contacts where the queue is unstable (ASA unbounded), and their contacts.
        public var unstableIntervals: Int?
        public var unstableContacts: Double?
        /// Deferred work: the response time, its mean and 90th percentile (minutes of open time).
        public var responseHours: Double?
        public var meanResponseMinutes: Double?
        public var p90ResponseMinutes: Double?
        public var backlogEndOfDay: [DayBacklog]?

        /// Deferred work: contacts waiting at the end of one local date.
        public struct DayBacklog: Sendable, Hashable, Decodable {
            public var date: String
            public var contacts: Double
        }
        /// The discrete-event simulation's week (absent in runs that did not simulate).
        public var simulated: Simulated?
        /// No roster can exceed this weekly share (null or absent: no valid bound).
        public var serviceBound: Double?

        enum CodingKeys: String, CodingKey {
            case id, occupancy, simulated
            case serviceLevel = "service_level", asaSeconds = "asa_seconds", understaffedIntervals = "understaffed_intervals"
            case unstableIntervals = "unstable_intervals", unstableContacts = "unstable_contacts", responseHours = "response_hours"
            case meanResponseMinutes = "mean_response_minutes", p90ResponseMinutes = "p90_response_minutes"
            case backlogEndOfDay = "backlog_end_of_day", serviceBound = "service_bound"
        }
    }

    /// `queues[].simulated` (docs/simulation.md): means over replications; values may be null.
    public struct Simulated: Sendable, Hashable, Decodable {
        public var serviceLevel: Double?
        /// Half-width of the service level's 95 % interval.
        public var ci95: Double?
        public var asaSeconds: Double?
        public var abandonRate: Double?
        public var occupancy: Double?

        enum CodingKeys: String, CodingKey {
            case ci95, occupancy
            case serviceLevel = "service_level", asaSeconds = "asa_seconds", abandonRate = "abandon_rate"
        }
    }

    /// What the solver learnt. Only `status` is always present; the numbers may be null
    /// (no incumbent, no bound).
    public struct Solver: Sendable, Hashable, Decodable {
        public var status: String
        public var objective: Double?
        public var bound: Double?
        /// Relative gap between objective and bound, 0...1.
        public var gap: Double?
        public var seconds: Double?
        /// No roster can exceed this share of all contacts answered within threshold (null or absent: no valid bound).
        public var serviceBound: Double?

        enum CodingKeys: String, CodingKey {
            case status, objective, bound, gap, seconds
            case serviceBound = "service_bound"
        }
    }

    /// One named rule of the roster and what it cost.
    public struct Rule: Sendable, Hashable, Decodable {
        public enum Kind: String, Sendable, Hashable, Decodable { case hard, soft }
        public var id: String
        public var kind: Kind
        public var violations: Int
        /// Penalty paid in objective units (0 for hard rules that hold).
        public var penalty: Double
    }

    public var scenario: String
    public var timezone: String
    /// The centre's weekend (`weekend`, day names); Saturday and Sunday when absent.
    public var weekend: Weekend
    public var inputsSHA256: String?
    /// `--set` overrides of the run, `key=value`.
    public var overrides: [String]
    public var queues: [Queue]
    public var paidHours: Double
    public var agentsUsed: Int
    public var solver: Solver
    public var rules: [Rule]

    enum CodingKeys: String, CodingKey {
        case scenario, timezone, weekend, overrides, queues, solver, rules
        case inputsSHA256 = "inputs_sha256", paidHours = "paid_hours", agentsUsed = "agents_used"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        scenario = try c.decode(String.self, forKey: .scenario)
        timezone = try c.decode(String.self, forKey: .timezone)
        if let names = try c.decodeIfPresent([String].self, forKey: .weekend) {
            let days = names.compactMap { Weekend.names.firstIndex(of: $0).map { $0 + 1 } }
            guard days.count == names.count, let weekend = Weekend(weekdays: Set(days)) else {
                throw DecodingError.dataCorruptedError(forKey: .weekend, in: c, debugDescription: "expected one to six day names mon … sun, got \(names)")
            }
            self.weekend = weekend
        } else {
            weekend = .saturdaySunday
        }
        inputsSHA256 = try c.decodeIfPresent(String.self, forKey: .inputsSHA256)
        overrides = try c.decodeIfPresent([String].self, forKey: .overrides) ?? []
        queues = try c.decode([Queue].self, forKey: .queues)
        paidHours = try c.decode(Double.self, forKey: .paidHours)
        agentsUsed = try c.decode(Int.self, forKey: .agentsUsed)
        solver = try c.decode(Solver.self, forKey: .solver)
        rules = try c.decode([Rule].self, forKey: .rules)
    }
}
