import Testing
@testable import Staffing

@Test(arguments: [QueueModel.erlangC, .erlangA(patienceSeconds: 120), .chat(concurrency: 2)])
func bulkAgreesWithSingleIntervals(model: QueueModel) {
    let targets = ServiceTargets(serviceLevel: 0.8, thresholdSeconds: 20, maxOccupancy: 0.9)
    let staffing = QueueStaffing(model: model, targets: targets, shrinkage: 0.25)
    let demand = (0..<96).map { (i: Int) -> IntervalDemand in
        let contacts = Double((i * 37) % 160)
        let aht = 150.0 + 20.0 * Double(i % 7)
        return IntervalDemand(contacts: contacts, ahtSeconds: aht, isOpen: i >= 28 && i < 84)
    }
    let bulk = Requirements.compute(staffing: staffing, demand: demand, intervalSeconds: 900)
    #expect(bulk.count == demand.count)
    for (interval, requirement) in zip(demand, bulk) {
        let load = interval.contacts * interval.ahtSeconds / 900
        #expect(requirement.offeredLoad == load)
        let single = interval.isOpen ? RequiredAgents.minimum(load: load, ahtSeconds: interval.ahtSeconds, model: model, targets: targets).agents : 0
        #expect(requirement.requiredAgents == single)
        #expect(requirement.requiredWithShrinkage == Shrinkage.scheduled(required: single, shrinkage: 0.25))
    }
}

@Test func deferredQueuesUseTheDayProfile() {
    let staffing = QueueStaffing(model: .deferred(responseHours: 1), targets: ServiceTargets(serviceLevel: 1, thresholdSeconds: 3600, maxOccupancy: 0.8))
    let demand = [IntervalDemand(contacts: 30, ahtSeconds: 240), IntervalDemand(contacts: 30, ahtSeconds: 240),
                  IntervalDemand(contacts: 0, ahtSeconds: 240), IntervalDemand(contacts: 15, ahtSeconds: 240)]
    let result = Requirements.compute(queues: [(staffing, demand)], intervalSeconds: 1800)
    // Work 7200, 7200, 0, 3600 agent-seconds, each due within 2 intervals (the last clipped to the horizon).
    // Densest window: intervals 0–2 hold the first two items' 14,400 s → 2.67 agents / 0.8 occupancy → 4;
    // then interval 3 alone: 3600 s / 1800 s = 2 agents / 0.8 → 3.
    #expect(result[0].map(\.requiredAgents) == [4, 4, 4, 3])
}
