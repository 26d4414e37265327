import Foundation
import WFMCore

/// One broken hard rule, named so a planner can act on it.
public struct RuleViolation: Sendable, Hashable, CustomStringConvertible {
    public var rule: RuleID
    public var agentID: String
    public var dates: [LocalDate]
    public var detail: String
    public init(rule: RuleID, agentID: String, dates: [LocalDate], detail: String) {
        self.rule = rule
        self.agentID = agentID
        self.dates = dates
        self.detail = detail
    }
    public var description: String {
        "\(rule.rawValue) \(agentID) \(dates.map(\.description).joined(separator: ",")): \(detail)"
    }
}

/// Re-verifies every hard rule of a roster from the roster and the problem alone.
///
/// Deliberately independent of the formulation and the search: it never looks at solver
/// variables or shift options, only at shift times, template definitions, contracts,
/// availability and carry-in, re-deriving local dates and minutes from absolute times.
/// Calendar rules (weekly blocks, horizon totals, runs, weekends, successions): `checkCalendar`.
public struct RuleChecker: Sendable {
    public let problem: RosterProblem
    public init(problem: RosterProblem) { self.problem = problem }

    /// Local date and minute of day of an absolute instant in the problem's time zone.
    func local(_ instant: Int) -> (date: LocalDate, minute: Int) {
        let offset = problem.grid.timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
        let wall = instant + offset
        let day = Int((Double(wall) / 86_400).rounded(.down))
        return (LocalDate(dayNumber: day), (wall - day * 86_400) / 60)
    }

    /// Every violation, ordered by agent then rule.
    public func violations(of roster: Roster) -> [RuleViolation] {
        var found: [RuleViolation] = []
        let known = Set(problem.agents.map(\.id))
        for shift in roster.shifts where !known.contains(shift.agentID) {
            found.append(RuleViolation(rule: .allowedTemplates, agentID: shift.agentID, dates: [shift.date], detail: "unknown agent"))
        }
        for agent in problem.agents {
            let shifts = roster.shifts.filter { $0.agentID == agent.id }.sorted { $0.start < $1.start }
            found += check(agent: agent, shifts: shifts)
        }
        return found
    }

    func check(agent: Agent, shifts: [RosterShift]) -> [RuleViolation] {
        var found: [RuleViolation] = []
        func report(_ rule: RuleID, _ dates: [LocalDate], _ detail: String) {
            found.append(RuleViolation(rule: rule, agentID: agent.id, dates: dates, detail: detail))
        }
        guard let contract = problem.contract(of: agent) else {
            report(.allowedTemplates, [], "unknown contract \(agent.contractID)")
            return found
        }
        let first = problem.grid.startDate
        let last = first.adding(days: problem.grid.days - 1)
        let unavailable = problem.availability.filter { $0.agentID == agent.id && $0.kind == .unavailable }
        for s in shifts {
            found += checkShape(agent: agent, contract: contract, shift: s, horizon: first...last)
            for w in unavailable {
                let r = w.absoluteRange(in: problem.grid.timeZone)
                if r.lowerBound < s.end && s.start < r.upperBound {
                    report(.unavailable, [s.date], "shift overlaps the unavailable window of \(w.date) \(w.startMinute)–\(w.endMinute) min")
                }
            }
        }
        // One shift per day.
        let byDate = Dictionary(grouping: shifts, by: \.date)
        for (date, list) in byDate where list.count > 1 { report(.oneShiftPerDay, [date], "\(list.count) shifts start on this day") }
        let worked = Set(shifts.map(\.date)).filter { $0 >= first && $0 <= last }
        // Consecutive working days, carry-in included.
        let carry = problem.carryIn.filter { $0.agentID == agent.id }
        let allDays = (Set(carry.map(\.date.dayNumber)).union(worked.map(\.dayNumber))).sorted()
        var run: [Int] = []
        func closeRun() {
            if run.count > contract.maxConsecutiveDays, run.contains(where: { $0 >= first.dayNumber }) {
                report(.maxConsecutiveDays, run.map { LocalDate(dayNumber: $0) }, "\(run.count) consecutive working days > \(contract.maxConsecutiveDays)")
            }
            run = []
        }
        for d in allDays {
            if let previous = run.last, previous + 1 != d { closeRun() }
            run.append(d)
        }
        closeRun()
        // Rest between consecutive shifts, carry-in included.
        let timeline = (carry.map { (start: $0.start, end: $0.end, date: $0.date) } + shifts.map { (start: $0.start, end: $0.end, date: $0.date) })
            .sorted { $0.start < $1.start }
        for (a, b) in zip(timeline, timeline.dropFirst()) where b.start - a.end < contract.minRestMinutes * 60 {
            report(.minRestBetweenShifts, [a.date, b.date], "rest \((b.start - a.end) / 60) min < \(contract.minRestMinutes)")
        }
        found += checkCalendar(agent: agent, contract: contract, shifts: shifts)
        return found
    }

