import WFMCore

/// A break inside a shift template. Times are minutes after the shift's start.
public struct BreakRule: Sendable, Hashable {
    public var lengthMinutes: Int
    /// Paid breaks count towards paid minutes; unpaid ones do not.
    public var paid: Bool
    /// The break may start no earlier than this many minutes after the shift starts.
    public var earliestAfterMinutes: Int
    /// The break may start no later than this many minutes after the shift starts.
    public var latestAfterMinutes: Int

    public init(lengthMinutes: Int, paid: Bool, earliestAfterMinutes: Int, latestAfterMinutes: Int) {
        self.lengthMinutes = lengthMinutes
        self.paid = paid
        self.earliestAfterMinutes = earliestAfterMinutes
        self.latestAfterMinutes = latestAfterMinutes
    }
}

/// A family of shifts: every start in `startEarliest...startLatest` by `startStepMinutes`, every length.
/// A shift belongs to the local date it starts on and may run past midnight.
public struct ShiftTemplate: Sendable, Hashable {
    public var id: String
    /// Local minutes after midnight.
    public var startEarliestMinute: Int
    public var startLatestMinute: Int
    public var startStepMinutes: Int
    /// Shift lengths in minutes, breaks included.
    public var lengthsMinutes: [Int]
    public var breaks: [BreakRule]
    /// Templates that may not be worked on the day after a shift of this one (`forbidden-succession`,
    /// e.g. no early shift the morning after a late one). Carry-in shifts are not checked against it.
    public var cannotFollow: [String]

    public init(id: String, startEarliestMinute: Int, startLatestMinute: Int, startStepMinutes: Int,
                lengthsMinutes: [Int], breaks: [BreakRule], cannotFollow: [String] = []) {
        self.id = id
        self.startEarliestMinute = startEarliestMinute
        self.startLatestMinute = startLatestMinute
        self.startStepMinutes = startStepMinutes
        self.lengthsMinutes = lengthsMinutes
        self.breaks = breaks
        self.cannotFollow = cannotFollow
    }

    /// Paid minutes of a shift of `length`: the length minus unpaid breaks.
    public func paidMinutes(length: Int) -> Int {
        length - breaks.filter { !$0.paid }.reduce(0) { $0 + $1.lengthMinutes }
    }
}

/// Hard labour and burnout rules of a contract (SPEC.md `contracts`).
///
/// *Weekly* rules (week minutes, days off, night shifts, start spread) hold in every week of the
/// horizon: consecutive blocks of 7 days from its first day (a last, shorter block holds them too).
/// *Horizon* rules (horizon minutes, per-template maxima, weekends) count the whole horizon.
/// Sequence rules (consecutive working days and days off) run across weeks; the minimum-run rules
/// exempt runs that touch the first or last day of the horizon (they continue outside it).
/// Defaults of the rules added for long horizons mean "no rule", so a week's contract is unchanged.
public struct Contract: Sendable, Hashable {
    public var id: String
    /// Paid minutes in each week (shift length minus unpaid breaks), inclusive bounds.
    public var weekMinutesMin: Int
    public var weekMinutesMax: Int
    public var daysOffMin: Int
    public var maxConsecutiveDays: Int
    /// Minutes between the end of one shift and the start of the next.
    public var minRestMinutes: Int
    /// A night shift overlaps 00:00–06:00 local time.
    public var maxNightShifts: Int
    /// Latest minus earliest shift start (minutes after midnight) within the week.
    public var maxStartSpreadMinutes: Int
    /// Template ids this contract may work.
    public var templateIDs: [String]
    /// `min-consecutive-days`: every run of working days is at least this long (1 = no rule), unless it
    /// touches the horizon's first or last day.
    public var minConsecutiveDays: Int
    /// `min-consecutive-days-off`: every run of days off is at least this long (1 = no rule), unless it
    /// touches the horizon's first or last day.
    public var minConsecutiveDaysOff: Int
    /// `max-weekends`: weekends (a run of consecutive days of `RosterProblem.weekend`, e.g. a Saturday and
    /// the Sunday after it) with at least one shift starting on them, over the horizon; nil = no rule.
    public var maxWeekends: Int?
    /// `max-template-shifts`: at most this many shifts of a template over the horizon (0 forbids it);
    /// templates not listed are unlimited.
    public var maxShiftsPerTemplate: [String: Int]
    /// `horizon-minutes-min` / `horizon-minutes-max`: paid minutes over the whole horizon, inclusive
    /// bounds (defaults 0 and nil = no rule).
    public var horizonMinutesMin: Int
    public var horizonMinutesMax: Int?

