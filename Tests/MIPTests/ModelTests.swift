import Testing
@testable import MIP

@Test func repeatedTermsAreMergedAndZeroesDropped() {
    var m = Model()
    let x = m.addBinary("x")
    let y = m.addBinary("y")
    m.addRow("r", [Model.Term(x, 1), Model.Term(y, 2), Model.Term(x, 3), Model.Term(y, -2)], upper: 4)
    #expect(m.rows[0].terms == [Model.Term(x, 4)])
}

@Test func validationNamesEveryProblem() {
    var m = Model()
    let x = m.addVariable("x", lower: 1, upper: 0)
    m.addVariable("y", cost: .nan)
    m.addVariable("z", lower: 0.2, upper: 0.8, integer: true)
    m.addRow("r", [Model.Term(x, .infinity)], lower: 3, upper: 2)
    do {
        try m.validate()
        Issue.record("expected a ModelError")
    } catch let error as ModelError {
        #expect(error.problems.count == 5)
        #expect(error.description.contains("variable x"))
        #expect(error.description.contains("integer variable z"))
    } catch { Issue.record("unexpected \(error)") }
}

@Test func bruteForceFindsTheOptimumOfATinyModel() throws {
    var m = Model(sense: .minimize)
    let a = m.addVariable("a", lower: 0, upper: 3, cost: 2, integer: true)
    let b = m.addVariable("b", lower: 0, upper: 3, cost: 3, integer: true)
    m.addRow("cover", [Model.Term(a, 1), Model.Term(b, 2)], lower: 5)
    let s = try BruteForceSolver().solve(m)
    // a + 2b ≥ 5: (1,2) costs 8, (3,1) costs 9, (0,3) costs 9 → 8.
    #expect(s.objective == 8)
    #expect(s.values == [1, 2])
}
