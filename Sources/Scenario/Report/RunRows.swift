import WFMCore

/// One row of coverage.csv: what the roster gives a queue in one interval (SPEC.md).
public struct CoverageRow: Sendable, Hashable {
    public var intervalStart: RunTimestamp
    public var queue: String
    /// Forecast contacts arriving in the interval.
    public var contacts: Double
    public var ahtSeconds: Double
    /// Agents needed on the phones (before shrinkage) to meet the queue's targets.
    public var requiredAgents: Double
    /// Agent capacity the roster gives the queue (after breaks and shrinkage, split across skills).
    public var scheduledAgents: Double
    /// Predicted share answered within the threshold, 0...1; nil when the file leaves it empty.
    public var serviceLevel: Double?
    /// Predicted average speed of answer in seconds; nil when empty.
    public var asaSeconds: Double?
    /// Predicted occupancy, 0...1; nil when empty.
    public var occupancy: Double?
    /// Share answered within threshold in the discrete-event simulation (pooled over replications);
    /// nil when the run did not simulate or no contact arrived.
    public var simulatedServiceLevel: Double? = nil

    /// Whether the roster gives less than the requirement (scheduled < required).
    public var isUnderstaffed: Bool { scheduledAgents < requiredAgents }
}

/// One row of requirements.csv.
public struct RequirementRow: Sendable, Hashable {
    public var intervalStart: RunTimestamp
    public var queue: String
    public var contacts: Double
    public var ahtSeconds: Double
    public var requiredAgents: Double
    /// Paid agents needed: required agents grossed up for shrinkage.
    public var requiredWithShrinkage: Double
}

/// One row of shifts.csv: one worked shift.
public struct ShiftRow: Sendable, Hashable {
    public var agentID: String
    /// The local date the shift belongs to (its start date).
    public var date: LocalDate
    public var shiftID: String
    public var start: RunTimestamp
    public var end: RunTimestamp
    public var paidMinutes: Int

    /// Whether the shift overlaps 00:00–06:00 local time (SPEC.md's night shift): it starts before
    /// 06:00, or it runs past midnight (ending at exactly 00:00 does not count).
    public var isNight: Bool {
        let endsAfterMidnight = end.date.dayNumber - start.date.dayNumber > 1
            || (end.date > start.date && end.minuteOfDay > 0)
        return start.minuteOfDay < 360 || endsAfterMidnight
    }
}

/// One row of breaks.csv.
public struct BreakRow: Sendable, Hashable {
    public var agentID: String
    public var start: RunTimestamp
    public var end: RunTimestamp
    public var paid: Bool
}

/// One row of agents.csv: an agent's burnout indicators; weekly rules' indicators in the agent's worst
/// week, the others over the horizon (docs/outputs.md).
public struct AgentRow: Sendable, Hashable {
    public var agentID: String
    public var contract: String
    public var paidMinutes: Int
    public var daysWorked: Int
    public var maxConsecutiveDays: Int
    /// Shortest rest between two shifts in minutes; nil when the agent has fewer than two shifts.
    public var minRestMinutes: Int?
    /// Night shifts (overlapping 00:00–06:00 local) in the agent's worst weekly block (`HorizonWeeks`):
    /// `max_night_shifts` is a weekly rule.
    public var nightShifts: Int
    /// Latest minus earliest local shift start within a weekly block, minutes, in the agent's worst
    /// block: `max_start_spread_minutes` is a weekly rule.
    public var startSpreadMinutes: Int
    public var prefsMet: Int
    public var prefsTotal: Int
}
