import Foundation
import WFMCore

/// A referenced CSV file opened for reading: its table, its required columns located, and
/// diagnostics named `file:line` with the column as the key. Dates, times and numbers are read in
/// the file's dialect (`CSVTable`, `LocalDate`, `WallClockReading`).
struct CSVInput {
    let table: CSVTable
    private let columns: [String: Int]

    /// Reads `file` and checks that every `required` column is in the header (other columns are
    /// ignored). Reports an unreadable file or missing columns to `bag` and returns nil.
    static func open(_ file: InputFile, required: [String], bag: inout DiagnosticBag) -> CSVInput? {
        let table: CSVTable
        do {
            table = try CSVTable.read(path: file.path, displayName: file.displayName, encoding: file.encoding)
        } catch let error as DiagnosticError {
            bag.append(contentsOf: error.diagnostics)
            return nil
        } catch {
            bag.error(file: file.displayName, "cannot read: \(error)")
            return nil
        }
        bag.append(contentsOf: table.warnings)
        let missing = required.filter { table.column($0) == nil }
        if !missing.isEmpty {
            bag.error(file: file.displayName, line: 1, table.missingColumnsMessage(missing, expected: required))
            return nil
        }
        var columns: [String: Int] = [:]
        for name in required { columns[name] = table.column(name) }
        return CSVInput(table: table, columns: columns)
    }

    var file: String { table.file }

    /// The records that have a field for every header column; reports the others.
    func completeRecords(bag: inout DiagnosticBag) -> [CSVRecord] {
        table.records.filter { record in
            guard record.fields.count == table.header.count else {
                bag.error(file: file, line: record.line,
                          "expected \(table.header.count) fields (\(table.header.joined(separator: ","))), found \(record.fields.count)")
                return false
            }
            return true
        }
    }

    /// The trimmed value of a required column.
    func field(_ record: CSVRecord, _ column: String) -> String {
        guard let index = columns[column] else { preconditionFailure("column \(column) was not declared required") }
        return record.fields[index].trimmingCharacters(in: .whitespaces)
    }

    /// The `date` column as a date inside `horizon` (nil: not checked); reports a bad or outside date.
    func date(_ record: CSVRecord, horizon: ClosedRange<LocalDate>?, bag: inout DiagnosticBag) -> LocalDate? {
        let text = field(record, "date")
        guard let date = LocalDate(text) else {
            bag.error(file: file, line: record.line, key: "date", "expected a date YYYY-MM-DD or DD.MM.YYYY, got \"\(text)\"")
            return nil
        }
        if let horizon, !horizon.contains(date) {
            bag.error(file: file, line: record.line, key: "date", "\(date) is outside the horizon \(horizon.lowerBound)…\(horizon.upperBound)")
            return nil
        }
        return date
    }

    /// A number in `column` as the file writes it (`CSVTable.number`); nil when malformed.
    func number(_ record: CSVRecord, _ column: String) -> Double? { table.number(field(record, column)) }

    /// A finite number ≥ 0 in `column`; `unit` names what it counts. Reports anything else.
    func weight(_ record: CSVRecord, _ column: String, what unit: String, bag: inout DiagnosticBag) -> Double? {
        let text = field(record, column)
        guard let value = number(record, column), value.isFinite, value >= 0 else {
            bag.error(file: file, line: record.line, key: column, "expected a weight ≥ 0 (\(unit)), got \"\(text)\"")
            return nil
        }
        return value
    }
}
