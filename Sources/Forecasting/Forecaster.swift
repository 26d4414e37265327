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
    ///   nor a default is an error when `requireHandleTime` (a run needs handle times); otherwise its
    ///   forecast has contacts only (`QueueForecast.ahtSeconds` empty) and is listed in `Forecast.withoutHandleTime`.
    /// - quantiles: prediction quantiles to add to each queue (0 < p < 1), from the distribution of the
    ///   chosen method's backtest errors on the same history (`ForecastErrors`).
    /// Throws `DiagnosticError` naming the queue when a queue has less than 7 days of history before
    /// `start` or no handle time at all.
    public static func forecast(history: History, start: LocalDate, days: Int, method: ForecastMethod = .auto,
                                specialDays: SpecialDays = SpecialDays(), ahtSeconds: [String: Double] = [:],
                                defaultAHTSeconds: Double? = nil, requireHandleTime: Bool = true,
                                file: String = "history", quantiles: [Double] = []) throws -> Forecast {
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
            guard let (contacts, aht) = onGrid(plan.contacts, queue: q, series: plan.series, grid: grid,
                                               fallbackAHTSeconds: ahtSeconds[q.queue] ?? defaultAHTSeconds,
                                               requireHandleTime: requireHandleTime, file: file, bag: &bag)
            else { continue }
            var queue = QueueForecast(queue: q.queue, method: plan.method, contacts: contacts, ahtSeconds: aht)
            if !quantiles.isEmpty {
                guard let errors = ForecastErrors.measure(plan.series, method: plan.method) else {
                    bag.error(file: file, key: "queue \(q.queue)", "needs at least 3 weeks of history before \(start) for prediction quantiles")
                    continue
                }
                let n = history.slotsPerDay
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

    /// Many weeks of every queue of `history` for capacity planning (`LongRangeForecast`: trend,
    /// yearly seasonality with two years of history, weekday × interval profile, special days), on
    /// the grid of `days` days from `start`. Handle times and errors as for `forecast`.
    public static func longRange(history: History, start: LocalDate, days: Int, specialDays: SpecialDays = SpecialDays(),
                                 ahtSeconds: [String: Double] = [:], growthPerYear: Double? = nil,
                                 file: String = "history") throws -> [LongRangeForecast] {
        precondition(days > 0, "days must be > 0, got \(days)")
        let grid = TimeGrid(timeZone: history.timeZone, startDate: start, days: days, intervalMinutes: history.intervalMinutes)
        var bag = DiagnosticBag()
        var queues: [LongRangeForecast] = []
        for q in history.queues {
            guard var forecast = LongRangeForecast(history: q, start: start, days: days, specialDays: specialDays,
                                                   growthPerYear: growthPerYear), forecast.series.dayCount >= 7 else {
                bag.error(file: file, key: "queue \(q.queue)", "needs at least 7 days of history before \(start)")
                continue
            }
            guard let (contacts, aht) = onGrid(forecast.contacts, queue: q, series: forecast.series, grid: grid,
                                               fallbackAHTSeconds: ahtSeconds[q.queue], requireHandleTime: true,
                                               file: file, bag: &bag) else { continue }
            forecast.contacts = contacts
            forecast.ahtSeconds = aht
            queues.append(forecast)
        }
        try bag.throwIfErrors()
        return queues
    }

    /// Wall-clock contacts (`days × slotsPerDay` from the grid's start) on the grid's intervals, with
    /// the handle time per interval (`HandleTime`: the history's, else the fallback). A queue with no
    /// handle time at all gets an empty handle-time column, or nil (reported) when `requireHandleTime`.
    private static func onGrid(_ wallClock: [Double], queue q: QueueHistory, series: DaySeries, grid: TimeGrid,
                               fallbackAHTSeconds: Double?, requireHandleTime: Bool, file: String,
                               bag: inout DiagnosticBag) -> (contacts: [Double], ahtSeconds: [Double])? {
        var ahtByWeekday: [Int: [Double]] = [:]
        for w in 1...7 {
            ahtByWeekday[w] = HandleTime().perInterval(q, series: series, weekday: w, fallbackSeconds: fallbackAHTSeconds)
        }
        let knowsHandleTime = ahtByWeekday.count == 7
        guard knowsHandleTime || !requireHandleTime else {
            bag.error(file: file, key: "queue \(q.queue)", "history has no aht_seconds for this queue: give the queue's handle time (--aht SECONDS or the queue's aht_seconds)")
            return nil
        }
        let n = q.slotsPerDay
        var contacts: [Double] = [], aht: [Double] = []
        contacts.reserveCapacity(grid.intervals.count)
        for interval in grid.intervals {
            let day = interval.date.dayNumber - grid.startDate.dayNumber
            let slot = interval.minuteOfDay / grid.intervalMinutes
            contacts.append(wallClock[day * n + slot])
            if knowsHandleTime { aht.append(ahtByWeekday[interval.date.isoWeekday]![slot]) }
        }
        return (contacts, aht)
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
