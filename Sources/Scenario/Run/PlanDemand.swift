import Forecasting
import Foundation
import WFMCore

/// The contacts and handle time a run plans for, per queue and interval of the scenario's grid,
/// after every what-if and calendar adjustment. This is what forecast.csv, requirements.csv and the
/// scheduler all see.
public struct PlanDemand: Sendable {
    public struct Queue: Sendable {
        public var id: String
        /// Contacts per interval (aligned with `Scenario.grid.intervals`), ≥ 0.
        public var contacts: [Double]
        /// Average handle time per interval, seconds, > 0.
        public var ahtSeconds: [Double]
        /// Whether the queue is open in the interval (its `open:` hours on a day that is not closed).
        public var isOpen: [Bool]
        /// The forecasting method used (`file` when the forecast was given).
        public var method: String
    }

    public var queues: [Queue]

    /// As a `Forecasting.Forecast`, so forecast.csv is written by the one forecast writer.
    func forecast(grid: TimeGrid) -> Forecast {
        Forecast(timeZone: grid.timeZone, intervalMinutes: grid.intervalMinutes, intervals: grid.intervals,
                 queues: queues.map {
                     QueueForecast(queue: $0.id, method: ForecastMethod(rawValue: $0.method) ?? .auto,
                                   contacts: $0.contacts, ahtSeconds: $0.ahtSeconds)
                 })
    }
}

/// Stage 1 of a run: the plan week's demand, from the scenario's forecast file or from its history.
///
/// Adjustments, in order (docs/scenario.md):
/// 1. Calendar: from history, special days are passed to the forecaster (not learned as normal days,
///    applied in the plan week); with a forecast file, plan-week special days are applied here
///    (closed → 0 contacts, otherwise × the day's volume factor).
/// 2. `volume_factor` × contacts; `aht_delta_seconds` + handle time (a result ≤ 0 is an input error).
/// 3. Opening hours: contacts outside `open:` hours (or on a closed day) are not planned for: they
///    are set to 0 for voice and chat, and for email they wait for the next open interval
///    (the deferred-work model carries them; see Staffing/DeferredWork.swift).
enum DemandStage {
    static func run(_ scenario: Scenario) throws -> PlanDemand {
        let grid = scenario.grid
        let calendar = specialDays(scenario)
        var byQueue: [String: (contacts: [Double], aht: [Double], method: String)] = [:]
        switch scenario.forecast {
        case .file(_, let rows):
            let n = grid.intervals.count
            for q in scenario.queues { byQueue[q.id] = (Array(repeating: 0, count: n), Array(repeating: q.ahtSeconds ?? 1, count: n), "file") }
            for row in rows {
                byQueue[row.queueID]?.contacts[row.interval] = row.contacts
                byQueue[row.queueID]?.aht[row.interval] = row.ahtSeconds
            }
            for q in scenario.queues {
                for (k, interval) in grid.intervals.enumerated() {
                    switch calendar.kind(on: interval.date, queue: q.id) {
                    case .closed?: byQueue[q.id]?.contacts[k] = 0
                    case .volumeFactor(let f)?: byQueue[q.id]?.contacts[k] *= f
                    case nil: break
                    }
                }
            }
        case .method(let name):
            guard let method = ForecastMethod(rawValue: name) else {
                throw DiagnosticError([Diagnostic(file: scenario.file, key: "forecast.method",
                                                  message: "unknown method \"\(name)\": expected one of \(ForecastMethod.allCases.map(\.rawValue).joined(separator: ", "))")])
            }
            let forecast = try Forecaster.forecast(
                history: try history(scenario), start: grid.startDate, days: grid.days, method: method,
                specialDays: calendar,
                ahtSeconds: Dictionary(uniqueKeysWithValues: scenario.queues.compactMap { q in q.ahtSeconds.map { (q.id, $0) } }),
                file: scenario.history.map(\.file.displayName).joined(separator: ", "),
                quantiles: scenario.forecastQuantile.map { [$0] } ?? [])
            for q in forecast.queues { byQueue[q.queue] = (q.quantiles.first?.contacts ?? q.contacts, q.ahtSeconds, q.method.rawValue) }
        }

        var bag = DiagnosticBag()
        var queues: [PlanDemand.Queue] = []
        for q in scenario.queues {
            guard let base = byQueue[q.id] else {
                bag.error(file: scenario.file, key: "queues.\(q.id)", "the history has no rows for this queue: add them or give a forecast file")
                continue
            }
            var contacts = base.contacts.map { $0 * q.volumeFactor }
            let aht = base.aht.map { $0 + q.ahtDeltaSeconds }
            if let bad = aht.firstIndex(where: { $0 <= 0 }) {
                bag.error(file: scenario.file, key: "queues.\(q.id).aht_delta_seconds",
                          "makes the handle time \(aht[bad]) s at \(TimeGrid.iso8601(grid.intervals[bad])): it must stay > 0")
                continue
            }
            let isOpen = openMask(q, grid: grid, calendar: calendar)
            if q.channel != .email {
                for k in contacts.indices where !isOpen[k] { contacts[k] = 0 }
            }
            queues.append(PlanDemand.Queue(id: q.id, contacts: contacts, ahtSeconds: aht, isOpen: isOpen, method: base.method))
        }
        try bag.throwIfErrors()
        return PlanDemand(queues: queues)
    }

    /// Every history file of the scenario, read at the plan interval in the scenario's time zone.
    static func history(_ scenario: Scenario) throws -> History {
        try history(scenario.history, intervalMinutes: scenario.grid.intervalMinutes, timeZone: scenario.timeZone,
                    singleQueue: scenario.queues[0].id)
    }

    /// History files read at `intervalMinutes` in `timeZone`; a file without a queue mapping and
    /// without a queue column belongs to `singleQueue`.
    static func history(_ files: [HistoryFile], intervalMinutes: Int, timeZone: TimeZone, singleQueue: String) throws -> History {
        var parts: [History] = []
        var errors: [Diagnostic] = []
        for file in files {
            do {
                parts.append(try HistoryReader.read(path: file.file.path, intervalMinutes: intervalMinutes,
                                                    timeZone: timeZone, singleQueue: file.queueID ?? singleQueue,
                                                    displayName: file.file.displayName, encoding: file.file.encoding))
            } catch let e as DiagnosticError {
                errors += e.diagnostics
            }
        }
        if !errors.isEmpty { throw DiagnosticError(errors) }
        return History(merging: parts)
    }

    static func specialDays(_ scenario: Scenario) -> SpecialDays { specialDays(scenario.calendar) }

    static func specialDays(_ calendar: [SpecialDay]) -> SpecialDays {
        var all: [LocalDate: SpecialDays.Kind] = [:]
        var perQueue: [String: [LocalDate: SpecialDays.Kind]] = [:]
        for day in calendar {
            let kind: SpecialDays.Kind = day.closed ? .closed : .volumeFactor(day.volumeFactor)
            if day.queueIDs.isEmpty { all[day.date] = kind } else { for q in day.queueIDs { perQueue[q, default: [:]][day.date] = kind } }
        }
        return SpecialDays(all, perQueue: perQueue)
    }

    /// Per interval of `grid`: whether queue `q` is open (inside its `open:` hours on a day the calendar does not close).
    static func openMask(_ q: QueueSettings, grid: TimeGrid, calendar: SpecialDays) -> [Bool] {
        grid.intervals.map { interval in
            interval.minuteOfDay >= q.openFromMinute && interval.minuteOfDay < q.openToMinute
                && calendar.kind(on: interval.date, queue: q.id) != .closed
        }
    }
}
