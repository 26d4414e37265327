import Foundation
import WFMCore

/// Best known objectives of benchmark instances, read from a CSV with columns `instance` and
/// `best_known_ub` (Benchmarks/data/curtois/best_known.csv; further columns are ignored).
public struct BestKnown: Sendable, Hashable {
    public var objectives: [String: Int]

    public init(objectives: [String: Int]) {
        self.objectives = objectives
    }

    /// Throws `DiagnosticError` naming the file and line of a missing column, a bad number or a repeated instance.
    public static func read(path: String) throws -> BestKnown {
        let table = try CSVTable.read(path: path)
        guard let name = table.column("instance"), let value = table.column("best_known_ub") else {
            throw DiagnosticError([Diagnostic(file: path, line: 1,
                                              message: "expected columns instance and best_known_ub, got \(table.header.joined(separator: ","))")])
        }
        var bag = DiagnosticBag()
        var objectives: [String: Int] = [:]
        for record in table.records {
            guard record.fields.count > max(name, value), let number = Int(record.fields[value].trimmingCharacters(in: .whitespaces)) else {
                bag.error(file: path, line: record.line, key: "best_known_ub", "expected an integer objective")
                continue
            }
            let instance = record.fields[name].trimmingCharacters(in: .whitespaces)
            if objectives.updateValue(number, forKey: instance) != nil {
                bag.error(file: path, line: record.line, key: "instance", "instance \(instance) is listed twice")
            }
        }
        try bag.throwIfErrors()
        return BestKnown(objectives: objectives)
    }
}
