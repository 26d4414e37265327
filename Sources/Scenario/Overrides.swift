import WFMCore
import Yams

/// `--set KEY=VALUE` overrides (SPEC.md), applied to the YAML tree before it is validated.
///
/// KEY is a dotted path from the top of the scenario. A segment addresses a mapping key, or an item
/// of a list by its `id` (`queues.voice`, `shifts.early`, `contracts.full-time`), its `date`
/// (`calendar.2000-01-07`), or its 0-based index (`queues.0`). Keys missing from the file are added,
/// with the mappings leading to them, so `--set solver.seed=7` works on a file without `solver:`.
/// VALUE is read as YAML (`1.15`, `"07:00"`, `[480, 540]`, `{target: 0.9, seconds: 15}`), so the
/// override is type-checked by the same rules as the file: a bad value is reported against the
/// override (`--set queues.voice.volume_factor=abc: error: queues[0].volume_factor: …`).
enum Overrides {
    /// Splits `KEY=VALUE`; nil when there is no `=` or the key is empty.
    static func split(_ text: String) -> (key: String, value: String)? {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        let key = String(text[..<equals]).trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty else { return nil }
        return (key, String(text[text.index(after: equals)...]))
    }

    /// Applies every override in order. Returns the new tree, the applied overrides, and one
    /// diagnostic per override that could not be applied (those are skipped).
    static func apply(_ texts: [String], to root: Node) -> (root: Node, applied: [AppliedOverride], diagnostics: [Diagnostic]) {
        var tree = root
        var applied: [AppliedOverride] = []
        var diagnostics: [Diagnostic] = []
        for text in texts {
            let origin = "--set \(text)"
            guard let (key, valueText) = split(text) else {
                diagnostics.append(Diagnostic(file: origin, message: "expected KEY=VALUE, e.g. queues.voice.volume_factor=1.15"))
                continue
            }
            let value: Node
            do {
                value = try Yams.compose(yaml: valueText) ?? Node("", .implicit, .plain)
            } catch {
                diagnostics.append(Diagnostic(file: origin, key: key, message: "the value is not valid YAML: \(error)"))
                continue
            }
            let segments = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if segments.contains(where: \.isEmpty) {
                diagnostics.append(Diagnostic(file: origin, key: key, message: "empty segment in the key path"))
                continue
            }
            switch set(value, at: segments[...], in: tree, path: "") {
            case .success(let (newTree, path)):
                tree = newTree
                applied.append(AppliedOverride(key: key, value: valueText, path: path))
            case .failure(let failure):
                diagnostics.append(Diagnostic(file: origin, key: key, message: failure.message))
            }
        }
        return (tree, applied, diagnostics)
    }

    struct Failure: Error { var message: String }

    /// Replaces (or adds) the node at `segments` below `node`; returns the new node and the canonical path.
    private static func set(_ value: Node, at segments: ArraySlice<String>, in node: Node, path: String)
        -> Result<(Node, String), Failure> {
        guard let segment = segments.first else { return .success((value, path)) }
        let rest = segments.dropFirst()
        switch node {
        case .mapping(let mapping):
            var pairs = mapping.map { ($0.key, $0.value) }
            let childPath = NodeReader.join(path, segment)
            if let i = pairs.firstIndex(where: { $0.0.string == segment }) {
                return set(value, at: rest, in: pairs[i].1, path: childPath).map { child, canonical in
                    pairs[i].1 = child
                    return (.mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark)), canonical)
                }
            }
            let empty = Node.mapping(Node.Mapping([]))
            return set(value, at: rest, in: empty, path: childPath).map { child, canonical in
                pairs.append((Node(segment), child))
                return (.mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark)), canonical)
            }
        case .sequence(let sequence):
            var items = Array(sequence)
            let index = items.firstIndex { item in
                guard case .mapping(let m) = item else { return false }
                return m["id"]?.string == segment || m["date"]?.string == segment
            } ?? Int(segment).flatMap { items.indices.contains($0) ? $0 : nil }
            guard let i = index else {
                let ids = items.compactMap { $0.mapping?["id"]?.string ?? $0.mapping?["date"]?.string }
                let known = ids.isEmpty ? "" : " (ids: \(ids.joined(separator: ", ")))"
                return .failure(Failure(message: "no item '\(segment)' in \(path.isEmpty ? "the list" : path)\(known); address list items by id or 0-based index"))
            }
            return set(value, at: rest, in: items[i], path: NodeReader.index(path, i)).map { child, canonical in
                items[i] = child
                return (.sequence(Node.Sequence(items, sequence.tag, sequence.style, sequence.mark)), canonical)
            }
        case .scalar where NodeReader.isNull(node):
            return set(value, at: segments, in: .mapping(Node.Mapping([])), path: path)
        default:
            return .failure(Failure(message: "\(path.isEmpty ? "the document" : path) is \(NodeReader.describe(node)), not a mapping or list; cannot set '\(segment)' inside it"))
        }
    }
}
