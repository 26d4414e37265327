import Scheduling
import Yams

extension NodeReader {
    static let shiftKeys = ["id", "start_earliest", "start_latest", "start_step_minutes", "length_minutes", "breaks",
                            "cannot_follow"]
    static let breakKeys = ["length_minutes", "paid", "earliest_after_minutes", "latest_after_minutes"]

    /// `shifts:` — shift templates. Starts, steps, lengths and breaks must lie on the interval grid
    /// (multiples of `intervalMinutes`, when that is known), and every break window must fit the
    /// shortest length of its template. `cannot_follow` must name templates of `declaredIDs` (every
    /// id under `shifts:`, as written).
    mutating func readTemplates(_ node: Node, _ path: String, intervalMinutes: Int?, declaredIDs: [String]) -> [ShiftTemplate] {
        guard let items = sequence(node, path, of: "shift templates") else { return [] }
        if items.isEmpty { error(node, path, "expected at least one shift template") }
        var templates: [ShiftTemplate] = []
        var seen: [String: Int] = [:]
        for (i, item) in items.enumerated() {
            let itemPath = NodeReader.index(path, i)
            guard let template = readTemplate(item, itemPath, intervalMinutes: intervalMinutes, declaredIDs: declaredIDs) else { continue }
            if let first = seen[template.id] {
                error(item, NodeReader.join(itemPath, "id"), "duplicate shift id '\(template.id)' (also shifts[\(first)])")
                continue
            }
            seen[template.id] = i
            templates.append(template)
        }
        return templates
    }

    /// Reports `minutes` when it is not a multiple of the interval.
    private mutating func checkOnGrid(_ minutes: Int, _ node: Node?, _ path: String, intervalMinutes: Int?) -> Bool {
        guard let interval = intervalMinutes, minutes % interval != 0 else { return true }
        error(node, path, "must be a multiple of interval_minutes (\(interval)) so it lies on the planning grid, got \(minutes)")
        return false
    }

