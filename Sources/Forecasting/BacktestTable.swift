import Foundation
import WFMCore

/// The text table `wfm forecast --backtest-weeks` prints.
public enum BacktestTable {
    /// One line per queue and method: WAPE, daily MAPE and bias of the one-week-ahead origins, and the
    /// methods auto chose.
    public static func render(_ results: [Backtest.Result], start: LocalDate, weeks: Int, intervalMinutes: Int) -> String {
        let first = start.adding(days: -7 * weeks), last = start.adding(days: -1)
        var lines = ["backtest: \(weeks) one-week-ahead origins, \(first) to \(last), \(intervalMinutes)-minute intervals, training on all days before each origin",
                     pad("queue", 12) + pad("method", 17) + pad("WAPE", 9) + pad("daily MAPE", 12) + pad("bias", 9) + "chosen"]
        for r in results {
            let a = r.accuracy
            let chosen = r.method == .auto ? r.chosen.map(\.rawValue).joined(separator: " ") : ""
            lines.append(pad(r.queue, 12) + pad(r.method.rawValue, 17) + pad(percent(a.wape), 9)
                         + pad(percent(a.dailyMAPE), 12) + pad(percent(a.bias), 9) + chosen)
        }
        return lines.joined(separator: "\n")
    }

    /// A fraction as a percentage with two decimals.
    public static func percent(_ x: Double) -> String { String(format: "%.2f%%", 100 * x) }

    private static func pad(_ s: String, _ width: Int) -> String { s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count) }
}
