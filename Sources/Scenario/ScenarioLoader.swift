import Foundation
import Scheduling
import WFMCore
import Yams

/// Reads a scenario file (SPEC.md, `version: 1`), applies `--set` overrides, validates it with the
/// CSV files it references, and maps it onto the stages' domain types.
///
/// Every problem is collected (file, line, key path, what was expected) and thrown together as one
/// `DiagnosticError`; the CLI prints them and exits 2. Relative paths resolve against the folder of
/// the scenario file. See docs/scenario.md for every key, its type, default and unit.
public enum ScenarioLoader {
    public static let topLevelKeys = [
        "version", "name", "timezone", "interval_minutes", "horizon", "history", "forecast", "queues", "shrinkage",
        "shifts", "contracts", "agents", "agents_off", "availability", "carry_in", "objective", "solver", "calendar",
        "published_roster", "shift_cover", "requests", "weekend",
    ]
    /// The only scenario format version this build reads.
    public static let version = 1
    /// Used when `interval_minutes` is absent.
    public static let defaultIntervalMinutes = 15

    public static func load(path: String, overrides: [String] = []) throws -> Scenario {
        let (data, root, applied, composed) = try compose(path: path, overrides: overrides, what: "scenario")
        var reader = composed
        var context = LoadContext(scenarioPath: path)
        let scenario = context.read(root, reader: &reader, applied: applied)
        let quantile = root.mapping?["forecast"].flatMap { reader.readForecastQuantile($0, "forecast") }
        try reader.bag.throwIfErrors()
        guard var scenario else {
            preconditionFailure("scenario \(path) failed to load without an error diagnostic: \(reader.bag.diagnostics)")
        }
        scenario.forecastQuantile = quantile
        scenario.inputsSHA256 = try InputDigest.sha256(scenario: data, inputs: scenario.inputFiles.dropFirst(), overrides: applied)
        scenario.warnings = reader.bag.diagnostics
        return scenario
    }

    /// Reads and composes a YAML input file (`what`: "scenario", "plan") and applies `--set` overrides:
    /// the file's bytes, the tree, the overrides applied, and a reader that reports against them
    /// (holding the diagnostics of overrides that could not be applied).
    static func compose(path: String, overrides: [String], what: String) throws
        -> (data: Data, root: Node, applied: [AppliedOverride], reader: NodeReader) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticError([Diagnostic(file: path, message: "cannot read the \(what) file (missing or not readable)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticError([Diagnostic(file: path, line: firstLineNotUTF8(data), message: "the \(what) file is not UTF-8 text")])
        }
        let composed: Node?
        do {
            composed = try Yams.compose(yaml: text)
        } catch {
            throw DiagnosticError([yamlDiagnostic(error, file: path)])
        }
        guard let document = composed else {
            throw DiagnosticError([Diagnostic(file: path, line: 1, message: "the \(what) file is empty: expected version: 1 and the keys of docs/\(what).md")])
        }
        let (root, applied, overrideDiagnostics) = Overrides.apply(overrides, to: document)
        var overridden: [String: String] = [:]
        for o in applied { overridden[o.path] = "--set \(o.key)=\(o.value)" }
        var reader = NodeReader(file: path, overriddenPaths: overridden)
        reader.bag.append(contentsOf: overrideDiagnostics)
        return (data, root, applied, reader)
    }

    /// A diagnostic for a YAML syntax error, with the line Yams reports.
    static func yamlDiagnostic(_ error: Error, file: String) -> Diagnostic {
        switch error as? YamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return Diagnostic(file: file, line: mark.line, message: "not valid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(file: file, line: context.mark.line,
                              message: "duplicate key\(duplicates.count > 1 ? "s" : "") \(duplicates.joined(separator: ", ")) in one mapping")
        case .reader(let problem, let offset, _, let yaml):
            // The reader's offset counts bytes of the UTF-8 text: the line is one more than the line ends before it.
            let line = offset.map { o in 1 + yaml.utf8.prefix(max(0, o)).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
            return Diagnostic(file: file, line: line, message: "not valid YAML: \(problem)")
        default:
            return Diagnostic(file: file, message: "not valid YAML: \(error)")
        }
    }
}

/// The state of one load: where the scenario lives and the files it references.
struct LoadContext {
    let scenarioPath: String
    var inputFiles: [InputFile] = []

