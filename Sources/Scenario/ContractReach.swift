import Scheduling
import WFMCore
import Yams

/// What a contract's weekly bounds allow over a horizon of `days` days, cut into 7-day blocks from
/// its first day (the last block may be shorter; weekly rules hold in every block, their minima
/// pro-rated in a shorter one: `Contract.proRated`).
///
/// With `longestPaid` the contract's longest paid shift, a block of `L` days holds at most
/// `min(weekMax, (L − daysOff_L) · longestPaid)` paid minutes and needs at least `weekMin_L`
/// (`_L`: the minimum's share of L days). These are necessary conditions only (rest, sequence and
/// availability rules can still make a contract infeasible; the scheduler explains those).
struct ContractReach {
    var days: Int
    var weekMin: Int
    var weekMax: Int
    var daysOff: Int
    var longestPaid: Int

    /// The week blocks, horizon days: 7, 7, …, then the remainder.
    var blocks: [Range<Int>] { TimeGrid.weekBlocks(days: days) }
    /// The weekly minima's shares of a block.
    func least(_ block: Range<Int>) -> (minutes: Int, daysOff: Int) {
        (Contract.proRated(weekMin, in: block), Contract.proRated(daysOff, in: block))
    }
    /// Upper bound on paid minutes over the horizon.
    var horizonMost: Int { blocks.reduce(0) { $0 + min(weekMax, max(0, $1.count - least($1).daysOff) * longestPaid) } }
    /// Lower bound on paid minutes over the horizon.
    var horizonLeast: Int { blocks.reduce(0) { $0 + least($1).minutes } }

    /// " in a 7-day week" or " in the 3-day last week of the 10-day horizon" for a block of a horizon
    /// over a week, "" otherwise.
    func place(_ block: Range<Int>) -> String {
        guard days > 7 else { return "" }
        return " in " + (block.count == 7 ? "a 7-day week" : "the \(block.count)-day last week of the \(days)-day horizon")
    }
}

extension NodeReader {
    /// Reports the week and horizon bounds of one contract that no roster can meet; false if any.
    mutating func checkReach(_ reach: ContractReach, _ long: ContractLongRules,
                             _ pairs: [(key: String, keyNode: Node, value: Node)], _ path: String, templateIDs: [String]) -> Bool {
        func at(_ key: String) -> String { NodeReader.join(path, key) }
        // The first block (a full week, or the whole of a shorter horizon) and a shorter last block.
        for block in [reach.blocks.first, reach.blocks.count > 1 ? reach.blocks.last : nil].compactMap({ $0 }) {
            let least = reach.least(block)
            let share = least.minutes < reach.weekMin ? " (\(reach.weekMin) pro-rated to \(block.count) of 7 days)" : ""
            if least.daysOff > block.count {
                error(NodeReader.value(pairs, "days_off_min"), at("days_off_min"), "\(reach.daysOff) days off do not fit \(block.count == 7 ? "a 7-day week" : "a \(reach.days)-day horizon")")
                return false
            }
            let reachable = (block.count - least.daysOff) * reach.longestPaid
            if reachable < least.minutes {
                error(NodeReader.value(pairs, "week_minutes"), at("week_minutes.min"),
                      "\(least.minutes) paid minutes\(share) cannot be reached\(reach.place(block)): at most \(block.count - least.daysOff) working days × \(reach.longestPaid) paid minutes (longest shift of \(templateIDs.joined(separator: ", "))) = \(reachable)")
                return false
            }
        }
        let horizon = NodeReader.value(pairs, "horizon_minutes")
        if long.horizonMinutesMin > reach.horizonMost {
            error(horizon, at("horizon_minutes.min"),
                  "\(long.horizonMinutesMin) paid minutes cannot be reached: week_minutes.max, days_off_min and the longest shift allow at most \(reach.horizonMost) over the \(reach.days)-day horizon")
            return false
        }
        if let most = long.horizonMinutesMax, most < reach.horizonLeast {
            error(horizon, at("horizon_minutes.max"),
                  "\(most) is below the \(reach.horizonLeast) paid minutes week_minutes.min (\(reach.weekMin) a week, pro-rated in a short last week) requires over the \(reach.days)-day horizon")
            return false
        }
        return true
    }
}
