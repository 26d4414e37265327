import Forecasting
import Foundation
import Scheduling
import WFMCore

/// `wfm risk SCENARIO --roster DIR --paths N`: how a roster already made fares when volume does not
/// come in as forecast.
///
/// Each of N volume paths redraws the plan week's contacts from the forecast's own error distribution
/// (`ForecastErrors`, measured on the history before the horizon): for every day one whole-day level
/// error `E` (the day's total is `F · (1 + E)`), so the errors are fully correlated within a day, as in
/// the backtests, and independent between days. `E` is drawn by inverse transform from the empirical
/// distribution of the daily errors (`Q_u(E)`, u uniform); one `u` per day serves every queue, so
/// queues with a common driver (chat and email derived from voice) move together. Every interval of the
/// day is scaled by `1 + E` (email's planned items likewise). The roster's weekly service per queue on
/// each path is projected by Erlang (`ProjectedService`, the maths of coverage.csv) and, with
/// `simulate`, measured by one replication of the discrete-event simulation on the same path
/// (`RosterSimulation`, docs/simulation.md; the path's seed is `seed + path`). Paths are seeded
/// (`seed`), so the result repeats exactly.
public struct RosterRisk: Sendable {
    public struct Queue: Sendable, Hashable {
        public var id: String
        /// The queue's service-level target (`service_level.target`); nil for email (deadline work).
        public var target: Double?
        /// Weekly service level at the point forecast.
        public var pointService: Double
        /// Weekly service level of each path, in path order.
        public var paths: [Double]
        /// Weekly service level of each path in one replication of the simulation; empty when not simulated.
        public var simulatedPaths: [Double] = []

        /// Empirical quantile p of the weekly service over the paths (type 7).
        public func quantile(_ p: Double) -> Double {
            let sorted = paths.sorted()
            let h = Double(sorted.count - 1) * p
            let lo = Int(h.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
            return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
        }

        public var mean: Double { paths.reduce(0, +) / Double(paths.count) }

        /// Share of paths whose weekly service is below the target; nil without a target.
        public var probabilityBelowTarget: Double? {
            target.map { t in Double(paths.filter { $0 < t }.count) / Double(paths.count) }
        }

        /// Share of simulated paths whose weekly service is below the target; nil without a target or simulation.
        public var simulatedProbabilityBelowTarget: Double? {
            guard let target, !simulatedPaths.isEmpty else { return nil }
            return Double(simulatedPaths.filter { $0 < target }.count) / Double(simulatedPaths.count)
        }
    }

    public var queues: [Queue]
    public var pathCount: Int

    public static let defaultPaths = 200

