import Dispatch
import Foundation

/// A mean over replications with the half-width of its 95 % confidence interval (Student t, R − 1
/// degrees of freedom; 0 with one replication).
public struct Estimate: Sendable, Hashable {
    public var mean: Double
    public var halfWidth95: Double
    public init(mean: Double, halfWidth95: Double) {
        self.mean = mean
        self.halfWidth95 = halfWidth95
    }

    /// Mean and 95 % half-width of `samples` (NaN samples — a rate with no contacts — are skipped).
    public init(_ samples: [Double]) {
        let xs = samples.filter { !$0.isNaN }
        guard !xs.isEmpty else { self.init(mean: .nan, halfWidth95: .nan); return }
        let n = Double(xs.count)
        let mean = xs.reduce(0, +) / n
        guard xs.count > 1 else { self.init(mean: mean, halfWidth95: 0); return }
        let variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        self.init(mean: mean, halfWidth95: Self.t975(degreesOfFreedom: xs.count - 1) * (variance / n).squareRoot())
    }

    /// The 0.975 quantile of Student's t: exact table to 30 degrees of freedom, then the Cornish–Fisher
    /// expansion z + (z³ + z)/(4ν) + (5z⁵ + 16z³ + 3z)/(96ν²) (Abramowitz & Stegun 26.7.5), error < 1e-4.
    static func t975(degreesOfFreedom v: Int) -> Double {
        let table = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
                     2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]
        if v <= table.count { return table[v - 1] }
        let z = 1.959964, nu = Double(v)
        return z + (z * z * z + z) / (4 * nu) + (5 * pow(z, 5) + 16 * z * z * z + 3 * z) / (96 * nu * nu)
    }

    public func contains(_ x: Double) -> Bool { abs(x - mean) <= halfWidth95 }
}

/// What the replications measured.
public struct SimulationResult: Sendable {
    public struct QueueWeek: Sendable, Hashable {
        public var queueID: String
        /// Answered within threshold / decided contacts (abandoned and unanswered count as misses).
        public var serviceLevel: Estimate
        /// Mean wait of answered contacts, seconds.
        public var asaSeconds: Estimate
        /// Abandoned / decided contacts.
        public var abandonRate: Estimate
        /// Agent-seconds handling the queue / (that + free on-duty agent-seconds attributed to it).
        public var occupancy: Estimate
        /// Simulated arrivals per replication.
        public var contacts: Estimate
    }

    /// One queue × interval (by arrival interval), pooled over replications: Σ answered within / Σ decided.
    public struct Cell: Sendable, Hashable {
        public var interval: Int
        public var queueID: String
        public var contacts: Double
        /// nil when no contact arrived in the interval.
        public var serviceLevel: Double?
        public var asaSeconds: Double?
        public var abandonRate: Double?
    }

    public var replications: Int
    public var seed: UInt64
    public var queues: [QueueWeek]
    /// All queues together (contact-weighted per replication).
    public var serviceLevel: Estimate
    /// Cells in interval order, queues in model order within an interval.
    public var cells: [Cell]
    /// Weekly service level per replication: [replication][queue], then the overall one last — for
    /// paired comparisons of two rosters under common random numbers.
    public var replicationServiceLevels: [[Double]]
    /// Arrivals simulated over all replications.
    public var simulatedContacts: Int

    /// Paired differences self − other, replication by replication, per queue and then overall (last):
    /// under common random numbers (same seed and replications, same queues) the pairs share their
    /// contacts, so the interval is far narrower than that of two independent estimates.
    public func difference(from other: SimulationResult) -> [Estimate] {
        precondition(replications == other.replications && seed == other.seed, "paired differences need the same seed and replications")
        return replicationServiceLevels[0].indices.map { k in
            Estimate(zip(replicationServiceLevels, other.replicationServiceLevels).map { $0[k] - $1[k] })
        }
    }
}

/// Runs replications of `SimulationModel` on every core, each from its own seeded streams:
/// replication r of seed s draws arrivals, handle times and patience per queue from stream (s, r, 1, q)
/// and shrinkage from counter-based draws (s, r, 2, agent, interval), so results depend on the seed only
/// (never on the thread count) and two rosters under the same seed see the same contacts.
public struct Simulator: Sendable {
    public var model: SimulationModel
    public var replications: Int
    public var seed: UInt64

