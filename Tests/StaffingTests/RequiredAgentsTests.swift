import Testing
@testable import Staffing

private let targetSets = [
    ServiceTargets(serviceLevel: 0.8, thresholdSeconds: 20),
    ServiceTargets(serviceLevel: 0.9, thresholdSeconds: 15, maxOccupancy: 0.85),
    ServiceTargets(serviceLevel: 0.5, thresholdSeconds: 60, maxASASeconds: 5),
    ServiceTargets(serviceLevel: 0.01, thresholdSeconds: 600),
]

/// The answer meets every target and one agent fewer does not (brute force over the same evaluator).
@Test(arguments: [0.05, 1.3, 9.99, 10, 48, 333.3, 2000],
      [QueueModel.erlangC, .erlangA(patienceSeconds: 60), .chat(concurrency: 3)])
func requiredAgentsIsTheSmallestMeetingEveryTarget(load: Double, model: QueueModel) {
    for base in targetSets {
        var targets = base
        if case .erlangA = model { targets.maxAbandonment = 0.05 }
        let found = RequiredAgents.minimum(load: load, ahtSeconds: 240, model: model, targets: targets)
        let n = found.agents
        #expect(targets.areMet(by: model.performance(load: load, ahtSeconds: 240, agents: n, thresholdSeconds: targets.thresholdSeconds)))
        if n > 0 {
            let fewer = model.performance(load: load, ahtSeconds: 240, agents: n - 1, thresholdSeconds: targets.thresholdSeconds)
            #expect(!targets.areMet(by: fewer), "A=\(load) \(model) \(targets): \(n - 1) agents also meet the targets")
        }
        if model == .erlangC { #expect(Double(n) > load, "Erlang C returned N = \(n) ≤ A = \(load)") }
        if case .chat(let k) = model { #expect(Double(n * k) > load) }
    }
}

@Test func noLoadNeedsNoAgents() {
    for model in [QueueModel.erlangC, .erlangA(patienceSeconds: 60), .chat(concurrency: 2)] {
        #expect(RequiredAgents.minimum(load: 0, ahtSeconds: 180, model: model, targets: targetSets[0]).agents == 0)
    }
}

/// Call Centre Helper: 100 calls / 30 min, AHT 180 s, 80 % in 20 s, occupancy ≤ 85 % → 14 agents, 20 with 30 % shrinkage.
@Test func callCentreHelperRequirement() {
    let targets = ServiceTargets(serviceLevel: 0.8, thresholdSeconds: 20, maxOccupancy: 0.85)
    let found = RequiredAgents.minimum(load: 10, ahtSeconds: 180, model: .erlangC, targets: targets)
    #expect(found.agents == 14)
    #expect(Shrinkage.scheduled(required: found.agents, shrinkage: 0.3) == 20)
}

@Test(arguments: [(14, 0.3, 20), (7, 0.3, 10), (10, 0, 10), (1, 0.5, 2), (0, 0.4, 0), (3, 0.35, 5), (100, 0.25, 134)])
func shrinkageRoundsUpExactQuotients(required: Int, shrinkage: Double, scheduled: Int) {
    #expect(Shrinkage.scheduled(required: required, shrinkage: shrinkage) == scheduled)
}
