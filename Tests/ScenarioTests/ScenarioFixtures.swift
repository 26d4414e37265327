import Foundation
import Scenario
import WFMCore

/// The package's root folder (this file is Tests/ScenarioTests/Fixtures.swift).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func scenarioPath(_ relative: String) -> String { packageRoot.appendingPathComponent("scenarios/\(relative)").path }

/// The diagnostics a load throws, as printed (`file:line: error: key: message`); empty when it loads.
func loadDiagnostics(_ path: String, overrides: [String] = []) -> [String] {
    do {
        _ = try ScenarioLoader.load(path: path, overrides: overrides)
        return []
    } catch let error as DiagnosticError {
        return error.diagnostics.map(\.description)
    } catch {
        return ["unexpected error \(error)"]
    }
}

/// A fresh temporary folder holding a copy of scenarios/broken (the small valid scenario and its files).
func copyOfSmallScenario() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wfm-scenario-tests-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("scenarios/broken"), to: folder)
    return folder
}
