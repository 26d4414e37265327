import Staffing
import WFMCore

extension RosterProblem {
    /// Every cross-reference and range problem of the input, as diagnostics located by key path
    /// (`contracts.full-time.shifts`, `agents.a07.skills`). The file is named `source`.
    ///
    /// Checked: unique ids; every contract, template and queue an agent or contract names exists;
    /// forecast arrays match the grid; shrinkage in [0, 1); templates whose starts, lengths and break
    /// windows fit (every break ends inside every length); contract bounds ordered; availability and
    /// carry-in refer to known agents, dates of the horizon (carry-in: before it) and `start < end`;
    /// `cannot_follow`, per-template maxima, shift cover and requests name known templates and agents,
    /// dates of the horizon, and weights ≥ 0.
    public func diagnostics(source: String = "scenario") -> [Diagnostic] {
        var bag = DiagnosticBag()
        func error(_ key: String, _ message: String) { bag.error(file: source, key: key, message) }
        func duplicates(_ ids: [String], _ key: String) {
            var seen = Set<String>()
            for id in ids where !seen.insert(id).inserted { error("\(key).\(id)", "duplicate id '\(id)'") }
        }
        duplicates(queues.map(\.id), "queues")
        duplicates(templates.map(\.id), "shifts")
        duplicates(contracts.map(\.id), "contracts")
        duplicates(agents.map(\.id), "agents")
        let n = grid.intervals.count
        if !(0..<1).contains(shrinkage) { error("shrinkage", "must be in [0, 1), got \(shrinkage)") }
        for q in queues {
            if q.contacts.count != n || q.ahtSeconds.count != n {
                error("queues.\(q.id)", "forecast has \(q.contacts.count) contacts and \(q.ahtSeconds.count) handle times for \(n) intervals")
            }
            if q.contacts.contains(where: { !($0 >= 0) }) { error("queues.\(q.id)", "contacts must be ≥ 0") }
            if q.ahtSeconds.contains(where: { !($0 > 0) }) { error("queues.\(q.id).aht_seconds", "handle time must be > 0") }
            if !(q.thresholdSeconds >= 0) { error("queues.\(q.id).service_level.seconds", "must be ≥ 0") }
            if !(q.serviceLevelTarget > 0 && q.serviceLevelTarget <= 1) { error("queues.\(q.id).service_level.target", "must be in (0, 1]") }
            if !(q.maxOccupancy > 0 && q.maxOccupancy <= 1) { error("queues.\(q.id).max_occupancy", "must be in (0, 1]") }
            switch q.model {
            case .chat(let c) where c < 1: error("queues.\(q.id).concurrency", "must be ≥ 1")
            case .erlangA(let p) where !(p > 0 && p.isFinite): error("queues.\(q.id).patience_seconds", "must be > 0")
            case .deferred(let h) where !(h > 0 && h.isFinite): error("queues.\(q.id).response_hours", "must be > 0")
            default: break
            }
        }
        for t in templates {
            let key = "shifts.\(t.id)"
            if t.startStepMinutes <= 0 { error("\(key).start_step_minutes", "must be > 0") }
            if !(0..<1440).contains(t.startEarliestMinute) || !(0..<1440).contains(t.startLatestMinute) || t.startLatestMinute < t.startEarliestMinute {
                error("\(key).start_latest", "start window \(t.startEarliestMinute)–\(t.startLatestMinute) must lie in 00:00–23:59 and be ordered")
            }
            if t.lengthsMinutes.isEmpty || t.lengthsMinutes.contains(where: { $0 <= 0 || $0 > 1440 }) {
                error("\(key).length_minutes", "needs one or more lengths in 1…1440")
            }
            for (i, b) in t.breaks.enumerated() {
                if b.lengthMinutes <= 0 || b.earliestAfterMinutes < 0 || b.latestAfterMinutes < b.earliestAfterMinutes {
                    error("\(key).breaks[\(i)]", "needs length > 0 and 0 ≤ earliest_after ≤ latest_after")
                }
                if let shortest = t.lengthsMinutes.min(), b.earliestAfterMinutes + b.lengthMinutes > shortest {
                    error("\(key).breaks[\(i)]", "cannot fit inside a \(shortest)-minute shift")
                }
            }
        }
        let templateIDs = Set(templates.map(\.id))
        for t in templates {
            for id in t.cannotFollow where !templateIDs.contains(id) { error("shifts.\(t.id).cannot_follow", "unknown shift template '\(id)'") }
        }
        for c in contracts {
            let key = "contracts.\(c.id)"
            if c.weekMinutesMin < 0 || c.weekMinutesMax < c.weekMinutesMin { error("\(key).week_minutes", "needs 0 ≤ min ≤ max") }
            if c.daysOffMin < 0 || c.daysOffMin > min(7, grid.days) { error("\(key).days_off_min", "must be in 0…\(min(7, grid.days)) (days off in a week)") }
            if c.maxConsecutiveDays < 1 { error("\(key).max_consecutive_days", "must be ≥ 1") }
            if c.minRestMinutes < 0 || c.maxNightShifts < 0 || c.maxStartSpreadMinutes < 0 {
                error(key, "min_rest_minutes, max_night_shifts and max_start_spread_minutes must be ≥ 0")
            }
            if c.templateIDs.isEmpty { error("\(key).shifts", "lists no shift template") }
            for id in c.templateIDs where !templateIDs.contains(id) { error("\(key).shifts", "unknown shift template '\(id)'") }
            if c.minConsecutiveDays < 1 || c.minConsecutiveDays > c.maxConsecutiveDays {
                error("\(key).min_consecutive_days", "must be in 1…max_consecutive_days (\(c.maxConsecutiveDays))")
            }
            if c.minConsecutiveDaysOff < 1 { error("\(key).min_consecutive_days_off", "must be ≥ 1") }
            if let w = c.maxWeekends, w < 0 { error("\(key).max_weekends", "must be ≥ 0") }
            for (id, n) in c.maxShiftsPerTemplate.sorted(by: { $0.key < $1.key }) {
                if !templateIDs.contains(id) { error("\(key).max_shifts_per_template", "unknown shift template '\(id)'") }
                if n < 0 { error("\(key).max_shifts_per_template.\(id)", "must be ≥ 0") }
            }
            if c.horizonMinutesMin < 0 || (c.horizonMinutesMax.map { $0 < c.horizonMinutesMin } ?? false) {
                error("\(key).horizon_minutes", "needs 0 ≤ min ≤ max")
            }
        }
        let contractIDs = Set(contracts.map(\.id))
        let queueIDs = Set(queues.map(\.id))
        for a in agents {
            if !contractIDs.contains(a.contractID) { error("agents.\(a.id).contract", "unknown contract '\(a.contractID)'") }
            if a.skills.isEmpty && !queues.isEmpty { error("agents.\(a.id).skills", "has no skill") }
            for s in a.skills {
                if !queueIDs.contains(s.queueID) { error("agents.\(a.id).skills", "unknown queue '\(s.queueID)'") }
                if !(1...3).contains(s.level) { error("agents.\(a.id).skills", "level of '\(s.queueID)' must be 1, 2 or 3") }
            }
            if Set(a.skills.map(\.queueID)).count != a.skills.count { error("agents.\(a.id).skills", "names a queue twice") }
        }
        let agentIDs = Set(agents.map(\.id))
        let first = grid.startDate, last = grid.startDate.adding(days: grid.days - 1)
        for (i, w) in availability.enumerated() {
            let key = "availability[\(i)]"
            if !agentIDs.contains(w.agentID) { error(key, "unknown agent '\(w.agentID)'") }
            if w.date < first || w.date > last { error(key, "date \(w.date) is outside the horizon \(first)…\(last)") }
            if !(0..<1440).contains(w.startMinute) || !(1...1440).contains(w.endMinute) || w.endMinute <= w.startMinute {
                error(key, "needs 00:00 ≤ start < end ≤ 24:00")
            }
        }
        var coverKeys = Set<String>()
        for (i, c) in shiftCover.enumerated() {
            let key = "shift_cover[\(i)]"
            if !coverKeys.insert("\(c.date) \(c.templateID)").inserted { error(key, "a second target for \(c.templateID) on \(c.date)") }
            if !templateIDs.contains(c.templateID) { error(key, "unknown shift template '\(c.templateID)'") }
            if c.date < first || c.date > last { error(key, "date \(c.date) is outside the horizon \(first)…\(last)") }
            if c.required < 0 || !(c.underWeight >= 0) || !(c.overWeight >= 0) || !c.underWeight.isFinite || !c.overWeight.isFinite {
                error(key, "needs required ≥ 0 and finite weights ≥ 0")
            }
        }
        for (i, r) in requests.enumerated() {
            let key = "requests[\(i)]"
            if !agentIDs.contains(r.agentID) { error(key, "unknown agent '\(r.agentID)'") }
            if let t = r.templateID, !templateIDs.contains(t) { error(key, "unknown shift template '\(t)'") }
            if r.date < first || r.date > last { error(key, "date \(r.date) is outside the horizon \(first)…\(last)") }
            if !(r.weight >= 0) || !r.weight.isFinite { error(key, "weight must be finite and ≥ 0") }
        }
        for (i, s) in carryIn.enumerated() {
            let key = "carry_in[\(i)]"
            if !agentIDs.contains(s.agentID) { error(key, "unknown agent '\(s.agentID)'") }
            if s.date >= first { error(key, "carry-in shift on \(s.date) is not before the horizon start \(first)") }
            if s.end <= s.start { error(key, "end must be after start") }
        }
        return bag.diagnostics
    }

    /// Throws a `DiagnosticError` with every problem when the input is not usable.
    public func validate(source: String = "scenario") throws {
        var bag = DiagnosticBag()
        bag.append(contentsOf: diagnostics(source: source))
        try bag.throwIfErrors()
    }
}
