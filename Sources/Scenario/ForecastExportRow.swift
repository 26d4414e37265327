/// One row of forecast.csv: the forecast of one queue in one interval (SPEC.md).
public struct ForecastExportRow: Sendable, Hashable {
    public var intervalStart: RunTimestamp
    public var queue: String
    /// Contacts arriving in the interval, ≥ 0.
    public var contacts: Double
    /// Average handle time, seconds.
    public var ahtSeconds: Double

    public init(intervalStart: RunTimestamp, queue: String, contacts: Double, ahtSeconds: Double) {
        self.intervalStart = intervalStart
        self.queue = queue
        self.contacts = contacts
        self.ahtSeconds = ahtSeconds
    }
}
