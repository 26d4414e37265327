/// What a solver learned about a model. Infeasibility is a result, not an error.
public enum SolveStatus: String, Sendable, Hashable {
    /// Proven optimal within the requested relative gap.
    case optimal
    /// An integer-feasible solution was found, but the search stopped (time limit) with a gap.
    case feasible
    /// Proven to have no feasible solution.
    case infeasible
    /// The objective is unbounded.
    case unbounded
    /// The search stopped before any feasible solution was found.
    case noSolution = "no-solution"
}

/// How the solver's call ended, apart from what it learned about the model (`SolveStatus`):
/// `.noSolution` after `.timeLimit` means "no incumbent in time", after `.failed` "the call broke".
public enum Termination: Sendable, Hashable {
    /// The solver ran to its end (optimality, infeasibility, the requested gap): the status is final.
    case completed
    /// Stopped by the time limit.
    case timeLimit
    /// Stopped by a work limit (`SolveOptions.maxNodes`, an iteration limit).
    case workLimit
    /// The call failed (the solver's own error, e.g. a singular basis); the text names it.
    case failed(String)
}

/// The answer to one solve.
public struct Solution: Sendable {
    public var status: SolveStatus
    public var termination: Termination
    /// Variable values (empty when there is no solution).
    public var values: [Double]
    /// Objective of `values`, offset included (NaN without a solution).
    public var objective: Double
    /// Best proven bound on the optimum (lower bound when minimising), offset included.
    public var bound: Double
    public var seconds: Double
    /// Of an optimal LP relaxation (`SolveOptions.relaxation`): one dual value per row, in row order,
    /// such that a variable's reduced cost is its cost − Σ_rows coefficient × dual (for a minimisation,
    /// a variable not in the model prices out when that is negative). Empty otherwise, and for solvers
    /// without duals.
    public var rowDuals: [Double]

    public init(status: SolveStatus, values: [Double], objective: Double, bound: Double, seconds: Double, rowDuals: [Double] = [],
                termination: Termination = .completed) {
        self.status = status
        self.termination = termination
        self.values = values
        self.objective = objective
        self.bound = bound
        self.seconds = seconds
        self.rowDuals = rowDuals
    }

    public var hasSolution: Bool { status == .optimal || status == .feasible }

    /// Relative gap |objective − bound| / max(1, |objective|), the convention GLPK and HiGHS use.
    public var gap: Double {
        guard hasSolution, bound.isFinite else { return .infinity }
        return abs(objective - bound) / max(1, abs(objective))
    }

    public func value(_ v: Model.Var) -> Double { values[v.index] }
}

/// A snapshot of a running search, for progress reports.
public struct SolveProgress: Sendable {
    public var incumbent: Double?
    public var bound: Double?
    public var elapsedSeconds: Double
    public init(incumbent: Double?, bound: Double?, elapsedSeconds: Double) {
        self.incumbent = incumbent
        self.bound = bound
        self.elapsedSeconds = elapsedSeconds
    }
    public var gap: Double? {
        guard let incumbent, let bound else { return nil }
        return abs(incumbent - bound) / max(1, abs(incumbent))
    }
}

/// How to solve.
public struct SolveOptions: Sendable {
    public var timeLimitSeconds: Double
    /// Stop when |incumbent − bound| / max(1, |incumbent|) ≤ relativeGap.
    public var relativeGap: Double
    /// A feasible assignment to start from (one value per variable); injected as the first incumbent.
    public var start: [Double]?
    /// Called from the solving thread with the current incumbent and bound.
    public var progress: (@Sendable (SolveProgress) -> Void)?
    /// Solve only the LP relaxation (integrality ignored); status is optimal/infeasible/unbounded.
    public var relaxation: Bool
    /// A work limit that does not depend on the machine: stop the branch and bound after this many
    /// subproblems were selected (nil: none). A solve it stops is repeatable, unlike one the time
    /// limit stops; keep the time limit as a safety cap. Solvers without a tree ignore it.
    public var maxNodes: Int?

    public init(timeLimitSeconds: Double = 60, relativeGap: Double = 1e-4, start: [Double]? = nil,
                progress: (@Sendable (SolveProgress) -> Void)? = nil, relaxation: Bool = false, maxNodes: Int? = nil) {
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeGap = relativeGap
        self.start = start
        self.progress = progress
        self.relaxation = relaxation
        self.maxNodes = maxNodes
    }
}

/// Anything that can solve a `Model`: GLPK in production, brute force in tests.
public protocol MIPSolver: Sendable {
    /// Throws only when the call itself fails (an invalid model); solver outcomes are in the status.
    func solve(_ model: Model, options: SolveOptions) throws -> Solution
}