    private mutating func readTemplate(_ node: Node, _ path: String, intervalMinutes: Int?, declaredIDs: [String]) -> ShiftTemplate? {
        guard let pairs = mapping(node, path, allowed: NodeReader.shiftKeys) else { return nil }
        func at(_ key: String) -> String { NodeReader.join(path, key) }
        let id = required(pairs, "id", parent: node, path, expected: "a shift id such as early").flatMap { string($0, at("id")) }
        let earliest = required(pairs, "start_earliest", parent: node, path, expected: "a time \"HH:MM\"").flatMap {
            timeOfDay($0, at("start_earliest"))
        }
        let latest = required(pairs, "start_latest", parent: node, path, expected: "a time \"HH:MM\"").flatMap {
            timeOfDay($0, at("start_latest"))
        }
        var valid = true
        if let earliest, !checkOnGrid(earliest, NodeReader.value(pairs, "start_earliest"), at("start_earliest"), intervalMinutes: intervalMinutes) { valid = false }
        if let latest, !checkOnGrid(latest, NodeReader.value(pairs, "start_latest"), at("start_latest"), intervalMinutes: intervalMinutes) { valid = false }
        if let earliest, let latest, latest < earliest {
            error(NodeReader.value(pairs, "start_latest"), at("start_latest"),
                  "must not be before start_earliest \(NodeReader.clock(earliest)), got \(NodeReader.clock(latest))")
            valid = false
        }
        var step = intervalMinutes ?? 15
        if let stepNode = NodeReader.value(pairs, "start_step_minutes") {
            if let value = int(stepNode, at("start_step_minutes"), in: 1...1440, what: "a whole number of minutes from 1 to 1440") {
                step = value
                if !checkOnGrid(value, stepNode, at("start_step_minutes"), intervalMinutes: intervalMinutes) { valid = false }
            } else { valid = false }
        }
        var lengths: [Int] = []
        if let lengthNode = required(pairs, "length_minutes", parent: node, path, expected: "a length in minutes or a list such as [480, 540]") {
            let lengthNodes: [(Node, String)]
            if case .sequence(let list) = lengthNode {
                lengthNodes = list.enumerated().map { ($1, NodeReader.index(at("length_minutes"), $0)) }
                if list.isEmpty { error(lengthNode, at("length_minutes"), "expected at least one length"); valid = false }
            } else {
                lengthNodes = [(lengthNode, at("length_minutes"))]
            }
            for (n, p) in lengthNodes {
                guard let length = int(n, p, in: 1...1440, what: "a shift length in whole minutes from 1 to 1440") else { valid = false; continue }
                if !checkOnGrid(length, n, p, intervalMinutes: intervalMinutes) { valid = false }
                if lengths.contains(length) { error(n, p, "length \(length) is listed twice"); valid = false }
                lengths.append(length)
            }
        } else { valid = false }
        var breaks: [BreakRule] = []
        if let breaksNode = NodeReader.value(pairs, "breaks") {
            if let list = sequence(breaksNode, at("breaks"), of: "breaks") {
                for (i, b) in list.enumerated() {
                    let breakPath = NodeReader.index(at("breaks"), i)
                    if let rule = readBreak(b, breakPath, shortest: lengths.min(), intervalMinutes: intervalMinutes) {
                        breaks.append(rule)
                    } else { valid = false }
                }
            } else { valid = false }
        }
        let breakTotal = breaks.reduce(0) { $0 + $1.lengthMinutes }
        if let shortest = lengths.min(), breakTotal >= shortest, !breaks.isEmpty {
            error(NodeReader.value(pairs, "breaks"), at("breaks"), "breaks total \(breakTotal) minutes, not shorter than the shortest shift (\(shortest) minutes)")
            valid = false
        }
        var cannotFollow: [String] = []
        if let followNode = NodeReader.value(pairs, "cannot_follow") {
            let list = templateIDList(followNode, at("cannot_follow"), declared: declaredIDs, allowEmpty: true)
            cannotFollow = list.ids
            if !list.valid { valid = false }
        }
        guard valid, let id, let earliest, let latest else { return nil }
        return ShiftTemplate(id: id, startEarliestMinute: earliest, startLatestMinute: latest, startStepMinutes: step,
                             lengthsMinutes: lengths, breaks: breaks, cannotFollow: cannotFollow)
    }

    /// One break; its window `[earliest_after, latest_after + length]` must fit inside the shortest shift.
    private mutating func readBreak(_ node: Node, _ path: String, shortest: Int?, intervalMinutes: Int?) -> BreakRule? {
        guard let pairs = mapping(node, path, allowed: NodeReader.breakKeys) else { return nil }
        func at(_ key: String) -> String { NodeReader.join(path, key) }
        func minutes(_ key: String, _ range: ClosedRange<Int>, _ what: String) -> Int? {
            guard let n = required(pairs, key, parent: node, path, expected: what),
                  let value = int(n, at(key), in: range, what: what) else { return nil }
            return checkOnGrid(value, n, at(key), intervalMinutes: intervalMinutes) ? value : nil
        }
        let length = minutes("length_minutes", 1...1440, "a break length in whole minutes > 0")
        let earliest = minutes("earliest_after_minutes", 0...1440, "whole minutes after the shift start ≥ 0")
        let latest = minutes("latest_after_minutes", 0...1440, "whole minutes after the shift start ≥ 0")
        let paid = NodeReader.value(pairs, "paid").map { bool($0, at("paid")) } ?? false
        guard let length, let earliest, let latest, let paid else { return nil }
        if latest < earliest {
            error(NodeReader.value(pairs, "latest_after_minutes"), at("latest_after_minutes"),
                  "must not be less than earliest_after_minutes (\(earliest)), got \(latest)")
            return nil
        }
        if let shortest, latest + length > shortest {
            error(NodeReader.value(pairs, "latest_after_minutes"), at("latest_after_minutes"),
                  "a break starting \(latest) minutes in and lasting \(length) ends after the shortest shift (\(shortest) minutes); the break window must fit the shift")
            return nil
        }
        return BreakRule(lengthMinutes: length, paid: paid, earliestAfterMinutes: earliest, latestAfterMinutes: latest)
    }
}
