/// summary.json (SPEC.md): what a run produced, and what produced it.
public struct RunSummary: Sendable, Hashable {
    /// Weekly KPIs of one queue, volume-weighted over the horizon.
    public struct QueueKPI: Sendable, Hashable {
        public var queueID: String
        public var serviceLevel: Double
        public var asaSeconds: Double
        public var occupancy: Double
        public init(queueID: String, serviceLevel: Double, asaSeconds: Double, occupancy: Double) {
            self.queueID = queueID
            self.serviceLevel = serviceLevel
            self.asaSeconds = asaSeconds
            self.occupancy = occupancy
        }
    }

    /// The roster solve: status (`optimal`, `feasible`, `infeasible`, `time-limit`, …) and its numbers;
    /// objective, bound and gap are nil when the solver did not report them.
    public struct Solver: Sendable, Hashable {
        public var status: String
        public var objective: Double?
        public var bound: Double?
        public var gap: Double?
        public var seconds: Double
        public init(status: String, objective: Double?, bound: Double?, gap: Double?, seconds: Double) {
            self.status = status
            self.objective = objective
            self.bound = bound
            self.gap = gap
            self.seconds = seconds
        }
    }

    /// One named rule of the roster (`min-rest-between-shifts`), hard or soft, and what it cost.
    public struct Rule: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable { case hard, soft }
        public var id: String
        public var kind: Kind
        public var violations: Int
        /// Penalty paid in the objective's units (0 for a hard rule that holds).
        public var penalty: Double
        public init(id: String, kind: Kind, violations: Int, penalty: Double) {
            self.id = id
            self.kind = kind
            self.violations = violations
            self.penalty = penalty
        }
    }

    public var scenario: String
    public var timezone: String
    public var inputsSHA256: String
    public var overrides: [AppliedOverride]
    public var queues: [QueueKPI]
    public var paidHours: Double
    /// Agents with at least one shift.
    public var agentsUsed: Int
    /// Intervals of any queue whose scheduled capacity is below its requirement.
    public var understaffedIntervals: Int
    public var solver: Solver
    public var rules: [Rule]

    public init(scenario: String, timezone: String, inputsSHA256: String, overrides: [AppliedOverride], queues: [QueueKPI],
                paidHours: Double, agentsUsed: Int, understaffedIntervals: Int, solver: Solver, rules: [Rule]) {
        self.scenario = scenario
        self.timezone = timezone
        self.inputsSHA256 = inputsSHA256
        self.overrides = overrides
        self.queues = queues
        self.paidHours = paidHours
        self.agentsUsed = agentsUsed
        self.understaffedIntervals = understaffedIntervals
        self.solver = solver
        self.rules = rules
    }
}
