import Foundation

/// A value computed on its own thread while the search runs (the lower bound, the service bound).
final class BackgroundTask<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?
    private let done = DispatchSemaphore(value: 0)
    private var elapsed = 0.0

    /// Starts `compute` on a new thread (16 MiB stack: GLPK recurses on large models).
    init(_ compute: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            let clock = ContinuousClock.now
            let result = compute()
            lock.withLock {
                value = result
                elapsed = (ContinuousClock.now - clock).inSeconds
            }
            done.signal()
        }
        thread.stackSize = 16 << 20
        thread.start()
    }

    /// Seconds the computation took (0 while it runs).
    var seconds: Double { lock.withLock { elapsed } }

    /// The value, waiting at most until `deadline` for it; nil if not ready by then.
    func result(waitingUntil deadline: ContinuousClock.Instant) -> Value? {
        let wait = max(0, (deadline - ContinuousClock.now).inSeconds)
        if done.wait(timeout: .now() + wait) == .success { done.signal() }
        return lock.withLock { value }
    }
}
