import Foundation

/// A cooperative request to end the search early (the first Ctrl-C or SIGTERM of `wfm run`).
///
/// The search checks it where it checks its deadline (between local-search move batches, GLPK
/// neighbourhood rounds and row-generation passes) and then finishes as at the deadline: the best
/// valid roster found so far is repaired, checked and returned. Safe to set from any thread.
public final class StopRequest: @unchecked Sendable, Hashable {
    private let lock = NSLock()
    private var requested = false

    public init() {}

    /// Asks the search to stop; idempotent.
    public func request() { lock.withLock { requested = true } }

    /// Whether a stop was requested.
    public var isRequested: Bool { lock.withLock { requested } }

    public static func == (a: StopRequest, b: StopRequest) -> Bool { a === b }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

extension SchedulingContext {
    /// Whether the run was asked to stop (`SearchSettings.stop`).
    var stopRequested: Bool { problem.search.stop?.isRequested ?? false }
}
