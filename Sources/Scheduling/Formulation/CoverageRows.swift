import MIP

/// Capacity and service in `RosterFormulation`: skill flows, the exact piecewise-linear curve, and
/// head-count shift cover.
extension RosterFormulation {
    /// Fraction of interval `firstInterval + i` that option o is on the phone, breaks deducted as
    /// `breakCoverage` says.
    func netCoverage(option o: Int) -> [Double] {
        let option = context.catalog.options[o]
        var cover = option.coverage
        let template = context.problem.templates[option.templateIndex]
        let step = Double(context.catalog.intervalSeconds)
        for rule in template.breaks {
            let length = Double(rule.lengthMinutes * 60)
            let (from, to, density): (Double, Double, Double)
            switch breakCoverage {
            case .averaged:
                from = Double(option.start + rule.earliestAfterMinutes * 60)
                to = Double(option.start + rule.latestAfterMinutes * 60) + length
                density = length / (to - from)
            case .certainOnly:
                from = Double(option.start + rule.latestAfterMinutes * 60)
                to = Double(option.start + rule.earliestAfterMinutes * 60) + length
                density = 1
            }
            guard to > from else { continue }
            for i in cover.indices {
                let a = Double(context.catalog.gridStart) + Double(option.firstInterval + i) * step
                let overlap = min(to, a + step) - max(from, a)
                if overlap > 0 { cover[i] = max(0, cover[i] - density * overlap / step) }
            }
        }
        return cover
    }

    /// Rows `skill-capacity[g,t]`: Σ_q f[g,q,t] ≤ u · Σ net coverage · x over free agents of group g;
    /// rows `capacity[q,t]`: Σ_k y[q,t,k] ≤ Σ_g f[g,q,t], where the segments y run from the fixed
    /// base capacity b upwards with the curve's exact slopes between whole agent counts, and binaries
    /// z order the segments wherever a later slope is steeper (the convex part):
    /// y_k ≥ width_k·z_k and y_{k+1} ≤ width_{k+1}·z_k. Cost −w·slope per segment unit (answered
    /// contacts reduce unanswered ones), the unanswered contacts at the base are the objective offset.
    /// `min-cost` adds `service-target[q]`: Σ answered + shortfall_q ≥ target·volume.
    mutating func addCoverage() {
        let T = context.intervalCount, Q = context.problem.queues.count
        let u = 1 - context.problem.shrinkage
        let k = context.coefficients
        let groupSkills = context.groups.skills
        // Terms of on-shift agents per (group, interval), and how many free agents could be there.
        var onTerms: [Int: [Model.Term]] = [:]
        var reach: [Int: Set<Int>] = [:]
        for s in shifts where !groupSkills[context.groups.groupOfAgent[s.agent]].isEmpty {
            let g = context.groups.groupOfAgent[s.agent]
            let first = context.catalog.options[s.option].firstInterval
            for (i, c) in netCoverage(option: s.option).enumerated() where c > 0 && first + i < T {
                onTerms[g * T + first + i, default: []].append(Model.Term(s.variable, -u * c))
                reach[g * T + first + i, default: []].insert(s.agent)
            }
        }
        var inflow = Array(repeating: [Model.Term](), count: Q * T)
        var reachQ = Array(repeating: 0.0, count: Q * T)
        for key in onTerms.keys.sorted() {
            let g = key / T, t = key % T
            var row = onTerms[key]!
            for s in groupSkills[g] {
                let f = model.addVariable("f[g\(g),\(context.problem.queues[s.queue].id),t\(t)]",
                                          cost: Double(s.level - 1) * context.problem.weights.secondarySkill / u)
                row.append(Model.Term(f, 1))
                inflow[s.queue * T + t].append(Model.Term(f, 1))
                reachQ[s.queue * T + t] += u * Double(reach[key]!.count)
            }
            model.addRow("skill-capacity[g\(g),t\(t)]", row, upper: 0)
        }
        var offset = 0.0
        var serviceTerms = Array(repeating: [Model.Term](), count: Q)
        var baseAnswered = Array(repeating: 0.0, count: Q)
        for q in 0..<Q {
            let queue = context.problem.queues[q]
            for t in 0..<T {
                let base = fixed.capacity[q][t]
                let atBase = context.tables.answered(queue: q, interval: t, capacity: base)
                baseAnswered[q] += atBase
                offset += k.unanswered * (queue.contacts[t] - atBase)
                guard !inflow[q * T + t].isEmpty else { continue }
                let top = min(base + reachQ[q * T + t], Double(context.tables.maxCapacity(queue: q)))
                var points = [base]
                var p = base.rounded(.down) + 1
                while p < top - 1e-9 { points.append(p); p += 1 }
                if top > base + 1e-9 { points.append(top) }
                guard points.count >= 2 else { continue }
                let values = points.map { context.tables.answered(queue: q, interval: t, capacity: $0) }
                let widths = zip(points, points.dropFirst()).map { $1 - $0 }
                let slopes = widths.indices.map { (values[$0 + 1] - values[$0]) / widths[$0] }
                var concave = slopes.count - 1
                while concave > 0 && slopes[concave - 1] >= slopes[concave] - 1e-12 { concave -= 1 }
                let name = "\(queue.id),t\(t)"
                let y = widths.indices.map { i in
                    model.addVariable("y[\(name),\(i)]", lower: 0, upper: widths[i], cost: -k.unanswered * slopes[i])
                }
                model.addRow("capacity[\(name)]", y.map { Model.Term($0, 1) } + inflow[q * T + t].map { Model.Term($0.variable, -1) }, upper: 0)
                for i in 0..<concave {
                    let z = model.addBinary("z[\(name),\(i)]")
                    model.addRow("curve-order[\(name),\(i),full]", [Model.Term(y[i], 1), Model.Term(z, -widths[i])], lower: 0)
                    model.addRow("curve-order[\(name),\(i),next]", [Model.Term(y[i + 1], 1), Model.Term(z, -widths[i + 1])], upper: 0)
                }
                serviceTerms[q] += y.indices.map { Model.Term(y[$0], slopes[$0]) }
            }
        }
        model.objectiveOffset += offset
        if k.shortfall > 0 {
            for q in 0..<Q {
                let queue = context.problem.queues[q]
                let s = model.addVariable("\(RuleID.serviceTarget.rawValue)[\(queue.id)]", cost: k.shortfall)
                model.addRow("\(RuleID.serviceTarget.rawValue)[\(queue.id)]", serviceTerms[q] + [Model.Term(s, 1)],
                             lower: queue.serviceLevelTarget * queue.volume - baseAnswered[q])
            }
        }
    }

