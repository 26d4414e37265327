import CGLPK
import Foundation
import MIP

/// Solves `MIP.Model`s with GLPK 5.0 (simplex for the root relaxation, then branch and cut).
///
/// The model is validated first: GLPK calls abort() on invalid input, so a bad model is a thrown
/// `ModelError`, never a crash. Everything happens synchronously on the calling thread; separate
/// calls on separate threads are independent (GLPK's environment is per thread).
public struct GLPKSolver: MIPSolver {
    /// Turn on GLPK's cut generators (MIR, Gomory, cover, clique). Off by default: on rostering
    /// models they cost more time than they save at our sizes.
    public var cuts: Bool

    public init(cuts: Bool = false) { self.cuts = cuts }

    public func solve(_ model: Model, options: SolveOptions = SolveOptions()) throws -> Solution {
        try model.validate()
        if let start = options.start, start.count != model.variables.count {
            throw ModelError(problems: ["start has \(start.count) values for \(model.variables.count) variables"])
        }
        glp_term_out(GLP_OFF)
        let clock = ContinuousClock.now
        func elapsed() -> Double { (ContinuousClock.now - clock).inSeconds }
        let problem = GLPKProblem(model, relaxation: options.relaxation)
        let hasIntegers = !options.relaxation && model.variables.contains(where: \.isInteger)
        let sign: Double = model.sense == .minimize ? 1 : -1

        // Root LP relaxation (needed for branch and cut without presolve, and a valid bound).
        var smcp = glp_smcp()
        glp_init_smcp(&smcp)
        smcp.msg_lev = GLP_MSG_OFF
        smcp.presolve = GLP_OFF
        smcp.tm_lim = Int32(clamping: Int(max(1, options.timeLimitSeconds) * 1000))
        var lpCode = glp_simplex(problem.handle, &smcp)
        if lpCode != 0 {
            // Retry once from GLPK's standard basis, which copes with starts the default one fails on.
            glp_std_basis(problem.handle)
            lpCode = glp_simplex(problem.handle, &smcp)
        }
        let lpStatus = glp_get_status(problem.handle)
        let lpTermination = Self.termination(simplex: lpCode)
        if lpStatus == GLP_NOFEAS {
            return Solution(status: .infeasible, values: [], objective: .nan, bound: .nan, seconds: elapsed(), termination: lpTermination)
        }
        if lpStatus == GLP_UNBND {
            return Solution(status: .unbounded, values: [], objective: .nan, bound: .nan, seconds: elapsed(), termination: lpTermination)
        }
        guard lpStatus == GLP_OPT else {
            // Stopped (time or iteration limit) or failed before the root LP was solved.
            let termination = lpTermination == .completed ? .failed("glp_simplex ended with status \(lpStatus), not optimal") : lpTermination
            return Solution(status: .noSolution, values: [], objective: .nan, bound: .nan, seconds: elapsed(), termination: termination)
        }
        let lpBound = glp_get_obj_val(problem.handle)
        let n = model.variables.count
        if !hasIntegers {
            let values = (0..<n).map { glp_get_col_prim(problem.handle, Int32($0 + 1)) }
            let objective = glp_get_obj_val(problem.handle)
            let duals = (0..<model.rows.count).map { glp_get_row_dual(problem.handle, Int32($0 + 1)) }
            return Solution(status: .optimal, values: values, objective: objective, bound: objective, seconds: elapsed(), rowDuals: duals)
        }

        let context = SearchContext(start: options.start, progress: options.progress, sign: sign,
                                    clock: clock, timeLimit: options.timeLimitSeconds, relativeGap: options.relativeGap)
        context.maxNodes = options.maxNodes
        context.bound = lpBound
        var iocp = glp_iocp()
        glp_init_iocp(&iocp)
        iocp.msg_lev = GLP_MSG_OFF
        iocp.presolve = GLP_OFF
        iocp.mip_gap = options.relativeGap
        iocp.tm_lim = Int32(clamping: Int(max(0.001, options.timeLimitSeconds - elapsed()) * 1000))
        iocp.br_tech = GLP_BR_DTH
        iocp.bt_tech = GLP_BT_BLB
        // The feasibility pump only looks for a first incumbent; with a start it only costs time.
        iocp.fp_heur = options.start == nil ? GLP_ON : GLP_OFF
        if cuts {
            iocp.mir_cuts = GLP_ON
            iocp.gmi_cuts = GLP_ON
            iocp.cov_cuts = GLP_ON
            iocp.clq_cuts = GLP_ON
        }
        iocp.cb_func = glpkSearchCallback
        let unmanaged = Unmanaged.passRetained(context)
        defer { unmanaged.release() }
        iocp.cb_info = unmanaged.toOpaque()
        let mipCode = glp_intopt(problem.handle, &iocp)
        let termination = Self.termination(intopt: mipCode, stoppedBy: context.stoppedBy)

        let mipStatus = glp_mip_status(problem.handle)
        let seconds = elapsed()
        switch mipStatus {
        case GLP_OPT, GLP_FEAS:
            let values = (0..<n).map { glp_mip_col_val(problem.handle, Int32($0 + 1)) }
            let objective = glp_mip_obj_val(problem.handle)
            // GLPK reports GLP_OPT also when stopped at the requested gap; the tracked bound is then honest.
            let proven = mipStatus == GLP_OPT && context.stoppedBy == nil
            // GLPK's best node bound never passes a proven incumbent; past it by rounding only.
            let bound = proven ? objective : (sign * (context.bound - objective) > 0 ? objective : context.bound)
            let status: SolveStatus = (proven || abs(objective - bound) / max(1, abs(objective)) <= options.relativeGap)
                ? .optimal : .feasible
            return Solution(status: status, values: values, objective: objective, bound: bound, seconds: seconds, termination: termination)
        case GLP_NOFEAS:
            return Solution(status: .infeasible, values: [], objective: .nan, bound: .nan, seconds: seconds, termination: termination)
        default:
            return Solution(status: .noSolution, values: [], objective: .nan, bound: context.bound, seconds: seconds, termination: termination)
        }
    }

