import Foundation
import WFMCore

/// A forecast on the plan's time grid: per queue, contacts and average handle time per interval.
/// `intervals` are exactly `TimeGrid(timeZone:startDate:days:intervalMinutes:).intervals`.
public struct Forecast: Sendable, Equatable {
    public var timeZone: TimeZone
    public var intervalMinutes: Int
    public var intervals: [GridInterval]
    public var queues: [QueueForecast]

    public init(timeZone: TimeZone, intervalMinutes: Int, intervals: [GridInterval], queues: [QueueForecast]) {
        self.timeZone = timeZone
        self.intervalMinutes = intervalMinutes
        self.intervals = intervals
        self.queues = queues
    }

    /// The queues forecast without handle time (their `ahtSeconds` is empty).
    public var withoutHandleTime: [String] { queues.filter { $0.ahtSeconds.isEmpty }.map(\.queue) }

    /// Writes `forecast.csv` (SPEC.md): `interval_start,queue,contacts,aht_seconds`, rows by interval
    /// then queue; timestamps as `TimeGrid.iso8601`, contacts with 3 decimals, handle time with 1
    /// (empty for a queue forecast without handle time).
    /// With prediction quantiles (`Forecaster.forecast(quantiles:)`) one more column per quantile
    /// after those, `contacts_p10` … (`ForecastQuantile.columnName`), 3 decimals.
    public func csv() -> String {
        let probabilities = queues.first?.quantiles.map(\.probability) ?? []
        var writer = CSVWriter(header: ["interval_start", "queue", "contacts", "aht_seconds"] + probabilities.map(ForecastQuantile.columnName))
        for (k, interval) in intervals.enumerated() {
            let stamp = TimeGrid.iso8601(interval)
            for q in queues {
                writer.append([stamp, q.queue, String(format: "%.3f", q.contacts[k]), q.ahtSeconds.isEmpty ? "" : String(format: "%.1f", q.ahtSeconds[k])]
                              + q.quantiles.map { String(format: "%.3f", $0.contacts[k]) })
            }
        }
        return writer.text
    }

    /// Writes `csv()` to `path` atomically.
    public func write(to path: String) throws { try AtomicFile.write(csv(), to: path) }
}

/// One queue's forecast, aligned with `Forecast.intervals`.
public struct QueueForecast: Sendable, Equatable {
    public var queue: String
    /// The method used (`auto` resolved to the method it chose).
    public var method: ForecastMethod
    /// Expected contacts per interval (≥ 0).
    public var contacts: [Double]
    /// Expected average handle time per interval, seconds (> 0 where known); empty when neither the
    /// history nor the caller gave a handle time (`Forecaster.forecast(requireHandleTime: false)`).
    public var ahtSeconds: [Double]
    /// Prediction quantiles of the contacts, in the order asked for; empty unless asked for.
    public var quantiles: [ForecastQuantile] = []

    public init(queue: String, method: ForecastMethod, contacts: [Double], ahtSeconds: [Double]) {
        self.queue = queue
        self.method = method
        self.contacts = contacts
        self.ahtSeconds = ahtSeconds
    }
}

/// A prediction quantile of a queue's contacts per interval (`ForecastErrors`, docs/forecasting.md).
public struct ForecastQuantile: Sendable, Equatable {
    /// The probability p (0 < p < 1): contacts are expected to come in below these with probability p.
    public var probability: Double
    /// Contacts per interval at quantile p, ≥ 0, aligned with `Forecast.intervals`.
    public var contacts: [Double]

    public init(probability: Double, contacts: [Double]) {
        self.probability = probability
        self.contacts = contacts
    }

    /// `contacts_p10` for 0.1, `contacts_p97.5` for 0.975: the percentage, shortest form.
    public static func columnName(_ p: Double) -> String {
        var text = String(format: "%.2f", p * 100)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return "contacts_p" + text
    }
}
