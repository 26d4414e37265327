import Staffing
import Testing
@testable import Simulation

/// A queue with constant staffing reproduces the closed-form queueing models (Sources/Staffing) inside
/// the simulation's 95 % interval: one day of 15-minute intervals, the same rate all day, `n` agents on
/// duty all day, no shrinkage. Start-up (the queue starts empty) biases the week by less than the interval.
@Suite struct QueueingModelTests {
    static let L = 900.0, T = 96

    static func constantModel(channel: SimulationModel.Channel, patience: Double? = nil, contactsPerInterval: Double,
                              aht: Double, threshold: Double, agents n: Int) -> SimulationModel {
        let queue = SimulationModel.Queue(id: "q", channel: channel, thresholdSeconds: threshold, patienceSeconds: patience,
                                          handleTime: .exponential, contacts: Array(repeating: contactsPerInterval, count: T),
                                          ahtSeconds: Array(repeating: aht, count: T))
        let agents = (0..<n).map { SimulationModel.Agent(id: "a\($0)", skills: [(queue: 0, level: 1)], windows: [(0, L * Double(T))]) }
        return SimulationModel(intervalSeconds: L, intervalCount: T, queues: [queue], agents: agents, shrinkage: 0)
    }

    @Test func erlangCServiceLevelWaitAndOccupancy() {
        // λ = 100 / 900 s, AHT 180 s: A = 20 erlangs on 22 agents, 80 % in 20 s.
        let model = Self.constantModel(channel: .voice, contactsPerInterval: 100, aht: 180, threshold: 20, agents: 22)
        let exact = QueuePerformance(load: 20, ahtSeconds: 180, agents: 22, thresholdSeconds: 20)
        let week = Simulator(model: model, replications: 40, seed: 7).run().queues[0]
        #expect(week.serviceLevel.contains(exact.serviceLevel), "SL \(week.serviceLevel) vs Erlang C \(exact.serviceLevel)")
        #expect(week.asaSeconds.contains(exact.asaSeconds), "ASA \(week.asaSeconds) vs Erlang C \(exact.asaSeconds)")
        #expect(week.occupancy.contains(exact.occupancy), "occupancy \(week.occupancy) vs Erlang C \(exact.occupancy)")
        #expect(week.abandonRate.mean == 0)
    }

    @Test func erlangAServiceLevelAndAbandonment() {
        // A = 20 erlangs on 20 agents (critically loaded), mean patience 120 s.
        let model = Self.constantModel(channel: .voice, patience: 120, contactsPerInterval: 100, aht: 180, threshold: 20, agents: 20)
        let exact = QueuePerformance(load: 20, ahtSeconds: 180, agents: 20, thresholdSeconds: 20, patienceSeconds: 120)
        let week = Simulator(model: model, replications: 40, seed: 11).run().queues[0]
        #expect(week.serviceLevel.contains(exact.serviceLevel), "SL \(week.serviceLevel) vs Erlang A \(exact.serviceLevel)")
        #expect(week.abandonRate.contains(exact.abandonProbability), "abandon \(week.abandonRate) vs Erlang A \(exact.abandonProbability)")
    }

    @Test func chatIsAnErlangCQueueOnAgentsTimesConcurrencySlots() {
        // 9 agents × 2 conversations = 18 slots; λ = 60 / 900 s, AHT 240 s: 16 erlangs of conversations.
        let model = Self.constantModel(channel: .chat(concurrency: 2), contactsPerInterval: 60, aht: 240, threshold: 60, agents: 9)
        let exact = QueuePerformance(load: 16, ahtSeconds: 240, agents: 18, thresholdSeconds: 60)
        let week = Simulator(model: model, replications: 40, seed: 13).run().queues[0]
        #expect(week.serviceLevel.contains(exact.serviceLevel), "SL \(week.serviceLevel) vs slot model \(exact.serviceLevel)")
        #expect(week.asaSeconds.contains(exact.asaSeconds), "ASA \(week.asaSeconds) vs slot model \(exact.asaSeconds)")
        #expect(week.occupancy.contains(exact.occupancy), "occupancy \(week.occupancy) vs slot model \(exact.occupancy)")
    }

    @Test func lognormalHandleTimesKeepTheirMeanAndSpread() {
        // 200 agents for 2 erlangs: nobody waits, so busy seconds / answered = the sample mean of handle times.
        var model = Self.constantModel(channel: .voice, contactsPerInterval: 100, aht: 180, threshold: 20, agents: 200)
        model.queues[0].handleTime = .lognormal(cv: 1.0)
        let tallies = Simulator(model: model, replications: 8, seed: 3).runTallies(audit: false)
        let busy = tallies.reduce(0) { $0 + $1.busySeconds[0] }, answered = tallies.reduce(0) { $0 + $1.answered.reduce(0, +) }
        #expect(abs(busy / answered - 180) < 180 * 0.03, "mean handle \(busy / answered)")
    }
}
