import Foundation
import WFMCore

/// A calendar of days that are not normal days: the centre is closed, or volume is a multiple of a
/// normal day's (a public holiday at 0.3, a campaign day at 1.5).
///
/// Special days are never learned as normal days (their history is excluded from every method), and in
/// the forecast a closed day gets 0 contacts and a day with factor `f` gets `f` × the normal-day forecast.
/// Plain data: the scenario loader fills it from the scenario file, the CLI from `--special-days FILE`.
public struct SpecialDays: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case closed
        /// Volume multiplier ≥ 0 applied to the normal-day forecast.
        case volumeFactor(Double)
    }

    public private(set) var days: [LocalDate: Kind]

    public init(_ days: [LocalDate: Kind] = [:]) {
        for case let (date, .volumeFactor(f)) in days {
            precondition(f.isFinite && f >= 0, "volume factor of \(date) must be finite and ≥ 0, got \(f)")
        }
        self.days = days
    }

    public subscript(date: LocalDate) -> Kind? { days[date] }

    /// Reads `date,kind,factor` rows: `kind` is `closed` (factor empty or absent) or `factor`
    /// (`factor` a number ≥ 0). Every problem is reported at once with its line.
    public static func read(path: String, displayName: String? = nil) throws -> SpecialDays {
        try parse(CSVTable.read(path: path, displayName: displayName))
    }

    public static func parse(_ table: CSVTable) throws -> SpecialDays {
        var bag = DiagnosticBag()
        let file = table.file
        guard let dateColumn = table.column("date"), let kindColumn = table.column("kind") else {
            bag.error(file: file, line: 1, "expected a header with columns date,kind[,factor]")
            throw DiagnosticError(bag.diagnostics)
        }
        let factorColumn = table.column("factor")
        var days: [LocalDate: Kind] = [:]
        var lines: [LocalDate: Int] = [:]
        for record in table.records {
            guard record.fields.count == table.header.count else {
                bag.error(file: file, line: record.line, "expected \(table.header.count) fields, found \(record.fields.count)")
                continue
            }
            let field = { (i: Int) in record.fields[i].trimmingCharacters(in: .whitespaces) }
            guard let date = LocalDate(field(dateColumn)) else {
                bag.error(file: file, line: record.line, key: "date", "'\(field(dateColumn))' is not a date YYYY-MM-DD")
                continue
            }
            let factorText = factorColumn.map(field) ?? ""
            let kind: Kind
            switch field(kindColumn) {
            case "closed":
                guard factorText.isEmpty else {
                    bag.error(file: file, line: record.line, key: "factor", "a closed day takes no factor, got '\(factorText)'")
                    continue
                }
                kind = .closed
            case "factor":
                guard let f = Double(factorText), f.isFinite, f >= 0 else {
                    bag.error(file: file, line: record.line, key: "factor", "'\(factorText)' is not a volume factor: expected a number ≥ 0")
                    continue
                }
                kind = .volumeFactor(f)
            default:
                bag.error(file: file, line: record.line, key: "kind", "'\(field(kindColumn))' is not a kind: expected closed or factor")
                continue
            }
            if let earlier = lines[date] {
                bag.error(file: file, line: record.line, key: "date", "\(date) already given on line \(earlier)")
                continue
            }
            lines[date] = record.line
            days[date] = kind
        }
        try bag.throwIfErrors()
        return SpecialDays(days)
    }
}
