import Benchmark
import Staffing

let benchmarks: @Sendable () -> Void = {
    Benchmark("ErlangC.single") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(ErlangCResult(load: 50, ahtSeconds: 180, agents: 60, thresholdSeconds: 20))
        }
    }
}