    init(scenarioPath: String) {
        self.scenarioPath = scenarioPath
        inputFiles = [InputFile(key: "scenario", displayName: scenarioPath, path: scenarioPath)]
    }

    /// A file reference (`readFileReference`) at `key`, resolved; nil (reported) when bad or missing.
    mutating func resolve(_ node: Node, key: String, reader: inout NodeReader) -> InputFile? {
        guard let reference = reader.readFileReference(node, key) else { return nil }
        return resolve(reference.path, key: key, node: node, encoding: reference.encoding, reader: &reader)
    }

    /// `relative` resolved against the scenario's folder, registered as an input; nil (reported) when missing.
    mutating func resolve(_ relative: String, key: String, node: Node, encoding: TextEncoding? = nil, reader: inout NodeReader) -> InputFile? {
        let folder = (scenarioPath as NSString).deletingLastPathComponent
        let path = relative.hasPrefix("/") || folder.isEmpty ? relative : folder + "/" + relative
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            let base = folder.isEmpty ? "the current folder" : folder
            reader.error(node, key, "file not found: \(path) (paths are relative to the scenario's folder, \(base))")
            return nil
        }
        let file = InputFile(key: key, displayName: path, path: path, encoding: encoding)
        inputFiles.append(file)
        return file
    }

    mutating func read(_ root: Node, reader: inout NodeReader, applied: [AppliedOverride]) -> Scenario? {
        guard let top = reader.mapping(root, "", allowed: ScenarioLoader.topLevelKeys) else { return nil }
        func value(_ key: String) -> Node? { NodeReader.value(top, key) }

        if let versionNode = reader.required(top, "version", parent: root, "", expected: "version: 1") {
            if case .scalar(let s) = versionNode, Int(s.string) != ScenarioLoader.version {
                reader.error(versionNode, "version", "this wfm reads scenario version \(ScenarioLoader.version), got \(NodeReader.describe(versionNode))")
            }
        }
        let defaultName = ((scenarioPath as NSString).lastPathComponent as NSString).deletingPathExtension
        let name = value("name").map { reader.string($0, "name", what: "a scenario name") } ?? defaultName
        let zone = reader.required(top, "timezone", parent: root, "", expected: "an IANA time zone such as Europe/Moscow")
            .flatMap { reader.readTimeZone($0, "timezone") }
        let intervalNode = value("interval_minutes")
        let interval = intervalNode.map { reader.readIntervalMinutes($0, "interval_minutes") } ?? ScenarioLoader.defaultIntervalMinutes
        let horizon = reader.required(top, "horizon", parent: root, "", expected: "{start: YYYY-MM-DD, days: 7}")
            .flatMap { reader.readHorizon($0, "horizon") }
        let queues = reader.required(top, "queues", parent: root, "", expected: "a list of queues")
            .map { reader.readQueues($0, "queues") } ?? []
        // Ids as written, valid or not: cross-references are checked against these, so one bad
        // value in a queue or contract is reported once and not again at every reference to it.
        let queueIDs = NodeReader.declaredIDs(value("queues"))
        let shrinkage = value("shrinkage").map {
            reader.number($0, "shrinkage", what: "a fraction from 0 up to (not including) 1") { $0 >= 0 && $0 < 1 }
        } ?? 0
        let errorsBeforeShifts = reader.bag.diagnostics.count
        let shiftsNode = reader.required(top, "shifts", parent: root, "", expected: "a list of shift templates")
        let declaredTemplateIDs = NodeReader.declaredIDs(shiftsNode)
        let templates = shiftsNode.map {
            reader.readTemplates($0, "shifts", intervalMinutes: interval, declaredIDs: declaredTemplateIDs)
        } ?? []
        let templatesValid = reader.bag.diagnostics.count == errorsBeforeShifts
        let contracts = reader.required(top, "contracts", parent: root, "", expected: "a list of contracts").map {
            reader.readContracts($0, "contracts", templates: templates, templatesValid: templatesValid,
                                 declaredTemplateIDs: declaredTemplateIDs, days: horizon?.days)
        } ?? []
        let objective = value("objective").map { reader.readObjective($0, "objective") } ?? .balance
        let solver = value("solver").map { reader.readSolver($0, "solver") } ?? .defaults
        let calendar = value("calendar").map { reader.readCalendar($0, "calendar", queueIDs: queueIDs) } ?? []
        let weekend = value("weekend").map { reader.readWeekend($0, "weekend") } ?? .saturdaySunday

        var grid: TimeGrid?
        if let zone, let interval, let horizon {
            grid = TimeGrid(timeZone: zone, startDate: horizon.start, days: horizon.days, intervalMinutes: interval)
        }

        // Referenced files.
        let forecastSpec = value("forecast").map { reader.readForecast($0, "forecast") } ?? ("auto", nil, .error)
        var history: [HistoryFile] = []
        if let historyNode = value("history") {
            history = readHistory(historyNode, queueIDs: queueIDs, reader: &reader)
        } else if case (_?, nil, _)? = forecastSpec {
            reader.error(root, "history", "missing required key: the forecast method needs a history file (or give forecast: {file: forecast.csv})")
        }
        var forecast: ForecastSource?
        switch forecastSpec {
        case (let method?, nil, _)?: forecast = .method(method)
        case (nil, let (node, reference)?, let missing)?:
            if let file = resolve(reference.path, key: "forecast.file", node: node, encoding: reference.encoding, reader: &reader), let grid {
                let settings = Dictionary(queues.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
                forecast = .file(file, rows: ForecastFile.read(file, grid: grid, queueIDs: queueIDs, queues: settings, calendar: calendar ?? [],
                                                               missing: missing, bag: &reader.bag))
            }
        default: break
        }
        if case .method = forecast {
            checkHandleTimes(queues: queues, history: history, top: top, reader: &reader)
        }

        var agents: [Agent] = []
        // nil when the agents file could not be read: references to agents are then not checked.
        var agentIDs: Set<String>?
        if let agentsNode = reader.required(top, "agents", parent: root, "", expected: "the agents CSV file"),
           let file = resolve(agentsNode, key: "agents", reader: &reader) {
            let read = AgentsFile.read(file, queueIDs: queueIDs, contractIDs: NodeReader.declaredIDs(value("contracts")),
                                       bag: &reader.bag)
            agents = read.agents
            agentIDs = read.ids
        }
        let agentsOff = value("agents_off").map { readAgentsOff($0, known: agentIDs, reader: &reader) } ?? []
        agents.removeAll { agentsOff.contains($0.id) }
        let horizonDates = horizon.map { $0.start...$0.start.adding(days: $0.days - 1) }

        var availability: [AvailabilityWindow] = []
        if let node = value("availability"), let file = resolve(node, key: "availability", reader: &reader) {
            availability = AvailabilityFile.read(file, agentIDs: agentIDs, horizon: horizonDates, bag: &reader.bag)
                .filter { !agentsOff.contains($0.agentID) }
        }
        var carryIn: [CarryInShift] = []
        if let node = value("carry_in"), let file = resolve(node, key: "carry_in", reader: &reader), let zone, let horizon {
            carryIn = ShiftsFile.read(file, zone: zone, bag: &reader.bag) { shift in
                if shift.date >= horizon.start {
                    return .reject(key: "date", message: "carry-in shifts are last week's: \(shift.date) is not before the horizon start \(horizon.start)")
                }
                if let agentIDs, !agentIDs.contains(shift.agentID) {
                    return .skip(key: "agent_id", message: "agent '\(shift.agentID)' is not in the agents file; row ignored")
                }
                return .accept
            }.filter { !agentsOff.contains($0.agentID) }
            .map { CarryInShift(agentID: $0.agentID, date: $0.date, start: $0.start, end: $0.end) }
        }
        var published: PublishedRoster?
        if let node = value("published_roster"), let spec = reader.readPublishedRoster(node, "published_roster"),
           let file = resolve(spec.file, key: "published_roster.file", node: spec.fileNode, encoding: spec.encoding, reader: &reader),
           let zone, let horizonDates {
            let shifts = ShiftsFile.read(file, zone: zone, bag: &reader.bag) { shift in
                if !horizonDates.contains(shift.date) {
                    return .reject(key: "date", message: "\(shift.date) is outside the horizon \(horizonDates.lowerBound)…\(horizonDates.upperBound)")
                }
                if let agentIDs, !agentIDs.contains(shift.agentID) {
                    return .reject(key: "agent_id", message: "no agent '\(shift.agentID)' in the agents file")
                }
                if !declaredTemplateIDs.contains(shift.templateID) {
                    return .reject(key: "shift_id", message: NodeReader.unknownTemplate(shift.templateID, declared: declaredTemplateIDs))
                }
                return .accept
            }
            published = PublishedRoster(file: file, changePenalty: spec.changePenalty, shifts: shifts)
        }
        var shiftCover: [ShiftCover] = []
        if let node = value("shift_cover"), let file = resolve(node, key: "shift_cover", reader: &reader) {
            shiftCover = ShiftCoverFile.read(file, templateIDs: declaredTemplateIDs, horizon: horizonDates, bag: &reader.bag)
        }
        var requests: [ShiftRequest] = []
        if let node = value("requests"), let file = resolve(node, key: "requests", reader: &reader) {
            requests = RequestsFile.read(file, agentIDs: agentIDs, templateIDs: declaredTemplateIDs, horizon: horizonDates,
                                         bag: &reader.bag)
                .filter { !agentsOff.contains($0.agentID) }
        }
        for queue in queues where !agents.isEmpty && !agents.contains(where: { $0.skills.contains { $0.queueID == queue.id } }) {
            reader.warning(value("queues"), "queues", "no agent has skill '\(queue.id)': its contacts cannot be answered")
        }

        guard let name, let zone, let grid, let shrinkage, let objective, let solver, let calendar, let forecast, let weekend else { return nil }
        return Scenario(name: name, file: scenarioPath, timeZone: zone, grid: grid, history: history, forecast: forecast,
                        queues: queues, shrinkage: shrinkage, templates: templates, contracts: contracts, agents: agents,
                        agentsOff: agentsOff, availability: availability, carryIn: carryIn, objective: objective, solver: solver,
                        calendar: calendar, publishedRoster: published, shiftCover: shiftCover, requests: requests, overrides: applied, inputFiles: inputFiles,
                        inputsSHA256: "", warnings: [], weekend: weekend)
    }

    /// `agents_off: [ID, …]`: agents of agents.csv left out of this plan; each must be in the file
    /// (checked only when the file was read), each listed once.
    private func readAgentsOff(_ node: Node, known: Set<String>?, reader: inout NodeReader) -> [String] {
        guard let items = reader.sequence(node, "agents_off", of: "agent ids") else { return [] }
        var ids: [String] = []
        for (i, item) in items.enumerated() {
            let path = NodeReader.index("agents_off", i)
            guard let id = reader.string(item, path, what: "an agent id") else { continue }
            if let known, !known.contains(id) {
                reader.error(item, path, "no agent '\(id)' in the agents file")
            } else if ids.contains(id) {
                reader.error(item, path, "agent '\(id)' is listed twice")
            } else {
                ids.append(id)
            }
        }
        return ids
    }

    /// `history: FILE` (one file for every queue: with a `queue` column, or without one when there is
    /// a single queue; also `{file: FILE, encoding: E}`) or `history: {QUEUE: FILE, …}` (one file per
    /// queue, each without a queue column; each FILE may be `{file: …, encoding: …}`).
    mutating func readHistory(_ node: Node, _ path: String = "history", queueIDs: [String], reader: inout NodeReader) -> [HistoryFile] {
        if case .mapping(let mapping) = node, mapping["file"] == nil || queueIDs.contains("file") {
            guard let pairs = reader.mapping(node, path, allowed: queueIDs) else { return [] }
            var files: [HistoryFile] = []
            for (queue, _, valueNode) in pairs {
                let key = NodeReader.join(path, queue)
                guard let file = resolve(valueNode, key: key, reader: &reader),
                      let header = historyHeader(file, node: valueNode, key: key, reader: &reader) else { continue }
                files.append(HistoryFile(queueID: queue, file: file, hasHandleTime: header.contains("aht_seconds")))
            }
            for queue in queueIDs where !pairs.contains(where: { $0.key == queue }) {
                reader.error(node, path, "queue '\(queue)' has no history file: map every queue, e.g. \(queue): data/\(queue).csv")
            }
            return files
        }
        guard let file = resolve(node, key: path, reader: &reader),
              let header = historyHeader(file, node: node, key: path, reader: &reader) else { return [] }
        if queueIDs.count > 1 && !header.contains("queue") {
            reader.error(node, path, "\(file.displayName) has no queue column but the scenario has \(queueIDs.count) queues: add a queue column or map each queue to its own file")
        }
        return [HistoryFile(queueID: nil, file: file, hasHandleTime: header.contains("aht_seconds"))]
    }

    /// The header of a history file (parsed by Forecasting later; here only its columns are checked).
    private func historyHeader(_ file: InputFile, node: Node, key: String, reader: inout NodeReader) -> [String]? {
        guard let handle = FileHandle(forReadingAtPath: file.path) else {
            reader.error(node, key, "cannot read \(file.displayName)")
            return nil
        }
        defer { try? handle.close() }
        let head = String(decoding: handle.readData(ofLength: 65_536), as: UTF8.self)
        let firstLine = head.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        guard let table = try? CSVTable.parse(firstLine, file: file.displayName) else {
            reader.bag.error(file: file.displayName, line: 1, "cannot read the header line: expected interval_start,queue,contacts[,aht_seconds]")
            return nil
        }
        let header = table.header
        var missing: [String] = []
        if !header.contains("interval_start") { missing.append("interval_start") }
        if !header.contains("contacts") && !header.contains("calls") { missing.append("contacts") }
        if !missing.isEmpty {
            reader.bag.error(file: file.displayName, line: 1,
                             table.missingColumnsMessage(missing, expected: ["interval_start", "queue", "contacts", "aht_seconds"]) + " (queue and aht_seconds are optional)")
            return nil
        }
        return header
    }

    /// A queue forecast from history needs `aht_seconds` unless its history file has handle times.
    private func checkHandleTimes(queues: [QueueSettings], history: [HistoryFile], top: [(key: String, keyNode: Node, value: Node)],
                                  reader: inout NodeReader) {
        guard let queueNodes = NodeReader.value(top, "queues")?.sequence.map(Array.init) else { return }
        for queue in queues where queue.ahtSeconds == nil {
            let file = history.first { $0.queueID == queue.id } ?? history.first { $0.queueID == nil }
            guard let file, !file.hasHandleTime else { continue }
            let index = queueNodes.firstIndex { $0.mapping?["id"]?.string == queue.id } ?? 0
            reader.error(queueNodes[index], "queues[\(index)].aht_seconds",
                         "missing: \(file.file.displayName) has no aht_seconds column, so the queue needs aht_seconds (seconds)")
        }
    }
}
