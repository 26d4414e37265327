import WFMCore

/// How often a prediction interval [Q_low, Q_high] holds the actuals on held-out weeks: the
/// backtest protocol of `Backtest` (origins `start − 7·weeks`, …, `start − 7`, one week each, all days
/// before an origin learned, every day with history scored, holidays included), with `auto` as the
/// method and its error distribution measured at each origin on the days before it only
/// (`ForecastErrors`). Interval coverage counts intervals whose point forecast is > 0; daily coverage
/// compares each day's actual total with `F · (1 + Q(E))` of the whole-day level errors.
public enum QuantileCalibration {
    public struct Result: Sendable, Equatable {
        public var queue: String
        public var intervalsScored = 0
        public var intervalsCovered = 0
        public var daysScored = 0
        public var daysCovered = 0
        /// Share of scored intervals inside the interval, 0...1.
        public var intervalCoverage: Double { intervalsScored > 0 ? Double(intervalsCovered) / Double(intervalsScored) : 0 }
        /// Share of scored days whose total is inside the daily interval, 0...1.
        public var dailyCoverage: Double { daysScored > 0 ? Double(daysCovered) / Double(daysScored) : 0 }
    }

    public static func run(history: History, start: LocalDate, weeks: Int, low: Double, high: Double,
                           specialDays: SpecialDays = SpecialDays()) -> [Result] {
        precondition(weeks > 0 && low > 0 && low < high && high < 1, "need weeks > 0 and 0 < low < high < 1")
        return history.queues.map { q in
            var result = Result(queue: q.queue)
            let n = q.slotsPerDay
            for k in stride(from: weeks, through: 1, by: -1) {
                let origin = start.adding(days: -7 * k)
                guard let plan = QueueForecaster.plan(q, start: origin, days: 7, method: .auto, specialDays: specialDays),
                      let errors = ForecastErrors.measure(plan.series, method: plan.method) else { continue }
                let dailyLow = errors.dailyQuantile(low), dailyHigh = errors.dailyQuantile(high)
                for h in 0..<7 {
                    let day = origin.dayNumber + h - q.firstDate.dayNumber
                    guard day >= 0, day < q.dayCount, q.dayHasRows[day] else { continue }
                    let weekday = origin.adding(days: h).isoWeekday
                    var actualTotal = 0.0, forecastTotal = 0.0
                    for i in 0..<n {
                        let a = q.contacts[day * n + i], f = plan.contacts[h * n + i]
                        actualTotal += a
                        forecastTotal += f
                        guard f > 0 else { continue }
                        result.intervalsScored += 1
                        let lo = errors.intervalQuantile(low, forecast: f, weekday: weekday, slot: i, slotsPerDay: n)
                        let hi = errors.intervalQuantile(high, forecast: f, weekday: weekday, slot: i, slotsPerDay: n)
                        if a >= lo && a <= hi { result.intervalsCovered += 1 }
                    }
                    guard forecastTotal > 0 else { continue }
                    result.daysScored += 1
                    if actualTotal >= forecastTotal * (1 + dailyLow) && actualTotal <= forecastTotal * (1 + dailyHigh) {
                        result.daysCovered += 1
                    }
                }
            }
            return result
        }
    }
}
