/// Head count per `RosterProblem.shiftCover` target of a roster and its cover penalty (contacts),
/// with one pending change priced against them: `evaluate`, then `commit` or `discard`.
///
/// Option o counts towards target `SchedulingContext.coverOfOption[o]` (−1: none). Target i at head
/// count n costs under·max(0, required − n) + over·max(0, n − required) (`ShiftCover` weights).
struct ShiftCoverCounter {
    private let targets: [ShiftCover]
    private let coverOfOption: [Int]
    /// Head count per target, in `shiftCover` order.
    private var counts: [Int]
    /// Cover penalty of the committed counts.
    private(set) var penalty: Double
    /// New head count of each target the pending change moves.
    private var pending: [(target: Int, count: Int)] = []
    /// Change in `penalty` the pending change makes (0 with none pending).
    private var pendingDelta = 0.0

    /// Every target at head count 0.
    init(context: SchedulingContext) {
        targets = context.problem.shiftCover
        coverOfOption = context.coverOfOption
        counts = Array(repeating: 0, count: targets.count)
        penalty = targets.reduce(0) { $0 + $1.underWeight * Double($1.required) }
    }

    private func cost(_ i: Int, _ n: Int) -> Double {
        let c = targets[i]
        return n < c.required ? c.underWeight * Double(c.required - n) : c.overWeight * Double(n - c.required)
    }

    /// Prices agent-days changing option (`from` → `to`, −1 off), on top of the pending change, and
    /// returns the pending change in penalty.
    mutating func evaluate(_ moves: [(from: Int, to: Int)]) -> Double {
        pendingDelta = 0
        for (from, to) in moves {
            count(option: from, -1)
            count(option: to, 1)
        }
        for (target, count) in pending { pendingDelta += cost(target, count) - cost(target, counts[target]) }
        return pendingDelta
    }

    private mutating func count(option o: Int, _ step: Int) {
        guard o >= 0, case let target = coverOfOption[o], target >= 0 else { return }
        if let i = pending.firstIndex(where: { $0.target == target }) {
            pending[i].count += step
        } else {
            pending.append((target, counts[target] + step))
        }
    }

    /// Applies the pending change.
    mutating func commit() {
        for (target, count) in pending { counts[target] = count }
        penalty += pendingDelta
        discard()
    }

    /// Drops the pending change.
    mutating func discard() {
        pending.removeAll(keepingCapacity: true)
        pendingDelta = 0
    }

    /// The committed head counts without the shifts of `options` (−1 off, each counted once).
    func counts(without options: [Int]) -> [Int] {
        var result = counts
        for o in options where o >= 0 && coverOfOption[o] >= 0 { result[coverOfOption[o]] -= 1 }
        return result
    }
}
