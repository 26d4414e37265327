/// Stable ids of every rule the scheduler knows. They appear in summary.json `rules`, in rule-checker
/// violations, in infeasibility explanations and in the names of MIP rows and penalty variables.
public enum RuleID: String, Sendable, Hashable, CaseIterable, Codable {
    // Hard rules (contracts, templates, availability).
    case oneShiftPerDay = "one-shift-per-day"
    case allowedTemplates = "allowed-templates"
    case shiftShape = "shift-shape"
    case breakPlacement = "break-placement"
    case unavailable = "unavailable"
    case weekMinutesMin = "week-minutes-min"
    case weekMinutesMax = "week-minutes-max"
    case minDaysOff = "min-days-off"
    case maxConsecutiveDays = "max-consecutive-days"
    case minRestBetweenShifts = "min-rest-between-shifts"
    case maxNightShifts = "max-night-shifts"
    case maxStartSpread = "max-start-spread"
    case minConsecutiveDays = "min-consecutive-days"
    case minConsecutiveDaysOff = "min-consecutive-days-off"
    case maxWeekends = "max-weekends"
    case maxTemplateShifts = "max-template-shifts"
    case forbiddenSuccession = "forbidden-succession"
    case horizonMinutesMin = "horizon-minutes-min"
    case horizonMinutesMax = "horizon-minutes-max"
    // Soft rules and objective terms.
    case unansweredContacts = "unanswered-contacts"
    case paidHours = "paid-hours"
    case preferOff = "prefer-off"
    case preferOn = "prefer-on"
    case fairNights = "fair-nights"
    case fairWeekends = "fair-weekends"
    case secondarySkill = "secondary-skill"
    case serviceTarget = "service-target"
    case publishedShiftChanged = "published-shift-changed"
    case coverUnder = "cover-under"
    case coverOver = "cover-over"
    case shiftOnRequest = "shift-on-request"
    case shiftOffRequest = "shift-off-request"

    public var isHard: Bool {
        switch self {
        case .oneShiftPerDay, .allowedTemplates, .shiftShape, .breakPlacement, .unavailable, .weekMinutesMin,
             .weekMinutesMax, .minDaysOff, .maxConsecutiveDays, .minRestBetweenShifts, .maxNightShifts, .maxStartSpread,
             .minConsecutiveDays, .minConsecutiveDaysOff, .maxWeekends, .maxTemplateShifts, .forbiddenSuccession,
             .horizonMinutesMin, .horizonMinutesMax:
            return true
        default:
            return false
        }
    }
}
