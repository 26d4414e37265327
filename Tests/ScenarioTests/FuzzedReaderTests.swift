import Foundation
import PropertyBased
import Testing
import WFMCore
@testable import Scenario

/// Property-based tests of every reader of a planner's files: valid scenario, forecast, history,
/// agents, availability and roster files are mutated (truncation, wrong types, stray bytes, quotes,
/// other delimiters, huge numbers, NaN, dates out of range, duplicated and deleted rows), then read
/// as `wfm validate`, `wfm run` (up to the demand stage) and `wfm check` read them. The property:
/// no crash, and either the files load or every error names its file and a line or a key (what
/// `wfm` prints before exiting 2). Iterations are bounded so the suite stays fast in CI.

/// One mutation of a file's bytes, chosen by `kind`, placed by `at` (any non-negative number).
enum Mutation: CaseIterable {
    case truncate, replaceField, insertBytes, otherDelimiter, duplicateLine, deleteLine, strayQuote

    static let payloads = ["", "abc", "-1", "1e308", "1e309", "-0", "NaN", "nan", "inf", "99999999999999999999", "0x1p3",
                           "12,5", "2026-13-01", "2026-02-30", "9999-12-31", "0000-01-01", "31.12.9999 23:59", "24:00", "25:61",
                           "2026-03-02T08:15+19:00", "\"", "\"\"", "\"a,b\"", "voice|voice", "чат", "\u{FEFF}", "x:4", ";", "\t"]
    static let bytes: [[UInt8]] = [[0xFF], [0x98], [0x00], [0xC3], [0x22], [0x0D], [0x0A], [0xE2, 0x80, 0xA8], [0x2C, 0x2C]]

    func apply(to data: [UInt8], at: Int, payload: Int) -> [UInt8] {
        guard !data.isEmpty else { return data }
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        let line = lines.count > 1 ? 1 + at % (lines.count - 1) : 0
        switch self {
        case .truncate:
            return Array(data.prefix(at % data.count))
        case .replaceField:
            var fields = lines[line].split(separator: 0x2C, omittingEmptySubsequences: false).map(Array.init)
            fields[(at / 7) % fields.count] = Array(Mutation.payloads[payload % Mutation.payloads.count].utf8)
            lines[line] = Array(fields.joined(separator: [0x2C]))
        case .insertBytes:
            var copy = data
            copy.insert(contentsOf: Mutation.bytes[payload % Mutation.bytes.count], at: at % data.count)
            return copy
        case .otherDelimiter:
            let to: UInt8 = [0x3B, 0x09, 0x7C][payload % 3]
            return data.map { $0 == 0x2C ? to : $0 }
        case .duplicateLine:
            lines.insert(lines[line], at: line)
        case .deleteLine:
            lines.remove(at: line)
        case .strayQuote:
            lines[line].insert(0x22, at: at % (lines[line].count + 1))
        }
        return Array(lines.joined(separator: [0x0A]))
    }
}

/// Every error diagnostic names a file and a line or a key; anything else thrown is a defect.
private func expectNamedDiagnostics(_ body: () throws -> Void, _ what: String) {
    do {
        try body()
    } catch let error as DiagnosticError {
        #expect(!error.diagnostics.isEmpty, "\(what): an empty DiagnosticError")
        for d in error.diagnostics where d.severity == .error {
            #expect(!d.file.isEmpty && (d.line != nil || d.key != nil), "\(what): \(d.description)")
        }
    } catch {
        Issue.record("\(what): not a diagnostic: \(error)")
    }
}

/// A fresh copy of the open-hours scenario (forecast file, agents, availability) plus a roster.
private func openHoursCopy() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wfm-fuzz-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("scenarios/open-hours/default"), to: folder)
    let roster = folder.appendingPathComponent("roster")
    try FileManager.default.createDirectory(at: roster, withIntermediateDirectories: true)
    try """
    agent_id,date,shift_id,start,end,paid_minutes
    r01,2026-03-02,day,2026-03-02T08:00+03:00,2026-03-02T16:30+03:00,480
    r06,2026-03-03,short,2026-03-03T09:00+03:00,2026-03-03T13:00+03:00,240

    """.write(to: roster.appendingPathComponent("shifts.csv"), atomically: false, encoding: .utf8)
    try "agent_id,start,end,paid\nr01,2026-03-02T12:00+03:00,2026-03-02T12:30+03:00,false\n"
        .write(to: roster.appendingPathComponent("breaks.csv"), atomically: false, encoding: .utf8)
    return folder
}

private func mutate(_ url: URL, _ mutation: Mutation, at: Int, payload: Int) throws {
    let data = try [UInt8](Data(contentsOf: url))
    try Data(mutation.apply(to: data, at: at, payload: payload)).write(to: url)
}

@Test func mutatedOpenHoursFilesLoadOrNameTheirProblem() async throws {
    let files = ["open-hours.yaml", "forecast.csv", "agents.csv", "availability.csv", "roster/shifts.csv", "roster/breaks.csv"]
    await propertyCheck(count: 80, input: Gen.element(of: files), Gen<Mutation>.case, Gen.int(in: 0...1_000_000),
                        Gen.int(in: 0...1_000)) { file, mutation, at, payload in
        let file = file ?? files[0]
        let folder = try openHoursCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        try mutate(folder.appendingPathComponent(file), mutation, at: at, payload: payload)
        expectNamedDiagnostics({
            let scenario = try ScenarioLoader.load(path: folder.appendingPathComponent("open-hours.yaml").path)
            _ = try DemandStage.run(scenario)
            _ = try RosterFiles.read(folder: folder.appendingPathComponent("roster").path, scenario: scenario)
        }, "\(file) after \(mutation) at \(at), payload \(payload)")
    }
}

@Test func mutatedHistoryFilesLoadOrNameTheirProblem() async throws {
    await propertyCheck(count: 50, input: Gen<Mutation>.case, Gen.int(in: 0...1_000_000), Gen.int(in: 0...1_000)) { mutation, at, payload in
        let folder = try copyOfSmallScenario()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = "interval_start,queue,contacts,aht_seconds\n"
        for d in 0..<8 {
            for h in 8..<12 {
                let stamp = String(format: "2026-02-%02d %02d:00", 20 + d, h)
                text += "\(stamp),voice,\(3 + h % 4),\(200 + d)\n\(stamp),chat,\(1 + d % 2),\n"
            }
        }
        let history = folder.appendingPathComponent("history.csv")
        try text.write(to: history, atomically: false, encoding: .utf8)
        try mutate(history, mutation, at: at, payload: payload)
        expectNamedDiagnostics({
            _ = try DemandStage.run(try ScenarioLoader.load(path: folder.appendingPathComponent("valid.yaml").path))
        }, "history.csv after \(mutation) at \(at), payload \(payload)")
    }
}