    public init(id: String, weekMinutesMin: Int, weekMinutesMax: Int, daysOffMin: Int, maxConsecutiveDays: Int,
                minRestMinutes: Int, maxNightShifts: Int, maxStartSpreadMinutes: Int, templateIDs: [String],
                minConsecutiveDays: Int = 1, minConsecutiveDaysOff: Int = 1, maxWeekends: Int? = nil,
                maxShiftsPerTemplate: [String: Int] = [:], horizonMinutesMin: Int = 0, horizonMinutesMax: Int? = nil) {
        self.id = id
        self.weekMinutesMin = weekMinutesMin
        self.weekMinutesMax = weekMinutesMax
        self.daysOffMin = daysOffMin
        self.maxConsecutiveDays = maxConsecutiveDays
        self.minRestMinutes = minRestMinutes
        self.maxNightShifts = maxNightShifts
        self.maxStartSpreadMinutes = maxStartSpreadMinutes
        self.templateIDs = templateIDs
        self.minConsecutiveDays = minConsecutiveDays
        self.minConsecutiveDaysOff = minConsecutiveDaysOff
        self.maxWeekends = maxWeekends
        self.maxShiftsPerTemplate = maxShiftsPerTemplate
        self.horizonMinutesMin = horizonMinutesMin
        self.horizonMinutesMax = horizonMinutesMax
    }

    /// `week-minutes-min` of the week block `block` (horizon days; 7-day blocks from the horizon's
    /// first day): the weekly minimum, pro-rated in a short last block after full weeks (the 3 days
    /// after four weeks of a 31-day month), `proRated`. The weekly maximum is never pro-rated: it caps
    /// a calendar week that the next horizon completes (docs/scenario.md "Horizons that are not whole
    /// weeks").
    public func weekMinutesMin(in block: Range<Int>) -> Int { Self.proRated(weekMinutesMin, in: block) }

    /// `min-days-off` of the week block `block`: the weekly minimum, pro-rated in a short last block
    /// after full weeks (`proRated`; 3 days of a 2-days-off week: none).
    public func daysOffMin(in block: Range<Int>) -> Int { Self.proRated(daysOffMin, in: block) }

    /// A weekly minimum's share of the week block `block` (horizon days): ⌊minimum · L / 7⌋ in a last
    /// block of L < 7 days that follows full weeks, rounded down so that it is reachable whenever a
    /// full week is; the whole minimum in a full block and in a horizon of 7 days or fewer (one
    /// week: the contract's week, as planned before horizons grew).
    public static func proRated(_ minimum: Int, in block: Range<Int>) -> Int {
        block.count >= 7 || block.lowerBound == 0 ? minimum : minimum * block.count / 7
    }
}

/// A staffing target for one shift template on one date, met by head count rather than by Erlang
/// service: `cover-under` costs `underWeight` per missing agent, `cover-over` `overWeight` per agent
/// beyond `required` (both in the objective's unit, contacts per agent). For back-office teams,
/// fixed-post work, or any plan that is given as "n agents on the early shift".
public struct ShiftCover: Sendable, Hashable {
    public var date: LocalDate
    public var templateID: String
    public var required: Int
    public var underWeight: Double
    public var overWeight: Double
    public init(date: LocalDate, templateID: String, required: Int, underWeight: Double, overWeight: Double) {
        self.date = date
        self.templateID = templateID
        self.required = required
        self.underWeight = underWeight
        self.overWeight = overWeight
    }
}

/// An agent's weighted request for (`on`) or against (`off`) working on a date, optionally a named
/// template: `shift-on-request` costs `weight` when the agent works no such shift that day,
/// `shift-off-request` costs `weight` when it does (contacts per request).
public struct ShiftRequest: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case on, off }
    public var agentID: String
    public var date: LocalDate
    /// nil: any shift.
    public var templateID: String?
    public var kind: Kind
    public var weight: Double
    public init(agentID: String, date: LocalDate, templateID: String?, kind: Kind, weight: Double) {
        self.agentID = agentID
        self.date = date
        self.templateID = templateID
        self.kind = kind
        self.weight = weight
    }
}

