import Foundation
import WFMCore

/// A calendar of days that are not normal days: the centre is closed, or volume is a multiple of a
/// normal day's (a public holiday at 0.3, a campaign day at 1.5).
///
/// Special days are never learned as normal days (their history is excluded from every method), and in
/// the forecast a closed day gets 0 contacts and a day with factor `f` gets `f` × the normal-day forecast.
/// A day can apply to every queue or to one queue (which then overrides an every-queue entry).
/// Plain data: the scenario loader fills it from the scenario file, the CLI from `--special-days FILE`.
public struct SpecialDays: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case closed
        /// Volume multiplier ≥ 0 applied to the normal-day forecast.
        case volumeFactor(Double)
    }

    /// Days that apply to every queue.
    public private(set) var days: [LocalDate: Kind]
    /// Days that apply to one queue, by queue id.
    public private(set) var queueDays: [String: [LocalDate: Kind]]

    public init(_ days: [LocalDate: Kind] = [:], perQueue queueDays: [String: [LocalDate: Kind]] = [:]) {
        for (date, kind) in days.map({ ($0.key, $0.value) }) + queueDays.values.flatMap({ $0.map { ($0.key, $0.value) } }) {
            if case .volumeFactor(let f) = kind {
                precondition(f.isFinite && f >= 0, "volume factor of \(date) must be finite and ≥ 0, got \(f)")
            }
        }
        self.days = days
        self.queueDays = queueDays
    }

    /// The special day of `queue` on `date`: its own entry, else the every-queue entry, else nil (a normal day).
    public func kind(on date: LocalDate, queue: String) -> Kind? { queueDays[queue]?[date] ?? days[date] }

    /// Reads `date,kind,factor[,queue]` rows: `kind` is `closed` (factor empty or absent) or `factor`
    /// (`factor` a number ≥ 0); `queue` empty or absent means every queue. Every problem is reported
    /// at once with its line.
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
        let queueColumn = table.column("queue")
        var days: [LocalDate: Kind] = [:]
        var queueDays: [String: [LocalDate: Kind]] = [:]
        var lines: [String: [LocalDate: Int]] = [:]
        for record in table.records {
            guard record.fields.count == table.header.count else {
                bag.error(file: file, line: record.line, "expected \(table.header.count) fields, found \(record.fields.count)")
                continue
            }
            let field = { (i: Int) in record.fields[i].trimmingCharacters(in: .whitespaces) }
            guard let date = LocalDate(field(dateColumn)) else {
                bag.error(file: file, line: record.line, key: "date", "'\(field(dateColumn))' is not a date YYYY-MM-DD or DD.MM.YYYY")
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
                guard let f = table.number(factorText), f.isFinite, f >= 0 else {
                    bag.error(file: file, line: record.line, key: "factor", "'\(factorText)' is not a volume factor: expected a number ≥ 0")
                    continue
                }
                kind = .volumeFactor(f)
            default:
                bag.error(file: file, line: record.line, key: "kind", "'\(field(kindColumn))' is not a kind: expected closed or factor")
                continue
            }
            let queue = queueColumn.map(field) ?? ""
            if let earlier = lines[queue]?[date] {
                bag.error(file: file, line: record.line, key: "date", "\(date) already given on line \(earlier)")
                continue
            }
            lines[queue, default: [:]][date] = record.line
            if queue.isEmpty { days[date] = kind } else { queueDays[queue, default: [:]][date] = kind }
        }
        try bag.throwIfErrors()
        return SpecialDays(days, perQueue: queueDays)
    }
}
