import Foundation
import GLPKSolver
import Staffing
import Testing
import WFMCore
@testable import Scheduling

/// A 3-day, 10-agent week with voice and chat, skills overlapping, breaks, shrinkage and 15-minute
/// intervals: small enough for tests, with every mechanism of roster-60.
func midProblem(seed: UInt64 = 3, timeLimit: Double = 300, maxMoves: Int = 30_000, neighbourhoods: Int = 0) -> RosterProblem {
    let zone = TimeZone(identifier: "Europe/Berlin")!
    let grid = TimeGrid(timeZone: zone, startDate: LocalDate("2026-03-02")!, days: 3, intervalMinutes: 15)
    let shape = grid.intervals.map { i -> Double in
        let h = Double(i.minuteOfDay) / 60
        return h < 7 || h >= 22 ? 0.3 : 3 + 2.5 * exp(-pow(h - 10.5, 2) / 3) + 2 * exp(-pow(h - 15, 2) / 4)
    }
    let voice = QueueDemand(id: "voice", contacts: shape, ahtSeconds: Array(repeating: 300, count: shape.count), thresholdSeconds: 20,
                            serviceLevelTarget: 0.8, maxOccupancy: 0.9)
    let chat = QueueDemand(id: "chat", contacts: shape.map { $0 * 0.5 }, ahtSeconds: Array(repeating: 500, count: shape.count),
                           thresholdSeconds: 60, serviceLevelTarget: 0.8, maxOccupancy: 0.9, model: .chat(concurrency: 2))
    let breaks = [BreakRule(lengthMinutes: 30, paid: false, earliestAfterMinutes: 180, latestAfterMinutes: 300),
                  BreakRule(lengthMinutes: 15, paid: true, earliestAfterMinutes: 90, latestAfterMinutes: 420)]
    let templates = [ShiftTemplate(id: "early", startEarliestMinute: 420, startLatestMinute: 600, startStepMinutes: 30, lengthsMinutes: [480, 540], breaks: breaks),
                     ShiftTemplate(id: "late", startEarliestMinute: 660, startLatestMinute: 840, startStepMinutes: 30, lengthsMinutes: [480, 540], breaks: breaks)]
    let contract = Contract(id: "ft", weekMinutesMin: 900, weekMinutesMax: 1020, daysOffMin: 1, maxConsecutiveDays: 2, minRestMinutes: 660,
                            maxNightShifts: 0, maxStartSpreadMinutes: 120, templateIDs: ["early", "late"])
    let skills: [[Skill]] = [[Skill(queueID: "voice")], [Skill(queueID: "chat")], [Skill(queueID: "voice"), Skill(queueID: "chat", level: 2)]]
    let agents = (0..<10).map { Agent(id: "m\($0)", name: "M \($0)", contractID: "ft", skills: skills[$0 % 3]) }
    let prefs = [AvailabilityWindow(agentID: "m1", date: grid.startDate, startMinute: 0, endMinute: 1440, kind: .preferOff),
                 AvailabilityWindow(agentID: "m2", date: grid.startDate.adding(days: 1), startMinute: 480, endMinute: 720, kind: .preferOn),
                 AvailabilityWindow(agentID: "m3", date: grid.startDate.adding(days: 2), startMinute: 0, endMinute: 720, kind: .unavailable)]
    return RosterProblem(grid: grid, queues: [voice, chat], templates: templates, contracts: [contract], agents: agents,
                         availability: prefs, shrinkage: 0.3,
                         search: SearchSettings(timeLimitSeconds: timeLimit, relativeGap: 0.001, seed: seed, maxMoves: maxMoves,
                                                 maxNeighbourhoods: neighbourhoods))
}

