/// A mixed-integer linear programme as plain data, independent of any solver.
///
///     minimise (or maximise)  Σ_j cost_j · x_j + objectiveOffset
///     subject to              rowLower_i ≤ Σ_j a_ij · x_j ≤ rowUpper_i   for every row i
///                             lower_j ≤ x_j ≤ upper_j, x_j integer where `isInteger`
///
/// Bounds may be infinite (`-.infinity`, `.infinity`). Every variable and row carries a name so a
/// solver's answer can be explained.
public struct Model: Sendable {
    public enum Sense: Sendable { case minimize, maximize }

    public struct Variable: Sendable, Hashable {
        public var name: String
        public var lower: Double
        public var upper: Double
        public var cost: Double
        public var isInteger: Bool
    }

    public struct Row: Sendable, Hashable {
        public var name: String
        public var terms: [Term]
        public var lower: Double
        public var upper: Double
    }

    public struct Term: Sendable, Hashable {
        public var variable: Var
        public var coefficient: Double
        public init(_ variable: Var, _ coefficient: Double) {
            self.variable = variable
            self.coefficient = coefficient
        }
    }

    /// A variable's handle: its 0-based index in `variables`.
    public struct Var: Sendable, Hashable, Comparable {
        public var index: Int
        public init(_ index: Int) { self.index = index }
        public static func < (a: Var, b: Var) -> Bool { a.index < b.index }
    }

    public var sense: Sense
    public var objectiveOffset: Double
    public private(set) var variables: [Variable] = []
    public private(set) var rows: [Row] = []

    public init(sense: Sense = .minimize, objectiveOffset: Double = 0) {
        self.sense = sense
        self.objectiveOffset = objectiveOffset
    }

    /// Adds a variable and returns its handle.
    @discardableResult
    public mutating func addVariable(_ name: String, lower: Double = 0, upper: Double = .infinity,
                                     cost: Double = 0, integer: Bool = false) -> Var {
        variables.append(Variable(name: name, lower: lower, upper: upper, cost: cost, isInteger: integer))
        return Var(variables.count - 1)
    }

    /// Adds a binary (0/1 integer) variable.
    @discardableResult
    public mutating func addBinary(_ name: String, cost: Double = 0) -> Var {
        addVariable(name, lower: 0, upper: 1, cost: cost, integer: true)
    }

    /// Adds the row `lower ≤ Σ terms ≤ upper`. Terms naming the same variable are summed.
    public mutating func addRow(_ name: String, _ terms: [Term], lower: Double = -.infinity, upper: Double = .infinity) {
        rows.append(Row(name: name, terms: Model.merged(terms), lower: lower, upper: upper))
    }

    /// Changes a variable's bounds (used to fix variables outside a neighbourhood).
    public mutating func setBounds(_ v: Var, lower: Double, upper: Double) {
        variables[v.index].lower = lower
        variables[v.index].upper = upper
    }

    public mutating func setCost(_ v: Var, _ cost: Double) { variables[v.index].cost = cost }

    /// The objective value of an assignment (offset included).
    public func objective(of values: [Double]) -> Double {
        precondition(values.count == variables.count, "objective(of:) needs \(variables.count) values, got \(values.count)")
        var total = objectiveOffset
        for (j, v) in variables.enumerated() { total += v.cost * values[j] }
        return total
    }

    /// The largest violation of any bound, row or integrality by an assignment (0 when feasible).
    public func maxViolation(of values: [Double]) -> Double {
        var worst = 0.0
        for (j, v) in variables.enumerated() {
            let x = values[j]
            worst = max(worst, v.lower - x, x - v.upper)
            if v.isInteger { worst = max(worst, abs(x - x.rounded())) }
        }
        for row in rows {
            let activity = row.terms.reduce(0.0) { $0 + $1.coefficient * values[$1.variable.index] }
            worst = max(worst, row.lower - activity, activity - row.upper)
        }
        return worst
    }

    /// Sums coefficients of repeated variables and drops zero terms, keeping variable order.
    static func merged(_ terms: [Term]) -> [Term] {
        var position: [Int: Int] = [:]
        var result: [Term] = []
        result.reserveCapacity(terms.count)
        for t in terms {
            if let p = position[t.variable.index] {
                result[p].coefficient += t.coefficient
            } else {
                position[t.variable.index] = result.count
                result.append(t)
            }
        }
        return result.filter { $0.coefficient != 0 }
    }
}
