import Scheduling
import Yams

extension NodeReader {
    static let contractKeys = ["id", "week_minutes", "days_off_min", "max_consecutive_days", "min_rest_minutes",
                               "max_night_shifts", "max_start_spread_minutes", "shifts"] + longRuleKeys

    /// `contracts:` — labour rules. Every template named must exist; the week and horizon bounds must
    /// be reachable (`checkReach`).
    /// `declaredTemplateIDs` holds every id under `shifts:`, valid or not, so a contract is only
    /// blamed for a template that is missing, not for one that has its own errors.
    mutating func readContracts(_ node: Node, _ path: String, templates: [ShiftTemplate], templatesValid: Bool,
                                declaredTemplateIDs: [String], days: Int?) -> [Contract] {
        guard let items = sequence(node, path, of: "contracts") else { return [] }
        if items.isEmpty { error(node, path, "expected at least one contract") }
        var contracts: [Contract] = []
        var seen: [String: Int] = [:]
        for (i, item) in items.enumerated() {
            let itemPath = NodeReader.index(path, i)
            guard let contract = readContract(item, itemPath, templates: templates, templatesValid: templatesValid,
                                              declaredTemplateIDs: declaredTemplateIDs, days: days) else { continue }
            if let first = seen[contract.id] {
                error(item, NodeReader.join(itemPath, "id"), "duplicate contract id '\(contract.id)' (also contracts[\(first)])")
                continue
            }
            seen[contract.id] = i
            contracts.append(contract)
        }
        return contracts
    }

    private mutating func readContract(_ node: Node, _ path: String, templates: [ShiftTemplate], templatesValid: Bool,
                                       declaredTemplateIDs: [String], days: Int?) -> Contract? {
        guard let pairs = mapping(node, path, allowed: NodeReader.contractKeys) else { return nil }
        func at(_ key: String) -> String { NodeReader.join(path, key) }
        func count(_ key: String, default value: Int, _ range: ClosedRange<Int>, _ what: String) -> Int? {
            guard let n = NodeReader.value(pairs, key) else { return value }
            return int(n, at(key), in: range, what: what)
        }
        let id = required(pairs, "id", parent: node, path, expected: "a contract id such as full-time").flatMap { string($0, at("id")) }
        var weekMin: Int?, weekMax: Int?
        if let weekNode = required(pairs, "week_minutes", parent: node, path, expected: "{min: MINUTES, max: MINUTES}"),
           let week = mapping(weekNode, at("week_minutes"), allowed: ["min", "max"]) {
            let weekPath = at("week_minutes")
            weekMin = required(week, "min", parent: weekNode, weekPath, expected: "paid minutes per week").flatMap {
                int($0, NodeReader.join(weekPath, "min"), in: 0...10_080, what: "whole paid minutes per week from 0 to 10080")
            }
            weekMax = required(week, "max", parent: weekNode, weekPath, expected: "paid minutes per week").flatMap {
                int($0, NodeReader.join(weekPath, "max"), in: 0...10_080, what: "whole paid minutes per week from 0 to 10080")
            }
            if let lo = weekMin, let hi = weekMax, lo > hi {
                error(NodeReader.value(week, "min"), NodeReader.join(weekPath, "min"), "min (\(lo)) must not exceed max (\(hi))")
                weekMin = nil
            }
        }
        let daysOff = count("days_off_min", default: 0, 0...366, "a whole number of days off ≥ 0")
        let consecutive = count("max_consecutive_days", default: 7, 1...366, "a whole number of days ≥ 1")
        let rest = count("min_rest_minutes", default: 0, 0...10_080, "whole minutes ≥ 0")
        let nights = count("max_night_shifts", default: 7, 0...366, "a whole number of night shifts ≥ 0")
        let spread = count("max_start_spread_minutes", default: 1440, 0...1440, "whole minutes from 0 to 1440")

        var templateIDs: [String] = []
        var templatesOK = false
        if let shiftsNode = required(pairs, "shifts", parent: node, path, expected: "a list of shift template ids") {
            (templateIDs, templatesOK) = templateIDList(shiftsNode, at("shifts"), declared: declaredTemplateIDs, allowEmpty: false)
        }
        let long = readLongRules(pairs, path, maxConsecutiveDays: consecutive, declaredTemplateIDs: declaredTemplateIDs,
                                 contractTemplates: templateIDs)

        guard let id, let weekMin, let weekMax, let daysOff, let consecutive, let rest, let nights, let spread,
              templatesOK, let long else { return nil }
        if let days, templatesValid {
            let longestPaid = templates.filter { templateIDs.contains($0.id) }
                .flatMap { t in t.lengthsMinutes.map { t.paidMinutes(length: $0) } }.max() ?? 0
            let limits = ContractReach(days: days, weekMin: weekMin, weekMax: weekMax, daysOff: daysOff, longestPaid: longestPaid)
            guard checkReach(limits, long, pairs, path, templateIDs: templateIDs) else { return nil }
        }
        return Contract(id: id, weekMinutesMin: weekMin, weekMinutesMax: weekMax, daysOffMin: daysOff,
                        maxConsecutiveDays: consecutive, minRestMinutes: rest, maxNightShifts: nights,
                        maxStartSpreadMinutes: spread, templateIDs: templateIDs,
                        minConsecutiveDays: long.minConsecutiveDays, minConsecutiveDaysOff: long.minConsecutiveDaysOff,
                        maxWeekends: long.maxWeekends, maxShiftsPerTemplate: long.maxShiftsPerTemplate,
                        horizonMinutesMin: long.horizonMinutesMin, horizonMinutesMax: long.horizonMinutesMax)
    }
}
