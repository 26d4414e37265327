import Foundation

/// One record of a CSV file with the 1-based line it starts on, for diagnostics.
public struct CSVRecord: Sendable, Hashable {
    public var line: Int
    public var fields: [String]
}

/// A text encoding a CSV file may be written in: UTF-8 (what wfm writes) or Windows-1251 (what a
/// Russian-locale Excel saves as "CSV").
public enum TextEncoding: String, Sendable, Hashable, CaseIterable {
    case utf8 = "utf-8"
    case windows1251 = "windows-1251"

    var foundation: String.Encoding { self == .utf8 ? .utf8 : .windowsCP1251 }
}

/// The 1-based line of the first bytes of `data` that are not UTF-8 (1 when every line is, e.g. a
/// multi-byte character cut at a line break), for a diagnostic about a file's encoding.
public func firstLineNotUTF8(_ data: Data) -> Int {
    let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
    return 1 + (lines.firstIndex { String(data: Data($0), encoding: .utf8) == nil }.map { lines.distance(from: lines.startIndex, to: $0) } ?? 0)
}

/// A parsed CSV table: a header and records, each knowing its line.
///
/// Reads CSV as spreadsheets write it (the dialects are listed in docs/scenario.md, "CSV files"):
/// RFC 4180 quoting (`""` escapes, embedded delimiters or newlines), a UTF-8 byte-order mark, CRLF
/// or LF line ends, blank lines (skipped); the delimiter `,`, `;` or tab, whichever occurs most
/// often (outside quotes) in the header line, `,` on a tie; with a delimiter other than `,`, numbers
/// may use a decimal comma (`number(_:)`); text that is not UTF-8 is read as Windows-1251 with a
/// warning, unless the encoding is named. We parse by hand rather than with a CSV library because
/// every diagnostic must name the line a record starts on, which the libraries on this machine do
/// not report.
public struct CSVTable: Sendable {
    public var file: String
    public var header: [String]
    public var records: [CSVRecord]
    /// The field delimiter detected from the header line.
    public var delimiter: Character = ","
    /// Warnings about how the file was read (its encoding); the reader passes them on.
    public var warnings: [Diagnostic] = []

    /// The delimiters detected, in order of preference on a tie.
    public static let delimiters: [Character] = [",", ";", "\t"]

    /// The index of a column by name (case-sensitive, surrounding spaces ignored).
    public func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// A number as this file writes it: `12.5`, or `12,5` when the delimiter is not `,`
    /// (surrounding spaces ignored). Nil when malformed; non-finite values are returned for the
    /// caller to reject with its own message.
    public func number(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, t.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        if delimiter != ",", t.contains(","), !t.contains(".") {
            return t.filter { $0 == "," }.count == 1 ? Double(t.replacingOccurrences(of: ",", with: ".")) : nil
        }
        return Double(t)
    }

    /// The error for a header that lacks `missing` of the `expected` columns: when the header
    /// line split at another delimiter holds them all, the message says which delimiter the file uses.
    public func missingColumnsMessage(_ missing: [String], expected: [String]) -> String {
        let line = header.joined(separator: String(delimiter))
        for other in [",", ";", "\t", "|"].map(Character.init) where other != delimiter {
            let fields = Set(line.split(separator: other).map { $0.trimmingCharacters(in: .whitespaces) })
            if missing.allSatisfy(fields.contains) {
                let name = other == "\t" ? "tab" : "'\(other)'"
                let why = other == "|" ? "which wfm does not read (save it with ',', ';' or tab)"
                    : "but its header line has more '\(delimiter)' (wfm splits at the delimiter that occurs most often there)"
                return "this file uses \(name) as delimiter, \(why): expected header \(expected.joined(separator: ","))"
            }
        }
        return "missing column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", ")): expected header \(expected.joined(separator: ","))"
    }

    /// Reads and parses a file. `encoding` nil: UTF-8, or Windows-1251 (with a warning) when the
    /// bytes are not UTF-8. Throws a diagnostic naming the file when it cannot be read or decoded.
    public static func read(path: String, displayName: String? = nil, encoding: TextEncoding? = nil) throws -> CSVTable {
        let name = displayName ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticError([Diagnostic(file: name, message: "cannot read file (missing or not readable)")])
        }
        let (text, warnings) = try decode(data, file: name, encoding: encoding)
        var table = try parse(text, file: name)
        table.warnings = warnings
        return table
    }

    /// The text of a file's bytes and the warnings about its encoding (see `read`).
    public static func decode(_ data: Data, file: String, encoding: TextEncoding?) throws -> (String, [Diagnostic]) {
        if let encoding {
            guard let text = String(data: data, encoding: encoding.foundation) else {
                let line = encoding == .utf8 ? firstLineNotUTF8(data) : nil
                throw DiagnosticError([Diagnostic(file: file, line: line, key: "encoding", message: "file is not \(encoding.rawValue) text (the encoding the scenario names)")])
            }
            return (text, [])
        }
        if let text = String(data: data, encoding: .utf8) { return (text, []) }
        guard let text = String(data: data, encoding: .windowsCP1251) else {
            // 0x98 is the one byte Windows-1251 leaves undefined.
            let line = 1 + (data.firstIndex(of: 0x98).map { data[..<$0].filter { $0 == 0x0A }.count } ?? 0)
            throw DiagnosticError([Diagnostic(file: file, line: line, message: "file is neither UTF-8 nor Windows-1251 text")])
        }
        return (text, [Diagnostic(.warning, file: file, message: "file is not UTF-8: read as Windows-1251 (name the encoding with encoding: windows-1251 to silence this)")])
    }

    /// Parses CSV text; the first non-blank record is the header, whose line sets the delimiter.
    public static func parse(_ text: String, file: String) throws -> CSVTable {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        let delimiter = detectDelimiter(scalars)
        var records = try parseRecords(scalars, delimiter: delimiter.unicodeScalars.first!, file: file)
        guard !records.isEmpty else {
            throw DiagnosticError([Diagnostic(file: file, line: 1, message: "file is empty: expected a header line")])
        }
        let header = records.removeFirst().fields.map { $0.trimmingCharacters(in: .whitespaces) }
        return CSVTable(file: file, header: header, records: records, delimiter: delimiter)
    }

    /// The delimiter occurring most often outside quotes in the first non-blank line; `,` on a tie.
    static func detectDelimiter(_ scalars: [Unicode.Scalar]) -> Character {
        var counts: [Character: Int] = [:]
        var inQuotes = false, seen = false
        for c in scalars {
            if c == "\"" { inQuotes.toggle() }
            if !inQuotes && (c == "\n" || c == "\r") { if seen { break } else { continue } }
            seen = true
            if !inQuotes, delimiters.contains(Character(c)) { counts[Character(c), default: 0] += 1 }
        }
        var best = delimiters[0]
        for d in delimiters where counts[d, default: 0] > counts[best, default: 0] { best = d }
        return best
    }

    /// Splits text into records. Complexity O(n) in the length of the text.
    static func parseRecords(_ scalars: [Unicode.Scalar], delimiter: Unicode.Scalar, file: String) throws -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var fieldWasQuoted = false
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
                case delimiter:
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
