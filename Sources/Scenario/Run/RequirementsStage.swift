import Staffing
import WFMCore

/// Stage 2 of a run: agents required per queue and interval (requirements.csv), by the queue's
/// staffing model (Staffing/Requirements.swift): Erlang C or A for voice, the concurrency model for
/// chat, the deferred-work profile for email; shrinkage gives `required_with_shrinkage`.
enum RequirementsStage {
    static func run(_ scenario: Scenario, demand: PlanDemand) -> [[IntervalRequirement]] {
        let queues = zip(scenario.queues, demand.queues).map { settings, queue in
            precondition(settings.id == queue.id, "demand queues out of order: \(settings.id) vs \(queue.id)")
            return (staffing: staffing(settings, shrinkage: scenario.shrinkage),
                    demand: queue.contacts.indices.map {
                        IntervalDemand(contacts: queue.contacts[$0], ahtSeconds: queue.ahtSeconds[$0], isOpen: queue.isOpen[$0])
                    })
        }
        return Requirements.compute(queues: queues, intervalSeconds: Double(scenario.grid.intervalMinutes * 60))
    }

    /// The staffing description of a queue; email has no service-level target, only its occupancy cap.
    static func staffing(_ q: QueueSettings, shrinkage: Double) -> QueueStaffing {
        let targets = q.staffingTargets
            ?? ServiceTargets(serviceLevel: 0, thresholdSeconds: 0, maxOccupancy: q.maxOccupancy < 1 ? q.maxOccupancy : nil)
        return QueueStaffing(model: q.staffingModel, targets: targets, shrinkage: shrinkage)
    }
}
