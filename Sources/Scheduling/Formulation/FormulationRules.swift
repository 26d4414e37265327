import MIP

/// The hard contract rules as rows of `RosterFormulation`, one function per rule id.
/// Weekly rules get one row set per week (`SchedulingContext.weeks`, named `…,w<k>`); the rules of
/// long horizons are in FormulationLongRules.swift.
/// Elastic slack units: minutes for weekly minutes (priced 1/60, i.e. per hour), days or shifts otherwise.
extension RosterFormulation {
    /// `one-shift-per-day`: Σ_o x[a,d,o] ≤ 1.
    mutating func addOneShiftPerDay(agent a: Int) {
        for d in 0..<context.days where !x(a, d).isEmpty {
            model.addRow("\(RuleID.oneShiftPerDay.rawValue)[\(agentIDs[a]),d\(d)]", x(a, d).map { Model.Term($0.variable, 1) }, upper: 1)
        }
    }

    /// `week-minutes-min` / `week-minutes-max` in one week (7-day block of `SchedulingContext.weeks`):
    /// min ≤ Σ_{d in week} paid(o)·x ≤ max (paid = length − unpaid breaks; min pro-rated in a short
    /// last block, `Contract.weekMinutesMin(in:)`).
    mutating func addWeekMinutes(agent a: Int, week: Range<Int>) {
        let c = context.contracts[a]
        let terms = week.flatMap { d in x(a, d).map { Model.Term($0.variable, Double(context.catalog.options[$0.option].paidMinutes)) } }
        let name = "\(agentIDs[a]),w\(week.lowerBound / 7)"
        addRuleRow(.weekMinutesMin, agent: a, days: Array(week), name, terms, lower: Double(c.weekMinutesMin(in: week)), unit: "minutes", slackCost: 1.0 / 60)
        addRuleRow(.weekMinutesMax, agent: a, days: Array(week), name, terms, upper: Double(c.weekMinutesMax), unit: "minutes", slackCost: 1.0 / 60)
    }

    /// `min-days-off` in one week: Σ_{d in week, o} x ≤ week length − daysOffMin(in: week).
    mutating func addMinDaysOff(agent a: Int, week: Range<Int>) {
        let terms = week.flatMap { d in x(a, d).map { Model.Term($0.variable, 1) } }
        addRuleRow(.minDaysOff, agent: a, days: Array(week), "\(agentIDs[a]),w\(week.lowerBound / 7)", terms,
                   upper: Double(week.count - context.contracts[a].daysOffMin(in: week)), unit: "days")
    }

    /// `max-consecutive-days`: every window of m+1 consecutive days (m = the maximum), carry-in days
    /// before the horizon counted as constants, holds at most m working days (Σ works[a,d], see `worked`).
    mutating func addMaxConsecutiveDays(agent a: Int) {
        let m = context.contracts[a].maxConsecutiveDays
        let first = context.problem.grid.startDate.dayNumber
        let carry = Set(context.carryIn[a].map { $0.date.dayNumber - first })
        let earliest = min(0, carry.min() ?? 0)
        let w = worked(a)
        for s in earliest...(context.days - 1) where s + m >= 0 {
            let window = s...(s + m)
            let inside = Array(max(0, s)...min(context.days - 1, s + m))
            let terms = inside.compactMap { w[$0] }
            let carried = carry.filter(window.contains).count
            guard terms.count + carried > m else { continue }
            addRuleRow(.maxConsecutiveDays, agent: a, days: inside, "\(agentIDs[a]),d\(s)..d\(s + m)", terms,
                       upper: Double(m - carried), unit: "days")
        }
    }

