import Foundation
import WFMCore

/// Figures derived from a run's files that the report and `wfm compare` share.
extension RunDirectory {
    /// A short name for the run: the folder's last path component.
    public var name: String { URL(fileURLWithPath: path).standardizedFileURL.lastPathComponent }

    /// Queue ids in summary.json order.
    public var queueIDs: [String] { summary.queues.map(\.id) }

    /// The coverage rows of one queue ordered by interval start.
    public func coverage(of queue: String) -> [CoverageRow] {
        coverage.filter { $0.queue == queue }.sorted { $0.intervalStart < $1.intervalStart }
    }

    /// Intervals of a queue where coverage.csv has scheduled_agents < required_agents.
    public func understaffedIntervals(of queue: String) -> Int {
        coverage.reduce(0) { $0 + ($1.queue == queue && $1.isUnderstaffed ? 1 : 0) }
    }

    /// Forecast contacts of a queue over the horizon, summed from coverage.csv.
    public func contacts(of queue: String) -> Double {
        coverage.reduce(0) { $0 + ($1.queue == queue ? $1.contacts : 0) }
    }

    /// The interval length in minutes: the smallest gap between consecutive interval starts of one
    /// queue in coverage.csv (absolute time, so a daylight-saving change does not disturb it).
    /// Nil when no queue has two intervals.
    public var intervalMinutes: Int? {
        var best: Int?
        for queue in queueIDs {
            let starts = coverage(of: queue).map(\.intervalStart.epochMinutes)
            for (a, b) in zip(starts, starts.dropFirst()) where b > a {
                best = min(best ?? b - a, b - a)
            }
        }
        return best
    }

    /// Paid agent-hours a queue needs: Σ required_with_shrinkage × interval length, from requirements.csv,
    /// over the intervals starting on `dates` (all intervals when nil). Nil when the interval length is unknown.
    public func requiredPaidHours(of queue: String, on dates: Set<LocalDate>? = nil) -> Double? {
        guard let minutes = intervalMinutes else { return nil }
        let agents = requirements.reduce(0.0) { sum, row in
            guard row.queue == queue, dates?.contains(row.intervalStart.date) ?? true else { return sum }
            return sum + row.requiredWithShrinkage
        }
        return agents * Double(minutes) / 60
    }

    /// The local dates of the horizon: every date with a coverage interval or a shift, ascending.
    public var dates: [LocalDate] {
        Set(coverage.map(\.intervalStart.date)).union(shifts.map(\.date)).sorted()
    }

    /// The horizon's weekly blocks, from its first to its last date (`dates`).
    var weeks: HorizonWeeks {
        let dates = self.dates
        guard let first = dates.first, let last = dates.last else { return HorizonWeeks(first: LocalDate(year: 1970, month: 1, day: 1), days: 0) }
        return HorizonWeeks(first: first, days: last.dayNumber - first.dayNumber + 1)
    }

    /// Agents who work at least one day.
    public var workingAgents: [AgentRow] { agents.filter { $0.daysWorked > 0 } }
}