    public init(model: SimulationModel, replications: Int = 20, seed: UInt64 = 1) {
        precondition(replications >= 1, "at least one replication")
        self.model = model
        self.replications = replications
        self.seed = seed
    }

    public func run() -> SimulationResult {
        let tallies = runTallies(audit: false)
        return Self.summarise(tallies, model: model, seed: seed)
    }

    /// Every replication's tally, in replication order.
    func runTallies(audit: Bool) -> [ReplicationTally] {
        let box = TallyBox(count: replications)
        let model = self.model, seed = self.seed
        DispatchQueue.concurrentPerform(iterations: replications) { r in
            var engine = ReplicationEngine(model: model, seed: seed, replication: r, audit: audit)
            box.set(r, engine.run())
        }
        return box.items.map { $0! }
    }

    static func summarise(_ tallies: [ReplicationTally], model: SimulationModel, seed: UInt64) -> SimulationResult {
        let T = model.intervalCount, Q = model.queues.count
        func ratio(_ x: Double, _ y: Double) -> Double { y > 0 ? x / y : .nan }
        var perRep: [[Double]] = []
        var sl: [[Double]] = Array(repeating: [], count: Q), asa = sl, ab = sl, occ = sl, n = sl
        for tally in tallies {
            var row: [Double] = []
            var within = 0.0, decided = 0.0
            for q in 0..<Q {
                let r = q * T..<(q + 1) * T
                let offered = tally.offered[r].reduce(0, +), undecided = tally.undecided[r].reduce(0, +)
                let w = tally.answeredWithin[r].reduce(0, +), answered = tally.answered[r].reduce(0, +)
                sl[q].append(ratio(w, offered - undecided))
                asa[q].append(ratio(tally.waitSum[r].reduce(0, +), answered))
                ab[q].append(ratio(tally.abandoned[r].reduce(0, +), offered - undecided))
                occ[q].append(ratio(tally.busySeconds[q], tally.busySeconds[q] + tally.idleSeconds[q]))
                n[q].append(offered)
                row.append(sl[q].last!)
                within += w
                decided += offered - undecided
            }
            row.append(ratio(within, decided))
            perRep.append(row)
        }
        let queues = model.queues.indices.map { q in
            SimulationResult.QueueWeek(queueID: model.queues[q].id, serviceLevel: Estimate(sl[q]), asaSeconds: Estimate(asa[q]),
                                       abandonRate: Estimate(ab[q]), occupancy: Estimate(occ[q]), contacts: Estimate(n[q]))
        }
        var cells: [SimulationResult.Cell] = []
        cells.reserveCapacity(T * Q)
        let R = Double(tallies.count)
        for t in 0..<T {
            for q in 0..<Q {
                let i = q * T + t
                var offered = 0.0, undecided = 0.0, within = 0.0, answered = 0.0, wait = 0.0, abandoned = 0.0
                for tally in tallies {
                    offered += tally.offered[i]; undecided += tally.undecided[i]; within += tally.answeredWithin[i]
                    answered += tally.answered[i]; wait += tally.waitSum[i]; abandoned += tally.abandoned[i]
                }
                let decided = offered - undecided
                cells.append(.init(interval: t, queueID: model.queues[q].id, contacts: offered / R,
                                   serviceLevel: decided > 0 ? within / decided : nil,
                                   asaSeconds: answered > 0 ? wait / answered : nil,
                                   abandonRate: decided > 0 ? abandoned / decided : nil))
            }
        }
        let simulated = tallies.reduce(0) { $0 + Int($1.offered.reduce(0, +)) }
        return SimulationResult(replications: tallies.count, seed: seed, queues: queues,
                                serviceLevel: Estimate(perRep.map { $0[Q] }), cells: cells,
                                replicationServiceLevels: perRep, simulatedContacts: simulated)
    }
}

/// Replication results written from the worker threads, one slot each (slots are disjoint).
private final class TallyBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var items: [ReplicationTally?]
    init(count: Int) { items = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ tally: ReplicationTally) {
        lock.lock()
        items[i] = tally
        lock.unlock()
    }
}
