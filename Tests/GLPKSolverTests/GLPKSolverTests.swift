import Testing
import MIP
@testable import GLPKSolver

@Test func knapsackMatchesBruteForce() throws {
    var model = Model(sense: .maximize)
    let values = [10.0, 13, 7, 8, 12]
    let weights = [3.0, 4, 2, 3, 4]
    let x = values.indices.map { model.addBinary("x\($0)", cost: values[$0]) }
    model.addRow("capacity", x.indices.map { Model.Term(x[$0], weights[$0]) }, upper: 9)
    let glpk = try GLPKSolver().solve(model, options: SolveOptions(timeLimitSeconds: 10))
    let brute = try BruteForceSolver().solve(model, options: SolveOptions())
    #expect(glpk.status == .optimal)
    #expect(abs(glpk.objective - brute.objective) < 1e-9)
    #expect(brute.objective == 30)
}

@Test func invalidModelThrowsInsteadOfAborting() {
    var model = Model()
    let x = model.addVariable("x", lower: 2, upper: 1)
    model.addRow("r", [Model.Term(x, 1)], lower: 0, upper: 1)
    #expect(throws: ModelError.self) { try GLPKSolver().solve(model, options: SolveOptions()) }
}

/// min 2x + 3y, x + y ≥ 4, x ≤ 3: optimum x = 3, y = 1 (9). By hand: y basic gives π₁ = 3, x basic
/// gives 2 = π₁ + π₂, so π₂ = −1; strong duality 4·3 + 3·(−1) = 9.
@Test func lpRelaxationReportsRowDuals() throws {
    var model = Model()
    let x = model.addVariable("x", lower: 0, upper: .infinity, cost: 2)
    let y = model.addVariable("y", lower: 0, upper: .infinity, cost: 3)
    model.addRow("demand", [Model.Term(x, 1), Model.Term(y, 1)], lower: 4)
    model.addRow("cap", [Model.Term(x, 1)], upper: 3)
    let lp = try GLPKSolver().solve(model, options: SolveOptions(relaxation: true))
    #expect(lp.status == .optimal)
    #expect(abs(lp.objective - 9) < 1e-9)
    #expect(lp.rowDuals.count == 2)
    #expect(abs(lp.rowDuals[0] - 3) < 1e-9)
    #expect(abs(lp.rowDuals[1] + 1) < 1e-9)
}
