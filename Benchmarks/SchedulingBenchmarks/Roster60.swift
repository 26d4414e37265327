import Foundation
import Scheduling
import WFMCore

/// The scenarios/roster-60 week as a `RosterProblem`: forecast.csv, agents.csv and availability.csv
/// are read from the scenario directory; queues, templates and contracts mirror scenario.yaml
/// (kept in step by hand until the Scenario loader can build the problem from the YAML).
enum Roster60 {
    static func directory() -> String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("scenarios/roster-60").path
    }

    static func problem(timeLimitSeconds: Double = 60, seed: UInt64 = 1) throws -> RosterProblem {
        let dir = directory()
        let zone = TimeZone(identifier: "Europe/Berlin")!
        let start = LocalDate("2026-03-02")!
        let grid = TimeGrid(timeZone: zone, startDate: start, days: 7, intervalMinutes: 15)
        let forecast = try CSVTable.read(path: dir + "/forecast.csv")
        var contacts: [String: [Double]] = [:], aht: [String: [Double]] = [:]
        for r in forecast.records {
            contacts[r.fields[1], default: []].append(Double(r.fields[2])!)
            aht[r.fields[1], default: []].append(Double(r.fields[3])!)
        }
        let queues = [
            QueueDemand(id: "voice", contacts: contacts["voice"]!, ahtSeconds: aht["voice"]!, thresholdSeconds: 20,
                        serviceLevelTarget: 0.8, maxOccupancy: 0.9, model: .erlangC),
            QueueDemand(id: "chat", contacts: contacts["chat"]!, ahtSeconds: aht["chat"]!, thresholdSeconds: 60,
                        serviceLevelTarget: 0.8, maxOccupancy: 0.9, model: .chat(concurrency: 2)),
        ]
        let fullBreaks = [BreakRule(lengthMinutes: 30, paid: false, earliestAfterMinutes: 180, latestAfterMinutes: 300),
                          BreakRule(lengthMinutes: 15, paid: true, earliestAfterMinutes: 90, latestAfterMinutes: 420)]
        let templates = [
            ShiftTemplate(id: "early", startEarliestMinute: 360, startLatestMinute: 540, startStepMinutes: 30, lengthsMinutes: [480, 540], breaks: fullBreaks),
            ShiftTemplate(id: "day", startEarliestMinute: 570, startLatestMinute: 720, startStepMinutes: 30, lengthsMinutes: [480, 540], breaks: fullBreaks),
            ShiftTemplate(id: "late", startEarliestMinute: 750, startLatestMinute: 900, startStepMinutes: 30, lengthsMinutes: [480, 540], breaks: fullBreaks),
            ShiftTemplate(id: "night", startEarliestMinute: 1260, startLatestMinute: 1380, startStepMinutes: 60, lengthsMinutes: [480, 540],
                          breaks: [fullBreaks[0]]),
            ShiftTemplate(id: "part", startEarliestMinute: 420, startLatestMinute: 1020, startStepMinutes: 30, lengthsMinutes: [240, 300, 360],
                          breaks: [BreakRule(lengthMinutes: 15, paid: true, earliestAfterMinutes: 90, latestAfterMinutes: 180)]),
        ]
        let contracts = [
            Contract(id: "full-time", weekMinutesMin: 2280, weekMinutesMax: 2400, daysOffMin: 2, maxConsecutiveDays: 5, minRestMinutes: 660,
                     maxNightShifts: 2, maxStartSpreadMinutes: 120, templateIDs: ["early", "day", "late"]),
            Contract(id: "night", weekMinutesMin: 2280, weekMinutesMax: 2400, daysOffMin: 2, maxConsecutiveDays: 5, minRestMinutes: 660,
                     maxNightShifts: 5, maxStartSpreadMinutes: 600, templateIDs: ["late", "night"]),
            Contract(id: "part-time", weekMinutesMin: 1200, weekMinutesMax: 1500, daysOffMin: 3, maxConsecutiveDays: 4, minRestMinutes: 720,
                     maxNightShifts: 0, maxStartSpreadMinutes: 180, templateIDs: ["part"]),
        ]
        let agents = try CSVTable.read(path: dir + "/agents.csv").records.map { r in
            Agent(id: r.fields[0], name: r.fields[1], contractID: r.fields[2], skills: r.fields[3].split(separator: "|").map { s in
                let parts = s.split(separator: ":")
                return Skill(queueID: String(parts[0]), level: parts.count > 1 ? Int(parts[1])! : 1)
            })
        }
        let availability = try CSVTable.read(path: dir + "/availability.csv").records.map { r in
            AvailabilityWindow(agentID: r.fields[0], date: LocalDate(r.fields[1])!, startMinute: parseTimeOfDay(r.fields[2])!,
                               endMinute: parseTimeOfDay(r.fields[3])!, kind: AvailabilityWindow.Kind(rawValue: r.fields[4])!)
        }
        return RosterProblem(grid: grid, queues: queues, templates: templates, contracts: contracts, agents: agents,
                             availability: availability, shrinkage: 0.30, objective: .balance,
                             search: SearchSettings(timeLimitSeconds: timeLimitSeconds, relativeGap: 0.005, seed: seed))
    }
}
