import Foundation

/// One record of a CSV file with the 1-based line it starts on, for diagnostics.
public struct CSVRecord: Sendable, Hashable {
    public var line: Int
    public var fields: [String]
}

/// A parsed CSV table: a header and records, each knowing its line.
///
/// Reads RFC 4180 CSV as spreadsheets write it: quoted fields (with `""` escapes and embedded
/// commas or newlines), a UTF-8 byte-order mark, CRLF or LF line ends, and blank lines (skipped).
/// We parse by hand rather than with a CSV library because every diagnostic must name the line
/// a record starts on, which the libraries on this machine do not report.
public struct CSVTable: Sendable {
    public var file: String
    public var header: [String]
    public var records: [CSVRecord]

    /// The index of a column by name (case-sensitive, surrounding spaces ignored).
    public func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// Reads and parses a file. Throws a diagnostic naming the file when it cannot be read.
    public static func read(path: String, displayName: String? = nil) throws -> CSVTable {
        let name = displayName ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticError([Diagnostic(file: name, message: "cannot read file (missing or not readable)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticError([Diagnostic(file: name, message: "file is not UTF-8 text")])
        }
        return try parse(text, file: name)
    }

    /// Parses CSV text; the first non-blank record is the header.
    public static func parse(_ text: String, file: String) throws -> CSVTable {
        var records = try parseRecords(text, file: file)
        guard !records.isEmpty else {
            throw DiagnosticError([Diagnostic(file: file, line: 1, message: "file is empty: expected a header line")])
        }
        let header = records.removeFirst().fields.map { $0.trimmingCharacters(in: .whitespaces) }
        return CSVTable(file: file, header: header, records: records)
    }

    /// Splits text into records. Complexity O(n) in the length of the text.
    static func parseRecords(_ text: String, file: String) throws -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var fieldWasQuoted = false
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var i = 0

        func endRecord() {
            fields.append(field)
            let blank = fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted
            if !blank { records.append(CSVRecord(line: recordLine, fields: fields)) }
            fields = []
            field = ""
            fieldWasQuoted = false
        }

        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count && scalars[i + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else {
                switch c {
                case "\"" where field.isEmpty:
                    inQuotes = true
                    fieldWasQuoted = true
                case ",":
                    fields.append(field)
                    field = ""
                case "\r":
                    break
                case "\n":
                    endRecord()
                    line += 1
                    recordLine = line
                default:
                    field.unicodeScalars.append(c)
                }
            }
            i += 1
        }
        if inQuotes {
            throw DiagnosticError([Diagnostic(file: file, line: recordLine, message: "unterminated quoted field")])
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }
}

/// Writes CSV text: fields holding a comma, quote or newline are quoted, quotes doubled; LF line ends.
public struct CSVWriter: Sendable {
    public private(set) var text: String

    public init(header: [String]) {
        text = ""
        append(header)
    }

    public mutating func append(_ fields: [String]) {
        text += fields.map(CSVWriter.escape).joined(separator: ",")
        text += "\n"
    }

    public static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
