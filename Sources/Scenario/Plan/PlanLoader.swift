import Foundation
import Planning
import WFMCore
import Yams

/// Reads a capacity-plan file (`version: 1`, `kind: plan`; every key in docs/plan.md), applies
/// `--set` overrides as for scenarios, and reads the files it references. Every problem is collected
/// (file, line, key path) and thrown together as one `DiagnosticError`; the CLI exits 2.
public enum PlanLoader {
    public static let topLevelKeys = ["version", "kind", "name", "start", "weeks", "demand", "hours_per_fte_week", "staff",
                                      "attrition_per_month", "hiring", "overtime", "costs", "solver"]
    static let demandKeys = ["file", "history", "timezone", "interval_minutes", "queues", "shrinkage", "calendar", "growth_per_year"]
    /// Defaults of `solver:` for a plan: a small programme, solved to 0.1 %.
    public static let defaultRelativeGap = 0.001
    public static let defaultTimeLimitSeconds = 60.0

    public static func load(path: String, overrides: [String] = []) throws -> PlanFile {
        let (data, root, applied, composed) = try ScenarioLoader.compose(path: path, overrides: overrides, what: "plan")
        var reader = composed
        var context = LoadContext(scenarioPath: path)
        let plan = context.readPlan(root, reader: &reader, applied: applied)
        try reader.bag.throwIfErrors()
        guard var plan else { preconditionFailure("plan \(path) failed to load without an error diagnostic: \(reader.bag.diagnostics)") }
        plan.inputsSHA256 = try InputDigest.sha256(scenario: data, inputs: plan.inputFiles.dropFirst(), overrides: applied)
        plan.warnings = reader.bag.diagnostics
        return plan
    }
}

extension LoadContext {
    mutating func readPlan(_ root: Node, reader: inout NodeReader, applied: [AppliedOverride]) -> PlanFile? {
        guard let top = reader.mapping(root, "", allowed: PlanLoader.topLevelKeys) else { return nil }
        func value(_ key: String) -> Node? { NodeReader.value(top, key) }
        func need(_ key: String, _ expected: String) -> Node? { reader.required(top, key, parent: root, "", expected: expected) }

        if let node = need("version", "version: 1"), case .scalar(let s) = node, Int(s.string) != ScenarioLoader.version {
            reader.error(node, "version", "this wfm reads plan version \(ScenarioLoader.version), got \(NodeReader.describe(node))")
        }
        if let node = need("kind", "kind: plan"), reader.string(node, "kind", what: "plan") != "plan" {
            reader.error(node, "kind", "expected plan (a capacity plan; a scenario file has no kind), got \(NodeReader.describe(node))")
        }
        let defaultName = ((scenarioPath as NSString).lastPathComponent as NSString).deletingPathExtension
        let name = value("name").map { reader.string($0, "name", what: "a plan name") } ?? defaultName
        let start = need("start", "the first day of week 0, YYYY-MM-DD").flatMap { reader.date($0, "start") }
        let weeks = need("weeks", "the number of plan weeks").flatMap {
            reader.int($0, "weeks", in: 1...260, what: "a whole number of weeks from 1 to 260")
        }
        let hours = value("hours_per_fte_week").map {
            reader.number($0, "hours_per_fte_week", what: "paid hours per FTE per week, > 0 and ≤ 168") { $0 > 0 && $0 <= 168 }
        } ?? 40
        let staff = need("staff", "{fte: N}").flatMap { node -> Double? in
            guard let pairs = reader.mapping(node, "staff", allowed: ["fte"]) else { return nil }
            return reader.required(pairs, "fte", parent: node, "staff", expected: "tenured FTE at the start, ≥ 0").flatMap {
                reader.number($0, "staff.fte", what: "FTE ≥ 0") { $0 >= 0 }
            }
        }
        let attrition = value("attrition_per_month").map {
            reader.number($0, "attrition_per_month", what: "a monthly fraction from 0 up to (not including) 1") { $0 >= 0 && $0 < 1 }
        } ?? 0
        let hiring = need("hiring", "the hiring settings (docs/plan.md)").flatMap { reader.readHiring($0, "hiring") }
        let overtime = value("overtime").map { node -> Double? in
            guard let pairs = reader.mapping(node, "overtime", allowed: ["max_share"]) else { return nil }
            return NodeReader.value(pairs, "max_share").map {
                reader.number($0, "overtime.max_share", what: "a share of available FTE ≥ 0") { $0 >= 0 }
            } ?? 0
        } ?? 0
        let costs = need("costs", "{fte_week, hire, overtime_fte_week, shortfall_fte_week}").flatMap { reader.readPlanCosts($0, "costs") }
        var solver = SolverSettings.defaults
        solver.timeLimitSeconds = PlanLoader.defaultTimeLimitSeconds
        solver.relativeGap = PlanLoader.defaultRelativeGap
        let settings = value("solver").map { reader.readSolver($0, "solver", defaults: solver) } ?? solver

        var demand: PlanFile.Demand?
        if let node = need("demand", "{file: weekly_fte.csv} or {history: …, queues: […]}") {
            demand = readPlanDemand(node, start: start, weeks: weeks, reader: &reader)
        }
        guard let name, let start, let weeks, let hours, let staff, let attrition, let hiring, let overtime, let costs,
              let settings, let demand else { return nil }
        return PlanFile(name: name, file: scenarioPath, start: start, weeks: weeks, demand: demand, hoursPerFTEWeek: hours,
                        startFTE: staff, attritionPerMonth: attrition, hiring: hiring, overtimeMaxShare: overtime, costs: costs,
                        timeLimitSeconds: settings.timeLimitSeconds, relativeGap: settings.relativeGap, overrides: applied,
                        inputFiles: inputFiles, inputsSHA256: "", warnings: [])
    }

