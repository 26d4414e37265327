import CGLPK
import MIP

/// Owns one `glp_prob` built from a `Model`; deleted exactly once in `deinit`.
///
/// GLPK keeps its environment per thread: create, solve and drop a `GLPKProblem` on one thread,
/// inside one synchronous call (never across an `await`).
final class GLPKProblem {
    let handle: OpaquePointer

    /// Builds the GLPK problem. The model must already be validated (GLPK aborts on bad input).
    init(_ model: Model, relaxation: Bool) {
        handle = glp_create_prob()
        glp_set_obj_dir(handle, model.sense == .minimize ? GLP_MIN : GLP_MAX)
        glp_set_obj_coef(handle, 0, model.objectiveOffset)
        let n = model.variables.count
        let m = model.rows.count
        if n > 0 { glp_add_cols(handle, Int32(n)) }
        if m > 0 { glp_add_rows(handle, Int32(m)) }
        for (j, v) in model.variables.enumerated() {
            let col = Int32(j + 1)
            let (kind, lower, upper) = GLPKProblem.bounds(v.lower, v.upper)
            glp_set_col_bnds(handle, col, kind, lower, upper)
            glp_set_obj_coef(handle, col, v.cost)
            if v.isInteger && !relaxation {
                glp_set_col_kind(handle, col, GLP_IV)
            }
        }
        var ia: [Int32] = [0]
        var ja: [Int32] = [0]
        var ar: [Double] = [0]
        let nonzeros = model.rows.reduce(0) { $0 + $1.terms.count }
        ia.reserveCapacity(nonzeros + 1)
        ja.reserveCapacity(nonzeros + 1)
        ar.reserveCapacity(nonzeros + 1)
        for (i, row) in model.rows.enumerated() {
            let r = Int32(i + 1)
            let (kind, lower, upper) = GLPKProblem.bounds(row.lower, row.upper)
            glp_set_row_bnds(handle, r, kind, lower, upper)
            for t in row.terms {
                ia.append(r)
                ja.append(Int32(t.variable.index + 1))
                ar.append(t.coefficient)
            }
        }
        if nonzeros > 0 {
            glp_load_matrix(handle, Int32(nonzeros), ia, ja, ar)
        }
    }

    deinit { glp_delete_prob(handle) }

    /// Maps a [lower, upper] interval with possibly infinite ends to GLPK's bound type.
    static func bounds(_ lower: Double, _ upper: Double) -> (Int32, Double, Double) {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): return (GLP_FR, 0, 0)
        case (true, false): return (GLP_LO, lower, 0)
        case (false, true): return (GLP_UP, 0, upper)
        case (true, true): return lower == upper ? (GLP_FX, lower, upper) : (GLP_DB, lower, upper)
        }
    }
}
