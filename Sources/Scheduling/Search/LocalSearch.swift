import Foundation
import MIP

/// Simulated annealing over agent-day changes, priced exactly by `RosterState` (true Erlang service
/// of every touched interval after re-allocating skills, breaks placed coverage-aware).
///
/// Each step draws an agent, a day and a `Move` (at random with the weights of `Move.weight`; a move
/// that cannot apply to the problem gets weight 0). Every move keeps all hard rules except the priced
/// ones (`WeekRules.shortfall`).
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

    /// The kinds of move, in the order of the weighted draw (the order is part of what a seed gives).
    enum Move: Int, CaseIterable {
        /// A worked day gets a neighbouring option (start ± one step, or another length).
        case retime
        /// An agent-day gets a random allowed option, or a day off (1 in `reassignOffOdds`).
        case reassign
        /// A shift moves from a worked day to a day off (same start and length if allowed).
        case moveDay
        /// Two agents exchange their shifts of one day (each must be allowed the other's).
        case swap
        /// A shift's breaks are placed again given today's coverage.
        case rebreak
        /// Two agents exchange their shifts over `blockDays` consecutive days (cover unchanged; moves
        /// whole runs of work and rest, which the minimum-run rules need).
        case blockSwap
        /// An agent works one template (same start and length) on `blockDays` consecutive days, or
        /// takes them all off (1 in `blockOffOdds`).
        case blockAssign

        /// Relative frequency of the move where it applies (out of 120 when all apply).
        var weight: Int {
            switch self {
            case .retime: 35
            case .reassign: 25
            case .moveDay: 20
            case .swap, .rebreak, .blockSwap, .blockAssign: 10
            }
        }

        /// Whether the move can change anything on `problem`: retime needs a template with another
        /// start or length, rebreak a template with breaks, the block moves more than one day.
        func applies(to problem: RosterProblem) -> Bool {
            switch self {
            case .retime:
                problem.templates.contains { $0.lengthsMinutes.count > 1 || $0.startLatestMinute - $0.startEarliestMinute >= $0.startStepMinutes }
            case .rebreak: problem.templates.contains { !$0.breaks.isEmpty }
            case .blockSwap, .blockAssign: problem.grid.days > 1
            case .reassign, .moveDay, .swap: true
            }
        }

        /// Consecutive days of a block move (cut at the horizon's end).
        static let blockDays = 2...7
        /// A reassign gives a day off with probability 1 / this.
        static let reassignOffOdds = 8
        /// A block assign gives days off with probability 1 / this.
        static let blockOffOdds = 4
    }

    /// Runs until `deadline`, or `maxMoves` when given (cooling then follows the moves, not the
    /// clock); returns the number of moves tried. `agents` restricts the moves to those agents (the
    /// others stay fixed), e.g. to polish a neighbourhood.
    /// `progress` is called about once a second with the best cost so far.
    @discardableResult
    func run(on state: RosterState, agents: [Int]? = nil, deadline: ContinuousClock.Instant, maxMoves: Int?,
             rng: inout SplitMix64, progress: ((Double) -> Void)? = nil) -> Int {
        let context = state.context
        let free = agents ?? Array(0..<context.agentCount)
        guard !free.isEmpty else { return 0 }
        let proposals = Proposals(context: context, free: free)
        let moveKinds = Move.allCases
        let weights = moveKinds.map { $0.applies(to: context.problem) ? $0.weight : 0 }
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
            let d = Int.random(in: 0..<context.days, using: &rng)
            let roll = Int.random(in: 0..<cumulative.last!, using: &rng)
            let move = moveKinds[cumulative.firstIndex { roll < $0 }!]
            guard let changes = proposals.changes(move, agent: a, day: d, in: state, rng: &rng),
                  let delta = state.evaluate(changes) else { continue }
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

    /// Draws the agent-day changes of one move (nil: the move does not apply to that agent and day).
    private struct Proposals {
        private struct OptionKey: Hashable { var day: Int, template: Int, start: Int, length: Int }

        let context: SchedulingContext
        /// The agents that may change.
        let free: [Int]
        private let options: [ShiftOption]
        private let index: [OptionKey: Int]
        private let allowedSets: [[Set<Int>]]

        init(context: SchedulingContext, free: [Int]) {
            self.context = context
            self.free = free
            options = context.catalog.options
            var index: [OptionKey: Int] = [:]
            for (i, o) in options.enumerated() { index[OptionKey(day: o.day, template: o.templateIndex, start: o.startMinute, length: o.lengthMinutes)] = i }
            self.index = index
            allowedSets = context.catalog.allowed.map { $0.map(Set.init) }
        }

        /// Option `o`'s template, start and length on `day`, when agent `a` is allowed it there.
        private func same(as o: ShiftOption, day: Int, agent a: Int) -> Int? {
            guard let n = index[OptionKey(day: day, template: o.templateIndex, start: o.startMinute, length: o.lengthMinutes)],
                  allowedSets[a][day].contains(n) else { return nil }
            return n
        }

        private func allows(_ a: Int, _ option: Int, day: Int) -> Bool { option < 0 || allowedSets[a][day].contains(option) }

        func changes(_ move: Move, agent a: Int, day d: Int, in state: RosterState, rng: inout SplitMix64) -> [RosterState.Change]? {
            let current = state.choice[a][d]
            switch move {
            case .retime:
                return retime(agent: a, day: d, current: current, rng: &rng)
            case .reassign:
                let allowed = context.catalog.allowed[a][d]
                let n = allowed.isEmpty || Int.random(in: 0..<Move.reassignOffOdds, using: &rng) == 0 ? -1 : allowed.randomElement(using: &rng)!
                guard n != current else { return nil }
                return [.init(agent: a, day: d, option: n, breaks: nil)]
            case .moveDay:
                guard current >= 0 else { return nil }
                let offDays = (0..<context.days).filter { state.choice[a][$0] < 0 }
                guard let d2 = offDays.randomElement(using: &rng),
                      let n = same(as: options[current], day: d2, agent: a) ?? context.catalog.allowed[a][d2].randomElement(using: &rng)
                else { return nil }
                return [.init(agent: a, day: d, option: -1, breaks: []), .init(agent: a, day: d2, option: n, breaks: nil)]
            case .swap:
                let b = free[Int.random(in: 0..<free.count, using: &rng)]
                let other = state.choice[b][d]
                guard b != a, other != current, allows(b, current, day: d), allows(a, other, day: d) else { return nil }
                return [.init(agent: a, day: d, option: other, breaks: nil), .init(agent: b, day: d, option: current, breaks: nil)]
            case .rebreak:
                guard current >= 0 else { return nil }
                return [.init(agent: a, day: d, option: current, breaks: nil)]
            case .blockSwap:
                return blockSwap(agent: a, day: d, in: state, rng: &rng)
            case .blockAssign:
                return blockAssign(agent: a, day: d, in: state, rng: &rng)
            }
        }

        private func retime(agent a: Int, day d: Int, current: Int, rng: inout SplitMix64) -> [RosterState.Change]? {
            guard current >= 0 else { return nil }
            let o = options[current]
            let template = context.problem.templates[o.templateIndex]
            var key = OptionKey(day: d, template: o.templateIndex, start: o.startMinute, length: o.lengthMinutes)
            if Bool.random(using: &rng) || template.lengthsMinutes.count == 1 {
                key.start += Bool.random(using: &rng) ? template.startStepMinutes : -template.startStepMinutes
            } else {
                key.length = template.lengthsMinutes.randomElement(using: &rng)!
            }
            guard let n = index[key], n != current, allowedSets[a][d].contains(n) else { return nil }
            return [.init(agent: a, day: d, option: n, breaks: nil)]
        }

        private func blockSwap(agent a: Int, day d: Int, in state: RosterState, rng: inout SplitMix64) -> [RosterState.Change]? {
            let b = free[Int.random(in: 0..<free.count, using: &rng)]
            let span = d..<min(context.days, d + Int.random(in: Move.blockDays, using: &rng))
            guard b != a, span.contains(where: { state.choice[a][$0] != state.choice[b][$0] }),
                  span.allSatisfy({ allows(b, state.choice[a][$0], day: $0) && allows(a, state.choice[b][$0], day: $0) })
            else { return nil }
            return span.filter { state.choice[a][$0] != state.choice[b][$0] }.flatMap { day in
                [RosterState.Change(agent: a, day: day, option: state.choice[b][day], breaks: nil),
                 RosterState.Change(agent: b, day: day, option: state.choice[a][day], breaks: nil)]
            }
        }

        private func blockAssign(agent a: Int, day d: Int, in state: RosterState, rng: inout SplitMix64) -> [RosterState.Change]? {
            let current = state.choice[a][d]
            let span = d..<min(context.days, d + Int.random(in: Move.blockDays, using: &rng))
            var model: ShiftOption? = nil
            if Int.random(in: 0..<Move.blockOffOdds, using: &rng) != 0 {
                guard let pick = current >= 0 ? current : context.catalog.allowed[a][d].randomElement(using: &rng) else { return nil }
                model = options[pick]
            }
            var changes: [RosterState.Change] = []
            for day in span {
                var n = -1
                if let model {
                    guard let same = same(as: model, day: day, agent: a) else { return nil }
                    n = same
                }
                if n != state.choice[a][day] { changes.append(.init(agent: a, day: day, option: n, breaks: nil)) }
            }
            return changes.isEmpty ? nil : changes
        }
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
