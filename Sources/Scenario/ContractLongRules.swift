import Scheduling
import Yams

/// The contract rules that matter over a horizon longer than a week (CURTOIS-PLAN.md, Contract in
/// Scheduling/RosterProblem.swift), as read from one `contracts[]` item. The defaults mean "no rule".
struct ContractLongRules: Hashable {
    /// `min_consecutive_days` (rule `min-consecutive-days`), days, 1...`max_consecutive_days`.
    var minConsecutiveDays = 1
    /// `min_consecutive_days_off` (rule `min-consecutive-days-off`), days ≥ 1.
    var minConsecutiveDaysOff = 1
    /// `max_weekends` (rule `max-weekends`), weekends ≥ 0; nil = no rule.
    var maxWeekends: Int?
    /// `max_shifts_per_template` (rule `max-template-shifts`), template id → shifts ≥ 0.
    var maxShiftsPerTemplate: [String: Int] = [:]
    /// `horizon_minutes.min` / `.max` (rules `horizon-minutes-min` / `-max`), paid minutes.
    var horizonMinutesMin = 0
    var horizonMinutesMax: Int?
}

extension NodeReader {
    static let longRuleKeys = ["min_consecutive_days", "min_consecutive_days_off", "max_weekends",
                               "max_shifts_per_template", "horizon_minutes"]
    /// Paid minutes of a 366-day horizon: the upper end of `horizon_minutes`.
    static let maxHorizonMinutes = 366 * 1440

    /// Reads the long-horizon keys of one contract. `maxConsecutiveDays` is the contract's (nil when
    /// it was invalid: not compared); `contractTemplates` its `shifts` (a limit on a template it does
    /// not work is a warning: it has no effect). Nil when any of them is invalid (reported).
    mutating func readLongRules(_ pairs: [(key: String, keyNode: Node, value: Node)], _ path: String,
                                maxConsecutiveDays: Int?, declaredTemplateIDs: [String],
                                contractTemplates: [String]) -> ContractLongRules? {
        func at(_ key: String) -> String { NodeReader.join(path, key) }
        var rules = ContractLongRules()
        var valid = true
        func count(_ key: String, _ range: ClosedRange<Int>, _ what: String) -> Int? {
            guard let n = NodeReader.value(pairs, key) else { return nil }
            guard let value = int(n, at(key), in: range, what: what) else { valid = false; return nil }
            return value
        }
        if let k = count("min_consecutive_days", 1...366, "a whole number of days ≥ 1") {
            if let cap = maxConsecutiveDays, k > cap {
                error(NodeReader.value(pairs, "min_consecutive_days"), at("min_consecutive_days"),
                      "must not exceed max_consecutive_days (\(cap)), got \(k)")
                valid = false
            }
            rules.minConsecutiveDays = k
        }
        rules.minConsecutiveDaysOff = count("min_consecutive_days_off", 1...366, "a whole number of days ≥ 1") ?? 1
        rules.maxWeekends = count("max_weekends", 0...366, "a whole number of weekends ≥ 0")

        if let node = NodeReader.value(pairs, "max_shifts_per_template") {
            let mapPath = at("max_shifts_per_template")
            if case .mapping(let mapping) = node {
                for (keyNode, value) in mapping {
                    guard let id = string(keyNode, mapPath, what: "a shift template id as key") else { valid = false; continue }
                    let itemPath = NodeReader.join(mapPath, id)
                    if !declaredTemplateIDs.contains(id) {
                        error(keyNode, itemPath, NodeReader.unknownTemplate(id, declared: declaredTemplateIDs))
                        valid = false
                        continue
                    }
                    guard let n = int(value, itemPath, in: 0...366, what: "a whole number of shifts ≥ 0") else { valid = false; continue }
                    if !contractTemplates.contains(id) {
                        warning(keyNode, itemPath, "the contract does not work '\(id)' (its shifts: \(contractTemplates.joined(separator: ", "))); the limit has no effect")
                    }
                    rules.maxShiftsPerTemplate[id] = n
                }
            } else {
                error(node, mapPath, "expected a mapping shift template id → maximum shifts, such as {night: 4}, got \(NodeReader.describe(node))")
                valid = false
            }
        }

        if let node = NodeReader.value(pairs, "horizon_minutes") {
            let hPath = at("horizon_minutes")
            if let h = mapping(node, hPath, allowed: ["min", "max"]) {
                let what = "whole paid minutes over the horizon from 0 to \(NodeReader.maxHorizonMinutes)"
                func bound(_ key: String) -> Int? {
                    guard let n = NodeReader.value(h, key) else { return nil }
                    guard let minutes = int(n, NodeReader.join(hPath, key), in: 0...NodeReader.maxHorizonMinutes, what: what) else {
                        valid = false
                        return nil
                    }
                    return minutes
                }
                rules.horizonMinutesMin = bound("min") ?? 0
                rules.horizonMinutesMax = bound("max")
                if let max = rules.horizonMinutesMax, rules.horizonMinutesMin > max {
                    error(NodeReader.value(h, "min"), NodeReader.join(hPath, "min"), "min (\(rules.horizonMinutesMin)) must not exceed max (\(max))")
                    valid = false
                }
            } else { valid = false }
        }
        return valid ? rules : nil
    }
}
