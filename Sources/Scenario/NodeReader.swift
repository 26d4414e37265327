import Foundation
import WFMCore
import Yams

/// Reads a composed YAML tree into typed values, collecting one diagnostic per problem.
///
/// Every value is addressed by its key path (`queues[0].service_level.target`); a diagnostic names
/// the scenario file and the line of the offending node (Yams marks are 1-based). A value that came
/// from a `--set` override is reported against that override instead of a line of the file.
/// Readers never stop at the first problem: they return nil for a bad value and carry on, so the
/// loader can report every problem at once.
struct NodeReader {
    /// The scenario file as the user named it, used in diagnostics.
    let file: String
    /// Canonical key path → the override text (`--set queues.voice.volume_factor=abc`) that set it.
    let overriddenPaths: [String: String]
    var bag = DiagnosticBag()

    init(file: String, overriddenPaths: [String: String]) {
        self.file = file
        self.overriddenPaths = overriddenPaths
    }

    // MARK: Diagnostics

    /// Reports an error at `node` (or the line of `fallback` when the node has no mark).
    mutating func error(_ node: Node?, _ path: String, _ message: String) {
        if let override = override(covering: path) {
            bag.error(file: override, key: path, message)
        } else {
            bag.error(file: file, line: node?.mark?.line, key: path, message)
        }
    }

    mutating func warning(_ node: Node?, _ path: String, _ message: String) {
        if let override = override(covering: path) {
            bag.warning(file: override, key: path, message)
        } else {
            bag.warning(file: file, line: node?.mark?.line, key: path, message)
        }
    }

    /// The override whose path equals `path` or is an ancestor of it.
    private func override(covering path: String) -> String? {
        var candidate = path
        while true {
            if let text = overriddenPaths[candidate] { return text }
            guard let cut = candidate.lastIndex(where: { $0 == "." || $0 == "[" }) else { return nil }
            candidate = String(candidate[..<cut])
        }
    }

    // MARK: Structure

    /// The node as a mapping whose keys are all in `allowed`; reports a non-mapping and every unknown key.
    mutating func mapping(_ node: Node, _ path: String, allowed: [String]) -> [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            error(node, path, "expected a mapping with keys \(allowed.joined(separator: ", ")), got \(NodeReader.describe(node))")
            return nil
        }
        var pairs: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                error(keyNode, path, "keys must be plain words, got \(NodeReader.describe(keyNode))")
                continue
            }
            let key = scalar.string
            if !allowed.contains(key) {
                let hint = NodeReader.closest(to: key, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
                error(keyNode, NodeReader.join(path, key),
                      "unknown key\(hint); allowed here: \(allowed.joined(separator: ", "))")
                continue
            }
            pairs.append((key, keyNode, value))
        }
        return pairs
    }

    /// The value of `key` in pairs read by `mapping`, nil when absent or null (`key: ~`).
    static func value(_ pairs: [(key: String, keyNode: Node, value: Node)], _ key: String) -> Node? {
        guard let node = pairs.first(where: { $0.key == key })?.value else { return nil }
        return isNull(node) ? nil : node
    }

    /// Like `value`, but reports a missing key at the line of `parent`.
    mutating func required(_ pairs: [(key: String, keyNode: Node, value: Node)], _ key: String,
                           parent: Node, _ path: String, expected: String) -> Node? {
        if let node = NodeReader.value(pairs, key) { return node }
        error(parent, NodeReader.join(path, key), "missing required key: expected \(expected)")
        return nil
    }

    mutating func sequence(_ node: Node, _ path: String, of what: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            error(node, path, "expected a list of \(what), got \(NodeReader.describe(node))")
            return nil
        }
        return Array(sequence)
    }

    // MARK: Scalars

    mutating func string(_ node: Node, _ path: String, what: String = "a text value") -> String? {
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
            error(node, path, "expected \(what), got \(NodeReader.describe(node))")
            return nil
        }
        return scalar.string
    }

    /// An integer in `range`; `what` completes "expected …" (e.g. "a whole number of minutes ≥ 0").
    mutating func int(_ node: Node, _ path: String, in range: ClosedRange<Int>, what: String) -> Int? {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string.replacingOccurrences(of: "_", with: "")),
              range.contains(value) else {
            error(node, path, "expected \(what), got \(NodeReader.describe(node))")
            return nil
        }
        return value
    }

    /// A finite number satisfying `accept`; `what` completes "expected …".
    mutating func number(_ node: Node, _ path: String, what: String, accept: (Double) -> Bool) -> Double? {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string.replacingOccurrences(of: "_", with: "")),
              value.isFinite, accept(value) else {
            error(node, path, "expected \(what), got \(NodeReader.describe(node))")
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node, _ path: String) -> Bool? {
        guard case .scalar(let scalar) = node else {
            error(node, path, "expected true or false, got \(NodeReader.describe(node))")
            return nil
        }
        switch scalar.string.lowercased() {
        case "true": return true
        case "false": return false
        default:
            error(node, path, "expected true or false, got \(NodeReader.describe(node))")
            return nil
        }
    }

    mutating func date(_ node: Node, _ path: String) -> LocalDate? {
        guard case .scalar(let scalar) = node, let date = LocalDate(scalar.string) else {
            error(node, path, "expected a date YYYY-MM-DD, got \(NodeReader.describe(node))")
            return nil
        }
        return date
    }

    /// Minutes after midnight of an "HH:MM" time; "24:00" only when `allowEndOfDay`.
    mutating func timeOfDay(_ node: Node, _ path: String, allowEndOfDay: Bool = false) -> Int? {
        let latest = allowEndOfDay ? "24:00" : "23:59"
        guard case .scalar(let scalar) = node, let minute = parseTimeOfDay(scalar.string),
              allowEndOfDay || minute < 1440 else {
            error(node, path, "expected a time of day \"HH:MM\" from 00:00 to \(latest), got \(NodeReader.describe(node))")
            return nil
        }
        return minute
    }

    // MARK: Helpers

    /// The `id` of every mapping item of a list node, as written (valid or not), each once, in order.
    static func declaredIDs(_ node: Node?) -> [String] {
        guard case .sequence(let items)? = node else { return [] }
        var ids: [String] = []
        for id in items.compactMap({ $0.mapping?["id"]?.string }) where !ids.contains(id) { ids.append(id) }
        return ids
    }

    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// How a node reads in a message: a scalar in quotes, or its kind.
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return isNull(node) ? "nothing" : "\"\(scalar.string)\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    static func index(_ path: String, _ i: Int) -> String { "\(path)[\(i)]" }

    /// The allowed key nearest to a misspelt one (edit distance ≤ 2), for a "did you mean" hint.
    static func closest(to key: String, in allowed: [String]) -> String? {
        let scored = allowed.map { ($0, editDistance(key, $0)) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance. O(|a|·|b|).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
