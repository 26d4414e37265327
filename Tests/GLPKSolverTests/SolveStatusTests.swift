import Foundation
import MIP
import Testing
@testable import GLPKSolver

/// A small random pure-integer model (bounded variables, ≤ rows with positive coefficients),
/// deterministic for a seed, small enough for `BruteForceSolver`.
private func randomModel(seed: UInt64, variables: Int = 6, rows: Int = 4) -> Model {
    var state = seed
    func next() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 33) / Double(1 << 31)
    }
    var m = Model(sense: seed % 2 == 0 ? .maximize : .minimize)
    let x = (0..<variables).map { m.addVariable("x\($0)", lower: 0, upper: 2, cost: (next() * 20 - 5).rounded(), integer: true) }
    for r in 0..<rows {
        let terms = x.map { Model.Term($0, (next() * 6).rounded()) }
        m.addRow("r\(r)", terms, lower: seed % 2 == 0 ? -.infinity : 3, upper: seed % 2 == 0 ? 12 : .infinity)
    }
    return m
}

@Test(arguments: 1...12)
func glpkMatchesBruteForceOnRandomIntegerModels(seed: Int) throws {
    let model = randomModel(seed: UInt64(seed))
    let glpk = try GLPKSolver().solve(model, options: SolveOptions(timeLimitSeconds: 10, relativeGap: 0))
    let brute = try BruteForceSolver().solve(model, options: SolveOptions())
    #expect(glpk.status == brute.status)
    if brute.hasSolution {
        #expect(abs(glpk.objective - brute.objective) < 1e-6)
        #expect(model.maxViolation(of: glpk.values) < 1e-6)
        #expect(glpk.bound == glpk.objective)
    }
    #expect(glpk.termination == .completed)
}

@Test func infeasibleModelIsAStatusNotAnError() throws {
    var m = Model()
    let x = m.addBinary("x")
    let y = m.addBinary("y")
    m.addRow("both", [Model.Term(x, 1), Model.Term(y, 1)], lower: 3)
    #expect(try GLPKSolver().solve(m, options: SolveOptions()).status == .infeasible)
    var integerOnly = Model()
    let z = integerOnly.addVariable("z", lower: 0, upper: 10, integer: true)
    integerOnly.addRow("odd", [Model.Term(z, 2)], lower: 3, upper: 3)   // LP feasible (z = 1.5), no integer point
    #expect(try GLPKSolver().solve(integerOnly, options: SolveOptions()).status == .infeasible)
}

/// A set-partitioning-like model GLPK cannot close quickly: many symmetric binaries with an odd cover.
private func hardModel(_ n: Int = 70) -> Model {
    var m = Model(sense: .minimize)
    let x = (0..<n).map { m.addBinary("x\($0)", cost: 1 + Double($0 % 7) * 1e-3) }
    for i in 0..<n {
        let terms = [x[i], x[(i + 1) % n], x[(i + 3) % n], x[(i + 7) % n], x[(i + 12) % n]].map { Model.Term($0, 2) }
        m.addRow("cover\(i)", terms, lower: 3)
    }
    return m
}

@Test func timeLimitWithAStartGivesAFeasibleRosterAndAnHonestGap() throws {
    let model = hardModel()
    let start = Array(repeating: 1.0, count: model.variables.count)
    let reports = ProgressLog()
    let s = try GLPKSolver().solve(model, options: SolveOptions(timeLimitSeconds: 1.5, relativeGap: 0, start: start,
                                                                 progress: { reports.append($0) }))
    #expect(s.status == .feasible || s.status == .optimal)
    #expect(model.maxViolation(of: s.values) < 1e-9)
    #expect(s.objective <= model.objective(of: start) + 1e-9, "never worse than the injected start")
    // The bound lies between the root LP relaxation (branch and bound only raises it) and the cost of
    // a feasible point found by hand: the even-numbered variables (each cover row holds two or three).
    let relaxation = try GLPKSolver().solve(model, options: SolveOptions(relaxation: true))
    let even = model.variables.indices.map { $0 % 2 == 0 ? 1.0 : 0.0 }
    #expect(model.maxViolation(of: even) == 0)
    #expect(s.bound >= relaxation.objective - 1e-9)
    #expect(s.bound <= model.objective(of: even) + 1e-9)
    if s.status == .feasible {
        #expect(s.gap > 0)
        #expect(s.termination == .timeLimit)
    }
    let seen = reports.items
    #expect(!seen.isEmpty, "progress is reported from the search")
    #expect(seen.allSatisfy { $0.bound == nil || $0.incumbent == nil || $0.bound! <= $0.incumbent! + 1e-9 })
}

@Test func timeLimitWithoutAnySolutionIsNoSolution() throws {
    // The root LP is fractional and the search is stopped at its first callback: no incumbent yet.
    let model = hardModel()
    let s = try GLPKSolver().solve(model, options: SolveOptions(timeLimitSeconds: 0.001, relativeGap: 0))
    #expect(s.status == .noSolution)
    #expect(s.termination == .timeLimit, "no incumbent because of the clock, not a failed call")
    #expect(s.values.isEmpty)
    #expect(s.bound.isFinite, "the root LP bound is still reported")
}

@Test func relaxationGivesTheLPOptimum() throws {
    var m = Model(sense: .maximize)
    let x = m.addVariable("x", lower: 0, upper: 1, cost: 1, integer: true)
    let y = m.addVariable("y", lower: 0, upper: 1, cost: 1, integer: true)
    m.addRow("r", [Model.Term(x, 2), Model.Term(y, 2)], upper: 3)
    let lp = try GLPKSolver().solve(m, options: SolveOptions(relaxation: true))
    let ip = try GLPKSolver().solve(m, options: SolveOptions())
    #expect(abs(lp.objective - 1.5) < 1e-9)
    #expect(lp.termination == .completed && ip.termination == .completed)
    #expect(abs(ip.objective - 1) < 1e-9)
}

/// Collects progress reports from the solving thread.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [SolveProgress] = []
    func append(_ p: SolveProgress) { lock.withLock { list.append(p) } }
    var items: [SolveProgress] { lock.withLock { list } }
}

@Test func nodeLimitIsAWorkLimitNotATimeLimit() throws {
    let model = hardModel()
    let start = Array(repeating: 1.0, count: model.variables.count)
    let s = try GLPKSolver().solve(model, options: SolveOptions(timeLimitSeconds: 30, relativeGap: 0, start: start, maxNodes: 3))
    #expect(s.status == .feasible)
    #expect(s.termination == .workLimit)
    #expect(s.bound <= s.objective + 1e-9)
}

/// GLPK 5.0 return codes (glpk.h): 0x02 GLP_ESING, 0x05 GLP_EFAIL, 0x08 GLP_EITLIM, 0x09 GLP_ETMLIM,
/// 0x0D GLP_ESTOP, 0x0E GLP_EMIPGAP.
@Test func returnCodesMapToTerminations() {
    #expect(GLPKSolver.termination(simplex: 0) == .completed)
    #expect(GLPKSolver.termination(simplex: 0x09) == .timeLimit)
    #expect(GLPKSolver.termination(simplex: 0x08) == .workLimit)
    #expect(GLPKSolver.termination(simplex: 0x02) == .failed("glp_simplex returned GLP_ESING"))
    #expect(GLPKSolver.termination(intopt: 0x0E, stoppedBy: nil) == .completed)
    #expect(GLPKSolver.termination(intopt: 0x0D, stoppedBy: .workLimit) == .workLimit)
    #expect(GLPKSolver.termination(intopt: 0x05, stoppedBy: nil) == .failed("glp_intopt returned GLP_EFAIL"))
}
