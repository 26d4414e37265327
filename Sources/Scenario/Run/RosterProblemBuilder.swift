import Scheduling
import Staffing
import WFMCore

/// Maps a scenario and its plan demand onto the scheduler's `RosterProblem`.
///
/// - Voice and chat queues hand the scheduler their forecast contacts, handle time and service-level
///   target; the scheduler's objective uses each interval's Erlang service curve.
/// - Email (deferred work) hands the scheduler the work the deadline plan assigns to each interval:
///   `items_t = profile_t · intervalSeconds / AHT_t`, where `profile_t` is the fluid agent profile of
///   `DeferredWork` (the lowest peak that clears every item within `response_hours`). Its curve
///   `min(items_t, N · intervalSeconds / AHT_t)` then rewards exactly the capacity that plan needs;
///   its target is 1 (every item within the deadline).
/// - A day closed for every queue is a day nobody works: every agent gets an unavailable window.
/// - `published_roster` becomes the `PublishedPlan` the search re-plans against (its change penalty
///   in contacts per changed shift).
/// - `weekend:` becomes the problem's weekend (what `max-weekends` and `fair-weekends` count).
/// - Templates (with `cannot_follow`), contracts (with their long-horizon rules), `shift_cover` and
///   `requests` pass through unchanged.
enum RosterProblemBuilder {
    static func build(_ scenario: Scenario, demand: PlanDemand, timeLimitSeconds: Double?, seed: Int?) -> RosterProblem {
        let intervalSeconds = Double(scenario.grid.intervalMinutes * 60)
        let queues = zip(scenario.queues, demand.queues).map { settings, queue -> QueueDemand in
            switch settings.staffingModel {
            case .deferred(let responseHours):
                let profile = DeferredWork.agentProfile(contacts: queue.contacts, ahtSeconds: queue.ahtSeconds,
                                                        isOpen: queue.isOpen, intervalSeconds: intervalSeconds,
                                                        responseHours: responseHours)
                let items = profile.indices.map { profile[$0] * intervalSeconds / queue.ahtSeconds[$0] }
                return QueueDemand(id: queue.id, contacts: items, ahtSeconds: queue.ahtSeconds, thresholdSeconds: 0,
                                   serviceLevelTarget: 1, maxOccupancy: settings.maxOccupancy, model: settings.staffingModel)
            default:
                return QueueDemand(id: queue.id, contacts: queue.contacts, ahtSeconds: queue.ahtSeconds,
                                   thresholdSeconds: settings.serviceLevel?.seconds ?? 0,
                                   serviceLevelTarget: settings.serviceLevel?.target ?? 1,
                                   maxOccupancy: settings.maxOccupancy, model: settings.staffingModel)
            }
        }
        let closedDates = Set(scenario.grid.intervals.map(\.date)).filter { date in
            scenario.calendar.contains { $0.date == date && $0.closed && $0.queueIDs.isEmpty }
        }
        let closures = closedDates.sorted().flatMap { date in
            scenario.agents.map { AvailabilityWindow(agentID: $0.id, date: date, startMinute: 0, endMinute: 1440, kind: .unavailable) }
        }
        let search = SearchSettings(timeLimitSeconds: timeLimitSeconds ?? scenario.solver.timeLimitSeconds,
                                    relativeGap: scenario.solver.relativeGap,
                                    seed: UInt64(truncatingIfNeeded: seed ?? scenario.solver.seed),
                                    maxMoves: scenario.solver.maxMoves ?? .max,
                                    maxNeighbourhoods: scenario.solver.maxNeighbourhoods ?? .max)
        var problem = RosterProblem(grid: scenario.grid, queues: queues, templates: scenario.templates, contracts: scenario.contracts,
                             agents: scenario.agents, availability: scenario.availability + closures, carryIn: scenario.carryIn,
                             shrinkage: scenario.shrinkage, objective: scenario.objective, search: search,
                             published: scenario.publishedRoster.map { PublishedPlan(shifts: $0.shifts, changePenalty: $0.changePenalty) },
                             shiftCover: scenario.shiftCover, requests: scenario.requests)
        problem.weekend = scenario.weekend
        return problem
    }
}