    /// `cover-under` / `cover-over` (`RosterProblem.shiftCover`): for target i with head count
    /// n = fixed.coverCounts[i] + Σ x over free agents' options of its date and template
    /// (`SchedulingContext.coverOfOption`), u_i ≥ required − n and v_i ≥ n − required, u, v ≥ 0 priced
    /// underWeight and overWeight. A target no free agent can reach is a constant in the objective
    /// offset; a side that cannot be violated (zero weight, or too few options to exceed) gets no row.
    mutating func addShiftCover() {
        let targets = context.problem.shiftCover
        guard !targets.isEmpty else { return }
        var counted = Array(repeating: [Model.Term](), count: targets.count)
        for s in shifts where context.coverOfOption[s.option] >= 0 {
            counted[context.coverOfOption[s.option]].append(Model.Term(s.variable, 1))
        }
        for (i, target) in targets.enumerated() {
            let base = fixed.coverCounts.isEmpty ? 0 : fixed.coverCounts[i]
            let name = "\(target.date),\(target.templateID)"
            let missing = target.required - base
            guard !counted[i].isEmpty else {
                model.objectiveOffset += target.underWeight * Double(max(0, missing)) + target.overWeight * Double(max(0, -missing))
                continue
            }
            if target.underWeight > 0, missing > 0 {
                let u = model.addVariable("\(RuleID.coverUnder.rawValue)[\(name)]", lower: 0, upper: Double(missing),
                                          cost: target.underWeight)
                model.addRow("\(RuleID.coverUnder.rawValue)[\(name)]", [Model.Term(u, 1)] + counted[i], lower: Double(missing))
            }
            if target.overWeight > 0, counted[i].count > missing {
                let v = model.addVariable("\(RuleID.coverOver.rawValue)[\(name)]", lower: 0, cost: target.overWeight)
                model.addRow("\(RuleID.coverOver.rawValue)[\(name)]", [Model.Term(v, 1)] + counted[i].map { Model.Term($0.variable, -1) },
                             lower: Double(-missing))
            }
        }
    }
}
