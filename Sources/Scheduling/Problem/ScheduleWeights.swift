/// Objective weights of `balance` (and the parts `min-cost` / `max-service` use), in real units.
///
/// The objective's unit is "contacts": one contact not answered within its queue's threshold costs
/// `unansweredContact` (default 1). Every other weight is expressed as contacts it is worth.
public struct ScheduleWeights: Sendable, Hashable {
    /// Cost per expected contact not answered within the threshold (contacts per contact). Default 1.
    public var unansweredContact: Double
    /// Cost per paid hour (contacts per hour). Default 0.05: a tie-breaker towards fewer paid hours
    /// in `balance`; in `min-cost` the sole cost.
    public var paidHour: Double
    /// Cost per prefer-off window that a shift overlaps (contacts per violation). Default 3.
    public var preferOff: Double
    /// Cost per prefer-on window that no shift covers entirely (contacts per violation). Default 3.
    public var preferOn: Double
    /// Cost per night shift of the agent with the most night shifts (contacts per night). Default 1.
    public var fairNights: Double
    /// Cost per weekend day worked by the agent with the most weekend days (contacts per day). Default 1.
    public var fairWeekends: Double
    /// Cost per agent-interval of capacity given to a skill of level L, times (L − 1)
    /// (contacts per agent-interval). Default 0.02: primary skills first, others when they help.
    public var secondarySkill: Double
    /// `min-cost` only: cost per contact of weekly shortfall below a queue's target (contacts per contact).
    /// Default 1000, so the target acts as a hard requirement whenever it can be met.
    public var serviceShortfall: Double

    public init(unansweredContact: Double = 1, paidHour: Double = 0.05, preferOff: Double = 3, preferOn: Double = 3,
                fairNights: Double = 1, fairWeekends: Double = 1, secondarySkill: Double = 0.02,
                serviceShortfall: Double = 1000) {
        self.unansweredContact = unansweredContact
        self.paidHour = paidHour
        self.preferOff = preferOff
        self.preferOn = preferOn
        self.fairNights = fairNights
        self.fairWeekends = fairWeekends
        self.secondarySkill = secondarySkill
        self.serviceShortfall = serviceShortfall
    }
}
