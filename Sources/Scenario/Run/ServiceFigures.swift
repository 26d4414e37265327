import Scheduling
import Staffing
import WFMCore

/// The service figures a roster is reported with: the one definition behind coverage.csv,
/// summary.json, the run table, the report and `wfm check` (docs/outputs.md).
///
/// Every figure counts the contacts as they arrive (`PlanDemand`, as in forecast.csv), in every queue:
/// - Voice and chat: per interval, `ProjectedService`'s staffing maths at the roster's capacity.
///   Weekly service level = Σ answered within threshold / Σ contacts; occupancy = Σ offered load /
///   Σ capacity; ASA = Σ contacts·ASA / Σ contacts over **every** interval with contacts. An interval
///   whose queue is unstable there (Erlang C or chat with capacity ≤ offered load: ASA unbounded) is
///   counted (`unstableIntervals`, `unstableContacts`), and the weekly ASA is then unbounded (nil).
///   With patience (Erlang A) ASA is finite everywhere.
/// - Deferred work (email): `DeferredResponse.fifo` at the capacity the roster gives the queue each
///   interval. Per interval, the service level is the share of its contacts answered within the
///   response time (empty when they are due only after the horizon); weekly, answered within /
///   contacts due in the horizon; mean and 90th-percentile response time in minutes of open time;
///   the backlog at the end of each local day. ASA and occupancy do not apply (nil).
public struct ServiceFigures: Sendable {
    public struct Cell: Sendable, Hashable {
        public var interval: Int
        public var queueID: String
        /// Contacts arriving in the interval.
        public var contacts: Double
        public var ahtSeconds: Double
        public var scheduledAgents: Double
        /// Share answered within threshold (response time for deferred work); nil when it does not apply.
        public var serviceLevel: Double?
        /// nil for deferred work, and where the queue is unstable.
        public var asaSeconds: Double?
        /// nil for deferred work.
        public var occupancy: Double?
    }

    /// Contacts waiting at the end of one local date.
    public struct DayBacklog: Sendable, Hashable {
        public var date: LocalDate
        public var contacts: Double
    }

    /// Figures only deferred work has.
    public struct Deferred: Sendable, Hashable {
        public var responseHours: Double
        public var meanResponseMinutes: Double?
        public var p90ResponseMinutes: Double?
        /// One entry per local date of the horizon, in date order.
        public var backlogEndOfDay: [DayBacklog]
    }

    public struct Queue: Sendable, Hashable {
        public var queueID: String
        /// Contacts arriving over the horizon.
        public var contacts: Double
        public var answeredWithinThreshold: Double
        /// The contacts the service level counts: all of them, or for deferred work those due in the horizon.
        public var countedContacts: Double
        /// answered within / counted contacts; 1 without any.
        public var serviceLevel: Double
        /// nil for deferred work and when unstable in some interval.
        public var asaSeconds: Double?
        /// nil for deferred work.
        public var occupancy: Double?
        /// Intervals with contacts where the queue is unstable (ASA unbounded); 0 for deferred work.
        public var unstableIntervals: Int
        /// Contacts arriving in those intervals.
        public var unstableContacts: Double
        public var deferred: Deferred?
    }

    /// Interval order, queues in scenario order within an interval (as `ProjectedService.cells`).
    public var cells: [Cell]
    public var queues: [Queue]

    /// Contacts answered within threshold over all queues / contacts they count (1 without contacts).
    public var serviceLevel: Double {
        let counted = queues.reduce(0) { $0 + $1.countedContacts }
        return counted > 0 ? queues.reduce(0) { $0 + $1.answeredWithinThreshold } / counted : 1
    }

    public init(service: ProjectedService, demand: PlanDemand, scenario: Scenario) {
        let Q = demand.queues.count
        let intervalSeconds = Double(scenario.grid.intervalMinutes * 60)
        var cells = service.cells.map { c -> Cell in
            Cell(interval: c.interval, queueID: c.queueID, contacts: c.contacts, ahtSeconds: c.ahtSeconds,
                 scheduledAgents: c.scheduledAgents, serviceLevel: c.serviceLevel, asaSeconds: c.asaSeconds,
                 occupancy: c.occupancy)
        }
        var queues: [Queue] = []
        let dates = scenario.grid.intervals.map(\.date)
        for (q, queue) in demand.queues.enumerated() {
            let index = stride(from: q, to: cells.count, by: Q)
            if case .deferred(let hours) = scenario.queues[q].staffingModel {
                let response = DeferredResponse.fifo(contacts: queue.contacts, ahtSeconds: queue.ahtSeconds, isOpen: queue.isOpen,
                                                     capacity: index.map { cells[$0].scheduledAgents },
                                                     intervalSeconds: intervalSeconds, responseHours: hours)
                for (t, k) in index.enumerated() {
                    cells[k].contacts = queue.contacts[t]
                    cells[k].serviceLevel = response.withinShare(t)
                    cells[k].asaSeconds = nil
                    cells[k].occupancy = nil
                }
                let due = response.due.reduce(0, +), within = response.answeredWithin.reduce(0, +)
                let ends = dates.indices.filter { $0 + 1 == dates.count || dates[$0 + 1] != dates[$0] }
                queues.append(Queue(queueID: queue.id, contacts: queue.contacts.reduce(0, +), answeredWithinThreshold: within,
                                    countedContacts: due, serviceLevel: due > 0 ? within / due : 1, asaSeconds: nil, occupancy: nil,
                                    unstableIntervals: 0, unstableContacts: 0,
                                    deferred: Deferred(responseHours: hours, meanResponseMinutes: response.meanResponseMinutes,
                                                       p90ResponseMinutes: response.p90ResponseMinutes,
                                                       backlogEndOfDay: ends.map { DayBacklog(date: dates[$0], contacts: response.backlog[$0]) })))
            } else {
                let week = service.queues[q]
                let mine = index.map { cells[$0] }.filter { $0.contacts > 0 }
                let unstable = mine.filter { $0.asaSeconds == nil }
                let contacts = mine.reduce(0) { $0 + $1.contacts }
                let asa = unstable.isEmpty ? (contacts > 0 ? mine.reduce(0) { $0 + $1.contacts * $1.asaSeconds! } / contacts : 0) : nil
                queues.append(Queue(queueID: queue.id, contacts: contacts, answeredWithinThreshold: week.answeredWithinThreshold,
                                    countedContacts: contacts, serviceLevel: week.serviceLevel, asaSeconds: asa, occupancy: week.occupancy,
                                    unstableIntervals: unstable.count, unstableContacts: unstable.reduce(0) { $0 + $1.contacts },
                                    deferred: nil))
            }
        }
        self.cells = cells
        self.queues = queues
    }
}
