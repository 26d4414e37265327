/// The KPIs of several runs side by side, each with its difference against the first run
/// (`wfm compare`, docs/report.md).
///
/// Rows, in order: per queue (summary.json order, then queues only later runs have) contacts,
/// service level, ASA (missing where unbounded or deferred; then the intervals where it is unbounded,
/// when a run has any; for deferred work mean and p90 response minutes and the backlog at the
/// horizon's end), occupancy, simulated service level (docs/simulation.md), understaffed intervals and
/// required paid hours; then paid hours,
/// agents used, understaffed intervals of all queues, solver status and gap, the penalty of each soft
/// rule and their total, hard-rule violations; then burnout indicators over agents (worst agent).
/// Shares are shown in percent, so their differences are percentage points.
public struct RunComparison: Sendable {
    /// One cell: a number, a text (solver status), or nothing (the run lacks that queue or rule).
    public enum Value: Sendable, Hashable {
        case number(Double)
        case text(String)
        case missing
    }

    public struct Row: Sendable, Hashable {
        public var metric: String
        /// Unit of the values: "%", "s", "h", "min", or "" for counts.
        public var unit: String
        /// Digits after the decimal point, for values and differences.
        public var decimals: Int
        /// One value per run, in run order.
        public var values: [Value]

        /// The difference of run `index` against the first run: numbers subtract; texts give
        /// "same" or "changed"; missing on either side gives `.missing`.
        public func difference(_ index: Int) -> Value {
            switch (values[0], values[index]) {
            case let (.number(a), .number(b)): return .number(b - a)
            case let (.text(a), .text(b)): return .text(a == b ? "same" : "changed")
            default: return .missing
            }
        }
    }

    /// A label per run: the folder name, or the path as given when two folders share a name.
    public var labels: [String]
    public var rows: [Row]

    public init(_ runs: [RunDirectory]) {
        precondition(!runs.isEmpty, "RunComparison needs at least one run")
        let names = runs.map(\.name)
        labels = Set(names).count == names.count ? names : runs.map(\.path)
        var rows: [Row] = []
        func add(_ metric: String, _ unit: String, _ decimals: Int, _ value: (RunDirectory) -> Value) {
            rows.append(Row(metric: metric, unit: unit, decimals: decimals, values: runs.map(value)))
        }
        func number(_ x: Double?) -> Value { x.map(Value.number) ?? .missing }

        var queues: [String] = []
        for run in runs { for id in run.queueIDs where !queues.contains(id) { queues.append(id) } }
        for q in queues {
            func weekly(_ run: RunDirectory) -> RunSummary.Queue? { run.summary.queues.first { $0.id == q } }
            func has(_ run: RunDirectory) -> Bool { weekly(run) != nil }
            add("\(q) contacts", "", 1) { has($0) ? .number($0.contacts(of: q)) : .missing }
            add("\(q) service level", "%", 1) { number(weekly($0).map { $0.serviceLevel * 100 }) }
            add("\(q) ASA", "s", 1) { number(weekly($0).flatMap { ($0.unstableIntervals ?? 0) == 0 ? $0.asaSeconds : nil }) }
            if runs.contains(where: { (weekly($0)?.unstableIntervals ?? 0) > 0 }) {
                add("\(q) intervals with ASA unbounded", "", 0) { number(weekly($0)?.unstableIntervals.map(Double.init)) }
            }
            if runs.contains(where: { weekly($0)?.responseHours != nil }) {
                add("\(q) mean response", "min", 1) { number(weekly($0)?.meanResponseMinutes) }
                add("\(q) p90 response", "min", 1) { number(weekly($0)?.p90ResponseMinutes) }
                add("\(q) backlog at end", "", 1) { number(weekly($0)?.backlogEndOfDay?.last?.contacts) }
            }
            add("\(q) occupancy", "%", 1) { number(weekly($0)?.occupancy.map { $0 * 100 }) }
            add("\(q) simulated service level", "%", 1) { number(weekly($0)?.simulated?.serviceLevel.map { $0 * 100 }) }
            add("\(q) understaffed intervals", "", 0) { has($0) ? .number(Double($0.understaffedIntervals(of: q))) : .missing }
            add("\(q) required paid hours", "h", 1) { has($0) ? number($0.requiredPaidHours(of: q)) : .missing }
        }
        add("paid hours", "h", 1) { .number($0.summary.paidHours) }
        add("agents used", "", 0) { .number(Double($0.summary.agentsUsed)) }
        add("understaffed intervals, all queues", "", 0) { .number(Double($0.coverage.filter(\.isUnderstaffed).count)) }
        add("solver status", "", 0) { .text($0.summary.solver.status) }
        add("solver gap", "%", 2) { number($0.summary.solver.gap.map { $0 * 100 }) }

        var softRules: [String] = []
        for run in runs {
            for rule in run.summary.rules where rule.kind == .soft && !softRules.contains(rule.id) { softRules.append(rule.id) }
        }
        for id in softRules {
            add("penalty \(id)", "", 1) { run in number(run.summary.rules.first { $0.id == id && $0.kind == .soft }?.penalty) }
        }
        add("soft penalties, total", "", 1) { .number($0.summary.rules.filter { $0.kind == .soft }.reduce(0) { $0 + $1.penalty }) }
        add("hard-rule violations", "", 0) {
            .number(Double($0.summary.rules.filter { $0.kind == .hard }.reduce(0) { $0 + $1.violations }))
        }

        add("max consecutive days, worst agent", "", 0) { number($0.workingAgents.map { Double($0.maxConsecutiveDays) }.max()) }
        // Night shifts and start spread are weekly rules: agents.csv holds each agent's worst week.
        add("max night shifts in a week, worst agent", "", 0) { number($0.workingAgents.map { Double($0.nightShifts) }.max()) }
        add("min rest between shifts, worst agent", "min", 0) {
            number($0.workingAgents.compactMap { $0.minRestMinutes.map(Double.init) }.min())
        }
        add("max start spread in a week, worst agent", "min", 0) { number($0.workingAgents.map { Double($0.startSpreadMinutes) }.max()) }
        add("preferences met", "%", 1) { run in
            let total = run.agents.reduce(0) { $0 + $1.prefsTotal }
            return total == 0 ? .missing : .number(Double(run.agents.reduce(0) { $0 + $1.prefsMet }) * 100 / Double(total))
        }
        self.rows = rows
    }
}