    /// `demand:` — exactly one of `file` (weekly required FTE) or `history` (with the scenario's keys).
    mutating func readPlanDemand(_ node: Node, start: LocalDate?, weeks: Int?, reader: inout NodeReader) -> PlanFile.Demand? {
        let path = "demand"
        guard let pairs = reader.mapping(node, path, allowed: PlanLoader.demandKeys) else { return nil }
        func value(_ key: String) -> Node? { NodeReader.value(pairs, key) }
        func at(_ key: String) -> String { NodeReader.join(path, key) }
        switch (value("file"), value("history")) {
        case (let fileNode?, nil):
            for key in PlanLoader.demandKeys.dropFirst() where value(key) != nil {
                reader.error(value(key), at(key), "only with demand.history: a weekly FTE file needs no \(key)")
            }
            guard let relative = reader.string(fileNode, at("file"), what: "a CSV file path"),
                  let file = resolve(relative, key: at("file"), node: fileNode, reader: &reader),
                  let start, let weeks else { return nil }
            return WeeklyDemandFile.read(file, start: start, weeks: weeks, bag: &reader.bag).map { .weekly(file, requiredFTE: $0) }
        case (nil, let historyNode?):
            let zone = reader.required(pairs, "timezone", parent: node, path, expected: "an IANA time zone such as Europe/Moscow")
                .flatMap { reader.readTimeZone($0, at("timezone")) }
            let interval = value("interval_minutes").map { reader.readIntervalMinutes($0, at("interval_minutes")) }
                ?? ScenarioLoader.defaultIntervalMinutes
            let queues = reader.required(pairs, "queues", parent: node, path, expected: "a list of queues")
                .map { reader.readQueues($0, at("queues")) } ?? []
            let queueIDs = NodeReader.declaredIDs(value("queues"))
            let shrinkage = value("shrinkage").map { reader.readMonthlyShrinkage($0, at("shrinkage")) }
                ?? PlanFile.MonthlyShrinkage(standard: 0, byMonth: [:])
            let calendar = value("calendar").map { reader.readCalendar($0, at("calendar"), queueIDs: queueIDs) } ?? []
            let growth = value("growth_per_year").map {
                reader.number($0, at("growth_per_year"), what: "a yearly growth fraction > −1 (0.1 = +10 %)") { $0 > -1 }
            }
            let history = readHistory(historyNode, at("history"), queueIDs: queueIDs, reader: &reader)
            for queue in queues where queue.ahtSeconds == nil && !history.contains(where: { $0.hasHandleTime }) {
                reader.error(value("queues"), at("queues"), "queue '\(queue.id)' needs aht_seconds: its history has no aht_seconds column")
            }
            guard let zone, let interval, let shrinkage, let calendar, growth != .some(nil), !history.isEmpty, !queues.isEmpty else { return nil }
            return .history(.init(timeZone: zone, intervalMinutes: interval, history: history, queues: queues, shrinkage: shrinkage,
                                  calendar: calendar, growthPerYear: growth ?? nil))
        case (.some, .some):
            reader.error(node, path, "give either file (weekly required FTE) or history, not both")
        case (nil, nil):
            reader.error(node, path, "expected {file: weekly_fte.csv} or {history: data/history.csv, queues: […], …}")
        }
        return nil
    }
}