/// A queue skill with its level: 1 primary, 2 secondary, 3 backup. The roster prefers primary skills.
public struct Skill: Sendable, Hashable {
    public var queueID: String
    public var level: Int
    public init(queueID: String, level: Int = 1) {
        self.queueID = queueID
        self.level = level
    }
}

public struct Agent: Sendable, Hashable {
    public var id: String
    public var name: String
    public var contractID: String
    public var skills: [Skill]
    public init(id: String, name: String, contractID: String, skills: [Skill]) {
        self.id = id
        self.name = name
        self.contractID = contractID
        self.skills = skills
    }
}

/// A window on one local date (minutes after midnight, end exclusive; end may be 1440).
public struct AvailabilityWindow: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case unavailable, preferOff = "prefer-off", preferOn = "prefer-on" }
    public var agentID: String
    public var date: LocalDate
    public var startMinute: Int
    public var endMinute: Int
    public var kind: Kind
    public init(agentID: String, date: LocalDate, startMinute: Int, endMinute: Int, kind: Kind) {
        self.agentID = agentID
        self.date = date
        self.startMinute = startMinute
        self.endMinute = endMinute
        self.kind = kind
    }
}

/// A shift worked before the horizon (last week's shifts.csv), for rest and consecutive-day rules.
public struct CarryInShift: Sendable, Hashable {
    public var agentID: String
    public var date: LocalDate
    /// Absolute start and end, seconds since 1970-01-01T00:00Z.
    public var start: Int
    public var end: Int
    public init(agentID: String, date: LocalDate, start: Int, end: Int) {
        self.agentID = agentID
        self.date = date
        self.start = start
        self.end = end
    }
}

public enum ObjectiveMode: String, Sendable, Hashable, CaseIterable {
    case balance
    case minCost = "min-cost"
    case maxService = "max-service"
}

/// Everything the scheduler needs for one plan horizon (SPEC.md scenario, already read and forecast).
public struct RosterProblem: Sendable {
    public var grid: TimeGrid
    public var queues: [QueueDemand]
    public var templates: [ShiftTemplate]
    public var contracts: [Contract]
    public var agents: [Agent]
    public var availability: [AvailabilityWindow]
    public var carryIn: [CarryInShift]
    /// Fraction of paid on-shift time not available for contacts, in [0, 1).
    public var shrinkage: Double
    public var objective: ObjectiveMode
    public var weights: ScheduleWeights
    public var search: SearchSettings
    /// The roster already given to the agents, when re-planning against it (nil: plan from scratch).
    public var published: PublishedPlan?
    /// Head-count targets per date and template (soft, priced in every objective mode).
    public var shiftCover: [ShiftCover]
    /// Agents' weighted shift requests (soft, priced in every objective mode).
    public var requests: [ShiftRequest]
    /// The centre's weekend days: what `max-weekends` and `fair-weekends` count.
    public var weekend: Weekend = .saturdaySunday

    public init(grid: TimeGrid, queues: [QueueDemand], templates: [ShiftTemplate], contracts: [Contract],
                agents: [Agent], availability: [AvailabilityWindow] = [], carryIn: [CarryInShift] = [],
                shrinkage: Double = 0, objective: ObjectiveMode = .balance, weights: ScheduleWeights = ScheduleWeights(),
                search: SearchSettings = SearchSettings(), published: PublishedPlan? = nil,
                shiftCover: [ShiftCover] = [], requests: [ShiftRequest] = []) {
        self.grid = grid
        self.queues = queues
        self.templates = templates
        self.contracts = contracts
        self.agents = agents
        self.availability = availability
        self.carryIn = carryIn
        self.shrinkage = shrinkage
        self.objective = objective
        self.weights = weights
        self.search = search
        self.published = published
        self.shiftCover = shiftCover
        self.requests = requests
    }

    public func contract(of agent: Agent) -> Contract? { contracts.first { $0.id == agent.contractID } }
    public func template(id: String) -> ShiftTemplate? { templates.first { $0.id == id } }
}
