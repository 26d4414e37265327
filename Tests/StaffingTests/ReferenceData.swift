import Foundation
import WFMCore

/// Locates and reads the CSV files the staffing tests compare against.
enum ReferenceData {
    /// Tests/StaffingTests/Resources (located from this source file, so it works from any working directory).
    static let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources")

    /// Reads a CSV whose lines starting with `#` are comments; returns the rows as dictionaries by column name.
    static func rows(_ name: String) throws -> [[String: String]] {
        let text = try String(contentsOf: resources.appendingPathComponent(name), encoding: .utf8)
        let uncommented = text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("#") }.joined(separator: "\n")
        let table = try CSVTable.parse(uncommented, file: name)
        return table.records.map { record in
            Dictionary(uniqueKeysWithValues: zip(table.header, record.fields))
        }
    }
}
