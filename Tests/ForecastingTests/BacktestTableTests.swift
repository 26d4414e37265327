import Testing
import WFMCore
@testable import Forecasting

/// The table `wfm forecast --backtest-weeks` prints: one day of actuals 10, 10 against forecasts 9, 12
/// is 3 absolute errors of 20 (WAPE 15 %), a day total of 21 against 20 (daily MAPE 5 %) and +1 of
/// signed error (bias 5 %).
@Test func backtestTableShowsTheAccuracyOfEachMethod() {
    var accuracy = Accuracy()
    accuracy.add(actual: [10, 10], forecast: [9, 12])
    let results = [Backtest.Result(queue: "voice", method: .seasonalNaive, accuracy: accuracy, chosen: []),
                   Backtest.Result(queue: "voice", method: .auto, accuracy: accuracy, chosen: [.weekdayMean, .seasonalNaive])]
    let lines = BacktestTable.render(results, start: LocalDate("2026-03-02")!, weeks: 2, intervalMinutes: 30).split(separator: "\n")
    #expect(lines[0] == "backtest: 2 one-week-ahead origins, 2026-02-16 to 2026-03-01, 30-minute intervals, training on all days before each origin")
    #expect(lines[1].hasPrefix("queue       method           WAPE     daily MAPE  bias     chosen"))
    #expect(lines[2] == "voice       seasonal-naive   15.00%   5.00%       5.00%    ")
    #expect(lines[3] == "voice       auto             15.00%   5.00%       5.00%    weekday-mean seasonal-naive")
}