    /// Reads the roster in `folder` (shifts.csv, breaks.csv) and evaluates it on `paths` volume paths.
    /// Throws a diagnostic when the scenario's forecast is a file (no history, no error distribution).
    public static func run(_ scenario: Scenario, folder: String, paths: Int = defaultPaths, seed: UInt64 = 1,
                           simulate: Bool = false) throws -> RosterRisk {
        precondition(paths >= 1, "paths must be ≥ 1, got \(paths)")
        guard case .method(let name) = scenario.forecast, let method = ForecastMethod(rawValue: name) else {
            throw DiagnosticError([Diagnostic(file: scenario.file, key: "forecast",
                                              message: "risk draws volume from the forecast's error distribution: it needs forecast: {method: …} and a history")])
        }
        let roster = try RosterFiles.read(folder: folder, scenario: scenario)
        let demand = try DemandStage.run(scenario)
        let problem = RosterProblemBuilder.build(scenario, demand: demand, timeLimitSeconds: nil, seed: nil)
        let errors = Forecaster.errors(history: try DemandStage.history(scenario), start: scenario.grid.startDate, method: method,
                                       specialDays: DemandStage.specialDays(scenario))
        let point = ProjectedService(roster: roster, problem: problem)
        let dates = scenario.grid.intervals.map(\.date)
        let days = Array(Set(dates)).sorted()
        let dayIndex = Dictionary(uniqueKeysWithValues: days.enumerated().map { ($1, $0) })
        let dayOfInterval = dates.map { dayIndex[$0]! }

        var rng = SplitMix64(seed: seed)
        var service: [[Double]] = Array(repeating: [], count: problem.queues.count)
        var simulated: [[Double]] = Array(repeating: [], count: problem.queues.count)
        for index in 0..<paths {
            let u = days.map { _ in Double(rng.next() >> 11) / Double(1 << 53) }
            var path = problem, pathDemand = demand
            for (q, queue) in problem.queues.enumerated() {
                guard let e = errors[queue.id] else { continue }
                let factors = u.map { max(0, 1 + e.dailyQuantile($0)) }
                func scaled(_ contacts: [Double]) -> [Double] { contacts.indices.map { contacts[$0] * factors[dayOfInterval[$0]] } }
                path.queues[q].contacts = scaled(queue.contacts)
                if let d = pathDemand.queues.firstIndex(where: { $0.id == queue.id }) {
                    pathDemand.queues[d].contacts = scaled(pathDemand.queues[d].contacts)
                }
            }
            let projected = ProjectedService(roster: roster, problem: path)
            let weekly = Dictionary(uniqueKeysWithValues: projected.queues.map { ($0.queueID, $0.serviceLevel) })
            for (q, queue) in problem.queues.enumerated() { service[q].append(weekly[queue.id] ?? 0) }
            guard simulate else { continue }
            let run = RosterSimulation.run(scenario: scenario, demand: pathDemand, problem: path, roster: roster,
                                           replications: 1, seed: Int(truncatingIfNeeded: seed &+ UInt64(index)))
            let week = Dictionary(uniqueKeysWithValues: run.queues.map { ($0.queueID, $0.serviceLevel.mean) })
            for (q, queue) in problem.queues.enumerated() { simulated[q].append(week[queue.id] ?? 0) }
        }
        let pointWeekly = Dictionary(uniqueKeysWithValues: point.queues.map { ($0.queueID, $0.serviceLevel) })
        let queues = problem.queues.enumerated().map { q, queue in
            Queue(id: queue.id, target: scenario.queue(queue.id)?.serviceLevel?.target, pointService: pointWeekly[queue.id] ?? 0,
                  paths: service[q], simulatedPaths: simulated[q])
        }
        return RosterRisk(queues: queues, pathCount: paths)
    }

    /// The table `wfm risk` prints: per queue the point service, the path mean, p10/p50/p90 and P(< target)
    /// by Erlang; with simulation, P(< target) and the mean of the simulated paths.
    public var text: String {
        let simulatedColumns = queues.contains { !$0.simulatedPaths.isEmpty }
        var lines = ["\(pathCount) volume paths (whole-day level errors of the forecast's backtest, one draw per day)",
                     "queue      target  at forecast    mean     p10     p50     p90   P(week < target)"
                        + (simulatedColumns ? "   simulated: mean  P(week < target)" : "")]
        func pct(_ x: Double) -> String { String(format: "%6.2f%%", x * 100) }
        for q in queues {
            lines.append(q.id.padding(toLength: 10, withPad: " ", startingAt: 0) + " "
                + (q.target.map { String(format: "%5.0f%%", $0 * 100) } ?? "     –") + "  " + pct(q.pointService) + "     "
                + [pct(q.mean), pct(q.quantile(0.1)), pct(q.quantile(0.5)), pct(q.quantile(0.9))].joined(separator: " ")
                + "   " + (q.probabilityBelowTarget.map { String(format: "%.3f", $0) } ?? "–")
                + (simulatedColumns ? "              " + pct(q.simulatedPaths.reduce(0, +) / Double(max(1, q.simulatedPaths.count)))
                    + "  " + (q.simulatedProbabilityBelowTarget.map { String(format: "%.3f", $0) } ?? "–") : ""))
        }
        return lines.joined(separator: "\n")
    }
}
