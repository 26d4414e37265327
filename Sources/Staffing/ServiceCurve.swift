/// Expected contacts answered within the service-level threshold in one interval, as a function of the
/// agents available to the queue in that interval: `S(N) = contacts × SL(N)`.
///
/// SL(N) per model (`QueueModel`), with A = contacts · AHT / intervalSeconds:
/// - `erlangC`: `1 − C(N, A)·exp(−(N − A)·T/AHT)` for N > A, 0 for N ≤ A.
/// - `erlangA`: the Erlang A service level (abandons are misses), `ErlangA.swift`.
/// - `chat(k)`: Erlang C with k·N servers.
/// - `deferred`: the share of the interval's work the agents can do, `min(1, N / A)`:
///   `S(N) = min(contacts, N · intervalSeconds / AHT)`. Pass as `contacts` the items the interval must
///   complete under the deferred plan (`DeferredWork`), so the curve is linear up to that interval's
///   requirement and flat beyond; a deferred curve is concave from 0.
/// S(0) = 0 whenever contacts > 0, and S ≡ 0 when contacts = 0.
///
/// Shape and `concaveFrom`: for the queueing models the increments `S(N+1) − S(N)` are zero while
/// N ≤ A − 1 (Erlang C, chat), then rise to a single peak near N ≈ A + O(√A) and decrease towards 0
/// ever after (S is S-shaped: convex, then concave). `concaveFrom` is the first N from which the
/// increments never increase again. It is found by walking the increments from N = 0 to the first
/// strict decrease and stepping back over equal increments; that this is the only change of
/// direction (a single peak) is verified in the tests by brute force over a grid of loads and 40
/// random intervals (0.01–3,000 erlangs, AHT 30–900 s, T 0–120 s) up to where SL reaches 1 − 1e−12.
/// Deferred curves return 0 without walking (concave by construction). A scheduler can linearise S
/// exactly by concave pieces from `concaveFrom` on; below it, S is convex and needs integer treatment
/// or a floor at `concaveFrom`.
///
/// Cost: `values(upTo:)` and `answered(agents:)` are one Erlang B walk, O(maxAgents) (chat:
/// O(k·maxAgents)); Erlang A adds an incomplete-gamma evaluation per agent count (O(1 + √a) each).
public struct ServiceCurve: Sendable {
    public let contacts: Double
    public let ahtSeconds: Double
    public let intervalSeconds: Double
    public let thresholdSeconds: Double
    public let model: QueueModel

    public init(contacts: Double, ahtSeconds: Double, intervalSeconds: Double, thresholdSeconds: Double, model: QueueModel) {
        precondition(contacts >= 0 && contacts.isFinite, "contacts must be finite and ≥ 0 (got \(contacts))")
        precondition(ahtSeconds > 0 && ahtSeconds.isFinite, "AHT must be finite and > 0 s (got \(ahtSeconds))")
        precondition(intervalSeconds > 0 && intervalSeconds.isFinite, "interval must be > 0 s (got \(intervalSeconds))")
        precondition(thresholdSeconds >= 0 && thresholdSeconds.isFinite, "threshold must be finite and ≥ 0 s (got \(thresholdSeconds))")
        model.checkParameters()
        self.contacts = contacts
        self.ahtSeconds = ahtSeconds
        self.intervalSeconds = intervalSeconds
        self.thresholdSeconds = thresholdSeconds
        self.model = model
    }

    /// Offered load A = contacts · AHT / intervalSeconds, in erlangs.
    public var offeredLoad: Double { contacts * ahtSeconds / intervalSeconds }

    /// contacts × SL(N); 0 agents → 0 (when contacts > 0). O(agents).
    public func answered(agents: Int) -> Double {
        precondition(agents >= 0, "agents must be ≥ 0 (got \(agents))")
        var walk = ServiceCurveWalk(self)
        walk.advance(to: agents)
        return walk.answered
    }

    /// S(0), S(1), …, S(maxAgents) in one O(maxAgents) pass.
    public func values(upTo maxAgents: Int) -> [Double] {
        precondition(maxAgents >= 0, "maxAgents must be ≥ 0 (got \(maxAgents))")
        var walk = ServiceCurveWalk(self)
        var result = [walk.answered]
        result.reserveCapacity(maxAgents + 1)
        while walk.agents < maxAgents {
            walk.advance(to: walk.agents + 1)
            result.append(walk.answered)
        }
        return result
    }

    /// Linear interpolation of S between integer agent counts (capacity after shrinkage is fractional).
    public func answered(capacity: Double) -> Double {
        precondition(capacity >= 0 && capacity.isFinite, "capacity must be finite and ≥ 0 (got \(capacity))")
        let whole = Int(capacity.rounded(.down))
        var walk = ServiceCurveWalk(self)
        walk.advance(to: whole)
        let below = walk.answered
        let fraction = capacity - Double(whole)
        guard fraction > 0 else { return below }
        walk.advance(to: whole + 1)
        return below + fraction * (walk.answered - below)
    }

    /// Smallest k such that S(j+1) − S(j) is non-increasing for every j ≥ k (see the type's
    /// documentation). O(k) plus the model's per-step cost.
    public var concaveFrom: Int {
        if contacts == 0 { return 0 }
        if case .deferred = model { return 0 } // min(contacts, N·rate): concave by construction
        var walk = ServiceCurveWalk(self)
        var increments: [Double] = []
        var previous = walk.answered
        while true {
            walk.advance(to: walk.agents + 1)
            increments.append(walk.answered - previous)
            previous = walk.answered
            let m = increments.count - 2
            if m >= 0 && increments[m] > increments[m + 1] {
                var k = m
                while k > 0 && increments[k - 1] >= increments[k] { k -= 1 }
                return k
            }
        }
    }
}

/// Walks S(N) for N = 0, 1, 2, … with O(1) Erlang B work per server added.
struct ServiceCurveWalk {
    let curve: ServiceCurve
    private var erlangB: ErlangBSequence
    private(set) var agents = 0
    private(set) var answered = 0.0

    init(_ curve: ServiceCurve) {
        self.curve = curve
        erlangB = ErlangBSequence(load: curve.offeredLoad)
    }

    mutating func advance(to target: Int) {
        precondition(target >= agents, "the curve walk only moves forward (at \(agents), asked for \(target))")
        guard target > agents else { return }
        agents = target
        answered = curve.contacts > 0 ? curve.contacts * serviceLevel() : 0
    }

    private mutating func serviceLevel() -> Double {
        let load = curve.offeredLoad
        switch curve.model {
        case .erlangC:
            erlangB.advance(to: agents)
            return QueuePerformance(load: load, ahtSeconds: curve.ahtSeconds, agents: agents,
                                    thresholdSeconds: curve.thresholdSeconds, erlangB: erlangB.blocking).serviceLevel
        case .erlangA(let patience):
            erlangB.advance(to: agents)
            return QueuePerformance(load: load, ahtSeconds: curve.ahtSeconds, agents: agents,
                                    thresholdSeconds: curve.thresholdSeconds, patienceSeconds: patience,
                                    erlangB: erlangB.blocking).serviceLevel
        case .chat(let concurrency):
            erlangB.advance(to: agents * concurrency)
            return QueuePerformance(load: load, ahtSeconds: curve.ahtSeconds, agents: agents * concurrency,
                                    thresholdSeconds: curve.thresholdSeconds, erlangB: erlangB.blocking).serviceLevel
        case .deferred:
            return min(1, Double(agents) / load)
        }
    }
}
