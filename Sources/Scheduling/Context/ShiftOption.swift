import Foundation
import WFMCore

/// One concrete shift: a template started at one local minute of one horizon day, with one length.
///
/// Times are absolute (seconds since 1970-01-01T00:00Z) so shifts across midnight and DST changes
/// are exact; the shift belongs to `day`, the day it starts. `coverage[i]` is the fraction of grid
/// interval `firstInterval + i` inside the shift (1 for whole intervals), only for intervals of the horizon.
public struct ShiftOption: Sendable, Hashable {
    public var templateIndex: Int
    public var templateID: String
    /// 0-based horizon day the shift starts on.
    public var day: Int
    public var date: LocalDate
    /// Local minutes after midnight at the start.
    public var startMinute: Int
    public var lengthMinutes: Int
    public var paidMinutes: Int
    public var start: Int
    public var end: Int
    public var firstInterval: Int
    public var coverage: [Double]
    /// Overlaps 00:00–06:00 local time (of its start day or the next).
    public var isNight: Bool
    /// Starts on a day of the problem's `weekend` (Saturday or Sunday by default).
    public var isWeekend: Bool

    /// A shift overlaps the local night if [startMinute, startMinute + length) meets [0, 360) or [1440, 1800).
    static func overlapsNight(startMinute: Int, lengthMinutes: Int) -> Bool {
        let end = startMinute + lengthMinutes
        return startMinute < 360 || (end > 1440 && startMinute < 1800)
    }
}

/// Every shift option of the horizon, and which of them each agent may work on each day.
///
/// `allowed[a][d]` lists option indices for agent `a` on day `d`: templates of the agent's
/// contract, minus options overlapping one of the agent's hard `unavailable` windows. Rules between
/// days (rest, weekly minutes, …) are not applied here; they are rules of the formulation and the checker.
public struct OptionCatalog: Sendable {
    public let options: [ShiftOption]
    public let allowed: [[[Int]]]
    /// Options of the agent's contract templates on each day, availability ignored (for the
    /// elastic model that explains infeasibility: working an unavailable window is a priced move there).
    public let templateAllowed: [[[Int]]]
    /// Absolute start of the grid and interval length in seconds.
    public let gridStart: Int
    public let intervalSeconds: Int

    public init(problem: RosterProblem) {
        let grid = problem.grid
        gridStart = grid.intervals.first?.start ?? 0
        intervalSeconds = grid.intervalMinutes * 60
        let horizonEnd = gridStart + grid.intervals.count * intervalSeconds
        var options: [ShiftOption] = []
        for day in 0..<grid.days {
            let date = grid.startDate.adding(days: day)
            for (ti, template) in problem.templates.enumerated() {
                for startMinute in stride(from: template.startEarliestMinute, through: template.startLatestMinute, by: max(1, template.startStepMinutes)) {
                    let start = TimeGrid.instant(of: date, minute: startMinute, in: grid.timeZone)
                    for length in template.lengthsMinutes {
                        let end = start + length * 60
                        let first = max(0, (start - gridStart) / intervalSeconds)
                        var coverage: [Double] = []
                        var t = first
                        while t * intervalSeconds + gridStart < min(end, horizonEnd) {
                            let a = gridStart + t * intervalSeconds
                            let overlap = min(end, a + intervalSeconds) - max(start, a)
                            coverage.append(Double(max(0, overlap)) / Double(intervalSeconds))
                            t += 1
                        }
                        options.append(ShiftOption(
                            templateIndex: ti, templateID: template.id, day: day, date: date, startMinute: startMinute,
                            lengthMinutes: length, paidMinutes: template.paidMinutes(length: length), start: start, end: end,
                            firstInterval: first, coverage: coverage,
                            isNight: ShiftOption.overlapsNight(startMinute: startMinute, lengthMinutes: length),
                            isWeekend: problem.weekend.contains(date)))
                    }
                }
            }
        }
        self.options = options
        let byDay = Dictionary(grouping: options.indices, by: { options[$0].day })
        templateAllowed = problem.agents.map { agent in
            let templates = Set(problem.contract(of: agent)?.templateIDs ?? [])
            return (0..<grid.days).map { day in (byDay[day] ?? []).filter { templates.contains(options[$0].templateID) } }
        }
        allowed = zip(problem.agents, templateAllowed).map { agent, days in
            let blocked = problem.availability.filter { $0.agentID == agent.id && $0.kind == .unavailable }
                .map { $0.absoluteRange(in: grid.timeZone) }
            return days.map { list in
                list.filter { o in !blocked.contains { $0.lowerBound < options[o].end && options[o].start < $0.upperBound } }
            }
        }
    }
}

extension AvailabilityWindow {
    /// The window as absolute seconds [start, end).
    public func absoluteRange(in zone: TimeZone) -> Range<Int> {
        let s = TimeGrid.instant(of: date, minute: startMinute, in: zone)
        let e = endMinute >= 1440 ? TimeGrid.instant(of: date.adding(days: 1), minute: 0, in: zone)
                                  : TimeGrid.instant(of: date, minute: endMinute, in: zone)
        return s..<max(s, e)
    }
}
