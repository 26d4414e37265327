/// The search-side view of an agent's contract: is a row of choices (option index per horizon day,
/// −1 for a day off) allowed? Used by construction and local search to stay feasible; the
/// `RuleChecker` re-verifies the decoded roster independently.
///
/// Rules that only get harder as shifts are added (weekly maxima, days off, nights, start spread,
/// rest, maximum run, horizon maximum, per-template maxima, weekends, forbidden successions) are
/// kept satisfied at every step (`allowsExceptMinimum`). The rules a single change can break either
/// way are priced instead (`shortfall`): paid minutes below a weekly or horizon minimum, and days
/// missing from runs of work or rest shorter than the contract's minimum runs.
struct WeekRules {
    let context: SchedulingContext
    /// Distinct paid minutes of the options each agent may work.
    let paidValues: [[Int]]
    /// Per agent, (template index, maximum) of the templates its contract limits.
    let templateLimits: [[(template: Int, max: Int)]]

    init(context: SchedulingContext) {
        self.context = context
        paidValues = context.catalog.allowed.map { days in
            Array(Set(days.flatMap { $0.map { context.catalog.options[$0].paidMinutes } })).sorted()
        }
        let templateIndex = Dictionary(context.problem.templates.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        templateLimits = context.contracts.map { c in
            c.maxShiftsPerTemplate.compactMap { id, n in templateIndex[id].map { (template: $0, max: n) } }.sorted { $0.template < $1.template }
        }
    }

    /// True when every weekly minimum and the horizon minimum can still be reached within the maxima
    /// by adding shifts on open days (at most as many per week as its days-off rule leaves), judging
    /// paid minutes alone (the horizon minimum by the longest paid shift per open day).
    func canReachMinimum(agent a: Int, week row: [Int]) -> Bool {
        let c = context.contracts[a]
        let options = context.catalog.options
        var total = 0, totalOpen = 0
        for block in context.weeks {
            var paid = 0, worked = 0
            for d in block where row[d] >= 0 {
                paid += options[row[d]].paidMinutes
                worked += 1
            }
            total += paid
            let open = block.filter { row[$0] < 0 && !context.catalog.allowed[a][$0].isEmpty }.count
            let slots = max(0, min(open, block.count - c.daysOffMin(in: block) - worked))
            totalOpen += slots
            let least = c.weekMinutesMin(in: block)
            if paid >= least {
                if paid > c.weekMinutesMax { return false }
                continue
            }
            var reachable: Set<Int> = [paid]
            var reached = false
            for _ in 0..<slots {
                var next = reachable
                for s in reachable { for v in paidValues[a] where s + v <= c.weekMinutesMax { next.insert(s + v) } }
                if next.contains(where: { $0 >= least }) { reached = true; break }
                if next == reachable { break }
                reachable = next
            }
            if !reached { return false }
        }
        if let cap = c.horizonMinutesMax, total > cap { return false }
        return total + totalOpen * (paidValues[a].last ?? 0) >= c.horizonMinutesMin
    }

    /// What the row misses of the priced rules: paid minutes below each week's minimum plus below the
    /// horizon minimum, and days missing from runs shorter than the minimum runs of work or rest
    /// (runs touching the horizon's first or last day exempt).
    func shortfall(agent a: Int, week row: [Int]) -> (minutes: Int, days: Int) {
        let c = context.contracts[a]
        let options = context.catalog.options
        var minutes = 0, total = 0
        for block in context.weeks {
            var paid = 0
            for d in block where row[d] >= 0 { paid += options[row[d]].paidMinutes }
            total += paid
            minutes += max(0, c.weekMinutesMin(in: block) - paid)
        }
        minutes += max(0, c.horizonMinutesMin - total)
        var days = 0
        if c.minConsecutiveDays > 1 || c.minConsecutiveDaysOff > 1 {
            let n = row.count
            var start = 0
            while start < n {
                let working = row[start] >= 0
                var end = start
                while end + 1 < n && (row[end + 1] >= 0) == working { end += 1 }
                if start > 0 && end < n - 1 {
                    let minimum = working ? c.minConsecutiveDays : c.minConsecutiveDaysOff
                    days += max(0, minimum - (end - start + 1))
                }
                start = end + 1
            }
        }
        return (minutes, days)
    }

    /// True when the row satisfies every hard rule but the priced ones (`shortfall`).
    func allowsExceptMinimum(agent a: Int, week row: [Int]) -> Bool {
        let c = context.contracts[a]
        let options = context.catalog.options
        var run = context.carryInRun[a]
        var previousEnd = context.carryIn[a].last?.end
        var previousTemplate = -1
        var total = 0, weekends = 0, lastWeekend = -1
        var worked = 0, paid = 0, nights = 0, lo = Int.max, hi = Int.min
        for (d, o) in row.enumerated() {
            if d % 7 == 0 {
                worked = 0; paid = 0; nights = 0; lo = Int.max; hi = Int.min
            }
            guard o >= 0 else {
                run = 0
                previousTemplate = -1
                continue
            }
            let option = options[o]
            run += 1
            if run > c.maxConsecutiveDays { return false }
            if previousTemplate >= 0 && context.forbiddenNext[previousTemplate][option.templateIndex] { return false }
            previousTemplate = option.templateIndex
            if let end = previousEnd, option.start - end < c.minRestMinutes * 60 { return false }
            previousEnd = option.end
            worked += 1
            paid += option.paidMinutes
            total += option.paidMinutes
            if option.isNight { nights += 1 }
            lo = min(lo, option.startMinute)
            hi = max(hi, option.startMinute)
            let blockDays = min(7, row.count - d / 7 * 7)
            if worked > blockDays - c.daysOffMin(in: d / 7 * 7..<d / 7 * 7 + blockDays) || paid > c.weekMinutesMax || nights > c.maxNightShifts
                || hi - lo > c.maxStartSpreadMinutes { return false }
            let weekend = context.weekendOfDay[d]
            if weekend >= 0 && weekend != lastWeekend {
                weekends += 1
                lastWeekend = weekend
            }
        }
        if let cap = c.horizonMinutesMax, total > cap { return false }
        if let cap = c.maxWeekends, weekends > cap { return false }
        for limit in templateLimits[a] {
            var n = 0
            for o in row where o >= 0 && options[o].templateIndex == limit.template { n += 1 }
            if n > limit.max { return false }
        }
        return true
    }
}
