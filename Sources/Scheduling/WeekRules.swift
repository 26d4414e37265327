/// The search-side view of an agent's contract: is a week of choices (option index per day,
/// −1 for a day off) allowed? Used by construction and local search to stay feasible; the
/// `RuleChecker` re-verifies the decoded roster independently.
///
/// Every rule except the weekly minimum only gets harder as shifts are added, so the search keeps
/// them always satisfied and prices a shortfall below `weekMinutesMin` instead (`deficit`).
struct WeekRules {
    let context: SchedulingContext
    /// Distinct paid minutes of the options each agent may work.
    let paidValues: [[Int]]

    init(context: SchedulingContext) {
        self.context = context
        paidValues = context.catalog.allowed.map { days in
            Array(Set(days.flatMap { $0.map { context.catalog.options[$0].paidMinutes } })).sorted()
        }
    }

    /// True when the weekly minimum can still be reached within the maximum by adding shifts on
    /// days off (at most as many as the days-off rule leaves), judging paid minutes alone.
    func canReachMinimum(agent a: Int, week: [Int]) -> Bool {
        let c = context.contracts[a]
        var paid = 0, worked = 0
        for o in week where o >= 0 {
            paid += context.catalog.options[o].paidMinutes
            worked += 1
        }
        if paid >= c.weekMinutesMin { return paid <= c.weekMinutesMax }
        let openDays = (0..<week.count).filter { week[$0] < 0 && !context.catalog.allowed[a][$0].isEmpty }.count
        let slots = min(openDays, context.days - c.daysOffMin - worked)
        var reachable: Set<Int> = [paid]
        for _ in 0..<max(0, slots) {
            var next = reachable
            for s in reachable { for v in paidValues[a] where s + v <= c.weekMinutesMax { next.insert(s + v) } }
            if next.contains(where: { $0 >= c.weekMinutesMin }) { return true }
            if next == reachable { break }
            reachable = next
        }
        return false
    }

    /// Paid minutes short of the contract minimum (0 when met).
    func deficit(agent a: Int, week: [Int]) -> Int {
        let paid = week.reduce(0) { $0 + ($1 >= 0 ? context.catalog.options[$1].paidMinutes : 0) }
        return max(0, context.contracts[a].weekMinutesMin - paid)
    }

    /// True when the week satisfies every hard rule but the weekly minimum.
    func allowsExceptMinimum(agent a: Int, week: [Int]) -> Bool {
        let c = context.contracts[a]
        let options = context.catalog.options
        var worked = 0, paid = 0, nights = 0
        var run = context.carryInRun[a]
        var lo = Int.max, hi = Int.min
        var previousEnd = context.carryIn[a].last?.end
        for o in week {
            guard o >= 0 else {
                run = 0
                continue
            }
            let option = options[o]
            worked += 1
            run += 1
            if run > c.maxConsecutiveDays { return false }
            paid += option.paidMinutes
            if option.isNight { nights += 1 }
            lo = min(lo, option.startMinute)
            hi = max(hi, option.startMinute)
            if let end = previousEnd, option.start - end < c.minRestMinutes * 60 { return false }
            previousEnd = option.end
        }
        return worked <= context.days - c.daysOffMin && paid <= c.weekMinutesMax && nights <= c.maxNightShifts
            && (worked == 0 || hi - lo <= c.maxStartSpreadMinutes)
    }
}
