import Yams

extension NodeReader {
    /// The message for a template id that is not declared under `shifts:`.
    static func unknownTemplate(_ id: String, declared: [String]) -> String {
        "no shift template '\(id)' (defined: \(declared.joined(separator: ", ")))"
    }

    /// A list of shift template ids (`contracts[].shifts`, `shifts[].cannot_follow`): each must be
    /// declared under `shifts:` (valid or not, so a template with its own errors is not blamed again)
    /// and listed once. Returns the ids in order and whether the whole list was valid.
    mutating func templateIDList(_ node: Node, _ path: String, declared: [String], allowEmpty: Bool) -> (ids: [String], valid: Bool) {
        guard let list = sequence(node, path, of: "shift template ids") else { return ([], false) }
        var valid = true
        if list.isEmpty && !allowEmpty { error(node, path, "expected at least one shift template id"); valid = false }
        var ids: [String] = []
        for (i, item) in list.enumerated() {
            let itemPath = NodeReader.index(path, i)
            guard let id = string(item, itemPath, what: "a shift template id") else { valid = false; continue }
            if !declared.contains(id) {
                error(item, itemPath, NodeReader.unknownTemplate(id, declared: declared))
                valid = false
            } else if ids.contains(id) {
                error(item, itemPath, "template '\(id)' is listed twice")
                valid = false
            } else {
                ids.append(id)
            }
        }
        return (ids, valid)
    }
}
