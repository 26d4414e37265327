import Foundation
import Testing
@testable import Scenario
import WFMCore

private func pair() throws -> RunComparison {
    RunComparison([try RunDirectory.read(path: fixture("run-base")), try RunDirectory.read(path: fixture("run-volume15"))])
}

private func row(_ comparison: RunComparison, _ metric: String) throws -> RunComparison.Row {
    try #require(comparison.rows.first { $0.metric == metric }, "no row \(metric)")
}

private func number(_ value: RunComparison.Value) -> Double? {
    if case let .number(x) = value { return x }
    return nil
}

@Test func volumePlusFifteenPercentShowsInContactsAndLowersVoiceServiceLevel() throws {
    let comparison = try pair()
    #expect(comparison.labels == ["run-base", "run-volume15"])
    let contacts = try row(comparison, "voice contacts")
    let base = try #require(number(contacts.values[0])), what = try #require(number(contacts.values[1]))
    // Each interval's forecast is rounded to 0.01 in the files, so the weekly ratio is 1.15 to within 0.1 %.
    #expect(abs(what / base - 1.15) < 0.001)
    #expect(number(try row(comparison, "chat contacts").difference(1)) == 0)

    let sl = try row(comparison, "voice service level")
    let difference = try #require(number(sl.difference(1)))
    #expect(difference < 0)
    #expect(difference == number(sl.values[1])! - number(sl.values[0])!)
    // More volume, same roster size: the voice requirement goes up.
    #expect(try #require(number(try row(comparison, "voice required paid hours").difference(1))) > 0)
}

@Test func kpisMatchTheRunFilesComputedIndependently() throws {
    let comparison = try pair()
    for (index, run) in ["run-base", "run-volume15"].enumerated() {
        let agents = try rawRows(run, "agents.csv")
        let paidMinutes = agents.reduce(0) { $0 + Int($1[2])! }
        #expect(number(try row(comparison, "paid hours").values[index]) == Double(paidMinutes) / 60)
        let coverage = try rawRows(run, "coverage.csv")
        let short = coverage.filter { Double($0[5])! < Double($0[4])! }.count
        #expect(number(try row(comparison, "understaffed intervals, all queues").values[index]) == Double(short))
        let working = agents.filter { Int($0[3])! > 0 }
        #expect(number(try row(comparison, "max consecutive days, worst agent").values[index]) == Double(working.map { Int($0[4])! }.max()!))
        #expect(number(try row(comparison, "min rest between shifts, worst agent").values[index])
                == Double(working.compactMap { Int($0[5]) }.min()!))
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: fixture(run) + "/summary.json"))) as! [String: Any]
        let soft = (summary["rules"] as! [[String: Any]]).filter { $0["kind"] as! String == "soft" }
        #expect(number(try row(comparison, "soft penalties, total").values[index]) == soft.reduce(0) { $0 + ($1["penalty"] as! Double) })
        #expect(comparison.rows.filter { $0.metric.hasPrefix("penalty ") }.count == soft.count)
    }
    #expect(try row(comparison, "solver status").difference(1) == .text("same"))
}

@Test func textTableIsAlignedAndNamesEveryRow() throws {
    let comparison = try pair()
    let lines = comparison.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.first?.hasPrefix("differences (Δ) are against run-base") == true)
    let table = lines.dropFirst()
    #expect(table.count == comparison.rows.count + 2)
    #expect(Set(table.map(\.count)).count == 1, "every table line has the same width")
    #expect(table.first?.hasPrefix("metric") == true && table.first?.hasSuffix("Δ run-volume15") == true)
    #expect(table.contains { $0.hasPrefix("voice service level (%)") && $0.hasSuffix("-4.6") })
    #expect(comparison.text == (try pair()).text)
}

@Test func csvHasTheSameNumbers() throws {
    let comparison = try pair()
    let table = try CSVTable.parse(comparison.csv, file: "compare.csv")
    #expect(table.header == ["metric", "unit", "run-base", "run-volume15", "Δ run-volume15"])
    #expect(table.records.count == comparison.rows.count)
    let sl = try #require(table.records.first { $0.fields[0] == "voice service level" })
    #expect(sl.fields == ["voice service level", "%", "76.6", "72.0", "-4.6"])
    let merged = try #require(table.records.first { $0.fields[0] == "understaffed intervals, all queues" })
    #expect(merged.fields[2] == "263")
}

@Test func threeRunsEachGetADifferenceAndClashingNamesUsePaths() throws {
    let base = try RunDirectory.read(path: fixture("run-base"))
    let what = try RunDirectory.read(path: fixture("run-volume15"))
    let comparison = RunComparison([base, what, base])
    #expect(comparison.labels == [fixture("run-base"), fixture("run-volume15"), fixture("run-base")])
    let paid = try row(comparison, "paid hours")
    #expect(paid.difference(2) == .number(0))
    let header = comparison.csv.split(separator: "\n").first.map(String.init)
    #expect(header?.components(separatedBy: ",Δ ").count == 3)
}

@Test func aQueueOnlyOneRunHasIsMissingInTheOther() throws {
    let base = try RunDirectory.read(path: fixture("run-base"))
    var fewer = try RunDirectory.read(path: fixture("run-volume15"))
    fewer.summary.queues.removeAll { $0.id == "email" }
    fewer.coverage.removeAll { $0.queue == "email" }
    let comparison = RunComparison([fewer, base])
    #expect(comparison.rows.map(\.metric).suffix(from: 14).first == "email contacts")
    let sl = try row(comparison, "email service level")
    #expect(sl.values[0] == .missing && sl.difference(1) == .missing)
    let line = try #require(comparison.text.split(separator: "\n").first { $0.hasPrefix("email service level") })
    #expect(line.split(separator: " ").suffix(3) == ["-", "87.6", "-"])
}
