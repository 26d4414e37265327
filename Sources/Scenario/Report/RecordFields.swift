import Foundation
import WFMCore

/// Typed access to the named fields of one CSV record, collecting a diagnostic (file, line, column)
/// for every field that is missing or malformed instead of stopping at the first.
///
/// Accessors return a neutral value (0, "", …) after recording the problem, so a caller reads every
/// field of a record and keeps the record only when `diagnostics` is empty.
struct RecordFields {
    let file: String
    let line: Int
    let fields: [String]
    let columns: [String: Int]
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, record: CSVRecord, columns: [String: Int]) {
        self.file = file
        self.line = record.line
        self.fields = record.fields
        self.columns = columns
    }

    private mutating func fail(_ column: String, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, key: column, message: message))
    }

    /// Rejects the record for a reason that involves several fields (an end before its start).
    mutating func reject(_ column: String, _ message: String) { fail(column, message) }

    private func raw(_ column: String) -> String {
        guard let i = columns[column] else {
            preconditionFailure("column '\(column)' was not checked by ColumnLayout; known: \(columns.keys.sorted())")
        }
        return i < fields.count ? fields[i].trimmingCharacters(in: .whitespaces) : ""
    }

    /// A non-empty text field.
    mutating func text(_ column: String) -> String {
        let value = raw(column)
        if value.isEmpty { fail(column, "is empty; expected a value") }
        return value
    }

    /// A finite decimal number, at least `minimum`.
    mutating func number(_ column: String, minimum: Double = 0) -> Double {
        optionalNumber(column, minimum: minimum, allowEmpty: false) ?? 0
    }

    /// A finite decimal number at least `minimum`, or nil when the field is empty.
    mutating func optionalNumber(_ column: String, minimum: Double = 0, allowEmpty: Bool = true) -> Double? {
        let value = raw(column)
        if value.isEmpty {
            if !allowEmpty { fail(column, "is empty; expected a number") }
            return nil
        }
        guard let x = Double(value), x.isFinite else {
            fail(column, "'\(value)' is not a number")
            return nil
        }
        guard x >= minimum else {
            fail(column, "\(value) is below the minimum \(minimum)")
            return nil
        }
        return x
    }

    /// A whole number ≥ 0 (written `12` or `12.0`).
    mutating func count(_ column: String) -> Int {
        optionalCount(column, allowEmpty: false) ?? 0
    }

    /// A whole number ≥ 0, or nil when the field is empty.
    mutating func optionalCount(_ column: String, allowEmpty: Bool = true) -> Int? {
        let value = raw(column)
        if value.isEmpty {
            if !allowEmpty { fail(column, "is empty; expected a whole number") }
            return nil
        }
        guard let x = Int(value) ?? Double(value).flatMap({ $0 == $0.rounded() && abs($0) < 1e15 ? Int($0) : nil }) else {
            fail(column, "'\(value)' is not a whole number")
            return nil
        }
        guard x >= 0 else {
            fail(column, "\(value) is negative; expected a whole number ≥ 0")
            return nil
        }
        return x
    }

    /// An ISO 8601 local timestamp with offset, `2026-03-02T08:15+03:00`.
    mutating func timestamp(_ column: String) -> RunTimestamp {
        let value = raw(column)
        guard let t = RunTimestamp(value) else {
            fail(column, "'\(value)' is not a timestamp like 2026-03-02T08:15+03:00")
            return RunTimestamp(date: LocalDate(year: 1970, month: 1, day: 1), minuteOfDay: 0, utcOffsetMinutes: 0)
        }
        return t
    }

    /// A calendar date `YYYY-MM-DD`.
    mutating func date(_ column: String) -> LocalDate {
        let value = raw(column)
        guard let d = LocalDate(value) else {
            fail(column, "'\(value)' is not a date like 2026-03-02")
            return LocalDate(year: 1970, month: 1, day: 1)
        }
        return d
    }

    /// `true`/`false` (also `1`/`0`, `yes`/`no`, any case).
    mutating func flag(_ column: String) -> Bool {
        let value = raw(column)
        switch value.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default:
            fail(column, "'\(value)' is not true or false")
            return false
        }
    }
}

/// The columns one run file must have, checked against a table's header.
struct ColumnLayout {
    let columns: [String: Int]
    let width: Int

    /// Nil (with one diagnostic per missing column, at the header line) when a column is absent.
    init?(table: CSVTable, required: [String], into bag: inout DiagnosticBag) {
        var found: [String: Int] = [:]
        var missing = false
        for name in required {
            if let i = table.column(name) {
                found[name] = i
            } else {
                bag.error(file: table.file, line: 1, key: name,
                          "missing column; expected columns \(required.joined(separator: ","))")
                missing = true
            }
        }
        guard !missing else { return nil }
        columns = found
        width = table.header.count
    }
}

/// Reads every record of a table into rows, collecting diagnostics. At most `limit` problems are
/// listed per file (then one line saying how many more), so a wrong file does not flood the terminal.
func readRows<Row>(_ table: CSVTable, columns: [String], into bag: inout DiagnosticBag, limit: Int = 20,
                   _ make: (inout RecordFields) -> Row) -> [Row] {
    guard let layout = ColumnLayout(table: table, required: columns, into: &bag) else { return [] }
    var rows: [Row] = []
    rows.reserveCapacity(table.records.count)
    var problems: [Diagnostic] = []
    for record in table.records {
        guard record.fields.count == layout.width else {
            problems.append(Diagnostic(file: table.file, line: record.line,
                                       message: "expected \(layout.width) fields like the header, found \(record.fields.count)"))
            continue
        }
        var fields = RecordFields(file: table.file, record: record, columns: layout.columns)
        let row = make(&fields)
        if fields.diagnostics.isEmpty { rows.append(row) } else { problems.append(contentsOf: fields.diagnostics) }
    }
    bag.append(contentsOf: Array(problems.prefix(limit)))
    if problems.count > limit {
        bag.error(file: table.file, "\(problems.count - limit) more problems in this file not listed")
    }
    return rows
}
