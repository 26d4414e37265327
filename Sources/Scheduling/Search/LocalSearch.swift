import Foundation
import MIP

/// Simulated annealing over agent-day changes, priced exactly by `RosterState` (true Erlang service
/// of every touched interval after re-allocating skills, breaks placed coverage-aware).
///
/// Moves (chosen at random with fixed weights; a move that cannot apply to the problem, retime
/// without alternative starts or lengths, rebreak without breaks, gets weight 0):
/// - *retime* (35): a worked day gets a neighbouring option (start ± one step, or another length);
/// - *reassign* (25): an agent-day gets a random allowed option, or a day off (1 in 8);
/// - *move day* (20): a shift moves from a worked day to a day off (same start and length if allowed);
/// - *swap* (10): two agents exchange their shifts of one day (each must be allowed the other's);
/// - *rebreak* (10): a shift's breaks are placed again given today's coverage;
/// - *block swap* (10): two agents exchange their shifts over 2–7 consecutive days (cover unchanged;
///   moves whole runs of work and rest, which the minimum-run rules need);
/// - *block assign* (10): an agent works one template (same start and length) on 2–7 consecutive
///   days, or takes them all off.
/// Every move keeps all hard rules except the priced ones (`WeekRules.shortfall`).
/// Acceptance: Metropolis with temperature falling geometrically from `startTemperature` to
/// `endTemperature` (contacts) over the budget (moves when bounded, else time); the best state seen
/// is restored at the end.
struct LocalSearch {
    /// Contacts; tuned on roster-60 (2 → 86.0 %, 6 → 86.3 %, 15 → 86.5 %, 30 → 85.9 % true service in 60 s).
    var startTemperature = 15.0
    var endTemperature = 0.1

    /// The temperatures for `problem`: as above with queues; head-count problems (cover and requests
    /// priced in whole persons, cover weights around 100) anneal hotter: tuned on Curtois Instance8, 9
    /// and 12 at 30 s (sum of objectives: 30 → 0.3: 7,008; 60 → 0.3: 6,595; 60 → 0.6: 6,640;
    /// 100 → 0.2: 6,452; 100 → 1: 6,716; 200 → 2: 6,863; single runs, a few per cent of noise).
    static func tuned(for problem: RosterProblem) -> LocalSearch {
        problem.queues.isEmpty ? LocalSearch(startTemperature: 100, endTemperature: 0.2) : LocalSearch()
    }

    private struct OptionKey: Hashable { var day: Int, template: Int, start: Int, length: Int }

