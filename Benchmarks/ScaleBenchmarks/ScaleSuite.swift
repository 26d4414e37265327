import Foundation

/// Where the scale suite's scenarios live: scenarios/<name>/scenario.yaml at the package root.
enum ScaleSuite {
    static func scenarioPath(_ name: String) -> String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("scenarios/\(name)/scenario.yaml").path
    }
}
