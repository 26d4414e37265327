import Benchmark
import Staffing

/// One year of 15-minute intervals (35,040) with offered loads drawn uniformly from 1–500 erlangs by a
/// fixed SplitMix64 stream, AHT 180 s: the bulk-requirements workload of issue 2 (target < 50 ms).
func yearOfIntervals() -> [IntervalDemand] {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func nextUnit() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
    return (0..<35_040).map { _ in
        let load = 1 + 499 * nextUnit()
        return IntervalDemand(contacts: load * 900 / 180, ahtSeconds: 180)
    }
}

let benchmarks: @Sendable () -> Void = {
    let year = yearOfIntervals()
    let voice = QueueStaffing(model: .erlangC, targets: ServiceTargets(serviceLevel: 0.8, thresholdSeconds: 20), shrinkage: 0.3)
    let capped = QueueStaffing(model: .erlangC, targets: ServiceTargets(serviceLevel: 0.8, thresholdSeconds: 20, maxOccupancy: 0.85),
                               shrinkage: 0.3)
    let configuration = Benchmark.Configuration(metrics: [.wallClock, .cpuTotal, .mallocCountTotal], maxDuration: .seconds(5))

    Benchmark("Requirements.erlangC.year15min", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(Requirements.compute(staffing: voice, demand: year, intervalSeconds: 900))
        }
    }
    Benchmark("Requirements.erlangC.maxOccupancy.year15min", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(Requirements.compute(staffing: capped, demand: year, intervalSeconds: 900))
        }
    }
    Benchmark("ErlangA.single.load500", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(QueuePerformance(load: 500, ahtSeconds: 180, agents: 510, thresholdSeconds: 20, patienceSeconds: 120))
        }
    }
    Benchmark("ServiceCurve.erlangA.values.load500", configuration: configuration) { benchmark in
        let curve = ServiceCurve(contacts: 2500, ahtSeconds: 180, intervalSeconds: 900, thresholdSeconds: 20,
                                 model: .erlangA(patienceSeconds: 120))
        for _ in benchmark.scaledIterations {
            blackHole(curve.values(upTo: 600))
        }
    }
}
