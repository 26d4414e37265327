@testable import Scheduling

/// Calls `body` with every row of one agent: each day a day off (−1) or one of the options
/// `context.catalog.allowed[agent][d]`, in odometer order (day 0 turns fastest). The brute force
/// behind the row tests: (options + 1)^days rows, so keep horizons short.
func forEveryRow(of agent: Int, in context: SchedulingContext, _ body: ([Int]) -> Void) {
    let choices = context.catalog.allowed[agent].map { [-1] + $0 }
    var digits = Array(repeating: 0, count: choices.count)
    while true {
        body(zip(choices, digits).map { $0[$1] })
        var d = 0
        while d < digits.count {
            digits[d] += 1
            if digits[d] < choices[d].count { break }
            digits[d] = 0
            d += 1
        }
        if d == digits.count { break }
    }
}
