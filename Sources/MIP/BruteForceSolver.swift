/// Exhaustive search over every integer assignment of a tiny model whose variables are all
/// integer with finite bounds. Exponential: meant for tests that check other solvers, with a
/// hard cap on the number of assignments it will try.
public struct BruteForceSolver: MIPSolver {
    public var maxAssignments: Int

    public init(maxAssignments: Int = 5_000_000) { self.maxAssignments = maxAssignments }

    public func solve(_ model: Model, options: SolveOptions = SolveOptions()) throws -> Solution {
        try model.validate()
        var domains: [[Double]] = []
        var count = 1.0
        for v in model.variables {
            precondition(v.isInteger && v.lower.isFinite && v.upper.isFinite,
                         "BruteForceSolver needs bounded integer variables; \(v.name) is not")
            let values = stride(from: v.lower.rounded(.up), through: v.upper.rounded(.down), by: 1).map { $0 }
            domains.append(values)
            count *= Double(values.count)
        }
        precondition(count <= Double(maxAssignments), "BruteForceSolver: \(count) assignments exceed the cap \(maxAssignments)")
        let sign: Double = model.sense == .minimize ? 1 : -1
        var best: [Double]? = nil
        var bestObjective = Double.infinity
        var current = domains.map { $0[0] }
        var index = Array(repeating: 0, count: domains.count)
        if domains.contains(where: \.isEmpty) {
            return Solution(status: .infeasible, values: [], objective: .nan, bound: .nan, seconds: 0)
        }
        while true {
            if model.maxViolation(of: current) <= 1e-9 {
                let objective = sign * model.objective(of: current)
                if objective < bestObjective - 1e-12 {
                    bestObjective = objective
                    best = current
                }
            }
            var k = 0
            while k < domains.count {
                index[k] += 1
                if index[k] < domains[k].count {
                    current[k] = domains[k][index[k]]
                    break
                }
                index[k] = 0
                current[k] = domains[k][0]
                k += 1
            }
            if k == domains.count { break }
        }
        guard let best else {
            return Solution(status: .infeasible, values: [], objective: .nan, bound: .nan, seconds: 0)
        }
        let objective = model.objective(of: best)
        return Solution(status: .optimal, values: best, objective: objective, bound: objective, seconds: 0)
    }
}
