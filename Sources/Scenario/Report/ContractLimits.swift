import Scheduling

/// The burnout limits of one contract (SPEC.md scenario `contracts`), which the report uses to flag
/// agents whose week comes close to a limit. A run folder does not hold them: the runner passes them
/// from the scenario. Nil means the contract sets no such limit.
public struct ContractLimits: Sendable, Hashable {
    public var maxConsecutiveDays: Int?
    public var maxNightShifts: Int?
    /// Minimum rest between the end of one shift and the start of the next, minutes.
    public var minRestMinutes: Int?
    /// Maximum of latest minus earliest shift start within the week, minutes.
    public var maxStartSpreadMinutes: Int?

    public init(maxConsecutiveDays: Int? = nil, maxNightShifts: Int? = nil, minRestMinutes: Int? = nil,
                maxStartSpreadMinutes: Int? = nil) {
        self.maxConsecutiveDays = maxConsecutiveDays
        self.maxNightShifts = maxNightShifts
        self.minRestMinutes = minRestMinutes
        self.maxStartSpreadMinutes = maxStartSpreadMinutes
    }

    /// The burnout limits a scenario contract sets.
    public init(_ contract: Contract) {
        self.init(maxConsecutiveDays: contract.maxConsecutiveDays, maxNightShifts: contract.maxNightShifts,
                  minRestMinutes: contract.minRestMinutes, maxStartSpreadMinutes: contract.maxStartSpreadMinutes)
    }
}

/// How a value stands against a limit.
///
/// `near`: on the allowed side but within 10 % of the limit, the limit itself included
/// (for a maximum M: value ≥ 0.9·M; for a minimum m: value ≤ 1.1·m). `over`: beyond the limit.
public enum LimitStatus: String, Sendable, Hashable {
    case ok, near, over

    /// Status of `value` against an upper limit.
    public static func against(maximum: Int?, _ value: Int) -> LimitStatus {
        guard let maximum else { return .ok }
        if value > maximum { return .over }
        return Double(value) >= 0.9 * Double(maximum) ? .near : .ok
    }

    /// Status of `value` against a lower limit; no value (fewer than two shifts) is ok.
    public static func against(minimum: Int?, _ value: Int?) -> LimitStatus {
        guard let minimum, let value else { return .ok }
        if value < minimum { return .over }
        return Double(value) <= 1.1 * Double(minimum) ? .near : .ok
    }
}
