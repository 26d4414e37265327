import Foundation
import Scheduling
import WFMCore

/// A loaded, validated scenario (SPEC.md "Scenario file", version 1): everything a run needs,
/// mapped onto the domain types of the stages (Scheduling's templates, contracts, agents, …).
///
/// Produced only by `ScenarioLoader.load`, which reports every problem of the file and its
/// referenced CSVs at once; a `Scenario` value is therefore internally consistent: every contract
/// names existing templates, every agent an existing contract and existing queues, every
/// availability window and carried-in shift an existing agent, every shift cover target and request
/// an existing template (and agent) on a date of the horizon, and every time lies on the grid.
public struct Scenario: Sendable {
    /// `name:` (defaults to the file name without extension); names the output folder.
    public var name: String
    /// The scenario file as the user named it (used in messages).
    public var file: String
    public var timeZone: TimeZone
    /// The plan horizon cut into `interval_minutes` intervals, local midnight to local midnight.
    public var grid: TimeGrid
    /// History files the forecaster reads (absent when the forecast is given as a file).
    public var history: [HistoryFile]
    public var forecast: ForecastSource
    /// `forecast.quantile`: plan the week at this prediction quantile of the forecast (0 < p < 1,
    /// `ForecastErrors`) instead of its point value; nil for the point forecast.
    public var forecastQuantile: Double? = nil
    public var queues: [QueueSettings]
    /// Fraction of paid time not available for contacts, in [0, 1).
    public var shrinkage: Double
    public var templates: [ShiftTemplate]
    public var contracts: [Contract]
    /// Agents on shift in this plan: agents.csv minus `agentsOff`.
    public var agents: [Agent]
    /// `agents_off:` agents of agents.csv left out of this plan (leave, sickness, a what-if); their
    /// availability and carry-in rows are dropped too.
    public var agentsOff: [String]
    public var availability: [AvailabilityWindow]
    public var carryIn: [CarryInShift]
    public var objective: ObjectiveMode
    public var solver: SolverSettings
    public var calendar: [SpecialDay]
    public var publishedRoster: PublishedRoster?
    /// `shift_cover:` head-count targets per date and template (soft; empty without the file).
    public var shiftCover: [ShiftCover]
    /// `requests:` agents' weighted shift requests (soft; rows of `agentsOff` agents are dropped).
    public var requests: [ShiftRequest]
    /// The `--set` overrides applied before validation, in command-line order.
    public var overrides: [AppliedOverride]
    /// The scenario file and every file it references, in the order they were read.
    public var inputFiles: [InputFile]
    /// Hex SHA-256 over the scenario file, every referenced file and the overrides (see `InputDigest`).
    public var inputsSHA256: String
    /// Warnings found while loading (the scenario is still valid).
    public var warnings: [Diagnostic]
    /// `weekend:` the centre's weekend days (default Saturday and Sunday): the weekend rules and the report's shading.
    public var weekend: Weekend = .saturdaySunday

    public func queue(_ id: String) -> QueueSettings? { queues.first { $0.id == id } }
    public func template(_ id: String) -> ShiftTemplate? { templates.first { $0.id == id } }
    public func contract(_ id: String) -> Contract? { contracts.first { $0.id == id } }
}

/// A `--set KEY=VALUE` override as given and as applied.
public struct AppliedOverride: Sendable, Hashable {
    /// The dotted key as typed (`queues.voice.volume_factor`).
    public var key: String
    /// The value text as typed (`1.15`).
    public var value: String
    /// The canonical key path it changed (`queues[0].volume_factor`).
    public var path: String

    public init(key: String, value: String, path: String) {
        self.key = key
        self.value = value
        self.path = path
    }
}

/// A file the scenario reads: how messages name it and where it is.
public struct InputFile: Sendable, Hashable {
    /// The scenario key that references it (`agents`, `history.voice`, `forecast.file`).
    public var key: String
    /// The path as shown in messages (the scenario's folder joined with the relative path).
    public var displayName: String
    /// The absolute or working-directory-relative path to open.
    public var path: String
    /// The text encoding the scenario names for it (`encoding:`); nil: UTF-8, or Windows-1251 with a warning.
    public var encoding: TextEncoding? = nil
}

/// A CSV file as the scenario names it: its path (relative to the scenario's folder) and the
/// encoding it names, if any.
struct FileReference: Hashable {
    var path: String
    var encoding: TextEncoding?
}

