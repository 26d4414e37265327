import Foundation
import MIP

/// The LP relaxation of the full roster model, computed on its own thread while the search runs.
///
/// The model counts only breaks that are certain under every placement (`.certainOnly`), so for
/// every roster its capacity is at least the true capacity and its optimal skill flows at least
/// as good as the allocator's split; its exact curve makes its value at a roster's x at most that
/// roster's true cost (shift cover, requests and every hard rule of long horizons are exact at
/// integer x), and its LP relaxation (where the ordering binaries relax to the concave envelope) is
/// at most the MIP optimum: a valid lower bound on the cost of every roster.
final class LPBound: @unchecked Sendable {
    /// Largest model (shift variables) whose LP is attempted: measured on roster-60 (17,000 shift
    /// variables), GLPK's simplex does not finish within 60 s, while 2,000 solve in seconds.
    static let maxShiftVariables = 2_000
    /// The same for problems without queues (head-count cover, no curve segments): their LP is
    /// sequence rows and cover rows only; measured on the Curtois instances, GLPK solves 30,000 shift
    /// variables within seconds.
    static let maxHeadCountShiftVariables = 30_000

    private let lock = NSLock()
    private var value: Double?
    private let done = DispatchSemaphore(value: 0)
    private(set) var seconds = 0.0

    /// Starts the LP on a new thread, with a time limit in seconds.
    init(context: SchedulingContext, solver: any MIPSolver, timeLimit: Double) {
        let thread = Thread { [self] in
            let clock = ContinuousClock.now
            let model = RosterFormulation(context: context, free: Array(0..<context.agentCount), breaks: .certainOnly).model
            let solution = try? solver.solve(model, options: SolveOptions(timeLimitSeconds: timeLimit, relaxation: true))
            lock.withLock {
                if let solution, solution.status == .optimal { value = solution.objective }
                seconds = (ContinuousClock.now - clock).inSeconds
            }
            done.signal()
        }
        thread.stackSize = 16 << 20
        thread.start()
    }

    /// The bound, waiting at most until `deadline` for it; nil if not ready or the LP failed.
    func result(waitingUntil deadline: ContinuousClock.Instant) -> Double? {
        let wait = max(0, (deadline - ContinuousClock.now).inSeconds)
        if done.wait(timeout: .now() + wait) == .success { done.signal() }
        return lock.withLock { value }
    }
}
