import Foundation
import WFMCore

/// One `--grid KEY=V1,V2,...` of a sweep: a scenario key (as `--set` takes it) and its values.
public struct SweepGrid: Sendable, Hashable, Codable {
    public var key: String
    /// The values as YAML text, in the order given.
    public var values: [String]

    public init(key: String, values: [String]) {
        self.key = key
        self.values = values
    }

    /// Parses `KEY=V1,V2,...`. Values are split at commas outside brackets, braces and quotes, so a
    /// YAML list or mapping stays one value (`shifts.day.length_minutes=[480,510],[510]`). Throws a
    /// diagnostic naming the argument when the key or a value is missing or a value repeats.
    public static func parse(_ text: String) throws -> SweepGrid {
        let origin = "--grid \(text)"
        guard let (key, list) = Overrides.split(text) else {
            throw DiagnosticError([Diagnostic(file: origin, message: "expected KEY=V1,V2,..., e.g. queues.voice.volume_factor=0.9,1.0,1.1")])
        }
        let values = splitTopLevel(list)
        if values.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw DiagnosticError([Diagnostic(file: origin, key: key, message: "empty value in the list")])
        }
        if Set(values).count != values.count {
            throw DiagnosticError([Diagnostic(file: origin, key: key, message: "a value is listed twice")])
        }
        return SweepGrid(key: key, values: values)
    }

    /// `text` split at the commas that are not inside `[]`, `{}` or quotes.
    static func splitTopLevel(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        for c in text {
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "[" || c == "{" {
                depth += 1
            } else if c == "]" || c == "}" {
                depth -= 1
            } else if c == "," && depth == 0 {
                parts.append(current)
                current = ""
                continue
            }
            current.append(c)
        }
        parts.append(current)
        return parts
    }
}

/// One variant of a sweep: a point of the Cartesian product of the grids (and forecast quantiles).
public struct SweepVariant: Sendable, Hashable, Codable {
    /// 0-based position in the manifest: the job-array index.
    public var index: Int
    /// `v` and the index, zero-padded to the width of the last index (`v00` … `v11`).
    public var id: String
    /// The `--set` overrides of the variant, `KEY=VALUE`, in grid order.
    public var overrides: [String]
    /// The forecast quantile the plan week runs at (`forecast.quantile`), nil for the point forecast.
    public var quantile: Double?
    /// The variant's run folder, relative to the sweep folder (`runs/<id>`).
    public var folder: String
}

/// A sweep: the scenario, the grids, the quantiles and every variant (DIR/manifest.json).
///
/// The variants are the Cartesian product in odometer order: the last grid varies fastest, the
/// forecast quantiles (when given) fastest of all. Each variant is exactly `wfm run SCENARIO
/// --set KEY=VALUE … [--time-limit S]` into `DIR/runs/<id>/`.
public struct SweepPlan: Sendable, Hashable, Codable {
    public static let version = 1
    public var version: Int
    /// Absolute path of the scenario file (a shared file system is assumed: docs/sweep.md).
    public var scenario: String
    /// The `--time-limit` of every variant, nil for the scenario's own.
    public var timeLimitSeconds: Double?
    public var grids: [SweepGrid]
    /// Forecast quantiles, empty for the point forecast only.
    public var quantiles: [Double]
    public var variants: [SweepVariant]
    /// Volume paths of each variant's roster risk (`RosterRisk`); 0 for none.
    public var riskPaths: Int

    enum CodingKeys: String, CodingKey {
        case version, scenario, grids, quantiles, variants
        case timeLimitSeconds = "time_limit_seconds", riskPaths = "risk_paths"
    }

    /// The product of `grids` and `quantiles`. Precondition: every grid has at least one value.
    public init(scenario: String, timeLimitSeconds: Double?, grids: [SweepGrid], quantiles: [Double], riskPaths: Int = 0) {
        self.version = Self.version
        self.scenario = scenario
        self.timeLimitSeconds = timeLimitSeconds
        self.riskPaths = riskPaths
        self.grids = grids
        self.quantiles = quantiles
        var points: [([String], Double?)] = [([], nil)]
        for grid in grids {
            points = points.flatMap { point in grid.values.map { (point.0 + ["\(grid.key)=\($0)"], point.1) } }
        }
        if !quantiles.isEmpty {
            points = points.flatMap { point in quantiles.map { (point.0, Optional($0)) } }
        }
        let width = String(max(points.count - 1, 0)).count
        variants = points.enumerated().map { index, point in
            let digits = String(index)
            let id = "v" + String(repeating: "0", count: width - digits.count) + digits
            return SweepVariant(index: index, id: id, overrides: point.0, quantile: point.1, folder: "runs/\(id)")
        }
    }

    /// The overrides a variant runs with: its grid values, then its quantile as `forecast.quantile`.
    public func runOverrides(_ variant: SweepVariant) -> [String] {
        variant.overrides + (variant.quantile.map { ["forecast.quantile=\(Self.quantileText($0))"] } ?? [])
    }

    /// A quantile as written in overrides and sweep.csv: the shortest decimal (`0.1`, `0.95`).
    public static func quantileText(_ q: Double) -> String {
        var text = String(format: "%.4f", q)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    // MARK: manifest.json

    static let manifestName = "manifest.json"

    /// manifest.json text: keys sorted, two-space indent, so the same sweep gives the same bytes.
    public func manifestJSON() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try! encoder.encode(self)  // plain strings and numbers: encoding cannot fail
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Reads DIR/manifest.json; a missing or malformed file is a diagnostic naming it.
    public static func read(folder: String) throws -> SweepPlan {
        let path = (folder as NSString).appendingPathComponent(manifestName)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticError([Diagnostic(file: path, message: "no sweep manifest here; create it with `wfm sweep SCENARIO --grid … --out \(folder) --emit slurm|kubernetes|none`")])
        }
        do {
            let plan = try JSONDecoder().decode(SweepPlan.self, from: data)
            guard plan.version == version else {
                throw DiagnosticError([Diagnostic(file: path, key: "version", message: "manifest version \(plan.version); this wfm reads version \(version)")])
            }
            return plan
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw DiagnosticError([Diagnostic(file: path, message: "not a sweep manifest: \(error)")])
        }
    }

    /// Writes DIR/manifest.json. A folder that already holds a different sweep is refused (its runs
    /// would not match), the same sweep is kept, so a sweep can be resumed.
    public func write(folder: String) throws {
        let path = (folder as NSString).appendingPathComponent(Self.manifestName)
        if let existing = FileManager.default.contents(atPath: path) {
            guard String(decoding: existing, as: UTF8.self) == manifestJSON() else {
                throw DiagnosticError([Diagnostic(file: path, message: "the folder holds a different sweep; choose another --out or remove it")])
            }
            return
        }
        try AtomicFile.write(manifestJSON(), to: path)
    }
}
