import Foundation
import MIP
import Scheduling
import Simulation
import WFMCore

/// A roster simulated under its scenario's own demand (docs/simulation.md): the model the run and
/// `wfm simulate` share.
///
/// Voice and chat arrive as the plan's forecast contacts; email arrives as its forecast items (the
/// problem carries email's deadline plan instead, which is not an arrival stream). Handle times follow
/// each queue's `handle_time`. Replications and seed: `solver.simulation_replications` and
/// `solver.seed` unless given.
public enum RosterSimulation {
    static func model(scenario: Scenario, demand: PlanDemand, problem: RosterProblem, roster: Roster) -> SimulationModel {
        let emailArrivals = Dictionary(uniqueKeysWithValues: zip(scenario.queues, demand.queues)
            .filter { $0.0.channel == .email }.map { ($1.id, $1.contacts) })
        let handleTimes = Dictionary(uniqueKeysWithValues: scenario.queues.map { ($0.id, $0.handleTime) })
        return SimulationModel(problem: problem, roster: roster, arrivals: emailArrivals, handleTimes: handleTimes)
    }

    static func run(scenario: Scenario, demand: PlanDemand, problem: RosterProblem, roster: Roster,
                    replications: Int? = nil, seed: Int? = nil) -> SimulationResult {
        let model = model(scenario: scenario, demand: demand, problem: problem, roster: roster)
        return Simulator(model: model, replications: replications ?? scenario.solver.simulationReplications,
                         seed: UInt64(truncatingIfNeeded: seed ?? scenario.solver.seed)).run()
    }
}

/// `wfm simulate`: a run folder's roster through the simulation, beside its Erlang projection.
public struct SimulationCheck: Sendable {
    public var simulation: SimulationResult
    public var projection: ProjectedService
    public var grid: TimeGrid
    public var seconds: Double

    /// `replications` nil: the scenario's `solver.simulation_replications`, or 20 where that is 0 (no
    /// simulation in runs). `seed` nil: the scenario's `solver.seed`.
    public static func run(_ scenario: Scenario, folder: String, replications: Int?, seed: Int?) throws -> SimulationCheck {
        let roster = try RosterFiles.read(folder: folder, scenario: scenario)
        let demand = try DemandStage.run(scenario)
        let problem = RosterProblemBuilder.build(scenario, demand: demand, timeLimitSeconds: nil, seed: nil)
        let clock = ContinuousClock.now
        let result = RosterSimulation.run(scenario: scenario, demand: demand, problem: problem, roster: roster,
                                          replications: replications ?? (scenario.solver.simulationReplications > 0 ? scenario.solver.simulationReplications : 20),
                                          seed: seed)
        let seconds = (ContinuousClock.now - clock).inSeconds
        return SimulationCheck(simulation: result, projection: ProjectedService(roster: roster, problem: problem),
                               grid: scenario.grid, seconds: seconds)
    }

    /// Per queue: the Erlang projection, then the simulated service level ± its 95 % half-width, ASA,
    /// abandonment and occupancy; the overall line; replications, contacts and speed.
    public var text: String {
        var lines = ["queue        projected SL   simulated SL (95 %)    ASA      abandoned  occupancy"]
        for (p, s) in zip(projection.queues, simulation.queues) {
            let name = s.queueID.padding(toLength: max(10, s.queueID.count), withPad: " ", startingAt: 0)
            lines.append(name + String(format: "   %6.2f %%     %6.2f ± %4.2f %%   %7.1f s   %5.2f %%    %5.1f %%",
                                       p.serviceLevel * 100, s.serviceLevel.mean * 100, s.serviceLevel.halfWidth95 * 100,
                                       s.asaSeconds.mean, s.abandonRate.mean * 100, s.occupancy.mean * 100))
        }
        lines.append(String(format: "all queues   %6.2f %%     %6.2f ± %4.2f %%", projection.serviceLevel * 100,
                            simulation.serviceLevel.mean * 100, simulation.serviceLevel.halfWidth95 * 100))
        lines.append(String(format: "%d replications, seed %llu, %d contacts simulated in %.2f s", simulation.replications,
                            simulation.seed, simulation.simulatedContacts, seconds))
        return lines.joined(separator: "\n")
    }

    /// `{"replications", "seed", "service_level": {mean, ci95}, "queues": [{id, projected_service_level,
    /// simulated: {service_level, ci95, asa_seconds, abandon_rate, occupancy}}]}`.
    public var json: String {
        let queues = zip(projection.queues, simulation.queues).map { p, s in
            "    {\"id\": \(Exporters.quote(s.queueID)), \"projected_service_level\": \(Exporters.fixed(p.serviceLevel, 4)), "
                + "\"simulated\": \(Exporters.simulatedJSON(.init(s)))}"
        }
        return "{\n  \"replications\": \(simulation.replications),\n  \"seed\": \(simulation.seed),\n"
            + "  \"service_level\": {\"mean\": \(Exporters.fixed(simulation.serviceLevel.mean, 4)), "
            + "\"ci95\": \(Exporters.fixed(simulation.serviceLevel.halfWidth95, 4))},\n"
            + "  \"queues\": [\n" + queues.joined(separator: ",\n") + "\n  ]\n}\n"
    }

    /// Per interval and queue: contacts, projected and simulated service level, simulated ASA and abandonment.
    public var intervalsCSV: String {
        var csv = CSVWriter(header: ["interval_start", "queue", "contacts", "projected_service_level", "simulated_service_level",
                                     "simulated_asa_seconds", "simulated_abandon_rate"])
        for (p, s) in zip(projection.cells, simulation.cells) {
            csv.append([RunTimestamp(instant: grid.intervals[s.interval].start, in: grid.timeZone).description, s.queueID,
                        Exporters.fixed(s.contacts, 2), Exporters.fixed(p.serviceLevel, 4), Exporters.optional(s.serviceLevel, 4),
                        Exporters.optional(s.asaSeconds, 1), Exporters.optional(s.abandonRate, 4)])
        }
        return csv.text
    }
}

extension Exporters {
    /// `{"service_level", "ci95", "asa_seconds", "abandon_rate", "occupancy"}` of one simulated queue
    /// (fractions 4 decimals, seconds 1; ci95 = half-width of the 95 % interval of the service level).
    static func simulatedJSON(_ s: RunSummaryOutput.SimulatedKPI?) -> String {
        guard let s else { return "null" }
        func number(_ x: Double, _ d: Int) -> String { x.isFinite ? fixed(x, d) : "null" }
        return "{\"service_level\": \(number(s.serviceLevel, 4)), \"ci95\": \(number(s.ci95, 4)), "
            + "\"asa_seconds\": \(number(s.asaSeconds, 1)), \"abandon_rate\": \(number(s.abandonRate, 4)), "
            + "\"occupancy\": \(number(s.occupancy, 4))}"
    }
}

extension RunSummaryOutput.SimulatedKPI {
    init(_ s: SimulationResult.QueueWeek) {
        self.init(serviceLevel: s.serviceLevel.mean, ci95: s.serviceLevel.halfWidth95, asaSeconds: s.asaSeconds.mean,
                  abandonRate: s.abandonRate.mean, occupancy: s.occupancy.mean)
    }
}
