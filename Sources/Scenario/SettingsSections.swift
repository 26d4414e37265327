import Foundation
import Scheduling
import WFMCore
import Yams

extension NodeReader {
    /// `weekend: [fri, sat]`: one to six distinct day names (`mon` … `sun`, any letter case).
    mutating func readWeekend(_ node: Node, _ path: String) -> Weekend? {
        let expected = "a list of one to six distinct days such as [sat, sun] (mon, tue, wed, thu, fri, sat, sun)"
        guard let items = sequence(node, path, of: "days such as [sat, sun]") else { return nil }
        var days: [Int] = []
        for (i, item) in items.enumerated() {
            guard case .scalar(let s) = item, let day = Weekend.names.firstIndex(of: s.string.lowercased()) else {
                error(item, NodeReader.index(path, i), "expected a day name mon, tue, wed, thu, fri, sat or sun, got \(NodeReader.describe(item))")
                return nil
            }
            days.append(day + 1)
        }
        guard Set(days).count == days.count, let weekend = Weekend(weekdays: Set(days)) else {
            error(node, path, "expected \(expected)")
            return nil
        }
        return weekend
    }

    /// `horizon: {start: YYYY-MM-DD, days: N}` with 1 ≤ N ≤ 366.
    mutating func readHorizon(_ node: Node, _ path: String) -> (start: LocalDate, days: Int)? {
        guard let pairs = mapping(node, path, allowed: ["start", "days"]) else { return nil }
        let start = required(pairs, "start", parent: node, path, expected: "the first plan day YYYY-MM-DD").flatMap {
            date($0, NodeReader.join(path, "start"))
        }
        let days = required(pairs, "days", parent: node, path, expected: "the number of plan days").flatMap {
            int($0, NodeReader.join(path, "days"), in: 1...366, what: "a whole number of days from 1 to 366")
        }
        guard let start, let days else { return nil }
        return (start, days)
    }

    /// An IANA time zone name (`Asia/Jerusalem`), checked with Foundation's time-zone database.
    mutating func readTimeZone(_ node: Node, _ path: String) -> TimeZone? {
        guard let name = string(node, path, what: "an IANA time zone name such as Europe/Moscow") else { return nil }
        guard let zone = TimeZone(identifier: name) else {
            error(node, path, "unknown time zone \"\(name)\": expected an IANA name such as Europe/Moscow or Asia/Jerusalem")
            return nil
        }
        return zone
    }

    mutating func readIntervalMinutes(_ node: Node, _ path: String) -> Int? {
        let allowed = TimeGrid.allowedIntervalMinutes
        let text = allowed.map(String.init).joined(separator: ", ")
        guard let value = int(node, path, in: 1...1440, what: "one of \(text) minutes"), allowed.contains(value) else {
            if case .scalar(let s) = node, let v = Int(s.string), !allowed.contains(v), (1...1440).contains(v) {
                error(node, path, "expected one of \(text) minutes, got \(v)")
            }
            return nil
        }
        return value
    }

    /// `forecast: {method: NAME[, quantile: Q]}` or `forecast: {file: FILE[, missing: error | zero][, encoding: E]}`
    /// (method or file, not both). Returns the method, or the file reference and what missing rows mean.
    /// (`quantile`, beside a method, is read by `readForecastQuantile`.)
    mutating func readForecast(_ node: Node, _ path: String)
        -> (method: String?, file: (node: Node, reference: FileReference)?, missing: MissingForecastRows)? {
        guard let pairs = mapping(node, path, allowed: ["method", "file", "missing", "encoding", "quantile"]) else { return nil }
        let methodNode = NodeReader.value(pairs, "method"), fileNode = NodeReader.value(pairs, "file")
        var missing = MissingForecastRows.error
        if let m = NodeReader.value(pairs, "missing") {
            let names = MissingForecastRows.allCases.map(\.rawValue).joined(separator: " or ")
            guard let text = string(m, NodeReader.join(path, "missing"), what: names) else { return nil }
            guard let value = MissingForecastRows(rawValue: text) else {
                error(m, NodeReader.join(path, "missing"), "expected \(names), got \(NodeReader.describe(m))")
                return nil
            }
            missing = value
        }
        let encoding = NodeReader.value(pairs, "encoding").map { readEncoding($0, NodeReader.join(path, "encoding")) }
        if case .some(nil) = encoding { return nil }
        switch (methodNode, fileNode) {
        case (let m?, nil):
            if NodeReader.value(pairs, "missing") != nil || encoding != nil { error(node, path, "missing and encoding apply to a forecast file, not to a method") }
            return string(m, NodeReader.join(path, "method"), what: "a forecasting method such as auto").map { ($0, nil, missing) }
        case (nil, let f?):
            return string(f, NodeReader.join(path, "file"), what: "a CSV file path").map { (nil, (f, FileReference(path: $0, encoding: encoding ?? nil)), missing) }
        case (.some, .some):
            error(node, path, "give either method or file, not both")
        case (nil, nil):
            error(node, path, "expected {method: auto} or {file: forecast.csv}")
        }
        return nil
    }

