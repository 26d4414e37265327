import Foundation
import WFMCore

/// History → forecast of the plan horizon: the entry point for the scenario runner and `wfm forecast`.
public enum Forecaster {
    /// Forecasts every queue of `history` for `days` days from `start` (local midnight, in the history's
    /// time zone, at its interval), learning only from days before `start`.
    ///
    /// - method: a method, or `.auto` to choose per queue by backtest on the history.
    /// - specialDays: closed days and volume multipliers (excluded from learning; applied in the plan).
    /// - ahtSeconds: per-queue handle time where the history has none (the queue's `aht_seconds`);
    ///   `defaultAHTSeconds` for queues not listed. A queue with neither handle times in its history
    ///   nor a default is an error.
    /// - quantiles: prediction quantiles to add to each queue (0 < p < 1), from the distribution of the
    ///   chosen method's backtest errors on the same history (`ForecastErrors`).
    /// Throws `DiagnosticError` naming the queue when a queue has less than 7 days of history before
    /// `start` or no handle time at all.
    public static func forecast(history: History, start: LocalDate, days: Int, method: ForecastMethod = .auto,
                                specialDays: SpecialDays = SpecialDays(), ahtSeconds: [String: Double] = [:],
                                defaultAHTSeconds: Double? = nil, file: String = "history",
                                quantiles: [Double] = []) throws -> Forecast {
        precondition(quantiles.allSatisfy { $0 > 0 && $0 < 1 }, "quantiles must lie strictly between 0 and 1: \(quantiles)")
        precondition(days > 0, "days must be > 0, got \(days)")
        let grid = TimeGrid(timeZone: history.timeZone, startDate: start, days: days, intervalMinutes: history.intervalMinutes)
        var bag = DiagnosticBag()
        var queues: [QueueForecast] = []
        for q in history.queues {
            guard let plan = QueueForecaster.plan(q, start: start, days: days, method: method, specialDays: specialDays),
                  plan.series.dayCount >= 7 else {
                bag.error(file: file, key: "queue \(q.queue)", "needs at least 7 days of history before \(start)")
                continue
            }
            let fallback = ahtSeconds[q.queue] ?? defaultAHTSeconds
            var ahtByWeekday: [Int: [Double]] = [:]
            for w in 1...7 {
                ahtByWeekday[w] = HandleTime().perInterval(q, series: plan.series, weekday: w, fallbackSeconds: fallback)
            }
            guard ahtByWeekday.count == 7 else {
                bag.error(file: file, key: "queue \(q.queue)", "history has no aht_seconds for this queue: give the queue's handle time (--aht SECONDS or the queue's aht_seconds)")
                continue
            }
            let n = history.slotsPerDay
            var contacts: [Double] = [], aht: [Double] = []
            contacts.reserveCapacity(grid.intervals.count)
            for interval in grid.intervals {
                let day = interval.date.dayNumber - start.dayNumber
                let slot = interval.minuteOfDay / history.intervalMinutes
                contacts.append(plan.contacts[day * n + slot])
                aht.append(ahtByWeekday[interval.date.isoWeekday]![slot])
            }
            var queue = QueueForecast(queue: q.queue, method: plan.method, contacts: contacts, ahtSeconds: aht)
            if !quantiles.isEmpty {
                guard let errors = ForecastErrors.measure(plan.series, method: plan.method) else {
                    bag.error(file: file, key: "queue \(q.queue)", "needs at least 3 weeks of history before \(start) for prediction quantiles")
                    continue
                }
                queue.quantiles = quantiles.map { p in
                    ForecastQuantile(probability: p, contacts: grid.intervals.indices.map { k in
                        let interval = grid.intervals[k]
                        return errors.intervalQuantile(p, forecast: contacts[k], weekday: interval.date.isoWeekday,
                                                       slot: interval.minuteOfDay / history.intervalMinutes, slotsPerDay: n)
                    })
                }
            }
            queues.append(queue)
        }
        try bag.throwIfErrors()
        return Forecast(timeZone: history.timeZone, intervalMinutes: history.intervalMinutes,
                        intervals: grid.intervals, queues: queues)
    }

    /// Per queue, the error distribution of the method that forecasts `start` (`auto` resolved as in
    /// `forecast`), measured on the history before `start` (`ForecastErrors`); queues without a usable
    /// backtest origin are left out.
    public static func errors(history: History, start: LocalDate, method: ForecastMethod = .auto,
                              specialDays: SpecialDays = SpecialDays()) -> [String: ForecastErrors] {
        var errors: [String: ForecastErrors] = [:]
        for q in history.queues {
            guard let plan = QueueForecaster.plan(q, start: start, days: 7, method: method, specialDays: specialDays),
                  let e = ForecastErrors.measure(plan.series, method: plan.method) else { continue }
            errors[q.queue] = e
        }
        return errors
    }
}