extension NodeReader {
    /// `hiring: {lead_weeks, training_weeks, ramp, graduation_loss, class_size: {min, max}, min_weeks_between_classes}`.
    mutating func readHiring(_ node: Node, _ path: String) -> CapacityPlan.Hiring? {
        let keys = ["lead_weeks", "training_weeks", "ramp", "graduation_loss", "class_size", "min_weeks_between_classes"]
        guard let pairs = mapping(node, path, allowed: keys) else { return nil }
        func at(_ key: String) -> String { NodeReader.join(path, key) }
        func weeks(_ key: String, from low: Int, _ fallback: Int) -> Int? {
            NodeReader.value(pairs, key).map { int($0, at(key), in: low...260, what: "a whole number of weeks from \(low) to 260") } ?? fallback
        }
        let lead = weeks("lead_weeks", from: 0, 0), training = weeks("training_weeks", from: 0, 0)
        let spacing = weeks("min_weeks_between_classes", from: 1, 1)
        var ramp: [Double]? = []
        if let rampNode = NodeReader.value(pairs, "ramp") {
            ramp = sequence(rampNode, at("ramp"), of: "weekly productivities").map { items in
                items.enumerated().compactMap { i, item in
                    number(item, NodeReader.index(at("ramp"), i), what: "a productivity from 0 to 1") { $0 >= 0 && $0 <= 1 }
                }
            }
            if let list = ramp, let items = rampNode.sequence, list.count != items.count { ramp = nil }
        }
        let loss = NodeReader.value(pairs, "graduation_loss").map {
            number($0, at("graduation_loss"), what: "a fraction from 0 up to (not including) 1") { $0 >= 0 && $0 < 1 }
        } ?? 0
        var size: (Int, Int)?
        if let sizeNode = required(pairs, "class_size", parent: node, path, expected: "{min: N, max: N} agents"),
           let sizePairs = mapping(sizeNode, at("class_size"), allowed: ["min", "max"]) {
            let sizePath = at("class_size")
            let low = required(sizePairs, "min", parent: sizeNode, sizePath, expected: "the smallest class, agents ≥ 1").flatMap {
                int($0, NodeReader.join(sizePath, "min"), in: 1...10_000, what: "a whole number of agents ≥ 1")
            }
            let high = required(sizePairs, "max", parent: sizeNode, sizePath, expected: "the largest class, agents").flatMap {
                int($0, NodeReader.join(sizePath, "max"), in: 1...10_000, what: "a whole number of agents ≥ 1")
            }
            if let low, let high {
                if low <= high { size = (low, high) } else {
                    error(NodeReader.value(sizePairs, "max"), NodeReader.join(sizePath, "max"), "must be ≥ min (\(low)), got \(high)")
                }
            }
        }
        guard let lead, let training, let spacing, let ramp, let loss, let size else { return nil }
        return CapacityPlan.Hiring(leadWeeks: lead, trainingWeeks: training, ramp: ramp, graduationLoss: loss, minSize: size.0,
                                   maxSize: size.1, minWeeksBetweenClasses: spacing)
    }

