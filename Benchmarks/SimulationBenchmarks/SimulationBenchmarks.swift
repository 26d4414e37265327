import Benchmark
import Foundation
import Simulation

/// A synthetic 500-agent week shaped like scenarios/scale-500 (docs/simulation.md "Speed"): 672
/// 15-minute intervals; voice (Erlang A, patience 180 s, AHT 280 s), chat (concurrency 2, AHT 540 s),
/// email (4-hour response, AHT 360 s) with 61,200 / 27,500 / 12,200 contacts, each day's rate a
/// half-sine from 07:00 to 22:00 (weekends × 0.5); 500 agents with one to three skills in the suite's
/// mix, five 8.5-hour shifts a week with a 30-minute break, staggered starts 06:00–13:30; shrinkage 0.30.
/// About 101,000 contacts per replication.
func scale500Week() -> SimulationModel {
    let L = 900.0, T = 672
    func shape(_ total: Double) -> [Double] {
        var raw = (0..<T).map { t -> Double in
            let day = t / 96, hour = Double(t % 96) / 4
            let weight = day >= 5 ? 0.5 : 1.0
            return hour >= 7 && hour < 22 ? weight * sin(Double.pi * (hour - 7) / 15) : 0
        }
        let sum = raw.reduce(0, +)
        raw = raw.map { $0 * total / sum }
        return raw
    }
    let queues = [
        SimulationModel.Queue(id: "voice", channel: .voice, thresholdSeconds: 20, patienceSeconds: 180, handleTime: .exponential,
                              contacts: shape(61_200), ahtSeconds: Array(repeating: 280, count: T)),
        SimulationModel.Queue(id: "chat", channel: .chat(concurrency: 2), thresholdSeconds: 60, patienceSeconds: nil,
                              handleTime: .lognormal(cv: 1), contacts: shape(27_500), ahtSeconds: Array(repeating: 540, count: T)),
        SimulationModel.Queue(id: "email", channel: .email, thresholdSeconds: 4 * 3600, patienceSeconds: nil, handleTime: .exponential,
                              contacts: shape(12_200), ahtSeconds: Array(repeating: 360, count: T)),
    ]
    let mixes: [[(queue: Int, level: Int)]] = [[(0, 1)], [(0, 1), (1, 2)], [(1, 1)], [(1, 1), (0, 2)], [(2, 1), (0, 3)],
                                               [(0, 1), (2, 2)], [(1, 1), (2, 2), (0, 3)], [(2, 1), (1, 2)]]
    let agents = (0..<500).map { a -> SimulationModel.Agent in
        let start = 6 * 3600.0 + Double(a % 16) * 1800
        let days = (0..<7).filter { ($0 + a) % 7 < 5 }
        let windows = days.flatMap { d -> [(start: Double, end: Double)] in
            let s = Double(d) * 86_400 + start
            return [(s, s + 4 * 3600), (s + 4.5 * 3600, s + 8.5 * 3600)]
        }
        return SimulationModel.Agent(id: "a\(a)", skills: mixes[a % mixes.count], windows: windows)
    }
    return SimulationModel(intervalSeconds: L, intervalCount: T, queues: queues, agents: agents, shrinkage: 0.3)
}

let benchmarks: @Sendable () -> Void = {
    let model = scale500Week()
    let configuration = Benchmark.Configuration(metrics: [.wallClock, .cpuTotal, .throughput], maxDuration: .seconds(10))
    // One replication on one core: contacts per second = contacts per replication (printed by
    // `wfm simulate`, ≈ 101,000) × throughput.
    Benchmark("Simulation.scale500.oneReplication", configuration: configuration) { benchmark in
        for seed in benchmark.scaledIterations {
            blackHole(Simulator(model: model, replications: 1, seed: UInt64(seed)).run())
        }
    }
    // The target: a 500-agent week, 20 replications on every core, under 5 s.
    Benchmark("Simulation.scale500.twentyReplications", configuration: configuration) { benchmark in
        for seed in benchmark.scaledIterations {
            blackHole(Simulator(model: model, replications: 20, seed: UInt64(seed)).run())
        }
    }
}
