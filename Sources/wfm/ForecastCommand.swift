import ArgumentParser
import Forecasting
import Foundation
import WFMCore

/// `wfm forecast`: contact history → forecast.csv, and optionally a backtest table (SPEC.md, docs/forecasting.md).
struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast contacts and handle time per interval from history; optionally backtest every method.",
        discussion: """
        Without --out the forecast CSV goes to stdout. With --backtest-weeks K a table of WAPE, daily MAPE and \
        bias per method over the K one-week-ahead origins ending right before --start goes to stdout \
        (the forecast is then written only with --out).
        """
    )

    @Option(help: "History CSV: interval_start,[queue,]contacts|calls[,aht_seconds].") var history: String
    @Option(help: "First day of the forecast, YYYY-MM-DD.") var start: String
    @Option(help: "Number of days to forecast.") var days: Int
    @Option(name: .customLong("interval-minutes"), help: "Plan interval in minutes (5, 6, 10, 15, 30, 60).")
    var intervalMinutes: Int = 15
    @Option(help: "Method: \(ForecastMethod.allCases.map(\.rawValue).joined(separator: ", ")).")
    var method: String = ForecastMethod.auto.rawValue
    @Option(name: .customLong("backtest-weeks"), help: "Backtest every method over this many weeks before --start.")
    var backtestWeeks: Int?
    @Option(help: "Write the forecast CSV here (atomically).") var out: String?
    @Option(help: "IANA time zone of the centre (history without UTC offset is local to it).")
    var timezone: String = "UTC"
    @Option(help: "Handle time in seconds for queues whose history has no aht_seconds (without it their aht_seconds is left empty).")
    var aht: Double?
    @Option(name: .customLong("special-days"), help: "CSV date,kind,factor: kind closed, or factor with a volume multiplier.")
    var specialDays: String?
    @Option(help: "Queue name for a history without a queue column.") var queue: String = "default"
    @Option(help: "Prediction quantiles, e.g. 0.1,0.5,0.9: columns contacts_p10 … in the CSV; with --backtest-weeks, the coverage of the outer two.")
    var quantiles: String?

    /// `--quantiles` as probabilities, ascending; empty without the option.
    func quantileList() throws -> [Double] {
        guard let quantiles else { return [] }
        let values = quantiles.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard values.allSatisfy({ $0.map { $0 > 0 && $0 < 1 } ?? false }) else {
            throw ValidationError("--quantiles must be numbers strictly between 0 and 1, e.g. 0.1,0.5,0.9; got '\(quantiles)'")
        }
        return values.compactMap { $0 }.sorted()
    }

    func validate() throws {
        guard LocalDate(start) != nil else { throw ValidationError("--start must be a date YYYY-MM-DD, got '\(start)'") }
        guard days > 0 else { throw ValidationError("--days must be > 0, got \(days)") }
        guard [5, 6, 10, 15, 30, 60].contains(intervalMinutes) else {
            throw ValidationError("--interval-minutes must be one of 5, 6, 10, 15, 30, 60, got \(intervalMinutes)")
        }
        guard ForecastMethod(rawValue: method) != nil else {
            throw ValidationError("--method must be one of \(ForecastMethod.allCases.map(\.rawValue).joined(separator: ", ")), got '\(method)'")
        }
        if let backtestWeeks, backtestWeeks <= 0 { throw ValidationError("--backtest-weeks must be > 0, got \(backtestWeeks)") }
        guard TimeZone(identifier: timezone) != nil else { throw ValidationError("--timezone must be an IANA name like Europe/Berlin, got '\(timezone)'") }
        if let aht, !(aht > 0 && aht.isFinite) { throw ValidationError("--aht must be > 0 seconds, got \(aht)") }
        _ = try quantileList()
    }

    func run() throws {
        let startDate = LocalDate(start)!
        let zone = TimeZone(identifier: timezone)!
        // Read both inputs before failing, so every problem is reported at once.
        var problems: [Diagnostic] = []
        var calendar = SpecialDays()
        do { calendar = try specialDays.map { try SpecialDays.read(path: $0) } ?? SpecialDays() } catch let e as DiagnosticError {
            problems += e.diagnostics
        }
        let read = Result {
            try HistoryReader.read(path: self.history, intervalMinutes: intervalMinutes, timeZone: zone, singleQueue: queue)
        }
        if case .failure(let e as DiagnosticError) = read { problems += e.diagnostics }
        guard problems.isEmpty else { throw DiagnosticError(problems) }
        let history = try read.get()
        for warning in history.warnings { FileHandle.standardError.write(Data((warning.description + "\n").utf8)) }
        if let backtestWeeks {
            let results = Backtest.run(history: history, start: startDate, weeks: backtestWeeks, specialDays: calendar)
            print(BacktestTable.render(results, start: startDate, weeks: backtestWeeks, intervalMinutes: intervalMinutes))
            let probabilities = try quantileList()
            if let low = probabilities.first, let high = probabilities.last, low < high {
                for c in QuantileCalibration.run(history: history, start: startDate, weeks: backtestWeeks, low: low, high: high,
                                                 specialDays: calendar) {
                    print("coverage of p\(ForecastQuantile.columnName(low).dropFirst(10))–p\(ForecastQuantile.columnName(high).dropFirst(10)) (auto) "
                          + "\(c.queue): intervals \(BacktestTable.percent(c.intervalCoverage)) of \(c.intervalsScored), "
                          + "daily totals \(BacktestTable.percent(c.dailyCoverage)) of \(c.daysScored)")
                }
            }
            guard out != nil else { return }   // the table is the output; no handle time needed
        }
        let forecast = try Forecaster.forecast(history: history, start: startDate, days: days,
                                               method: ForecastMethod(rawValue: method)!, specialDays: calendar,
                                               defaultAHTSeconds: aht, requireHandleTime: false, file: self.history,
                                               quantiles: try quantileList())
        let bare = forecast.withoutHandleTime
        if !bare.isEmpty {
            let warning = Diagnostic(.warning, file: self.history, key: "aht_seconds",
                                     message: "no handle time for queue\(bare.count > 1 ? "s" : "") \(bare.joined(separator: ", ")) (the history has no aht_seconds and no --aht was given): aht_seconds left empty; a run needs the queue's aht_seconds")
            FileHandle.standardError.write(Data((warning.description + "\n").utf8))
        }
        if let out {
            try forecast.write(to: out)
        } else {
            print(forecast.csv(), terminator: "")
        }
    }
}
