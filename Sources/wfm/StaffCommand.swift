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
        let targets = ServiceTargets(serviceLevel: sl, thresholdSeconds: slSeconds, maxOccupancy: maxOccupancy,
                                     maxASASeconds: maxASA, maxAbandonment: maxAbandon)
        let report = StaffReport(calls: calls, ahtSeconds: aht, intervalMinutes: intervalMinutes,
                                 model: patience.map { .erlangA(patienceSeconds: $0) } ?? .erlangC,
                                 agents: agents, targets: targets, shrinkage: shrinkage)
        print(json ? try report.json() : report.text)
    }
}
