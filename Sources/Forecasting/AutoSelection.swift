/// `auto`: picks, per queue, the candidate method with the lowest WAPE in a rolling-origin backtest on
/// the history itself (Tashman 2000): origins at 7, 14, …, 7·`weeks` days before the end of the history
/// (each with at least 14 days of training before it); at each origin the method is fitted on the days
/// before it and forecasts the next 7 days in one shot; learnable days are scored. Nothing after the
/// history's end (the plan week) is used. Ties go to the earlier method in `ForecastMethod.candidates`;
/// with no usable origin the choice is `weekday-mean`.
///
/// Guard against selection noise: the 4-week same weekday-interval mean (`weekday-mean`, what planners
/// do by hand) is kept unless the best candidate's inner WAPE is below `(1 − margin)` × its own. Eight
/// inner weeks cannot tell methods apart that differ by less than that, and a method picked on such a
/// difference lost to the mean on unseen data (issue 18: 6.78 % against 6.6 % on a 15-minute
/// weekday-only series).
enum AutoSelection {
    static let weeks = 8
    /// Relative WAPE margin a method must beat `weekday-mean` by on the inner origins.
    static let margin = 0.03

    static func choose(_ s: DaySeries) -> ForecastMethod {
        let scores = score(s)
        guard !scores.isEmpty, let baseline = scores[.weekdayMean] else { return .weekdayMean }
        var best = ForecastMethod.candidates[0]
        for method in ForecastMethod.candidates where scores[method]! < scores[best]! { best = method }
        return scores[best]! < baseline * (1 - margin) ? best : .weekdayMean
    }

    /// WAPE of every candidate over the inner backtest (empty without a usable origin).
    static func score(_ s: DaySeries) -> [ForecastMethod: Double] {
        var accuracy: [ForecastMethod: Accuracy] = [:]
        for k in stride(from: weeks, through: 1, by: -1) {
            let origin = s.dayCount - 7 * k
            guard origin >= 14 else { continue }
            let train = s.prefix(days: origin)
            let horizon = min(7, s.dayCount - origin)
            var forecasts: [ForecastMethod: [Double]] = [:]
            for method in ForecastMethod.candidates where method != .combination {
                forecasts[method] = method.normalDays(train, horizon: horizon)
            }
            forecasts[.combination] = ForecastMethod.combine(ForecastMethod.combinationMembers.map { forecasts[$0]! })
            for (method, values) in forecasts {
                for h in 0..<horizon where s.learnable[origin + h] {
                    let n = s.slotsPerDay
                    accuracy[method, default: Accuracy()].add(actual: s.day(origin + h),
                                                              forecast: values[(h * n)..<((h + 1) * n)])
                }
            }
        }
        return accuracy.mapValues(\.wape)
    }
}
