import Foundation
import Testing
@testable import Simulation

/// The routing rule checked by brute force after every event of small random multi-skill weeks
/// (the engine's audit re-derives every choice over all agents and waiting contacts), and the
/// reproducibility promises: same seed, same results; arrivals independent of the roster.
@Suite struct RoutingTests {
    /// A small random case: voice (with patience), chat (concurrency 2), email; 3–7 agents with 1–3
    /// random skills at random levels; 1–3 duty windows each with gaps (breaks); shrinkage 0.2.
    static func randomModel(seed: UInt64) -> SimulationModel {
        var rng = RandomStream(key: seed)
        func int(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
        let L = 900.0, T = 16
        let queues = [
            SimulationModel.Queue(id: "voice", channel: .voice, thresholdSeconds: 20, patienceSeconds: 90, handleTime: .exponential,
                                  contacts: (0..<T).map { _ in Double(4 + int(12)) }, ahtSeconds: Array(repeating: 200, count: T)),
            SimulationModel.Queue(id: "chat", channel: .chat(concurrency: 2), thresholdSeconds: 60, patienceSeconds: nil,
                                  handleTime: .lognormal(cv: 0.8), contacts: (0..<T).map { _ in Double(2 + int(8)) },
                                  ahtSeconds: Array(repeating: 400, count: T)),
            SimulationModel.Queue(id: "email", channel: .email, thresholdSeconds: 3600, patienceSeconds: nil, handleTime: .exponential,
                                  contacts: (0..<T).map { _ in Double(int(5)) }, ahtSeconds: Array(repeating: 300, count: T)),
        ]
        let agents = (0..<(3 + int(5))).map { a -> SimulationModel.Agent in
            let skills = Array(Set((0..<(1 + int(3))).map { _ in int(3) })).sorted().map { (queue: $0, level: 1 + int(3)) }
                .sorted { $0.level < $1.level }
            var windows: [(start: Double, end: Double)] = []
            var t = Double(int(4)) * L / 2
            for _ in 0..<(1 + int(3)) where t < L * Double(T) {
                let end = min(L * Double(T), t + Double(1 + int(8)) * L / 2)
                windows.append((t, end))
                t = end + Double(1 + int(3)) * 300
            }
            return SimulationModel.Agent(id: "a\(a)", skills: skills, windows: windows)
        }
        return SimulationModel(intervalSeconds: L, intervalCount: T, queues: queues, agents: agents, shrinkage: 0.2)
    }

    @Test(arguments: 1...25) func everyChoiceFollowsTheRule(seed: UInt64) {
        let tallies = Simulator(model: Self.randomModel(seed: seed), replications: 2, seed: seed).runTallies(audit: true)
        let findings = tallies.flatMap(\.auditFindings)
        #expect(findings.isEmpty, "\(findings.prefix(5))")
        #expect(tallies.allSatisfy { $0.answered.reduce(0, +) > 0 })
    }

    @Test func sameSeedSameResultsOtherSeedOtherResults() {
        let model = Self.randomModel(seed: 42)
        let a = Simulator(model: model, replications: 6, seed: 5).run()
        let b = Simulator(model: model, replications: 6, seed: 5).run()
        let c = Simulator(model: model, replications: 6, seed: 6).run()
        #expect(a.replicationServiceLevels == b.replicationServiceLevels)
        #expect(a.cells == b.cells)
        #expect(a.replicationServiceLevels != c.replicationServiceLevels)
    }

    @Test func pairedDifferencesUnderCommonRandomNumbersAreNarrower() {
        // The Erlang C day of QueueingModelTests with 23 agents against 22.
        let model = QueueingModelTests.constantModel(channel: .voice, contactsPerInterval: 100, aht: 180, threshold: 20, agents: 23)
        var fewer = model
        fewer.agents.removeFirst()
        let full = Simulator(model: model, replications: 12, seed: 2).run()
        let thin = Simulator(model: fewer, replications: 12, seed: 2).run()
        let paired = full.difference(from: thin).last!
        let unpaired = (pow(full.serviceLevel.halfWidth95, 2) + pow(thin.serviceLevel.halfWidth95, 2)).squareRoot()
        #expect(abs(paired.mean - (full.serviceLevel.mean - thin.serviceLevel.mean)) < 1e-12)
        #expect(paired.mean > 0, "the 23rd agent raises service: \(paired)")
        #expect(paired.halfWidth95 < unpaired / 2, "paired \(paired.halfWidth95) vs unpaired \(unpaired)")
    }

    @Test func arrivalsDoNotDependOnTheRoster() {
        let model = Self.randomModel(seed: 9)
        var fewer = model
        fewer.agents.removeLast()
        let full = Simulator(model: model, replications: 3, seed: 1).runTallies(audit: false)
        let thin = Simulator(model: fewer, replications: 3, seed: 1).runTallies(audit: false)
        #expect(zip(full, thin).allSatisfy { $0.offered == $1.offered })
        #expect(zip(full, thin).contains { $0.answeredWithin != $1.answeredWithin })
    }
}
