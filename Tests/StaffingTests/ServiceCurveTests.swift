import Foundation
import Testing
@testable import Staffing

/// The first k from which increments never increase, by brute force over a long prefix of the curve.
private func bruteForceConcaveFrom(_ values: [Double], tolerance: Double) -> Int {
    let increments = zip(values.dropFirst(), values).map { $0 - $1 }
    var k = increments.count - 1
    while k > 0 && increments[k - 1] >= increments[k] - tolerance { k -= 1 }
    return k
}

private let curveModels: [QueueModel] = [.erlangC, .erlangA(patienceSeconds: 120), .chat(concurrency: 3),
                                         .deferred(responseHours: 4)]

@Test(arguments: [0.01, 0.3, 1, 4.5, 10, 57.3, 250, 2000], curveModels)
func concaveFromMatchesBruteForce(load: Double, model: QueueModel) {
    let interval = 900.0, aht = 180.0
    let curve = ServiceCurve(contacts: load * interval / aht, ahtSeconds: aht, intervalSeconds: interval,
                             thresholdSeconds: 20, model: model)
    // Far enough that SL ≥ 1 − 1e−12 for every model here.
    let upTo = Int(load * 1.5) + Int(12 * load.squareRoot()) + 60
    let values = curve.values(upTo: upTo)
    #expect(values.last! >= curve.contacts * (1 - 1e-12) || model == .deferred(responseHours: 4))
    #expect(curve.concaveFrom == bruteForceConcaveFrom(values, tolerance: 1e-12 * curve.contacts))
}

/// 40 seeded random intervals: load log-uniform in 0.01–3,000 erlangs, AHT 30–900 s, threshold 0–120 s,
/// patience 10–600 s, concurrency 1–4.
@Test(arguments: 0..<40)
func concaveFromMatchesBruteForceOnRandomIntervals(seed: Int) {
    var state = UInt64(seed + 1) &* 0xD1B5_4A32_D192_ED03
    func random() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) / Double(1 << 53)
    }
    let load = 0.01 * pow(300_000, random())
    let aht = 30 + 870 * random(), threshold = (120 * random()).rounded(), patience = 10 + 590 * random()
    let concurrency = 1 + Int(4 * random()) % 4
    for model in [QueueModel.erlangC, .erlangA(patienceSeconds: patience), .chat(concurrency: concurrency)] {
        let curve = ServiceCurve(contacts: load * 900 / aht, ahtSeconds: aht, intervalSeconds: 900, thresholdSeconds: threshold, model: model)
        let upTo = Int(load * 1.5) + Int(12 * load.squareRoot()) + 60
        let values = curve.values(upTo: upTo)
        #expect(values.last! >= curve.contacts * (1 - 1e-9), "A=\(load) \(model): curve not saturated at \(upTo)")
        #expect(curve.concaveFrom == bruteForceConcaveFrom(values, tolerance: 1e-12 * curve.contacts),
                "A=\(load) AHT=\(aht) T=\(threshold) \(model)")
    }
}

@Test(arguments: curveModels)
func valuesAgreeWithSinglePoints(model: QueueModel) {
    let curve = ServiceCurve(contacts: 120, ahtSeconds: 240, intervalSeconds: 1800, thresholdSeconds: 30, model: model)
    let values = curve.values(upTo: 40)
    #expect(values[0] == 0)
    for n in [0, 1, 7, 16, 17, 25, 40] {
        #expect(values[n] == curve.answered(agents: n))
        #expect(values[n] == curve.answered(capacity: Double(n)))
    }
    let between = curve.answered(capacity: 17.25)
    #expect(abs(between - (values[17] + 0.25 * (values[18] - values[17]))) < 1e-12)
}

@Test func erlangCCurveIsZeroUpToTheLoad() {
    let curve = ServiceCurve(contacts: 100, ahtSeconds: 180, intervalSeconds: 1800, thresholdSeconds: 20, model: .erlangC)
    let values = curve.values(upTo: 20)
    #expect(values[0...10].allSatisfy { $0 == 0 })
    #expect(abs(values[14] - 88.835) < 5e-4) // 100 × SL(14), Call Centre Helper
}

@Test func chatCurveIsErlangCWithConcurrentSlots() {
    let chat = ServiceCurve(contacts: 90, ahtSeconds: 600, intervalSeconds: 1800, thresholdSeconds: 60, model: .chat(concurrency: 3))
    let voice = ServiceCurve(contacts: 90, ahtSeconds: 600, intervalSeconds: 1800, thresholdSeconds: 60, model: .erlangC)
    let voiceValues = voice.values(upTo: 60)
    #expect(chat.values(upTo: 20) == stride(from: 0, through: 60, by: 3).map { voiceValues[$0] })
}

@Test func deferredCurveIsLinearUpToTheWorkload() {
    // 50 items × 360 s in 1800 s = 10 agents of work.
    let curve = ServiceCurve(contacts: 50, ahtSeconds: 360, intervalSeconds: 1800, thresholdSeconds: 0, model: .deferred(responseHours: 4))
    #expect(curve.values(upTo: 12) == [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 50, 50])
    #expect(curve.concaveFrom == 0)
}

@Test func emptyIntervalIsFlatZero() {
    let curve = ServiceCurve(contacts: 0, ahtSeconds: 180, intervalSeconds: 900, thresholdSeconds: 20, model: .erlangA(patienceSeconds: 60))
    #expect(curve.values(upTo: 5) == [0, 0, 0, 0, 0, 0])
    #expect(curve.concaveFrom == 0)
}
