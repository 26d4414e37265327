import WFMCore

/// A break as placed in a roster. Absolute seconds since 1970-01-01T00:00Z, end exclusive.
public struct RosterBreak: Sendable, Hashable, Codable {
    public var start: Int
    public var end: Int
    public var paid: Bool
    public init(start: Int, end: Int, paid: Bool) {
        self.start = start
        self.end = end
        self.paid = paid
    }
}

/// One worked shift (shifts.csv row) with its breaks (breaks.csv rows).
public struct RosterShift: Sendable, Hashable, Codable {
    public var agentID: String
    /// Local date the shift starts on (the day it belongs to).
    public var date: LocalDate
    public var templateID: String
    /// Absolute seconds since 1970-01-01T00:00Z, end exclusive.
    public var start: Int
    public var end: Int
    /// Length minus unpaid breaks, minutes.
    public var paidMinutes: Int
    public var breaks: [RosterBreak]
    public init(agentID: String, date: LocalDate, templateID: String, start: Int, end: Int, paidMinutes: Int, breaks: [RosterBreak]) {
        self.agentID = agentID
        self.date = date
        self.templateID = templateID
        self.start = start
        self.end = end
        self.paidMinutes = paidMinutes
        self.breaks = breaks
    }
}

/// The weekly roster: every shift of every agent, ordered by agent (problem order) then start.
public struct Roster: Sendable, Hashable, Codable {
    public var shifts: [RosterShift]
    public init(shifts: [RosterShift]) { self.shifts = shifts }

    public func shifts(of agentID: String) -> [RosterShift] { shifts.filter { $0.agentID == agentID } }

    public var paidMinutes: Int { shifts.reduce(0) { $0 + $1.paidMinutes } }
}