    /// `min-rest-between-shifts`: for each option o1, x[o1] + Σ x[o2] ≤ 1 over the options o2 of one
    /// later day that start less than the minimum rest after o1 ends; options starting too soon after a
    /// carry-in shift: Σ x ≤ 0. Each day's options are sorted by start once, so a row costs its own size.
    mutating func addMinRest(agent a: Int) {
        let rest = context.contracts[a].minRestMinutes * 60
        let options = context.catalog.options
        let byStart = (0..<context.days).map { d in x(a, d).sorted { options[$0.option].start < options[$1.option].start } }
        for d in 0..<context.days {
            for (o1, v1) in x(a, d) {
                for d2 in (d + 1)..<min(context.days, d + 3) {
                    let conflicting = byStart[d2].prefix { options[$0.option].start - options[o1].end < rest }
                    guard !conflicting.isEmpty else { continue }
                    addRuleRow(.minRestBetweenShifts, agent: a, days: [d, d2], "\(agentIDs[a]),d\(d),o\(o1),d\(d2)",
                               [Model.Term(v1, 1)] + conflicting.map { Model.Term($0.variable, 1) }, upper: 1, unit: "shifts")
                }
            }
            guard !context.carryIn[a].isEmpty else { continue }
            let afterCarry = x(a, d).filter { o in
                context.carryIn[a].contains { options[o.option].start - $0.end < rest && options[o.option].end > $0.start }
            }
            if !afterCarry.isEmpty {
                addRuleRow(.minRestBetweenShifts, agent: a, days: [d], "\(agentIDs[a]),carry-in,d\(d)",
                           afterCarry.map { Model.Term($0.variable, 1) }, upper: 0, unit: "shifts")
            }
        }
    }

    /// `max-night-shifts` in one week: Σ x over options overlapping 00:00–06:00 ≤ maximum.
    mutating func addMaxNightShifts(agent a: Int, week: Range<Int>) {
        let terms = week.flatMap { d in x(a, d).filter { context.catalog.options[$0.option].isNight }.map { Model.Term($0.variable, 1) } }
        guard terms.count > context.contracts[a].maxNightShifts else { return }
        addRuleRow(.maxNightShifts, agent: a, days: Array(week), "\(agentIDs[a]),w\(week.lowerBound / 7)", terms,
                   upper: Double(context.contracts[a].maxNightShifts), unit: "shifts")
    }

    /// `max-start-spread` in one week: with e⁻, e⁺ ∈ [0, 1440] of that week: e⁺ ≥ Σ_o s_o·x[a,d,o]
    /// and e⁻ ≤ Σ_o s_o·x[a,d,o] + 1440·(1 − Σ_o x[a,d,o]) for each day d of the week, and
    /// e⁺ − e⁻ ≤ spread (s_o = start minute of day). Skipped when the week's options cannot break it.
    mutating func addMaxStartSpread(agent a: Int, week: Range<Int>) {
        let options = context.catalog.options
        let starts = week.flatMap { d in x(a, d).map { options[$0.option].startMinute } }
        guard let lo = starts.min(), let hi = starts.max(), hi - lo > context.contracts[a].maxStartSpreadMinutes else { return }
        let id = "\(agentIDs[a]),w\(week.lowerBound / 7)"
        let eMin = model.addVariable("start-min[\(id)]", lower: 0, upper: 1440)
        let eMax = model.addVariable("start-max[\(id)]", lower: 0, upper: 1440)
        for d in week where !x(a, d).isEmpty {
            model.addRow("\(RuleID.maxStartSpread.rawValue)[\(id),d\(d),latest]",
                         [Model.Term(eMax, 1)] + x(a, d).map { Model.Term($0.variable, -Double(options[$0.option].startMinute)) }, lower: 0)
            model.addRow("\(RuleID.maxStartSpread.rawValue)[\(id),d\(d),earliest]",
                         [Model.Term(eMin, 1)] + x(a, d).map { Model.Term($0.variable, 1440 - Double(options[$0.option].startMinute)) }, upper: 1440)
        }
        addRuleRow(.maxStartSpread, agent: a, days: Array(week), id, [Model.Term(eMax, 1), Model.Term(eMin, -1)],
                   upper: Double(context.contracts[a].maxStartSpreadMinutes), unit: "minutes", slackCost: 1.0 / 60)
    }

    /// `unavailable` (elastic model only): options overlapping a hard unavailable window are allowed
    /// there, each worked one counting as one unit of slack.
    mutating func addUnavailable(agent a: Int) {
        let allowed = context.catalog.allowed[a].map(Set.init)
        for d in 0..<context.days {
            let blocked = x(a, d).filter { !allowed[d].contains($0.option) }
            guard !blocked.isEmpty else { continue }
            addRuleRow(.unavailable, agent: a, days: [d], "\(agentIDs[a]),d\(d)", blocked.map { Model.Term($0.variable, 1) },
                       upper: 0, unit: "shifts", slackCost: 1)
        }
    }

