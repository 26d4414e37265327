import WFMCore

/// summary.json as a run writes it (SPEC.md, shape in docs/outputs.md): what a run produced, and
/// what produced it. `RunSummary` (Report/RunSummary.swift) is the reading side, used by the report
/// and `wfm compare`; it skips what they do not need (per-queue contacts, timings).
public struct RunSummaryOutput: Sendable, Hashable {
    /// Weekly KPIs of one queue over the horizon, recomputed from the roster (coverage.csv).
    public struct QueueKPI: Sendable, Hashable {
        public var queueID: String
        /// Forecast contacts of the horizon, as they arrive.
        public var contacts: Double
        /// Volume-weighted share of contacts answered within the queue's threshold (deferred work: within
        /// the response time, of the contacts due in the horizon), in [0, 1].
        public var serviceLevel: Double
        /// Volume-weighted average speed of answer over every contact, seconds; nil for deferred work
        /// and when the queue is unstable in some interval (`unstableIntervals`).
        public var asaSeconds: Double?
        /// Offered load / capacity over the week, in [0, 1]; nil for deferred work.
        public var occupancy: Double?
        /// Intervals where scheduled_agents < required_agents.
        public var understaffedIntervals: Int
        /// Intervals with contacts where the queue is unstable (ASA unbounded), and their contacts.
        public var unstableIntervals = 0
        public var unstableContacts = 0.0
        /// Deferred work only: response time and backlog figures (`ServiceFigures.Deferred`).
        public var deferred: ServiceFigures.Deferred?
        /// The queue's week in the discrete-event simulation; nil when the run did not simulate.
        public var simulated: SimulatedKPI?
        /// Upper bound on `serviceLevel` that no roster of these agents under these rules can exceed
        /// (`Scheduling.ServiceBound`, this queue alone), in [0, 1]; nil when none is valid (and for
        /// deferred work, whose reported figure is the FIFO response model the bound does not cover).
        public var serviceBound: Double?
        public init(queueID: String, contacts: Double, serviceLevel: Double, asaSeconds: Double?, occupancy: Double?,
                    understaffedIntervals: Int, simulated: SimulatedKPI? = nil, serviceBound: Double? = nil) {
            self.serviceBound = serviceBound
            self.queueID = queueID
            self.contacts = contacts
            self.serviceLevel = serviceLevel
            self.asaSeconds = asaSeconds
            self.occupancy = occupancy
            self.understaffedIntervals = understaffedIntervals
            self.simulated = simulated
        }

        /// The weekly figures of `ServiceFigures` with the run's understaffed-interval count and, when
        /// the run simulated, the simulation's week.
        public init(_ q: ServiceFigures.Queue, understaffedIntervals: Int, simulated: SimulatedKPI? = nil, serviceBound: Double? = nil) {
            self.init(queueID: q.queueID, contacts: q.contacts, serviceLevel: q.serviceLevel, asaSeconds: q.asaSeconds,
                      occupancy: q.occupancy, understaffedIntervals: understaffedIntervals, simulated: simulated,
                      serviceBound: serviceBound)
            unstableIntervals = q.unstableIntervals
            unstableContacts = q.unstableContacts
            deferred = q.deferred
        }
    }

    /// One queue's week in the discrete-event simulation (docs/simulation.md), means over replications.
    public struct SimulatedKPI: Sendable, Hashable {
        /// Share of decided contacts answered within threshold (abandoned = not answered), in [0, 1].
        public var serviceLevel: Double
        /// Half-width of the service level's 95 % confidence interval.
        public var ci95: Double
        /// Mean wait of answered contacts, seconds.
        public var asaSeconds: Double
        public var abandonRate: Double
        public var occupancy: Double
        public init(serviceLevel: Double, ci95: Double, asaSeconds: Double, abandonRate: Double, occupancy: Double) {
            self.serviceLevel = serviceLevel
            self.ci95 = ci95
            self.asaSeconds = asaSeconds
            self.abandonRate = abandonRate
            self.occupancy = occupancy
        }
    }

    /// Wall-clock seconds per stage: the only part that differs between runs of the same inputs and seed.
    public struct Timings: Sendable, Hashable {
        public var forecastSeconds: Double
        public var staffingSeconds: Double
        public var rosterSeconds: Double
        public init(forecastSeconds: Double, staffingSeconds: Double, rosterSeconds: Double) {
            self.forecastSeconds = forecastSeconds
            self.staffingSeconds = staffingSeconds
            self.rosterSeconds = rosterSeconds
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
        /// Upper bound on the share of all contacts answered within threshold that any roster of
        /// these agents under these rules can reach (`Scheduling.ServiceBound`), in [0, 1]; nil when none is valid.
        public var serviceBound: Double?
        public init(status: String, objective: Double?, bound: Double?, gap: Double?, seconds: Double, serviceBound: Double? = nil) {
            self.serviceBound = serviceBound
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
    /// The centre's weekend (scenario `weekend`), written as day names.
    public var weekend: Weekend = .saturdaySunday
    public var inputsSHA256: String
    public var overrides: [AppliedOverride]
    public var queues: [QueueKPI]
    public var paidHours: Double
    /// Agents with at least one shift.
    public var agentsUsed: Int
    public var solver: Solver
    public var rules: [Rule]
    public var timings: Timings

    public init(scenario: String, timezone: String, inputsSHA256: String, overrides: [AppliedOverride], queues: [QueueKPI],
                paidHours: Double, agentsUsed: Int, solver: Solver, rules: [Rule], timings: Timings) {
        self.scenario = scenario
        self.timezone = timezone
        self.inputsSHA256 = inputsSHA256
        self.overrides = overrides
        self.queues = queues
        self.paidHours = paidHours
        self.agentsUsed = agentsUsed
        self.solver = solver
        self.rules = rules
        self.timings = timings
    }
}
