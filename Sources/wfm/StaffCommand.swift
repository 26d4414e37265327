import ArgumentParser
import Foundation
import Staffing

/// `wfm staff`: staffing for one interval (SPEC.md).
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Agents needed for one interval (Erlang C / Erlang A), or the service N agents give."
    )

    @Option(help: "Contacts arriving in the interval.") var calls: Double
    @Option(name: .customLong("interval-minutes"), help: "Interval length in minutes.") var intervalMinutes: Double
    @Option(help: "Average handle time in seconds.") var aht: Double
    @Option(help: "Service-level target as a fraction, e.g. 0.8.") var sl: Double
    @Option(name: .customLong("sl-seconds"), help: "Service-level threshold T in seconds.") var slSeconds: Double
    @Option(help: "Evaluate this many agents instead of finding the minimum.") var agents: Int?
    @Option(name: .customLong("max-occupancy"), help: "Occupancy cap as a fraction (0, 1].") var maxOccupancy: Double?
    @Option(help: "Shrinkage as a fraction [0, 1).") var shrinkage: Double = 0
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        guard calls >= 0, calls.isFinite else { throw ValidationError("--calls must be a number ≥ 0, got \(calls)") }
        guard intervalMinutes > 0 else { throw ValidationError("--interval-minutes must be > 0, got \(intervalMinutes)") }
        guard aht > 0 else { throw ValidationError("--aht must be > 0 seconds, got \(aht)") }
        guard sl > 0, sl < 1 else { throw ValidationError("--sl must be a fraction strictly between 0 and 1, got \(sl)") }
        guard slSeconds >= 0 else { throw ValidationError("--sl-seconds must be ≥ 0, got \(slSeconds)") }
        if let maxOccupancy, !(maxOccupancy > 0 && maxOccupancy <= 1) {
            throw ValidationError("--max-occupancy must be in (0, 1], got \(maxOccupancy)")
        }
        guard shrinkage >= 0, shrinkage < 1 else { throw ValidationError("--shrinkage must be in [0, 1), got \(shrinkage)") }
        if let agents, agents < 0 { throw ValidationError("--agents must be ≥ 0, got \(agents)") }
    }

    func run() throws {
        let load = calls * aht / (intervalMinutes * 60)
        var n = agents ?? max(1, Int(load.rounded(.down)) + 1)
        if agents == nil {
            while true {
                let r = ErlangCResult(load: load, ahtSeconds: aht, agents: n, thresholdSeconds: slSeconds)
                if r.serviceLevel >= sl && r.occupancy <= (maxOccupancy ?? 1) { break }
                n += 1
            }
        }
        let r = ErlangCResult(load: load, ahtSeconds: aht, agents: n, thresholdSeconds: slSeconds)
        let scheduled = Int((Double(n) / (1 - shrinkage) - 1e-9).rounded(.up))
        if json {
            print("{\"agents\":\(n),\"scheduled_agents\":\(scheduled),\"offered_load\":\(r.offeredLoad),\"service_level\":\(r.serviceLevel),\"asa_seconds\":\(r.asaSeconds),\"wait_probability\":\(r.waitProbability),\"occupancy\":\(r.occupancy)}")
        } else {
            print("agents \(n), scheduled \(scheduled), SL \(r.serviceLevel), ASA \(r.asaSeconds) s")
        }
    }
}
