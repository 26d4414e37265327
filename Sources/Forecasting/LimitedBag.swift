import WFMCore

/// A diagnostic bag that lists at most `HistoryReader.diagnosticsPerKind` diagnostics of each kind and
/// summarises the rest, so a file with 10,000 bad rows gives a readable report.
struct LimitedBag {
    let file: String
    private var bag = DiagnosticBag()
    private var counts: [String: Int] = [:]
    private var kindsInOrder: [String] = []

    init(file: String) { self.file = file }

    private var overflowIsError: [String: Bool] = [:]

    /// The first diagnostic of every kind is always listed, so the listed ones tell.
    var hasErrors: Bool { bag.hasErrors }

    mutating func error(kind: String, line: Int?, key: String? = nil, _ message: String) {
        if note(kind, isError: true) { bag.error(file: file, line: line, key: key, message) }
    }

    mutating func warning(kind: String, line: Int?, key: String? = nil, _ message: String) {
        if note(kind, isError: false) { bag.warning(file: file, line: line, key: key, message) }
    }

    /// Counts one diagnostic of `kind`; true while it should still be listed.
    private mutating func note(_ kind: String, isError: Bool) -> Bool {
        if counts[kind] == nil { kindsInOrder.append(kind) }
        counts[kind, default: 0] += 1
        if isError { overflowIsError[kind] = true }
        return counts[kind]! <= HistoryReader.diagnosticsPerKind
    }

    /// The listed diagnostics, plus one line per kind that had more than the limit.
    func finish() -> [Diagnostic] {
        var all = bag.diagnostics
        for kind in kindsInOrder {
            let extra = counts[kind]! - HistoryReader.diagnosticsPerKind
            if extra > 0 {
                all.append(Diagnostic(overflowIsError[kind] == true ? .error : .warning, file: file,
                                      message: "\(extra) more line(s) with the same problem as above"))
            }
        }
        return all
    }
}
