import Scheduling
import Simulation
import Staffing

/// Simulation in the roster loop (issue 14, `solver.simulation_rounds`, docs/simulation.md
/// "Simulation in the scheduler"): a pilot solve gets `pilotShare` of the time limit, then `rounds` solves share the rest
/// equally. After each solve the
/// roster is simulated (common random numbers: the same seed every round) and every voice or chat
/// queue × interval gets an *effective handle time*: the AHT at which the split model's service level,
/// at the capacity the split gives that cell, equals the simulated one (bisection on a multiplier in
/// [1/1.5, 1.5]; cells with fewer than 5 simulated contacts per replication keep the queue's weekly
/// multiplier), applied damped (its square root) to the original AHT. The next solve plans on those
/// service curves. Of all rounds' rosters the one with the
/// best simulated service (all queues) is kept; its reported figures are projected with the curves it
/// was planned on. Email (deferred work) keeps its deadline plan.
enum SimulationFeedback {
    static let bound = 1.5
    static let pilotShare = 0.15

    static func schedule(_ problem: RosterProblem, rounds: Int, scheduler: RosterScheduler,
                         simulate: (RosterProblem, Roster) -> SimulationResult) throws -> (ScheduleResult, RosterProblem, SimulationResult?) {
        var planned = problem
        let roundSeconds = problem.search.timeLimitSeconds * (1 - pilotShare) / Double(rounds)
        var best: (ScheduleResult, RosterProblem, SimulationResult)?
        for round in 0...rounds {
            planned.search.timeLimitSeconds = round == 0 ? problem.search.timeLimitSeconds * pilotShare : roundSeconds
            let result = try scheduler.schedule(planned)
            guard let roster = result.roster, let service = result.service, result.violations.isEmpty else {
                if best == nil && round == rounds { return (result, planned, nil) }
                continue
            }
            let simulation = simulate(problem, roster)
            if best.map({ simulation.serviceLevel.mean > $0.2.serviceLevel.mean }) ?? true { best = (result, planned, simulation) }
            if round < rounds { planned = calibrated(planned, original: problem, service: service, simulation: simulation) }
        }
        return best!
    }

    /// `problem` with each voice/chat cell's AHT replaced by its effective handle time (see above).
    static func calibrated(_ problem: RosterProblem, original: RosterProblem, service: ProjectedService,
                           simulation: SimulationResult) -> RosterProblem {
        var out = problem
        let Q = problem.queues.count
        let intervalSeconds = Double(problem.grid.intervalMinutes * 60)
        for (q, queue) in original.queues.enumerated() {
            if case .deferred = queue.model { continue }
            var factors = [Double?](repeating: nil, count: queue.contacts.count)
            var weightSum = 0.0, factorSum = 0.0
            for t in queue.contacts.indices {
                let cell = service.cells[t * Q + q], simulated = simulation.cells[t * Q + q]
                guard let target = simulated.serviceLevel, queue.contacts[t] > 0,
                      let f = multiplier(queue: queue, interval: t, capacity: cell.scheduledAgents, target: target,
                                         intervalSeconds: intervalSeconds) else { continue }
                weightSum += queue.contacts[t]
                factorSum += queue.contacts[t] * f
                if simulated.contacts >= 5 { factors[t] = f }
            }
            let weekly = weightSum > 0 ? factorSum / weightSum : 1
            out.queues[q].ahtSeconds = queue.ahtSeconds.indices.map { queue.ahtSeconds[$0] * (factors[$0] ?? weekly).squareRoot() }
        }
        return out
    }

    /// The AHT multiplier m in [1/bound, bound] at which the split model's service level at `capacity`
    /// equals `target` (service falls as m grows; 40 bisection steps); nil when the cell says nothing
    /// (under half an agent, or model and simulation both above 99.5 %).
    static func multiplier(queue: QueueDemand, interval t: Int, capacity: Double, target: Double, intervalSeconds: Double) -> Double? {
        func serviceLevel(_ m: Double) -> Double {
            let curve = ServiceCurve(contacts: queue.contacts[t], ahtSeconds: queue.ahtSeconds[t] * m, intervalSeconds: intervalSeconds,
                                     thresholdSeconds: queue.thresholdSeconds, model: queue.model)
            let n = Int(capacity)
            let lo = curve.answered(agents: n), hi = curve.answered(agents: n + 1)
            return (lo + (capacity - Double(n)) * (hi - lo)) / queue.contacts[t]
        }
        guard capacity >= 0.5, !(target > 0.995 && serviceLevel(1) > 0.995) else { return nil }
        var low = 1 / bound, high = bound
        if serviceLevel(low) <= target { return low }
        if serviceLevel(high) >= target { return high }
        for _ in 0..<40 {
            let mid = (low + high) / 2
            if serviceLevel(mid) > target { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }
}
