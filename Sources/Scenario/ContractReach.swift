import Yams

/// What a contract's weekly bounds allow over a horizon of `days` days, cut into 7-day blocks from
/// its first day (the last block may be shorter; weekly rules hold in every block, CURTOIS-PLAN.md).
///
/// With `longestPaid` the contract's longest paid shift, a block of `L` days holds at most
/// `min(weekMax, (L − daysOff) · longestPaid)` paid minutes and needs at least `weekMin`. These are
/// necessary conditions only (rest, sequence and availability rules can still make a contract
/// infeasible; the scheduler explains those).
struct ContractReach {
    var days: Int
    var weekMin: Int
    var weekMax: Int
    var daysOff: Int
    var longestPaid: Int

    /// Block lengths, days: 7, 7, …, then the remainder.
    var blocks: [Int] { stride(from: 0, to: days, by: 7).map { min(7, days - $0) } }
    /// The shortest block (the last one).
    var shortestBlock: Int { blocks.last ?? 0 }
    /// Upper bound on paid minutes over the horizon.
    var horizonMost: Int { blocks.reduce(0) { $0 + min(weekMax, max(0, $1 - daysOff) * longestPaid) } }
    /// Lower bound on paid minutes over the horizon.
    var horizonLeast: Int { weekMin * blocks.count }

    /// " in a 7-day week" or " in the 3-day last week of the 10-day horizon" for a horizon over a week,
    /// "" otherwise.
    var whereShortest: String {
        guard days > 7 else { return "" }
        return " in " + shortestWeek
    }
    /// "a 7-day week" or "the 3-day last week of the 10-day horizon" (for a horizon over a week).
    var shortestWeek: String {
        shortestBlock == 7 ? "a 7-day week" : "the \(shortestBlock)-day last week of the \(days)-day horizon"
    }
}

extension NodeReader {
    /// Reports the week and horizon bounds of one contract that no roster can meet; false if any.
    mutating func checkReach(_ reach: ContractReach, _ long: ContractLongRules,
                             _ pairs: [(key: String, keyNode: Node, value: Node)], _ path: String, templateIDs: [String]) -> Bool {
        func at(_ key: String) -> String { NodeReader.join(path, key) }
        let block = reach.shortestBlock
        if reach.daysOff > block {
            let place = reach.days > 7 ? "\(reach.shortestWeek) (weekly rules hold in every 7-day block of the horizon)"
                : "a \(reach.days)-day horizon"
            error(NodeReader.value(pairs, "days_off_min"), at("days_off_min"), "\(reach.daysOff) days off do not fit \(place)")
            return false
        }
        let reachable = (block - reach.daysOff) * reach.longestPaid
        if reachable < reach.weekMin {
            error(NodeReader.value(pairs, "week_minutes"), at("week_minutes.min"),
                  "\(reach.weekMin) paid minutes cannot be reached\(reach.whereShortest): at most \(block - reach.daysOff) working days × \(reach.longestPaid) paid minutes (longest shift of \(templateIDs.joined(separator: ", "))) = \(reachable)")
            return false
        }
        let horizon = NodeReader.value(pairs, "horizon_minutes")
        if long.horizonMinutesMin > reach.horizonMost {
            error(horizon, at("horizon_minutes.min"),
                  "\(long.horizonMinutesMin) paid minutes cannot be reached: week_minutes.max, days_off_min and the longest shift allow at most \(reach.horizonMost) over the \(reach.days)-day horizon")
            return false
        }
        if let most = long.horizonMinutesMax, most < reach.horizonLeast {
            error(horizon, at("horizon_minutes.max"),
                  "\(most) is below the \(reach.horizonLeast) paid minutes week_minutes.min (\(reach.weekMin)) requires over \(reach.blocks.count) week\(reach.blocks.count == 1 ? "" : "s")")
            return false
        }
        return true
    }
}