    /// A CSV file named in the scenario: `PATH`, or `{file: PATH, encoding: utf-8 | windows-1251}`.
    mutating func readFileReference(_ node: Node, _ path: String) -> FileReference? {
        guard case .mapping = node else { return string(node, path, what: "a CSV file path").map { FileReference(path: $0, encoding: nil) } }
        guard let pairs = mapping(node, path, allowed: ["file", "encoding"]),
              let fileNode = required(pairs, "file", parent: node, path, expected: "a CSV file path"),
              let file = string(fileNode, NodeReader.join(path, "file"), what: "a CSV file path") else { return nil }
        let encoding = NodeReader.value(pairs, "encoding").map { readEncoding($0, NodeReader.join(path, "encoding")) }
        if case .some(nil) = encoding { return nil }
        return FileReference(path: file, encoding: encoding ?? nil)
    }

    /// `encoding: utf-8 | windows-1251` (case-insensitive; `cp1251` is accepted for windows-1251).
    mutating func readEncoding(_ node: Node, _ path: String) -> TextEncoding? {
        let names = TextEncoding.allCases.map(\.rawValue).joined(separator: " or ")
        guard let text = string(node, path, what: names)?.lowercased() else { return nil }
        guard let encoding = TextEncoding(rawValue: text == "cp1251" ? TextEncoding.windows1251.rawValue : text) else {
            error(node, path, "expected \(names), got \(NodeReader.describe(node))")
            return nil
        }
        return encoding
    }

    /// `objective: {mode: balance | min-cost | max-service}`.
    mutating func readObjective(_ node: Node, _ path: String) -> ObjectiveMode? {
        guard let pairs = mapping(node, path, allowed: ["mode"]) else { return nil }
        let names = ObjectiveMode.allCases.map(\.rawValue).joined(separator: ", ")
        guard let modeNode = required(pairs, "mode", parent: node, path, expected: names) else { return nil }
        let modePath = NodeReader.join(path, "mode")
        guard let text = string(modeNode, modePath, what: names) else { return nil }
        guard let mode = ObjectiveMode(rawValue: text) else {
            error(modeNode, modePath, "expected one of \(names), got \(NodeReader.describe(modeNode))")
            return nil
        }
        return mode
    }

    /// `forecast.quantile`: a probability strictly between 0 and 1, only with a forecast method.
    mutating func readForecastQuantile(_ node: Node, _ path: String) -> Double? {
        guard case .mapping(let mapping) = node, let q = mapping["quantile"] else { return nil }
        guard mapping["file"] == nil else {
            error(q, NodeReader.join(path, "quantile"), "a quantile needs a forecast method; a forecast file is planned as given")
            return nil
        }
        return number(q, NodeReader.join(path, "quantile"), what: "a probability strictly between 0 and 1, e.g. 0.9", accept: { $0 > 0 && $0 < 1 })
    }

    /// `solver: {time_limit_seconds, relative_gap, seed, max_moves, max_neighbourhoods,
    /// simulation_replications, simulation_rounds}`, each optional with `defaults`.
    mutating func readSolver(_ node: Node, _ path: String, defaults: SolverSettings = .defaults) -> SolverSettings? {
        guard let pairs = mapping(node, path, allowed: ["time_limit_seconds", "relative_gap", "seed", "max_moves", "max_neighbourhoods",
                                                        "simulation_replications", "simulation_rounds"])
        else { return nil }
        var settings = defaults
        var valid = true
        if let n = NodeReader.value(pairs, "time_limit_seconds") {
            if let v = number(n, NodeReader.join(path, "time_limit_seconds"), what: "a number of seconds > 0", accept: { $0 > 0 }) {
                settings.timeLimitSeconds = v
            } else { valid = false }
        }
        if let n = NodeReader.value(pairs, "relative_gap") {
            if let v = number(n, NodeReader.join(path, "relative_gap"), what: "a fraction from 0 to 1", accept: { $0 >= 0 && $0 <= 1 }) {
                settings.relativeGap = v
            } else { valid = false }
        }
        if let n = NodeReader.value(pairs, "seed") {
            if let v = int(n, NodeReader.join(path, "seed"), in: 0...Int(Int32.max), what: "a whole number from 0 to 2147483647") {
                settings.seed = v
            } else { valid = false }
        }
        if let n = NodeReader.value(pairs, "max_moves") {
            if let v = int(n, NodeReader.join(path, "max_moves"), in: 1...Int(Int32.max), what: "a whole number of moves from 1 to 2147483647") {
                settings.maxMoves = v
            } else { valid = false }
        }
        if let n = NodeReader.value(pairs, "max_neighbourhoods") {
            if let v = int(n, NodeReader.join(path, "max_neighbourhoods"), in: 0...100_000, what: "a whole number of rounds from 0 to 100000") {
                settings.maxNeighbourhoods = v
            } else { valid = false }
        }
        if let n = NodeReader.value(pairs, "simulation_replications") {
            if let v = int(n, NodeReader.join(path, "simulation_replications"), in: 0...1000, what: "a whole number from 0 (no simulation) to 1000") {
                settings.simulationReplications = v
            } else { valid = false }
        }
        if let n = NodeReader.value(pairs, "simulation_rounds") {
            if let v = int(n, NodeReader.join(path, "simulation_rounds"), in: 0...5, what: "a whole number of feedback rounds from 0 to 5") {
                settings.simulationRounds = v
            } else { valid = false }
        }
        return valid ? settings : nil
    }