    /// Template, start window and step, length, paid minutes, horizon and breaks of one shift.
    func checkShape(agent: Agent, contract: Contract, shift s: RosterShift, horizon: ClosedRange<LocalDate>) -> [RuleViolation] {
        var found: [RuleViolation] = []
        func report(_ rule: RuleID, _ detail: String) {
            found.append(RuleViolation(rule: rule, agentID: agent.id, dates: [s.date], detail: detail))
        }
        guard contract.templateIDs.contains(s.templateID), let template = problem.template(id: s.templateID) else {
            report(.allowedTemplates, "template \(s.templateID) is not allowed by contract \(contract.id)")
            return found
        }
        let (date, minute) = local(s.start)
        let length = (s.end - s.start) / 60
        if date != s.date || !horizon.contains(date) { report(.shiftShape, "starts on \(date), labelled \(s.date), horizon \(horizon)") }
        if minute < template.startEarliestMinute || minute > template.startLatestMinute
            || (minute - template.startEarliestMinute) % max(1, template.startStepMinutes) != 0 {
            report(.shiftShape, "start \(minute) min is not a start of \(template.id)")
        }
        if (s.end - s.start) % 60 != 0 || !template.lengthsMinutes.contains(length) {
            report(.shiftShape, "length \(length) min is not a length of \(template.id)")
        }
        if s.paidMinutes != recomputedPaidMinutes(s) { report(.shiftShape, "paid minutes \(s.paidMinutes) ≠ \(recomputedPaidMinutes(s))") }
        let rules = template.breaks
        if s.breaks.count != rules.count {
            report(.breakPlacement, "\(s.breaks.count) breaks, template has \(rules.count)")
            return found
        }
        for (i, (b, rule)) in zip(s.breaks, rules).enumerated() {
            let after = (b.start - s.start) / 60
            if (b.start - s.start) % 60 != 0 || after < rule.earliestAfterMinutes || after > rule.latestAfterMinutes {
                report(.breakPlacement, "break \(i + 1) starts \(after) min after the shift start, window \(rule.earliestAfterMinutes)–\(rule.latestAfterMinutes)")
            }
            if b.end - b.start != rule.lengthMinutes * 60 || b.paid != rule.paid {
                report(.breakPlacement, "break \(i + 1) is \((b.end - b.start) / 60) min paid=\(b.paid), template says \(rule.lengthMinutes) min paid=\(rule.paid)")
            }
            if b.start < s.start || b.end > s.end { report(.breakPlacement, "break \(i + 1) lies outside the shift") }
        }
        let sorted = s.breaks.sorted { $0.start < $1.start }
        for (a, b) in zip(sorted, sorted.dropFirst()) where b.start < a.end {
            report(.breakPlacement, "breaks overlap")
        }
        return found
    }

    /// Paid minutes of a shift from its own length and its template's unpaid breaks.
    func recomputedPaidMinutes(_ s: RosterShift) -> Int {
        let unpaid = (problem.template(id: s.templateID)?.breaks ?? []).filter { !$0.paid }.reduce(0) { $0 + $1.lengthMinutes }
        return (s.end - s.start) / 60 - unpaid
    }
}
