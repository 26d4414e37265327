import WFMCore

// Plain rows of the files a run writes (SPEC.md "Files a run writes"). The runner maps each
// stage's results onto them; the exporters only format. Rows are written in the order given:
// the runner passes interval rows in grid order (queues in scenario order within an interval)
// and agent rows in agents.csv order, so output is deterministic.

/// forecast.csv: one interval of one queue.
public struct ForecastExportRow: Sendable, Hashable {
    public var interval: GridInterval
    public var queueID: String
    public var contacts: Double
    public var ahtSeconds: Double
    public init(interval: GridInterval, queueID: String, contacts: Double, ahtSeconds: Double) {
        self.interval = interval
        self.queueID = queueID
        self.contacts = contacts
        self.ahtSeconds = ahtSeconds
    }
}

/// requirements.csv: agents needed in one interval of one queue.
public struct RequirementRow: Sendable, Hashable {
    public var interval: GridInterval
    public var queueID: String
    public var contacts: Double
    public var ahtSeconds: Double
    /// Agents answering contacts needed to meet the queue's targets (may be fractional for email).
    public var requiredAgents: Double
    /// `requiredAgents / (1 − shrinkage)`: agents to schedule.
    public var requiredWithShrinkage: Double
    public init(interval: GridInterval, queueID: String, contacts: Double, ahtSeconds: Double,
                requiredAgents: Double, requiredWithShrinkage: Double) {
        self.interval = interval
        self.queueID = queueID
        self.contacts = contacts
        self.ahtSeconds = ahtSeconds
        self.requiredAgents = requiredAgents
        self.requiredWithShrinkage = requiredWithShrinkage
    }
}

/// shifts.csv: one shift of one agent (also the format of carry_in and published_roster).
public struct ShiftRow: Sendable, Hashable {
    public var agentID: String
    /// Local date the shift starts on.
    public var date: LocalDate
    public var shiftID: String
    /// Absolute start and end, seconds since 1970-01-01T00:00Z.
    public var start: Int
    public var end: Int
    public var paidMinutes: Int
    public init(agentID: String, date: LocalDate, shiftID: String, start: Int, end: Int, paidMinutes: Int) {
        self.agentID = agentID
        self.date = date
        self.shiftID = shiftID
        self.start = start
        self.end = end
        self.paidMinutes = paidMinutes
    }
}

/// breaks.csv: one break of one agent.
public struct BreakRow: Sendable, Hashable {
    public var agentID: String
    /// Absolute start and end, seconds since 1970-01-01T00:00Z.
    public var start: Int
    public var end: Int
    public var paid: Bool
    public init(agentID: String, start: Int, end: Int, paid: Bool) {
        self.agentID = agentID
        self.start = start
        self.end = end
        self.paid = paid
    }
}

/// coverage.csv: what the roster gives one queue in one interval, and the service predicted from it.
public struct CoverageRow: Sendable, Hashable {
    public var interval: GridInterval
    public var queueID: String
    public var contacts: Double
    public var ahtSeconds: Double
    public var requiredAgents: Double
    /// Agent capacity the roster gives the queue (on shift, minus breaks and shrinkage, split across skills).
    public var scheduledAgents: Double
    /// Fraction answered within the threshold, in [0, 1].
    public var serviceLevel: Double
    public var asaSeconds: Double
    /// Fraction of scheduled capacity busy with contacts, in [0, 1].
    public var occupancy: Double
    public init(interval: GridInterval, queueID: String, contacts: Double, ahtSeconds: Double, requiredAgents: Double,
                scheduledAgents: Double, serviceLevel: Double, asaSeconds: Double, occupancy: Double) {
        self.interval = interval
        self.queueID = queueID
        self.contacts = contacts
        self.ahtSeconds = ahtSeconds
        self.requiredAgents = requiredAgents
        self.scheduledAgents = scheduledAgents
        self.serviceLevel = serviceLevel
        self.asaSeconds = asaSeconds
        self.occupancy = occupancy
    }
}

/// agents.csv (output): one agent's week and burnout indicators.
public struct AgentRow: Sendable, Hashable {
    public var agentID: String
    public var contractID: String
    public var paidMinutes: Int
    public var daysWorked: Int
    public var maxConsecutiveDays: Int
    /// Shortest rest between two shifts in minutes (carry-in included); nil with fewer than two shifts.
    public var minRestMinutes: Int?
    public var nightShifts: Int
    public var startSpreadMinutes: Int
    public var prefsMet: Int
    public var prefsTotal: Int
    public init(agentID: String, contractID: String, paidMinutes: Int, daysWorked: Int, maxConsecutiveDays: Int,
                minRestMinutes: Int?, nightShifts: Int, startSpreadMinutes: Int, prefsMet: Int, prefsTotal: Int) {
        self.agentID = agentID
        self.contractID = contractID
        self.paidMinutes = paidMinutes
        self.daysWorked = daysWorked
        self.maxConsecutiveDays = maxConsecutiveDays
        self.minRestMinutes = minRestMinutes
        self.nightShifts = nightShifts
        self.startSpreadMinutes = startSpreadMinutes
        self.prefsMet = prefsMet
        self.prefsTotal = prefsTotal
    }
}
