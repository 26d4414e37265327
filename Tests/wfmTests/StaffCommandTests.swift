import Foundation
import Testing

/// Runs the built `wfm` binary and returns (exit status, stdout, stderr).
func runWFM(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let binary = productsDirectory.appendingPathComponent("wfm")
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

/// The folder holding the built products (the test bundle's parent).
var productsDirectory: URL {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
}

@Test func staffFindsFourteenAgentsAndTwentyScheduled() throws {
    let r = try runWFM(["staff", "--calls", "100", "--interval-minutes", "30", "--aht", "180", "--sl", "0.8",
                        "--sl-seconds", "20", "--max-occupancy", "0.85", "--shrinkage", "0.3", "--json"])
    #expect(r.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    #expect(object?["agents"] as? Int == 14)
    #expect(object?["scheduled_agents"] as? Int == 20)
}

@Test func badFlagExitsTwoWithAMessage() throws {
    let r = try runWFM(["staff", "--calls", "100", "--interval-minutes", "30", "--aht", "-5", "--sl", "0.8", "--sl-seconds", "20"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("--aht"))
}
