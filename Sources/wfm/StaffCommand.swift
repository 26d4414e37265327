import ArgumentParser
import Foundation
import Staffing

/// `wfm staff`: staffing for one interval (SPEC.md). Without `--agents` it finds the smallest agent
/// count meeting every target given; with `--agents N` it evaluates N.
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Agents needed for one interval (Erlang C / Erlang A), or the service N agents give.",
        discussion: """
            Offered load A = calls × AHT / (interval-minutes × 60) erlangs. Service level is the share of all \
            calls answered within --sl-seconds (with erlang-a, calls that abandon count as misses). \
            Example: wfm staff --calls 100 --interval-minutes 30 --aht 180 --sl 0.8 --sl-seconds 20 \
            --max-occupancy 0.85 --shrinkage 0.3
            """
    )

    enum Model: String, ExpressibleByArgument, CaseIterable {
        case erlangC = "erlang-c"
        case erlangA = "erlang-a"
    }

    @Option(help: "Contacts arriving in the interval (≥ 0).") var calls: Double
    @Option(name: .customLong("interval-minutes"), help: "Interval length in minutes (> 0).") var intervalMinutes: Double
    @Option(help: "Average handle time in seconds (> 0).") var aht: Double
    @Option(help: "Service-level target as a fraction strictly between 0 and 1, e.g. 0.8.") var sl: Double
    @Option(name: .customLong("sl-seconds"), help: "Service-level threshold T in seconds (≥ 0).") var slSeconds: Double
    @Option(help: "Evaluate this many agents instead of finding the minimum (≥ 0).") var agents: Int?
    @Option(name: .customLong("max-occupancy"), help: "Occupancy cap as a fraction in (0, 1].") var maxOccupancy: Double?
    @Option(name: .customLong("max-asa"), help: "Cap on the mean wait of all calls, seconds (≥ 0).") var maxASA: Double?
    @Option(name: .customLong("max-abandon"), help: "Cap on the abandonment probability, a fraction in [0, 1] (erlang-a only).")
    var maxAbandon: Double?
    @Option(help: "Shrinkage as a fraction in [0, 1).") var shrinkage: Double = 0
    @Option(help: "Mean caller patience in seconds (> 0); required by --model erlang-a.") var patience: Double?
    @Option(help: "Queue model: erlang-c (no abandonment) or erlang-a (exponential patience).") var model: Model = .erlangC
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        guard calls >= 0, calls.isFinite else { throw ValidationError("--calls must be a number ≥ 0, got \(calls)") }
        guard intervalMinutes > 0, intervalMinutes.isFinite else {
            throw ValidationError("--interval-minutes must be a number > 0, got \(intervalMinutes)")
        }
        guard aht > 0, aht.isFinite else { throw ValidationError("--aht must be a number of seconds > 0, got \(aht)") }
        guard sl > 0, sl < 1 else { throw ValidationError("--sl must be a fraction strictly between 0 and 1, got \(sl)") }
        guard slSeconds >= 0, slSeconds.isFinite else { throw ValidationError("--sl-seconds must be a number ≥ 0, got \(slSeconds)") }
        if let maxOccupancy, !(maxOccupancy > 0 && maxOccupancy <= 1) {
            throw ValidationError("--max-occupancy must be a fraction in (0, 1], got \(maxOccupancy)")
        }
        if let maxASA, !(maxASA >= 0 && maxASA.isFinite) { throw ValidationError("--max-asa must be a number of seconds ≥ 0, got \(maxASA)") }
        guard shrinkage >= 0, shrinkage < 1 else { throw ValidationError("--shrinkage must be a fraction in [0, 1), got \(shrinkage)") }
        if let agents, agents < 0 { throw ValidationError("--agents must be an integer ≥ 0, got \(agents)") }
        switch model {
        case .erlangA:
            guard let patience else { throw ValidationError("--model erlang-a needs --patience SECONDS (mean time a caller waits before hanging up)") }
            guard patience > 0, patience.isFinite else { throw ValidationError("--patience must be a number of seconds > 0, got \(patience)") }
            if let maxAbandon, !(0...1).contains(maxAbandon) {
                throw ValidationError("--max-abandon must be a fraction in [0, 1], got \(maxAbandon)")
            }
        case .erlangC:
            if patience != nil { throw ValidationError("--patience applies only to --model erlang-a") }
            if maxAbandon != nil { throw ValidationError("--max-abandon applies only to --model erlang-a") }
        }
    }

    func run() throws {
        let load = calls * aht / (intervalMinutes * 60)
        let queueModel: QueueModel = patience.map { .erlangA(patienceSeconds: $0) } ?? .erlangC
        let performance: QueuePerformance
        if let agents {
            performance = queueModel.performance(load: load, ahtSeconds: aht, agents: agents, thresholdSeconds: slSeconds)
        } else {
            let targets = ServiceTargets(serviceLevel: sl, thresholdSeconds: slSeconds, maxOccupancy: maxOccupancy,
                                         maxASASeconds: maxASA, maxAbandonment: maxAbandon)
            performance = RequiredAgents.minimum(load: load, ahtSeconds: aht, model: queueModel, targets: targets)
        }
        let report = StaffReport(performance, scheduled: Shrinkage.scheduled(required: performance.agents, shrinkage: shrinkage),
                                 withAbandonment: model == .erlangA)
        print(json ? try report.json() : report.text)
    }
}

