/// A problem found in user input, located precisely enough for a planner to fix it.
///
/// A diagnostic names the file, and where known the 1-based line and the key path
/// (`queues[0].service_level.target`, `contracts.full-time.shifts`). Diagnostics are
/// collected and reported together; any `.error` means the input is rejected (exit 2).
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible, Error {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public var severity: Severity
    public var file: String
    public var line: Int?
    public var key: String?
    public var message: String

    public init(_ severity: Severity = .error, file: String, line: Int? = nil, key: String? = nil, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    /// `file:line: error: key: message`, the shape compilers use, so editors can jump to it.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        let keyPart = key.map { "\($0): " } ?? ""
        return "\(location): \(severity.rawValue): \(keyPart)\(message)"
    }
}

/// Several diagnostics thrown together, so every problem is reported at once.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Collects diagnostics while input is read, then throws them all if any is an error.
public struct DiagnosticBag: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []
    public init() {}

    public mutating func error(file: String, line: Int? = nil, key: String? = nil, _ message: String) {
        diagnostics.append(Diagnostic(.error, file: file, line: line, key: key, message: message))
    }

    public mutating func warning(file: String, line: Int? = nil, key: String? = nil, _ message: String) {
        diagnostics.append(Diagnostic(.warning, file: file, line: line, key: key, message: message))
    }

    public mutating func append(contentsOf other: [Diagnostic]) { diagnostics.append(contentsOf: other) }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Throws a `DiagnosticError` holding every diagnostic when at least one is an error.
    public func throwIfErrors() throws {
        if hasErrors { throw DiagnosticError(diagnostics) }
    }
}
