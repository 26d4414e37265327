/// summary.json of a run (docs/outputs.md). Only the fields the report and `wfm compare` use are
/// read; others (`queues[].contacts`, summed from coverage.csv instead, and `timings`, the one part
/// that differs between identical runs) are ignored.
public struct RunSummary: Sendable, Hashable, Decodable {
    /// Weekly figures of one queue, recomputed from the roster.
    public struct Queue: Sendable, Hashable, Decodable {
        public var id: String
        /// Volume-weighted weekly share answered within the threshold, 0...1.
        public var serviceLevel: Double
        public var asaSeconds: Double
        /// Weekly occupancy, 0...1.
        public var occupancy: Double
        public var understaffedIntervals: Int?
        /// No roster can exceed this weekly share (null or absent: no valid bound).
        public var serviceBound: Double?

        enum CodingKeys: String, CodingKey {
            case id, occupancy
            case serviceLevel = "service_level", asaSeconds = "asa_seconds", understaffedIntervals = "understaffed_intervals"
            case serviceBound = "service_bound"
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
    public var inputsSHA256: String?
    /// `--set` overrides of the run, `key=value`.
    public var overrides: [String]
    public var queues: [Queue]
    public var paidHours: Double
    public var agentsUsed: Int
    public var solver: Solver
    public var rules: [Rule]

    enum CodingKeys: String, CodingKey {
        case scenario, timezone, overrides, queues, solver, rules
        case inputsSHA256 = "inputs_sha256", paidHours = "paid_hours", agentsUsed = "agents_used"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        scenario = try c.decode(String.self, forKey: .scenario)
        timezone = try c.decode(String.self, forKey: .timezone)
        inputsSHA256 = try c.decodeIfPresent(String.self, forKey: .inputsSHA256)
        overrides = try c.decodeIfPresent([String].self, forKey: .overrides) ?? []
        queues = try c.decode([Queue].self, forKey: .queues)
        paidHours = try c.decode(Double.self, forKey: .paidHours)
        agentsUsed = try c.decode(Int.self, forKey: .agentsUsed)
        solver = try c.decode(Solver.self, forKey: .solver)
        rules = try c.decode([Rule].self, forKey: .rules)
    }
}
