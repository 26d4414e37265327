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