/// The numbers `wfm staff` prints, with the JSON keys of SPEC.md.
struct StaffReport: Encodable {
    var agents: Int
    var scheduledAgents: Int
    var offeredLoad: Double
    var serviceLevel: Double
    /// nil (JSON null) when infinite: the queue is unstable.
    var asaSeconds: Double?
    var waitProbability: Double
    var occupancy: Double
    var abandonProbability: Double?

    init(_ p: QueuePerformance, scheduled: Int, withAbandonment: Bool) {
        agents = p.agents
        scheduledAgents = scheduled
        offeredLoad = p.offeredLoad
        serviceLevel = p.serviceLevel
        asaSeconds = p.asaSeconds.isFinite ? p.asaSeconds : nil
        waitProbability = p.waitProbability
        occupancy = p.occupancy
        abandonProbability = withAbandonment ? p.abandonProbability : nil
    }

    enum CodingKeys: String, CodingKey {
        case agents, scheduledAgents = "scheduled_agents", offeredLoad = "offered_load", serviceLevel = "service_level",
             asaSeconds = "asa_seconds", waitProbability = "wait_probability", occupancy,
             abandonProbability = "abandon_probability"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(agents, forKey: .agents)
        try c.encode(scheduledAgents, forKey: .scheduledAgents)
        try c.encode(offeredLoad, forKey: .offeredLoad)
        try c.encode(serviceLevel, forKey: .serviceLevel)
        try c.encode(asaSeconds, forKey: .asaSeconds) // null when unstable
        try c.encode(waitProbability, forKey: .waitProbability)
        try c.encode(occupancy, forKey: .occupancy)
        try c.encodeIfPresent(abandonProbability, forKey: .abandonProbability)
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    var text: String {
        func percent(_ x: Double) -> String { String(format: "%.1f %%", x * 100) }
        var lines = [
            "agents             \(agents)",
            "scheduled agents   \(scheduledAgents)   (after shrinkage)",
            "offered load       \(String(format: "%.3f", offeredLoad)) erlangs",
            "service level      \(percent(serviceLevel))",
            "ASA                \(asaSeconds.map { String(format: "%.1f s", $0) } ?? "unbounded (agents ≤ load)")",
            "wait probability   \(percent(waitProbability))",
            "occupancy          \(percent(occupancy))",
        ]
        if let abandonProbability { lines.append("abandonment        \(percent(abandonProbability))") }
        return lines.joined(separator: "\n")
    }
}