    /// `glp_simplex`'s return code as a termination (GLPK 5.0 reference manual, section 2.8.1).
    static func termination(simplex code: Int32) -> Termination {
        switch code {
        case 0: return .completed
        case GLP_ETMLIM: return .timeLimit
        case GLP_EITLIM: return .workLimit
        default: return .failed("glp_simplex returned \(name(of: code))")
        }
    }

    /// `glp_intopt`'s return code as a termination (section 2.8.2); `stoppedBy` is the callback's
    /// own stop (time or node limit), which GLPK reports as GLP_ESTOP.
    static func termination(intopt code: Int32, stoppedBy: Termination?) -> Termination {
        switch code {
        case 0, GLP_EMIPGAP, GLP_ENOPFS, GLP_ENODFS: return .completed
        case GLP_ETMLIM: return .timeLimit
        case GLP_ESTOP: return stoppedBy ?? .failed("glp_intopt stopped by the application without a reason")
        default: return .failed("glp_intopt returned \(name(of: code))")
        }
    }

    private static func name(of code: Int32) -> String {
        let names: [Int32: String] = [GLP_EBADB: "GLP_EBADB", GLP_ESING: "GLP_ESING", GLP_ECOND: "GLP_ECOND", GLP_EBOUND: "GLP_EBOUND",
                                      GLP_EFAIL: "GLP_EFAIL", GLP_EOBJLL: "GLP_EOBJLL", GLP_EOBJUL: "GLP_EOBJUL", GLP_EROOT: "GLP_EROOT"]
        return names[code] ?? "code \(code)"
    }
}

/// State shared with GLPK's C callback through `cb_info`.
final class SearchContext {
    let start: [Double]?
    let progress: (@Sendable (SolveProgress) -> Void)?
    let sign: Double
    let clock: ContinuousClock.Instant
    let timeLimit: Double
    let relativeGap: Double
    var injected = false
    var bound: Double = -.infinity
    /// Why the callback stopped the search (nil: it did not).
    var stoppedBy: Termination?
    var lastReport: Double = -1
    /// `SolveOptions.maxNodes`, and the subproblems selected so far (GLP_ISELECT calls).
    var maxNodes: Int?
    var selected = 0

    init(start: [Double]?, progress: (@Sendable (SolveProgress) -> Void)?, sign: Double,
         clock: ContinuousClock.Instant, timeLimit: Double, relativeGap: Double) {
        self.start = start
        self.progress = progress
        self.sign = sign
        self.clock = clock
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
    }

    var elapsed: Double { (ContinuousClock.now - clock).inSeconds }
}

/// GLPK's branch-and-cut callback: injects the start solution, tracks the best bound, reports
/// progress about once a second, and stops the search when the time limit passes (GLPK checks
/// its own limit only between nodes, which can overrun on large LPs) or, counting GLP_ISELECT
/// calls (one per subproblem taken from the active list), when `maxNodes` subproblems were selected.
private let glpkSearchCallback: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Void = { tree, info in
    guard let tree, let info else { return }
    let context = Unmanaged<SearchContext>.fromOpaque(info).takeUnretainedValue()
    let reason = glp_ios_reason(tree)
    if reason == GLP_IHEUR, !context.injected, let start = context.start {
        context.injected = true
        var x = [0.0] + start
        _ = glp_ios_heur_sol(tree, &x)
    }
    let best = glp_ios_best_node(tree)
    if best != 0 {
        context.bound = glp_ios_node_bound(tree, best)
    }
    if reason == GLP_ISELECT, let maxNodes = context.maxNodes {
        context.selected += 1
        if context.selected > maxNodes {
            context.stoppedBy = .workLimit
            glp_ios_terminate(tree)
            return
        }
    }
    let elapsed = context.elapsed
    if elapsed >= context.timeLimit {
        context.stoppedBy = .timeLimit
        glp_ios_terminate(tree)
        return
    }
    if let progress = context.progress, elapsed - context.lastReport >= 1 {
        context.lastReport = elapsed
        let prob = glp_ios_get_prob(tree)
        let hasIncumbent = glp_mip_status(prob) == GLP_FEAS || glp_mip_status(prob) == GLP_OPT
        progress(SolveProgress(incumbent: hasIncumbent ? glp_mip_obj_val(prob) : nil,
                               bound: best != 0 ? context.bound : nil, elapsedSeconds: elapsed))
    }
}
