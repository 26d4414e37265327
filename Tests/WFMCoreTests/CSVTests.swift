import Testing
@testable import WFMCore

@Test func parsesQuotedFieldsBOMAndCRLFWithLineNumbers() throws {
    let text = "\u{FEFF}a,b\r\n1,\"x, \"\"y\"\"\"\r\n\r\n2,\"multi\nline\"\r\n3,z\r\n"
    let table = try CSVTable.parse(text, file: "t.csv")
    #expect(table.header == ["a", "b"])
    #expect(table.records.map(\.fields) == [["1", "x, \"y\""], ["2", "multi\nline"], ["3", "z"]])
    #expect(table.records.map(\.line) == [2, 4, 6])
}

@Test func unterminatedQuoteIsADiagnosticWithTheLine() {
    #expect(throws: DiagnosticError.self) { try CSVTable.parse("a\n\"open\n", file: "t.csv") }
    do {
        _ = try CSVTable.parse("a\n1\n\"open\n", file: "t.csv")
    } catch let error as DiagnosticError {
        #expect(error.diagnostics.first?.line == 3)
        #expect(error.description.hasPrefix("t.csv:3: error:"))
    } catch { Issue.record("unexpected \(error)") }
}

@Test func writerRoundTripsThroughReader() throws {
    var w = CSVWriter(header: ["k", "v"])
    w.append(["a,b", "he said \"hi\""])
    let table = try CSVTable.parse(w.text, file: "w.csv")
    #expect(table.records[0].fields == ["a,b", "he said \"hi\""])
}
