import Foundation
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

@Test(arguments: [(",", Character(",")), (";", Character(";")), ("\t", Character("\t"))])
func delimiterIsDetectedFromTheHeaderLine(separator: String, expected: Character) throws {
    let text = ["a", "b", "c"].joined(separator: separator) + "\n" + ["1", "\"x\(separator)y\"", "3"].joined(separator: separator) + "\n"
    let table = try CSVTable.parse(text, file: "t.csv")
    #expect(table.delimiter == expected)
    #expect(table.header == ["a", "b", "c"])
    #expect(table.records[0].fields == ["1", "x\(separator)y", "3"])
}

@Test func decimalCommaOnlyWhenTheDelimiterIsNotAComma() throws {
    let semicolon = try CSVTable.parse("a;b\n1;2\n", file: "t.csv")
    #expect(semicolon.number("12,5") == 12.5)
    #expect(semicolon.number(" 12.5 ") == 12.5)
    #expect(semicolon.number("1,2,3") == nil)
    #expect(semicolon.number("1.2,3") == nil)
    let comma = try CSVTable.parse("a,b\n1,2\n", file: "t.csv")
    #expect(comma.number("12,5") == nil)
    #expect(comma.number("") == nil)
    #expect(comma.number("１２") == nil)
    #expect(comma.number("nan")?.isNaN == true)
}

@Test func windows1251IsReadWithAWarningAndAnExplicitEncodingSilencesIt() throws {
    // "agent_id;name\r\na1;Иван\r\n" in Windows-1251: И=0xC8 в=0xE2 а=0xE0 н=0xED.
    let bytes = Array("agent_id;name\r\na1;".utf8) + [0xC8, 0xE2, 0xE0, 0xED] + Array("\r\n".utf8)
    let data = Data(bytes)
    let (text, warnings) = try CSVTable.decode(data, file: "a.csv", encoding: nil)
    #expect(text.contains("Иван"))
    #expect(warnings.count == 1 && warnings[0].severity == .warning && warnings[0].description.hasPrefix("a.csv: warning:"))
    let (named, none) = try CSVTable.decode(data, file: "a.csv", encoding: .windows1251)
    #expect(named == text && none.isEmpty)
    #expect(throws: DiagnosticError.self) { try CSVTable.decode(data, file: "a.csv", encoding: .utf8) }
    let table = try CSVTable.parse(text, file: "a.csv")
    #expect(table.records.map(\.fields) == [["a1", "Иван"]])
}

@Test func aHeaderThatFitsAnotherDelimiterSaysSo() throws {
    let piped = try CSVTable.parse("agent_id|name|contract\n", file: "a.csv")
    #expect(piped.missingColumnsMessage(["agent_id", "name"], expected: ["agent_id", "name", "contract"]).hasPrefix("this file uses '|' as delimiter"))
    let mixed = try CSVTable.parse("agent_id;name;contract,x,y,z\n", file: "a.csv")
    #expect(mixed.delimiter == ",")
    #expect(mixed.missingColumnsMessage(["agent_id", "name"], expected: ["agent_id", "name", "contract"]).hasPrefix("this file uses ';' as delimiter"))
    let plain = try CSVTable.parse("x,y\n", file: "a.csv")
    #expect(plain.missingColumnsMessage(["agent_id"], expected: ["agent_id"]) == "missing column agent_id: expected header agent_id")
}
