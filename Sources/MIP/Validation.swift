/// Why a model cannot be handed to a solver. GLPK calls abort() on such input, so every solver
/// facade validates first and throws this instead.
public struct ModelError: Error, Sendable, CustomStringConvertible, Hashable {
    public var problems: [String]
    public init(problems: [String]) { self.problems = problems }
    public var description: String { "invalid model: " + problems.joined(separator: "; ") }
}

extension Model {
    /// Checks everything a solver library would otherwise crash on: finite costs and coefficients,
    /// no NaN bounds, lower ≤ upper for every variable and row, integer bounds that contain an
    /// integer, and variable references in range. Reports at most `limit` problems.
    public func validate(limit: Int = 20) throws {
        var problems: [String] = []
        func report(_ p: String) { if problems.count < limit { problems.append(p) } }
        if !objectiveOffset.isFinite { report("objective offset is \(objectiveOffset)") }
        for v in variables {
            if !v.cost.isFinite { report("variable \(v.name): cost \(v.cost) is not finite") }
            if v.lower.isNaN || v.upper.isNaN { report("variable \(v.name): bound is NaN") }
            if v.lower > v.upper { report("variable \(v.name): lower bound \(v.lower) > upper bound \(v.upper)") }
            if v.lower == .infinity || v.upper == -.infinity { report("variable \(v.name): bounds [\(v.lower), \(v.upper)] are empty") }
            if v.isInteger && v.lower.isFinite && v.upper.isFinite && v.lower.rounded(.up) > v.upper.rounded(.down) {
                report("integer variable \(v.name): no integer in [\(v.lower), \(v.upper)]")
            }
        }
        for row in rows {
            if row.lower.isNaN || row.upper.isNaN { report("row \(row.name): bound is NaN") }
            if row.lower > row.upper { report("row \(row.name): lower bound \(row.lower) > upper bound \(row.upper)") }
            if row.lower == .infinity || row.upper == -.infinity { report("row \(row.name): bounds [\(row.lower), \(row.upper)] are empty") }
            var seen = Set<Int>()
            for t in row.terms {
                if t.variable.index < 0 || t.variable.index >= variables.count {
                    report("row \(row.name): variable index \(t.variable.index) out of range 0..<\(variables.count)")
                }
                if !t.coefficient.isFinite { report("row \(row.name): coefficient \(t.coefficient) is not finite") }
                if !seen.insert(t.variable.index).inserted { report("row \(row.name): variable \(t.variable.index) appears twice") }
            }
        }
        if !problems.isEmpty { throw ModelError(problems: problems) }
    }
}