    /// `costs: {fte_week, hire, overtime_fte_week, shortfall_fte_week}`, money ≥ 0, all required.
    mutating func readPlanCosts(_ node: Node, _ path: String) -> CapacityPlan.Costs? {
        let keys = ["fte_week", "hire", "overtime_fte_week", "shortfall_fte_week"]
        guard let pairs = mapping(node, path, allowed: keys) else { return nil }
        let values = keys.map { key in
            required(pairs, key, parent: node, path, expected: "a cost ≥ 0").flatMap {
                number($0, NodeReader.join(path, key), what: "a cost ≥ 0") { $0 >= 0 }
            }
        }
        guard let fte = values[0], let hire = values[1], let overtime = values[2], let shortfall = values[3] else { return nil }
        return CapacityPlan.Costs(fteWeek: fte, hire: hire, overtimeFTEWeek: overtime, shortfallFTEWeek: shortfall)
    }

    /// `shrinkage: 0.30` or `shrinkage: {default: 0.30, by_month: {7: 0.40}}`, each a fraction in [0, 1).
    mutating func readMonthlyShrinkage(_ node: Node, _ path: String) -> PlanFile.MonthlyShrinkage? {
        let what = "a fraction from 0 up to (not including) 1"
        if case .scalar = node {
            return number(node, path, what: what) { $0 >= 0 && $0 < 1 }.map { .init(standard: $0, byMonth: [:]) }
        }
        guard let pairs = mapping(node, path, allowed: ["default", "by_month"]) else { return nil }
        let standard = NodeReader.value(pairs, "default").map {
            number($0, NodeReader.join(path, "default"), what: what) { $0 >= 0 && $0 < 1 }
        } ?? 0
        var byMonth: [Int: Double] = [:]
        var valid = true
        if let monthsNode = NodeReader.value(pairs, "by_month") {
            let monthsPath = NodeReader.join(path, "by_month")
            if case .mapping(let mapping) = monthsNode {
                for (keyNode, valueNode) in mapping {
                    let key = NodeReader.join(monthsPath, keyNode.string ?? "?")
                    guard let month = int(keyNode, key, in: 1...12, what: "a month number from 1 to 12"),
                          let value = number(valueNode, key, what: what, accept: { $0 >= 0 && $0 < 1 }) else { valid = false; continue }
                    byMonth[month] = value
                }
            } else {
                error(monthsNode, monthsPath, "expected a mapping month: shrinkage, e.g. {7: 0.40, 8: 0.40}")
                valid = false
            }
        }
        guard let standard, valid else { return nil }
        return .init(standard: standard, byMonth: byMonth)
    }
}

/// `demand.file`: `week_start,required_fte`, one row per plan week (any order), each week_start the
/// first day of a plan week, required_fte ≥ 0.
enum WeeklyDemandFile {
    static func read(_ file: InputFile, start: LocalDate, weeks: Int, bag: inout DiagnosticBag) -> [Double]? {
        guard let input = CSVInput.open(file, required: ["week_start", "required_fte"], bag: &bag) else { return nil }
        var required = [Double?](repeating: nil, count: weeks)
        let before = bag.diagnostics.count
        for record in input.completeRecords(bag: &bag) {
            let text = input.field(record, "week_start")
            guard let date = LocalDate(text) else {
                bag.error(file: input.file, line: record.line, key: "week_start", "expected a date YYYY-MM-DD, got \"\(text)\"")
                continue
            }
            let offset = date.dayNumber - start.dayNumber
            guard offset >= 0, offset % 7 == 0, offset / 7 < weeks else {
                bag.error(file: input.file, line: record.line, key: "week_start",
                          "\(date) is not the first day of a plan week (\(start) + 7·k, k < \(weeks))")
                continue
            }
            guard let fte = input.weight(record, "required_fte", what: "FTE", bag: &bag) else { continue }
            if required[offset / 7] != nil {
                bag.error(file: input.file, line: record.line, key: "week_start", "week \(date) is listed twice")
                continue
            }
            required[offset / 7] = fte
        }
        let missing = required.indices.filter { required[$0] == nil }
        if bag.diagnostics.count == before, let first = missing.first {
            bag.error(file: input.file, key: "week_start",
                      "\(missing.count) plan week\(missing.count > 1 ? "s have" : " has") no row, the first \(start.adding(days: 7 * first))")
        }
        return bag.diagnostics.count == before ? required.map { $0! } : nil
    }
}
