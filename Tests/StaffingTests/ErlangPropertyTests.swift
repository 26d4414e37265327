import Testing
@testable import Staffing

private let loads = [0.01, 0.4, 3, 17.2, 100, 1000, 5000]

/// Agent counts from 1 to well past where SL reaches 1, thinned for large loads.
private func agentGrid(_ load: Double) -> [Int] {
    let top = Int(load + 12 * load.squareRoot()) + 20
    return Array(stride(from: 1, through: top, by: max(1, top / 400)))
}

@Test(arguments: loads)
func erlangCServiceLevelRisesAndASAFallsWithAgents(load: Double) {
    var previous: QueuePerformance?
    for n in agentGrid(load) where Double(n) > load {
        let p = QueuePerformance(load: load, ahtSeconds: 180, agents: n, thresholdSeconds: 20)
        if let previous {
            #expect(p.serviceLevel >= previous.serviceLevel, "A=\(load) N=\(n)")
            #expect(p.asaSeconds <= previous.asaSeconds, "A=\(load) N=\(n)")
            #expect(p.waitProbability <= previous.waitProbability, "A=\(load) N=\(n)")
        }
        previous = p
    }
}

@Test(arguments: loads)
func erlangAServiceLevelRisesAndASAAndAbandonmentFallWithAgents(load: Double) {
    var previous: QueuePerformance?
    for n in agentGrid(load) {
        let p = QueuePerformance(load: load, ahtSeconds: 180, agents: n, thresholdSeconds: 20, patienceSeconds: 90)
        if let previous {
            // Non-decreasing up to one rounding step at SL ≈ 1 (the sum 1 − Pw + Pw·answered is rounded).
            #expect(p.serviceLevel >= previous.serviceLevel - 2e-16, "A=\(load) N=\(n)")
            #expect(p.asaSeconds <= previous.asaSeconds, "A=\(load) N=\(n)")
            #expect(p.abandonProbability <= previous.abandonProbability, "A=\(load) N=\(n)")
        }
        previous = p
    }
}

/// As mean patience grows, M/M/N+M tends to M/M/N; the gap shrinks roughly like 1/patience.
@Test(arguments: [(0.5, 2), (10.0, 14), (100.0, 110), (1000.0, 1030)])
func erlangATendsToErlangCAsPatienceGrows(load: Double, agents: Int) {
    let c = QueuePerformance(load: load, ahtSeconds: 180, agents: agents, thresholdSeconds: 20)
    var previousGap = Double.infinity
    for patience in [1e4, 1e6, 1e8] {
        let a = QueuePerformance(load: load, ahtSeconds: 180, agents: agents, thresholdSeconds: 20, patienceSeconds: patience)
        let gap = max(abs(a.serviceLevel - c.serviceLevel), abs(a.waitProbability - c.waitProbability),
                      abs(a.asaSeconds - c.asaSeconds) / c.asaSeconds, a.abandonProbability)
        #expect(gap < previousGap, "A=\(load) N=\(agents) patience \(patience): gap \(gap)")
        previousGap = gap
    }
    #expect(previousGap < 1e-5, "A=\(load) N=\(agents): gap \(previousGap) at patience 1e8 s")
}

/// Loads 0.01–20,000 erlangs and agents up to 25,000: every output finite (ASA infinite only for an
/// unstable Erlang C queue) and every probability in [0, 1].
@Test(arguments: [0.01, 0.1, 1, 10, 100, 1000, 5000, 20000])
func resultsAreFiniteOverTheWholeRange(load: Double) {
    let counts = Set([1, Int(load / 2), Int(load), Int(load) + 1, Int(load + load.squareRoot()) + 1, Int(2 * load) + 1, 25_000])
        .filter { $0 >= 1 && $0 <= 25_000 }
    for n in counts.sorted() {
        let b = Erlang.b(load: load, agents: n)
        #expect(b >= 0 && b <= 1)
        for p in [QueuePerformance(load: load, ahtSeconds: 240, agents: n, thresholdSeconds: 20),
                  QueuePerformance(load: load, ahtSeconds: 240, agents: n, thresholdSeconds: 20, patienceSeconds: 30),
                  QueuePerformance(load: load, ahtSeconds: 240, agents: n, thresholdSeconds: 20, patienceSeconds: 3600)] {
            for probability in [p.waitProbability, p.serviceLevel, p.occupancy, p.abandonProbability] {
                #expect(probability >= 0 && probability <= 1, "A=\(load) N=\(n): \(probability) in \(p)")
            }
            #expect(p.asaSeconds.isFinite || Double(n) <= load, "A=\(load) N=\(n): \(p)")
        }
    }
}

/// The Erlang B recursion against the textbook definition B = (Aᴺ/N!) / Σ_{k≤N} Aᵏ/k! (exact in doubles for small N).
@Test(arguments: [(0.5, 3), (2.0, 5), (7.5, 10), (12.0, 20)])
func erlangBMatchesItsDefinition(load: Double, agents: Int) {
    var term = 1.0, sum = 1.0
    for k in 1...agents {
        term *= load / Double(k)
        sum += term
    }
    #expect(abs(Erlang.b(load: load, agents: agents) - term / sum) < 1e-15)
}
