import WFMCore

/// Rolling-origin evaluation of methods on the history: `weeks` one-week-ahead origins ending right
/// before `start` (origins `start − 7·weeks`, …, `start − 7`). At each origin a method learns from every
/// day before it and forecasts the 7 days from it in one shot (special days applied as in a forecast);
/// every interval of those days that has history is scored (holidays included: that is the planner's
/// real error). Scores are per queue and method, summed over the origins.
public enum Backtest {
    public struct Result: Sendable, Equatable {
        public var queue: String
        public var method: ForecastMethod
        public var accuracy: Accuracy
        /// For `auto`: the method chosen at each origin, in order.
        public var chosen: [ForecastMethod]
    }

    public static func run(history: History, start: LocalDate, weeks: Int,
                           methods: [ForecastMethod] = ForecastMethod.allCases,
                           specialDays: SpecialDays = SpecialDays()) -> [Result] {
        precondition(weeks > 0, "weeks must be > 0, got \(weeks)")
        var results: [Result] = []
        for q in history.queues {
            let n = q.slotsPerDay
            for method in methods {
                var result = Result(queue: q.queue, method: method, accuracy: Accuracy(), chosen: [])
                for k in stride(from: weeks, through: 1, by: -1) {
                    let origin = start.adding(days: -7 * k)
                    guard let plan = QueueForecaster.plan(q, start: origin, days: 7, method: method, specialDays: specialDays)
                    else { continue }
                    result.chosen.append(plan.method)
                    for h in 0..<7 {
                        let day = origin.dayNumber + h - q.firstDate.dayNumber
                        guard day >= 0, day < q.dayCount, q.dayHasRows[day] else { continue }
                        result.accuracy.add(actual: q.contacts[(day * n)..<((day + 1) * n)],
                                            forecast: plan.contacts[(h * n)..<((h + 1) * n)])
                    }
                }
                results.append(result)
            }
        }
        return results
    }
}