/// A contact-history CSV (`interval_start,queue,contacts[,aht_seconds]`, parsed by Forecasting).
public struct HistoryFile: Sendable, Hashable {
    /// The queue this file belongs to when `history:` maps queues to files; nil when one file
    /// holds every queue (with a `queue` column, or without one when the scenario has one queue).
    public var queueID: String?
    public var file: InputFile
    /// Whether the header has an `aht_seconds` column.
    public var hasHandleTime: Bool
}

/// Where the plan week's forecast comes from (`forecast:`).
public enum ForecastSource: Sendable, Hashable {
    /// Forecast from `history` with this method (`auto` picks one by backtest).
    case method(String)
    /// A ready forecast (`interval_start,queue,contacts,aht_seconds`) covering every interval and queue.
    case file(InputFile, rows: [ForecastRow])
}

/// One row of a given forecast, placed on the grid.
public struct ForecastRow: Sendable, Hashable {
    /// Index into `Scenario.grid.intervals`.
    public var interval: Int
    public var queueID: String
    /// Contacts arriving in the interval, ≥ 0.
    public var contacts: Double
    /// Average handle time, seconds, > 0.
    public var ahtSeconds: Double

    public init(interval: Int, queueID: String, contacts: Double, ahtSeconds: Double) {
        self.interval = interval
        self.queueID = queueID
        self.contacts = contacts
        self.ahtSeconds = ahtSeconds
    }
}

/// `solver:` settings handed to the scheduler.
public struct SolverSettings: Sendable, Hashable {
    /// Wall-clock limit of the roster solve, seconds, > 0. Default 60.
    public var timeLimitSeconds: Double
    /// Stop when (incumbent − bound) / |incumbent| ≤ this, ≥ 0. Default 0.005.
    public var relativeGap: Double
    /// Seed of every random choice; the same seed gives the same roster. Default 1.
    public var seed: Int
    /// Local-search moves of each search chain (`SearchSettings.maxMoves`); nil derives them from the
    /// time limit. A fixed budget makes a run repeatable on a machine of any speed, as long as the
    /// work fits the time limit (sweeps that must match, tests).
    public var maxMoves: Int?
    /// GLPK neighbourhood rounds of each search chain (`SearchSettings.maxNeighbourhoods`); nil derives
    /// them from the time limit.
    public var maxNeighbourhoods: Int?
    /// `simulation_replications`: replications of the discrete-event simulation of the final roster
    /// (docs/simulation.md), 0 = no simulation. Default 20.
    public var simulationReplications: Int
    /// `simulation_rounds`: feedback rounds of the simulation into the roster search
    /// (`SimulationFeedback`), 0 = none (default); ignored without replications.
    public var simulationRounds: Int = 0

    public init(timeLimitSeconds: Double, relativeGap: Double, seed: Int, simulationReplications: Int = 20) {
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeGap = relativeGap
        self.seed = seed
        self.simulationReplications = simulationReplications
    }

    public static let defaults = SolverSettings(timeLimitSeconds: 60, relativeGap: 0.005, seed: 1)
}

/// A special day of `calendar:`: closed, or open with a volume multiplier (holidays, sales days).
/// Dates may lie in the history (so the forecaster does not learn them as normal days) or in the
/// plan week (so they are not forecast as normal days).
public struct SpecialDay: Sendable, Hashable {
    public var date: LocalDate
    /// Free text shown in reports (`Yom Kippur`).
    public var name: String?
    /// No contacts and no shifts that day.
    public var closed: Bool
    /// Multiplier on the forecast of a normal day (1 when closed or not given), ≥ 0.
    public var volumeFactor: Double
    /// Queues it applies to; empty means every queue.
    public var queueIDs: [String]

    public func applies(to queueID: String) -> Bool { queueIDs.isEmpty || queueIDs.contains(queueID) }
}

/// `published_roster:`: re-plan against a roster already given to agents, keeping its shifts where
/// possible and paying `changePenalty` for each published shift that is moved, shortened or dropped.
public struct PublishedRoster: Sendable, Hashable {
    public var file: InputFile
    /// Penalty per changed shift, in the objective's units (expected contacts answered late). ≥ 0.
    public var changePenalty: Double
    /// Published shifts (from a shifts.csv; breaks are not part of what was published).
    public var shifts: [RosterShift]
}
