import MIP

extension MIPSolver {
    /// Solves a model the scheduler built itself. `MIPSolver.solve` throws only for an invalid
    /// model (`ModelError`), which here is a programmer error: it stops the program naming the
    /// model's problems, rather than passing for "no improvement". Every solver outcome (time
    /// limit, no incumbent, a failed call) is in the returned status and `Solution.termination`.
    func solveBuilt(_ model: Model, options: SolveOptions) -> Solution {
        do {
            return try solve(model, options: options)
        } catch {
            preconditionFailure("the scheduler built an invalid model: \(error)")
        }
    }
}
