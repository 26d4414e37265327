import Testing
@testable import Staffing

@Test func callCentreHelperExample() {
    // 100 calls / 30 min, AHT 180 s, 14 agents, T = 20 s (Call Centre Helper).
    let r = ErlangCResult(load: 10, ahtSeconds: 180, agents: 14, thresholdSeconds: 20)
    #expect(abs(r.serviceLevel - 0.88835) < 5e-6)
    #expect(abs(r.waitProbability - 0.1741319) < 5e-8)
}
