import Foundation
import WFMCore

/// `inputs_sha256` of summary.json: one SHA-256 over everything a run read, so any number in the
/// output can be traced to exactly these inputs.
///
/// The digest covers, in order: the scenario file, each referenced file in the order the loader
/// read it, then each override. A file contributes `file KEY\nBYTECOUNT\n<bytes>\n`, keyed by its
/// scenario key (`agents`, `history.voice`), not its path, so moving the scenario folder does not
/// change the digest while editing any byte of any input does. An override contributes
/// `set KEY=VALUE\n` as typed.
enum InputDigest {
    static func sha256(scenario: Data, inputs: ArraySlice<InputFile>, overrides: [AppliedOverride]) throws -> String {
        var hasher = SHA256()
        func add(_ key: String, _ bytes: Data) {
            hasher.update("file \(key)\n\(bytes.count)\n")
            hasher.update(bytes)
            hasher.update("\n")
        }
        add("scenario", scenario)
        for input in inputs {
            guard let data = FileManager.default.contents(atPath: input.path) else {
                throw DiagnosticError([Diagnostic(file: input.displayName, message: "cannot read the file (did it change while loading?)")])
            }
            add(input.key, data)
        }
        for o in overrides { hasher.update("set \(o.key)=\(o.value)\n") }
        return SHA256.hexString(hasher.finalize())
    }
}
