import CurtoisFormat

/// The outcome of one benchmark instance (one row of results.csv).
public struct CurtoisResult: Sendable {
    /// What became of the run. Only `optimal` and `feasible` rosters passed the independent check
    /// with the scheduler's own objective equal to the benchmark's.
    public enum Status: String, Sendable, Hashable {
        /// Valid roster; the scheduler proved it within its relative gap of its bound.
        case optimal
        /// Valid roster with a gap.
        case feasible
        /// The scheduler returned a roster that `CurtoisChecker` rejects (see `violations`).
        case invalid
        /// Valid roster whose benchmark objective differs from the scheduler's (the mapping is wrong).
        case objectiveMismatch = "objective-mismatch"
        /// The scheduler proved the hard rules collide (see `violations` for its conflicts).
        case infeasible
        /// No roster within the time limit.
        case noSolution = "no-solution"
        /// The scheduler rejected the mapped problem as invalid input (see `violations`).
        case rejected
    }

    public var instance: String
    public var status: Status
    /// The benchmark objective from `CurtoisChecker.objective`; nil unless the roster passed the check.
    public var objective: Int?
    /// The scheduler's objective of its roster (contacts), when it returned one.
    public var schedulerObjective: Double?
    /// The scheduler's lower bound on its objective, when it returned a roster.
    public var bound: Double?
    public var bestKnown: Int?
    /// Wall-clock seconds from the mapped problem to the checked solution.
    public var seconds: Double
    /// What went wrong (broken hard rules, conflicts, input diagnostics, no roster in time, the
    /// objective mismatch), one line each; empty for `optimal` and `feasible`.
    public var violations: [String]
    /// The checked solution; nil unless the roster passed the check.
    public var solution: CurtoisSolution?

    public init(instance: String, status: Status, objective: Int?, schedulerObjective: Double?, bound: Double?,
                bestKnown: Int?, seconds: Double, violations: [String], solution: CurtoisSolution?) {
        self.instance = instance
        self.status = status
        self.objective = objective
        self.schedulerObjective = schedulerObjective
        self.bound = bound
        self.bestKnown = bestKnown
        self.seconds = seconds
        self.violations = violations
        self.solution = solution
    }

    /// (objective − best known) / best known × 100, when both are known and best known > 0.
    public var gapPercent: Double? {
        guard let objective, let bestKnown, bestKnown > 0 else { return nil }
        return Double(objective - bestKnown) / Double(bestKnown) * 100
    }
}