    /// Runs until `deadline`, or `maxMoves` when given (cooling then follows the moves, not the
    /// clock); returns the number of moves tried. `agents` restricts the moves to those agents (the
    /// others stay fixed), e.g. to polish a neighbourhood.
    @discardableResult
    /// `progress` is called about once a second with the best cost so far.
    func run(on state: RosterState, agents: [Int]? = nil, deadline: ContinuousClock.Instant, maxMoves: Int?,
             rng: inout SplitMix64, progress: ((Double) -> Void)? = nil) -> Int {
        let context = state.context
        let options = context.catalog.options
        var index: [OptionKey: Int] = [:]
        for (i, o) in options.enumerated() { index[OptionKey(day: o.day, template: o.templateIndex, start: o.startMinute, length: o.lengthMinutes)] = i }
        let allowedSets = context.catalog.allowed.map { $0.map(Set.init) }
        let free = agents ?? Array(0..<context.agentCount)
        guard !free.isEmpty else { return 0 }
        let days = context.days
        let templates = context.problem.templates
        let canRetime = templates.contains { $0.lengthsMinutes.count > 1 || $0.startLatestMinute - $0.startEarliestMinute >= $0.startStepMinutes }
        let canRebreak = templates.contains { !$0.breaks.isEmpty }
        let weights = [canRetime ? 35 : 0, 25, 20, 10, canRebreak ? 10 : 0, days > 1 ? 10 : 0, days > 1 ? 10 : 0]
        let cumulative = weights.reduce(into: [Int]()) { $0.append(($0.last ?? 0) + $1) }
        let clockStart = ContinuousClock.now
        let budget = max(1e-3, (deadline - clockStart).inSeconds)
        var best = (cost: state.cost, choice: state.choice, breaks: state.breakStarts)
        var current = best.cost
        var temperature = startTemperature
        var moves = 0
        var lastReport = clockStart
        while moves < maxMoves ?? .max {
            if moves & 255 == 0 {
                let now = ContinuousClock.now
                if now >= deadline || context.stopRequested { break }
                if let progress, now - lastReport >= .seconds(1) {
                    lastReport = now
                    progress(best.cost)
                }
                // Cooling follows the move budget when there is one (repeatable), else the clock.
                let progress = maxMoves.map { Double(moves) / Double($0) } ?? (now - clockStart).inSeconds / budget
                temperature = startTemperature * pow(endTemperature / startTemperature, min(1, progress))
            }
            moves += 1
            let a = free[Int.random(in: 0..<free.count, using: &rng)]
            let d = Int.random(in: 0..<days, using: &rng)
            let roll = Int.random(in: 0..<cumulative.last!, using: &rng)
            let move = cumulative.firstIndex { roll < $0 }!
            let currentOption = state.choice[a][d]
            var changes: [RosterState.Change] = []
            if move == 0 {
                guard currentOption >= 0 else { continue }
                let o = options[currentOption]
                let template = context.problem.templates[o.templateIndex]
                var key = OptionKey(day: d, template: o.templateIndex, start: o.startMinute, length: o.lengthMinutes)
                if Bool.random(using: &rng) || template.lengthsMinutes.count == 1 {
                    key.start += Bool.random(using: &rng) ? template.startStepMinutes : -template.startStepMinutes
                } else {
                    key.length = template.lengthsMinutes.randomElement(using: &rng)!
                }
                guard let n = index[key], n != currentOption, allowedSets[a][d].contains(n) else { continue }
                changes = [.init(agent: a, day: d, option: n, breaks: nil)]
            } else if move == 1 {
                let allowed = context.catalog.allowed[a][d]
                let n = allowed.isEmpty || Int.random(in: 0..<8, using: &rng) == 0 ? -1 : allowed.randomElement(using: &rng)!
                guard n != currentOption else { continue }
                changes = [.init(agent: a, day: d, option: n, breaks: nil)]
            } else if move == 2 {
                guard currentOption >= 0 else { continue }
                let offDays = (0..<days).filter { state.choice[a][$0] < 0 }
                guard let d2 = offDays.randomElement(using: &rng) else { continue }
                let o = options[currentOption]
                let same = index[OptionKey(day: d2, template: o.templateIndex, start: o.startMinute, length: o.lengthMinutes)]
                let n: Int
                if let same, allowedSets[a][d2].contains(same) { n = same }
                else if let r = context.catalog.allowed[a][d2].randomElement(using: &rng) { n = r }
                else { continue }
                changes = [.init(agent: a, day: d, option: -1, breaks: []), .init(agent: a, day: d2, option: n, breaks: nil)]
            } else if move == 3 {
                let b = free[Int.random(in: 0..<free.count, using: &rng)]
                let other = state.choice[b][d]
                guard b != a, other != currentOption,
                      currentOption < 0 || allowedSets[b][d].contains(currentOption),
                      other < 0 || allowedSets[a][d].contains(other) else { continue }
                changes = [.init(agent: a, day: d, option: other, breaks: nil), .init(agent: b, day: d, option: currentOption, breaks: nil)]
            } else if move == 4 {
                guard currentOption >= 0 else { continue }
                changes = [.init(agent: a, day: d, option: currentOption, breaks: nil)]
            } else if move == 5 {
                let b = free[Int.random(in: 0..<free.count, using: &rng)]
                let span = d..<min(days, d + Int.random(in: 2...7, using: &rng))
                guard b != a, span.contains(where: { state.choice[a][$0] != state.choice[b][$0] }),
                      span.allSatisfy({ day in
                          (state.choice[a][day] < 0 || allowedSets[b][day].contains(state.choice[a][day]))
                              && (state.choice[b][day] < 0 || allowedSets[a][day].contains(state.choice[b][day]))
                      }) else { continue }
                for day in span where state.choice[a][day] != state.choice[b][day] {
                    changes.append(.init(agent: a, day: day, option: state.choice[b][day], breaks: nil))
                    changes.append(.init(agent: b, day: day, option: state.choice[a][day], breaks: nil))
                }
            } else {
                let span = d..<min(days, d + Int.random(in: 2...7, using: &rng))
                var pick = -1
                if Int.random(in: 0..<4, using: &rng) != 0 {
                    let model = currentOption >= 0 ? currentOption : context.catalog.allowed[a][d].randomElement(using: &rng) ?? -1
                    guard model >= 0 else { continue }
                    pick = model
                }
                for day in span {
                    var n = -1
                    if pick >= 0 {
                        let o = options[pick]
                        guard let same = index[OptionKey(day: day, template: o.templateIndex, start: o.startMinute, length: o.lengthMinutes)],
                              allowedSets[a][day].contains(same) else { changes = []; break }
                        n = same
                    }
                    if n != state.choice[a][day] { changes.append(.init(agent: a, day: day, option: n, breaks: nil)) }
                }
                guard !changes.isEmpty else { continue }
            }
            guard let delta = state.evaluate(changes) else { continue }
            if delta <= 0 || Double.random(in: 0..<1, using: &rng) < exp(-delta / temperature) {
                state.commit()
                current += delta
                if current < best.cost - 1e-9 {
                    best = (current, state.choice, state.breakStarts)
                }
            } else {
                state.discard()
            }
        }
        state.load(choice: best.choice, breaks: best.breaks)
        return moves
    }
}

extension RosterState {
    /// Sets every agent-day to the given choices and breaks (agents whose week differs only).
    func load(choice target: [[Int]], breaks: [[[Int]]]) {
        for a in 0..<target.count where target[a] != choice[a] || breaks[a] != breakStarts[a] {
            let changes = (0..<target[a].count).map { Change(agent: a, day: $0, option: target[a][$0], breaks: breaks[a][$0]) }
            // Clear the week first so the intermediate week is always allowed, then set it.
            _ = evaluate((0..<target[a].count).map { Change(agent: a, day: $0, option: -1, breaks: []) })
            commit()
            let ok = evaluate(changes)
            precondition(ok != nil, "load: the week of agent \(a) breaks a rule: \(target[a])")
            commit()
        }
    }
}
