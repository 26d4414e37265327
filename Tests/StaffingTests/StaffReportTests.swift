import Foundation
import Testing
@testable import Staffing

/// `StaffReport` (what `wfm staff` prints): 100 calls of 180 s in 30 minutes are 10 erlangs.
@Test func staffReportEvaluatesOrMinimisesAtTheOfferedLoad() throws {
    let targets = ServiceTargets(serviceLevel: 0.8, thresholdSeconds: 20)
    let given = StaffReport(calls: 100, ahtSeconds: 180, intervalMinutes: 30, model: .erlangC, agents: 12, targets: targets, shrinkage: 0.3)
    #expect(abs(given.offeredLoad - 10) < 1e-12)
    let direct = QueueModel.erlangC.performance(load: 10, ahtSeconds: 180, agents: 12, thresholdSeconds: 20)
    #expect(given.agents == 12 && given.serviceLevel == direct.serviceLevel && given.waitProbability == direct.waitProbability)
    #expect(given.scheduledAgents == Shrinkage.scheduled(required: 12, shrinkage: 0.3))
    #expect(given.abandonProbability == nil)
    let minimum = StaffReport(calls: 100, ahtSeconds: 180, intervalMinutes: 30, model: .erlangC, agents: nil, targets: targets, shrinkage: 0)
    #expect(minimum.serviceLevel >= 0.8)
    let fewer = QueueModel.erlangC.performance(load: 10, ahtSeconds: 180, agents: minimum.agents - 1, thresholdSeconds: 20)
    #expect(fewer.serviceLevel < 0.8, "one agent fewer misses the target")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(minimum.json().utf8)) as? [String: Any])
    #expect(Set(json.keys) == ["agents", "scheduled_agents", "offered_load", "service_level", "asa_seconds", "wait_probability", "occupancy"])
}

@Test func staffReportOfErlangAHasTheAbandonment() throws {
    let targets = ServiceTargets(serviceLevel: 0.8, thresholdSeconds: 20)
    let report = StaffReport(calls: 100, ahtSeconds: 180, intervalMinutes: 30, model: .erlangA(patienceSeconds: 120), agents: 10,
                             targets: targets, shrinkage: 0)
    let direct = QueueModel.erlangA(patienceSeconds: 120).performance(load: 10, ahtSeconds: 180, agents: 10, thresholdSeconds: 20)
    #expect(report.abandonProbability == direct.abandonProbability)
    #expect(report.text.contains("abandonment"))
    #expect(try report.json().contains("\"abandon_probability\""))
}
