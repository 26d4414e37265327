import Foundation

/// SIGINT (Ctrl-C) and SIGTERM while a command works: the first calls `onFirst` (which asks the
/// work to stop early and finish cleanly) and is remembered in `first`; a second one ends the
/// process at once with exit status 128 + the signal, before anything more is written.
///
/// Signals are taken from their default action for the life of the process and delivered through
/// dispatch sources on a global queue, so the handler may take locks and write to stderr.
public final class Interrupts: @unchecked Sendable {
    private let lock = NSLock()
    private var received: Int32?
    private var sources: [DispatchSourceSignal] = []

    /// `command` and `stopping` name what the messages on stderr say (`wfm run: interrupted: …`).
    public init(command: String, stopping: String, onFirst: @escaping @Sendable () -> Void) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [unowned self] in
                let again = self.lock.withLock { () -> Bool in
                    defer { if self.received == nil { self.received = number } }
                    return self.received != nil
                }
                if again {
                    FileHandle.standardError.write(Data("\(command): interrupted again: exiting, nothing written\n".utf8))
                    _exit(128 + number)
                }
                FileHandle.standardError.write(Data("\(command): interrupted: \(stopping) (interrupt again to exit at once, writing nothing)\n".utf8))
                onFirst()
            }
            source.resume()
            sources.append(source)
        }
    }

    /// The first signal received, if any.
    public var first: Int32? { lock.withLock { received } }
}
