import CurtoisFormat
import Foundation
import Scheduling
import WFMCore

/// Maps a Curtois benchmark instance onto the scheduler's `RosterProblem` and translates rosters and
/// Curtois solutions into each other (docs/curtois.md).
///
/// - Horizon: `days` days from `startDate` (a Monday, so day d % 7 == 5 is a Saturday as in the
///   benchmark), UTC, 60-minute intervals, no queues.
/// - Shift type → `ShiftTemplate` with one start (`shiftStartMinute`), one length (LengthMins), no
///   breaks, `cannotFollow` as given. Every shift is one paid block starting and ending on its day.
/// - Employee → `Contract` (identical ones shared): the shift types whose MaxShifts is not 0, the
///   per-type maxima, Min/MaxTotalMinutes as horizon minutes, Max/MinConsecutiveShifts as consecutive
///   working days, MinConsecutiveDaysOff, MaxWeekends. Weekly rules are neutral.
/// - Hard day off → `unavailable` window over the whole day; on/off request → `ShiftRequest`; cover
///   → `ShiftCover`, each with its weight.
/// - Objective `max-service` with every weight but the unanswered contact 0: without queues the
///   scheduler's objective is then Σ request penalties + Σ cover penalties, the benchmark objective.
public struct CurtoisAdapter: Sendable {
    public let instance: CurtoisInstance
    /// 2024-01-01, a Monday.
    public static let startDate = LocalDate(year: 2024, month: 1, day: 1)
    /// Every shift starts at 08:00 (minutes after midnight); the longest benchmark shift (720 min)
    /// then ends by 20:00 on its own day.
    public static let shiftStartMinute = 480
    public static let timeZone = TimeZone(identifier: "UTC")!

    public init(instance: CurtoisInstance) {
        self.instance = instance
    }

    public func date(ofDay day: Int) -> LocalDate { Self.startDate.adding(days: day) }

    /// The scheduler's problem for this instance, searched with `search`.
    public func problem(search: SearchSettings) -> RosterProblem {
        let templates = instance.shifts.map { shift in
            ShiftTemplate(id: shift.id, startEarliestMinute: Self.shiftStartMinute, startLatestMinute: Self.shiftStartMinute,
                          startStepMinutes: 60, lengthsMinutes: [shift.lengthMinutes], breaks: [],
                          cannotFollow: instance.shifts.map(\.id).filter(shift.cannotFollow.contains))
        }
        var contracts: [Contract] = []
        var contractIndex: [Contract: Int] = [:]
        var agents: [Agent] = []
        for employee in instance.employees {
            let rules = contract(of: employee)
            let index: Int
            if let known = contractIndex[rules] {
                index = known
            } else {
                index = contracts.count
                contractIndex[rules] = index
                var named = rules
                named.id = "contract-\(index + 1)"
                contracts.append(named)
            }
            agents.append(Agent(id: employee.id, name: employee.id, contractID: contracts[index].id, skills: []))
        }
        let availability = instance.employees.flatMap { employee in
            (instance.daysOff[employee.id] ?? []).sorted().map { day in
                AvailabilityWindow(agentID: employee.id, date: date(ofDay: day), startMinute: 0, endMinute: 1440, kind: .unavailable)
            }
        }
        let requests = instance.shiftOnRequests.map { request($0, kind: .on) } + instance.shiftOffRequests.map { request($0, kind: .off) }
        let cover = instance.cover.map { c in
            ShiftCover(date: date(ofDay: c.day), templateID: c.shift, required: c.requirement,
                       underWeight: Double(c.weightUnder), overWeight: Double(c.weightOver))
        }
        let weights = ScheduleWeights(unansweredContact: 1, paidHour: 0, preferOff: 0, preferOn: 0, fairNights: 0,
                                      fairWeekends: 0, secondarySkill: 0, serviceShortfall: 0)
        return RosterProblem(grid: TimeGrid(timeZone: Self.timeZone, startDate: Self.startDate, days: instance.days, intervalMinutes: 60),
                             queues: [], templates: templates, contracts: contracts, agents: agents, availability: availability,
                             objective: .maxService, weights: weights, search: search, shiftCover: cover, requests: requests)
    }

    /// An employee's rules as an unnamed contract (id empty; `problem` names the distinct ones).
    /// Weekly rules are neutral: 0…10 080 paid minutes (a whole week), no days off, no rest, 7 nights,
    /// any start spread. MinConsecutiveShifts 0 in a file means no rule, as 1 does.
    func contract(of employee: CurtoisInstance.Employee) -> Contract {
        let allowed = instance.shifts.map(\.id).filter { employee.maxShifts[$0] != 0 }
        return Contract(id: "", weekMinutesMin: 0, weekMinutesMax: 7 * 1440, daysOffMin: 0,
                        maxConsecutiveDays: employee.maxConsecutiveShifts, minRestMinutes: 0, maxNightShifts: 7,
                        maxStartSpreadMinutes: 1440, templateIDs: allowed,
                        minConsecutiveDays: max(1, employee.minConsecutiveShifts),
                        minConsecutiveDaysOff: max(1, employee.minConsecutiveDaysOff), maxWeekends: employee.maxWeekends,
                        maxShiftsPerTemplate: employee.maxShifts.filter { allowed.contains($0.key) },
                        horizonMinutesMin: employee.minTotalMinutes, horizonMinutesMax: employee.maxTotalMinutes)
    }

    func request(_ r: CurtoisInstance.Request, kind: ShiftRequest.Kind) -> ShiftRequest {
        ShiftRequest(agentID: r.employee, date: date(ofDay: r.day), templateID: r.shift, kind: kind, weight: Double(r.weight))
    }

    /// The roster working exactly the solution's shifts (agents in instance order, days ascending).
    public func roster(_ solution: CurtoisSolution) -> Roster {
        let lengths = Dictionary(uniqueKeysWithValues: instance.shifts.map { ($0.id, $0.lengthMinutes) })
        var shifts: [RosterShift] = []
        for (employee, row) in zip(instance.employees, solution.assignment) {
            for (day, shift) in row.enumerated() {
                guard let shift else { continue }
                guard let length = lengths[shift] else { preconditionFailure("solution names unknown shift \(shift) for \(employee.id)") }
                let start = TimeGrid.instant(of: date(ofDay: day), minute: Self.shiftStartMinute, in: Self.timeZone)
                shifts.append(RosterShift(agentID: employee.id, date: date(ofDay: day), templateID: shift, start: start,
                                          end: start + length * 60, paidMinutes: length, breaks: []))
            }
        }
        return Roster(shifts: shifts)
    }

    /// The Curtois solution of a roster of this instance's problem: each employee's template on each
    /// day, nil for a day off. Shifts must belong to known agents and days of the horizon, one a day
    /// (the scheduler's rosters pass its rule checker, which guarantees this).
    public func solution(_ roster: Roster) -> CurtoisSolution {
        let index = Dictionary(uniqueKeysWithValues: instance.employees.enumerated().map { ($1.id, $0) })
        var assignment = Array(repeating: [String?](repeating: nil, count: instance.days), count: instance.employees.count)
        let first = Self.startDate.dayNumber
        for shift in roster.shifts {
            let day = shift.date.dayNumber - first
            guard let e = index[shift.agentID], (0..<instance.days).contains(day), assignment[e][day] == nil else {
                preconditionFailure("roster shift \(shift.agentID) \(shift.date) \(shift.templateID) is outside the instance or a second shift that day")
            }
            assignment[e][day] = shift.templateID
        }
        return CurtoisSolution(assignment: assignment)
    }
}