    /// `calendar:` — special days, each `{date, name?, closed?, volume_factor?, queues?}`; a date at most once.
    mutating func readCalendar(_ node: Node, _ path: String, queueIDs: [String]) -> [SpecialDay]? {
        guard let items = sequence(node, path, of: "special days") else { return nil }
        var days: [SpecialDay] = []
        var valid = true
        for (i, item) in items.enumerated() {
            let itemPath = NodeReader.index(path, i)
            func at(_ key: String) -> String { NodeReader.join(itemPath, key) }
            guard let pairs = mapping(item, itemPath, allowed: ["date", "name", "closed", "volume_factor", "queues"]) else { valid = false; continue }
            let day = required(pairs, "date", parent: item, itemPath, expected: "a date YYYY-MM-DD").flatMap { self.date($0, at("date")) }
            let nameNode = NodeReader.value(pairs, "name")
            let name = nameNode.flatMap { string($0, at("name")) }
            let closed = NodeReader.value(pairs, "closed").map { bool($0, at("closed")) } ?? false
            let factor = NodeReader.value(pairs, "volume_factor").map {
                number($0, at("volume_factor"), what: "a multiplier ≥ 0") { $0 >= 0 }
            }
            var queues: [String]? = []
            if let queuesNode = NodeReader.value(pairs, "queues") {
                queues = sequence(queuesNode, at("queues"), of: "queue ids").map { list in
                    list.enumerated().compactMap { j, q in
                        let qPath = NodeReader.index(at("queues"), j)
                        guard let id = string(q, qPath, what: "a queue id") else { return nil }
                        if !queueIDs.isEmpty && !queueIDs.contains(id) {
                            error(q, qPath, "no queue '\(id)' (defined: \(queueIDs.joined(separator: ", ")))")
                        }
                        return id
                    }
                }
            }
            if closed == true, factor != nil {
                error(NodeReader.value(pairs, "volume_factor"), at("volume_factor"), "a closed day has no volume; give closed: true or a volume_factor, not both")
                valid = false
                continue
            }
            if closed == false, factor == nil {
                error(item, itemPath, "a special day needs closed: true or a volume_factor")
                valid = false
                continue
            }
            if let day, let first = days.firstIndex(where: { $0.date == day }) {
                error(NodeReader.value(pairs, "date"), at("date"), "\(day) is listed twice (also \(path)[\(first)])")
                valid = false
                continue
            }
            guard let day, nameNode == nil || name != nil, let closed, let queues, factor != .some(nil) else {
                valid = false
                continue
            }
            days.append(SpecialDay(date: day, name: name, closed: closed, volumeFactor: (factor ?? 1) ?? 1, queueIDs: queues))
        }
        return valid ? days : nil
    }

    /// `published_roster: {file: FILE, change_penalty: N, encoding: E}` → the file's node, path and
    /// encoding (nil: detected), and the penalty.
    mutating func readPublishedRoster(_ node: Node, _ path: String)
        -> (fileNode: Node, file: String, encoding: TextEncoding?, changePenalty: Double)? {
        guard let pairs = mapping(node, path, allowed: ["file", "change_penalty", "encoding"]) else { return nil }
        let encoding = NodeReader.value(pairs, "encoding").map { readEncoding($0, NodeReader.join(path, "encoding")) }
        if case .some(nil) = encoding { return nil }
        let fileNode = required(pairs, "file", parent: node, path, expected: "the published shifts.csv")
        let file = fileNode.flatMap { string($0, NodeReader.join(path, "file"), what: "a CSV file path") }
        let penalty = required(pairs, "change_penalty", parent: node, path, expected: "the penalty per changed shift").flatMap {
            number($0, NodeReader.join(path, "change_penalty"), what: "a penalty per changed shift ≥ 0") { $0 >= 0 }
        }
        guard let fileNode, let file, let penalty else { return nil }
        return (fileNode, file, encoding ?? nil, penalty)
    }
}
