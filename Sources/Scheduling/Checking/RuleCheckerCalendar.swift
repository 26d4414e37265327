import WFMCore

/// The checker's calendar rules: those that count days, weeks and weekends of the horizon
/// (`Contract` defines them). Every shift is placed on the horizon day its start falls on in local
/// time, re-derived from its absolute start; shifts starting outside the horizon are reported as
/// `shift-shape` by `checkShape` and count for none of these rules.
///
/// - Weekly rules, in every 7-day block from the horizon's first day (the last block may be shorter:
///   after full weeks its minima are pro-rated, ⌊minimum · block days / 7⌋, the maxima not):
///   `week-minutes-min`/`-max` (paid minutes recomputed from template and breaks), `min-days-off`
///   (block days without a shift start ≥ `daysOffMin`), `max-night-shifts` (a night shift overlaps
///   00:00–06:00 local on its start day or the next), `max-start-spread` (latest − earliest local
///   start minute).
/// - Horizon rules: `horizon-minutes-min`/`-max`, `max-template-shifts` per listed template,
///   `max-weekends` (a weekend is a run of consecutive days of `RosterProblem.weekend`, e.g. a Saturday
///   and the Sunday after it, worked when a shift starts on any of its days; a run cut by the horizon's
///   first day is a weekend of its own).
/// - Run rules: every maximal run of working days (of days off) not containing the horizon's first or
///   last day lasts at least `minConsecutiveDays` (`minConsecutiveDaysOff`); one violation per short run.
/// - `forbidden-succession`: a shift of template t on day d and one of a template in `t.cannotFollow`
///   on day d + 1 (carry-in shifts are not checked).
extension RuleChecker {
    func checkCalendar(agent: Agent, contract: Contract, shifts: [RosterShift]) -> [RuleViolation] {
        var found: [RuleViolation] = []
        func report(_ rule: RuleID, _ dates: [LocalDate], _ detail: String) {
            found.append(RuleViolation(rule: rule, agentID: agent.id, dates: dates, detail: detail))
        }
        let days = problem.grid.days
        let first = problem.grid.startDate
        func date(_ day: Int) -> LocalDate { first.adding(days: day) }
        // (horizon day, local start minute, shift) of every shift starting inside the horizon.
        let placed = shifts.compactMap { s -> (day: Int, minute: Int, shift: RosterShift)? in
            let (start, minute) = local(s.start)
            let day = start.dayNumber - first.dayNumber
            return (0..<days).contains(day) ? (day, minute, s) : nil
        }
        let workedDays = Set(placed.map(\.day))

        for (index, lower) in stride(from: 0, to: days, by: 7).enumerated() {
            let block = lower..<min(days, lower + 7)
            let week = placed.filter { block.contains($0.day) }
            let label = "week \(index + 1) (\(date(block.lowerBound))…\(date(block.upperBound - 1)))"
            let blockDates = block.map(date)
            let paid = week.reduce(0) { $0 + recomputedPaidMinutes($1.shift) }
            // A last block shorter than a week after full weeks owes its share of the minima, rounded
            // down (written here again, apart from `Contract`, so that the checker checks the rule itself).
            let short = block.count < 7 && lower > 0
            let leastPaid = short ? contract.weekMinutesMin * block.count / 7 : contract.weekMinutesMin
            let leastOff = short ? contract.daysOffMin * block.count / 7 : contract.daysOffMin
            let share = short ? " (\(block.count) of 7 days)" : ""
            if paid < leastPaid { report(.weekMinutesMin, blockDates, "\(label): \(paid) paid minutes < minimum \(leastPaid)\(share)") }
            if paid > contract.weekMinutesMax { report(.weekMinutesMax, blockDates, "\(label): \(paid) paid minutes > maximum \(contract.weekMinutesMax)") }
            let worked = block.filter(workedDays.contains)
            if block.count - worked.count < leastOff {
                report(.minDaysOff, worked.map(date), "\(label): \(block.count - worked.count) days off < minimum \(leastOff)\(share)")
            }
            let nights = week.filter { p in
                let end = p.minute + (p.shift.end - p.shift.start) / 60
                return p.minute < 360 || (end > 1440 && p.minute < 1800)
            }
            if nights.count > contract.maxNightShifts {
                report(.maxNightShifts, nights.map { date($0.day) }, "\(label): \(nights.count) night shifts > \(contract.maxNightShifts)")
            }
            let starts = week.map(\.minute)
            if let lo = starts.min(), let hi = starts.max(), hi - lo > contract.maxStartSpreadMinutes {
                report(.maxStartSpread, week.map { date($0.day) }, "\(label): start spread \(hi - lo) min > \(contract.maxStartSpreadMinutes)")
            }
        }

        let paid = placed.reduce(0) { $0 + recomputedPaidMinutes($1.shift) }
        if paid < contract.horizonMinutesMin {
            report(.horizonMinutesMin, [], "\(paid) paid minutes over the horizon < minimum \(contract.horizonMinutesMin)")
        }
        if let maximum = contract.horizonMinutesMax, paid > maximum {
            report(.horizonMinutesMax, [], "\(paid) paid minutes over the horizon > maximum \(maximum)")
        }
        for (templateID, maximum) in contract.maxShiftsPerTemplate.sorted(by: { $0.key < $1.key }) {
            let of = placed.filter { $0.shift.templateID == templateID }
            if of.count > maximum {
                report(.maxTemplateShifts, of.map { date($0.day) }.sorted(), "\(of.count) shifts of \(templateID) > maximum \(maximum)")
            }
        }
        if let maximum = contract.maxWeekends {
            // A weekend is named by the day number of its first day: walk back over weekend weekdays.
            let weekend = problem.weekend.weekdays
            let weekendDays = workedDays.sorted().filter { weekend.contains(date($0).isoWeekday) }
            let weekends = Set(weekendDays.map { d -> Int in
                var start = first.dayNumber + d
                while weekend.contains((date(d).isoWeekday + 6 - (first.dayNumber + d - start + 1)) % 7 + 1) { start -= 1 }
                return start
            })
            if weekends.count > maximum {
                report(.maxWeekends, weekendDays.map(date), "\(weekends.count) weekends worked > maximum \(maximum)")
            }
        }

        // Maximal runs of equal working status; those touching day 0 or day D − 1 are exempt.
        var runStart = 0
        for day in 1..<days + 1 where day == days || workedDays.contains(day) != workedDays.contains(runStart) {
            let run = runStart..<day
            runStart = day
            guard run.lowerBound > 0, run.upperBound < days else { continue }
            let working = workedDays.contains(run.lowerBound)
            let minimum = working ? contract.minConsecutiveDays : contract.minConsecutiveDaysOff
            if run.count < minimum {
                report(working ? .minConsecutiveDays : .minConsecutiveDaysOff, run.map(date),
                       "\(run.count) consecutive \(working ? "working days" : "days off") < minimum \(minimum)")
            }
        }

        let templatesByDay = Dictionary(grouping: placed, by: \.day).mapValues { $0.map(\.shift.templateID) }
        for (day, templateIDs) in templatesByDay.sorted(by: { $0.key < $1.key }) {
            for t in templateIDs {
                let banned = Set(problem.template(id: t)?.cannotFollow ?? [])
                for next in templatesByDay[day + 1] ?? [] where banned.contains(next) {
                    report(.forbiddenSuccession, [date(day), date(day + 1)], "\(t) followed by \(next) the next day, which \(t) forbids (cannot follow)")
                }
            }
        }
        return found
    }
}