    /// `prefer-off` / `prefer-on`: p ∈ [0, 1] priced per violation; prefer-off: p ≥ Σ x over one day's
    /// options overlapping the window; prefer-on: p ≥ 1 − Σ x over options covering the whole window.
    mutating func addPreferences() {
        let options = context.catalog.options
        let w = context.problem.weights
        for a in free {
            for (i, (window, range)) in zip(context.preferences[a], context.preferenceRanges[a]).enumerated() {
                let name = "\(agentIDs[a]),\(window.date),\(i)"
                if window.kind == .preferOff {
                    let p = model.addVariable("\(RuleID.preferOff.rawValue)[\(name)]", lower: 0, upper: 1, cost: w.preferOff)
                    for d in 0..<context.days {
                        let hit = x(a, d).filter { options[$0.option].start < range.upperBound && range.lowerBound < options[$0.option].end }
                        if !hit.isEmpty {
                            model.addRow("\(RuleID.preferOff.rawValue)[\(name),d\(d)]", [Model.Term(p, 1)] + hit.map { Model.Term($0.variable, -1) }, lower: 0)
                        }
                    }
                } else if window.kind == .preferOn {
                    let p = model.addVariable("\(RuleID.preferOn.rawValue)[\(name)]", lower: 0, upper: 1, cost: w.preferOn)
                    let cover = (0..<context.days).flatMap { d in
                        x(a, d).filter { options[$0.option].start <= range.lowerBound && range.upperBound <= options[$0.option].end }
                    }
                    model.addRow("\(RuleID.preferOn.rawValue)[\(name)]", [Model.Term(p, 1)] + cover.map { Model.Term($0.variable, 1) }, lower: 1)
                }
            }
        }
    }

    /// `shift-on-request` / `shift-off-request` (`SchedulingContext.requests`): an off request adds its
    /// weight to the cost of every matching x (one shift a day, so at most one of them is worked); an
    /// on request gets p ∈ [0, 1] priced its weight with p + Σ matching x ≥ 1, or its weight in the
    /// objective offset when the agent has no matching option that day.
    mutating func addRequests() {
        let options = context.catalog.options
        for a in free {
            for (i, r) in context.requests[a].enumerated() where r.weight > 0 {
                let hit = x(a, r.day).filter { r.matches(options[$0.option]) }
                switch r.kind {
                case .off:
                    for h in hit { model.setCost(h.variable, model.variables[h.variable.index].cost + r.weight) }
                case .on:
                    guard !hit.isEmpty else {
                        model.objectiveOffset += r.weight
                        continue
                    }
                    let name = "\(RuleID.shiftOnRequest.rawValue)[\(agentIDs[a]),d\(r.day),\(i)]"
                    let p = model.addVariable(name, lower: 0, upper: 1, cost: r.weight)
                    model.addRow(name, [Model.Term(p, 1)] + hit.map { Model.Term($0.variable, 1) }, lower: 1)
                }
            }
        }
    }

    /// `fair-nights` / `fair-weekends`: N ≥ night shifts of every agent (fixed agents as a lower
    /// bound on N), priced per night of the busiest agent; the same for weekend days.
    mutating func addFairness() {
        let w = context.problem.weights
        let options = context.catalog.options
        for (rule, weight, lowest, counts) in [(RuleID.fairNights, w.fairNights, fixed.maxNights, { (o: ShiftOption) in o.isNight }),
                                               (RuleID.fairWeekends, w.fairWeekends, fixed.maxWeekends, { (o: ShiftOption) in o.isWeekend })] {
            guard weight > 0 else { continue }
            let rows = free.map { a in (a, (0..<context.days).flatMap { d in x(a, d).filter { counts(options[$0.option]) } }) }
                .filter { !$0.1.isEmpty }
            guard !rows.isEmpty else { continue }
            let n = model.addVariable("\(rule.rawValue)[max]", lower: Double(lowest), upper: Double(context.days), cost: weight)
            for (a, list) in rows {
                model.addRow("\(rule.rawValue)[\(agentIDs[a])]", [Model.Term(n, 1)] + list.map { Model.Term($0.variable, -1) }, lower: 0)
            }
        }
    }
}
