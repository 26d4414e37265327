/// Stable ids of every rule the scheduler knows. They appear in summary.json `rules`, in rule-checker
/// violations, in infeasibility explanations and as `penaltyGroup` of MIP penalty variables.
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

    public var isHard: Bool {
        switch self {
        case .oneShiftPerDay, .allowedTemplates, .shiftShape, .breakPlacement, .unavailable, .weekMinutesMin,
             .weekMinutesMax, .minDaysOff, .maxConsecutiveDays, .minRestBetweenShifts, .maxNightShifts, .maxStartSpread:
            return true
        default:
            return false
        }
    }
}
