import WFMCore

/// One hard rule that had to move for the rules to hold together: the rule, the agent, the days,
/// and by how much (minutes, days or shifts, per the rule).
public struct RuleConflict: Sendable, Hashable, CustomStringConvertible {
    public var rule: RuleID
    public var agentID: String
    public var dates: [LocalDate]
    public var amount: Double
    public var detail: String
    public init(rule: RuleID, agentID: String, dates: [LocalDate], amount: Double, detail: String) {
        self.rule = rule
        self.agentID = agentID
        self.dates = dates
        self.amount = amount
        self.detail = detail
    }
    public var description: String {
        "\(rule.rawValue) for \(agentID)\(dates.isEmpty ? "" : " on " + dates.map(\.description).joined(separator: ",")): \(detail)"
    }
}