@Test func scheduledMidWeekKeepsEveryRuleAndIsRepeatable() throws {
    let problem = midProblem()
    let first = try RosterScheduler(solver: GLPKSolver()).schedule(problem)
    let roster = try #require(first.roster)
    #expect(RuleChecker(problem: problem).violations(of: roster).isEmpty)
    #expect(roster.shifts.allSatisfy { $0.breaks.count == 2 })
    _ = try #require(first.service)
    // Every bound survived the scheduler's check against the roster (a bound found invalid is
    // dropped with a warning, and a dropped service bound leaves `serviceBound` nil).
    #expect(first.warnings.isEmpty, "\(first.warnings)")
    #expect(first.serviceBound != nil)
    #expect(first.bound.isFinite)
    // The named rule penalties, recomputed from the roster, add up to the objective.
    #expect(abs(first.rules.reduce(0) { $0 + $1.penalty } - first.objective) < 1e-6)
    let second = try RosterScheduler(solver: GLPKSolver()).schedule(problem)
    #expect(second.roster == roster, "same seed and move budget, same roster")
}

@Test func coverageIsRecomputedFromTheRoster() throws {
    let problem = midProblem()
    let roster = try #require(try RosterScheduler(solver: GLPKSolver()).schedule(problem).roster)
    let service = ProjectedService(roster: roster, problem: problem)
    let u = 1 - problem.shrinkage
    let step = problem.grid.intervalMinutes * 60
    for (t, interval) in problem.grid.intervals.enumerated() {
        // Agents on the phone (whole intervals: shifts and breaks sit on the 15-minute grid).
        let onPhone = roster.shifts.filter { s in
            s.start <= interval.start && interval.start + step <= s.end
                && !s.breaks.contains { $0.start <= interval.start && interval.start < $0.end }
        }.count
        let cells = service.cells.filter { $0.interval == t }
        #expect(abs(cells.reduce(0) { $0 + $1.scheduledAgents } - u * Double(onPhone)) < 1e-9)
        for cell in cells where cell.queueID == "voice" && cell.scheduledAgents == cell.scheduledAgents.rounded() {
            let erlang = ErlangCResult(load: cell.contacts * 300 / Double(step), ahtSeconds: 300,
                                       agents: Int(cell.scheduledAgents), thresholdSeconds: 20)
            #expect(abs(cell.serviceLevel - erlang.serviceLevel) < 1e-9)
        }
    }
    let voice = try #require(service.queues.first)
    let cells = service.cells.filter { $0.queueID == "voice" }
    #expect(abs(voice.answeredWithinThreshold - cells.reduce(0) { $0 + $1.answeredWithinThreshold }) < 1e-6)
    #expect(abs(voice.serviceLevel - voice.answeredWithinThreshold / voice.contacts) < 1e-12)
    for a in service.agents {
        let shifts = roster.shifts(of: a.agentID)
        #expect(a.paidMinutes == shifts.reduce(0) { $0 + $1.paidMinutes })
        #expect(a.daysWorked == shifts.count)
        #expect(a.maxConsecutiveDays <= 2 && a.startSpreadMinutes <= 120 && (a.minRestMinutes ?? 660) >= 660)
    }
}

@Test func capacityBoundHoldsForEveryTinyRoster() {
    let problem = TinyProblems.base()
    let bound = CapacityBound(context: SchedulingContext(problem: problem))
    let best = BruteForceRosters.all(problem).map { ProjectedService(roster: $0, problem: problem).answeredWithinThreshold }.max()!
    #expect(bound.answered >= best - 1e-9)
    #expect(bound.answered < problem.queues[0].volume)
}

@Test func theSkillSplitNeverStarvesAThinQueueBelowItsCurve() {
    // Two queues, three flexible agents: giving all three to one queue beats splitting 2/1 when the
    // other queue's first agent gains little (convex start); the allocator's look-ahead must see it.
    let problem = TinyProblems.base(agents: 3, days: 1)
    let tables = ServiceTables(problem: problem)
    let allocator = CapacityAllocator(tables: tables, groups: SkillGroups(problem: problem), shrinkage: 0, secondarySkill: 0)
    var capacity = [0.0], answered = [0.0]
    _ = allocator.allocate(interval: 10, on: [3], capacity: &capacity, answered: &answered)
    #expect(capacity == [3])
    #expect(abs(answered[0] - tables.values[0][10][3]) < 1e-12)
}
