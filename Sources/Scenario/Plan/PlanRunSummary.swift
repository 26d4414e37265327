import Foundation
import WFMCore

/// The summary.json of a `wfm plan` run read back (its shape: `PlanFiles.summaryJSON`), for
/// `wfm compare`. Only what the comparison shows is decoded.
public struct PlanRunSummary: Sendable, Decodable {
    public struct Costs: Sendable, Decodable {
        public var total: Double
        public var paid: Double
        public var hiring: Double
        public var overtime: Double
        public var shortfall: Double
    }
    public struct Class: Sendable, Decodable {
        public var startWeek: Int
        public var size: Int
        enum CodingKeys: String, CodingKey { case startWeek = "start_week", size }
    }
    public struct Solver: Sendable, Decodable {
        public var status: String
        public var gap: Double?
        public var seconds: Double
    }

    /// The folder as given.
    public var path: String = ""
    public var plan: String
    public var weeks: Int
    public var cost: Costs
    public var ruleCost: Costs
    public var hires: Int
    public var classes: [Class]
    public var weeksShort: Int
    public var shortfallFTEWeeks: Double
    public var solver: Solver

    enum CodingKeys: String, CodingKey {
        case plan, weeks, cost, hires, classes, solver
        case ruleCost = "rule_cost", weeksShort = "weeks_short", shortfallFTEWeeks = "shortfall_fte_weeks"
    }

    /// The folder's last path component.
    public var name: String { URL(fileURLWithPath: path).standardizedFileURL.lastPathComponent }

    /// The plan summaries of `folders` when every one is a plan run (summary.json has `"kind": "plan"`);
    /// nil when none is. Throws a diagnostic when only some are, or a plan summary does not decode.
    public static func readAll(_ folders: [String]) throws -> [PlanRunSummary]? {
        struct Kind: Decodable { var kind: String? }
        var plans: [PlanRunSummary] = [], others: [String] = []
        var bag = DiagnosticBag()
        for folder in folders {
            let file = URL(fileURLWithPath: folder).appendingPathComponent("summary.json").path
            guard let data = FileManager.default.contents(atPath: file),
                  (try? JSONDecoder().decode(Kind.self, from: data))?.kind == "plan" else {
                others.append(folder)
                continue
            }
            do {
                var summary = try JSONDecoder().decode(PlanRunSummary.self, from: data)
                summary.path = folder
                plans.append(summary)
            } catch let error as DecodingError {
                bag.append(contentsOf: [RunDirectory.summaryDiagnostic(error, file: file)])
            }
        }
        if plans.isEmpty && bag.diagnostics.isEmpty { return nil }
        for folder in others {
            bag.error(file: folder, "not a plan run (wfm plan): plan runs compare only with plan runs")
        }
        try bag.throwIfErrors()
        return plans
    }
}
