import Foundation
import Testing
@testable import CurtoisFormat

/// The repository's copy of the benchmark: <repo>/Benchmarks/data/curtois (its README names the source).
let curtoisFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Benchmarks/data/curtois")

@Test func readsInstance1() throws {
    let instance = try CurtoisInstance.read(path: curtoisFolder.appendingPathComponent("Instance1.txt").path)
    #expect(instance.days == 14)
    #expect(instance.shifts.map(\.id) == ["D"])
    #expect(instance.employees.count == 8)
    #expect(instance.employees[0].maxShifts == ["D": 14])
    #expect(instance.employees[0].minTotalMinutes == 3360)
    #expect(instance.daysOff["B"] == [5])
    #expect(instance.shiftOnRequests.count == 21)
    #expect(instance.shiftOffRequests.count == 5)
    #expect(instance.cover.count == 14)
    #expect(instance.cover[1].requirement == 7)
}

@Test(arguments: 1...24) func readsEveryInstance(number: Int) throws {
    let instance = try CurtoisInstance.read(path: curtoisFolder.appendingPathComponent("Instance\(number).txt").path)
    #expect(instance.days % 7 == 0)
    #expect(!instance.employees.isEmpty)
    #expect(instance.cover.count == instance.days * instance.shifts.count)
}

/// A 7-day, 2-shift instance small enough to reason about by hand.
let tiny = """
SECTION_HORIZON\r\n7\r\n\r\nSECTION_SHIFTS\r\nE,480,\r\nL,480,E\r\n\r\n
SECTION_STAFF\r\nA,E=7|L=2,2400,960,3,2,2,1\r\n\r\n
SECTION_DAYS_OFF\r\nA,3\r\n\r\n
SECTION_SHIFT_ON_REQUESTS\r\nA,0,E,5\r\n\r\n
SECTION_SHIFT_OFF_REQUESTS\r\nA,1,E,4\r\n\r\n
SECTION_COVER\r\n0,E,1,100,1\r\n1,E,1,100,1\r\n2,L,1,100,1\r\n
"""

@Test func objectiveCountsRequestsAndCover() throws {
    let instance = try CurtoisInstance.parse(tiny, name: "tiny")
    // Works E, E, L on days 0-2; off afterwards.
    let solution = CurtoisSolution(assignment: [["E", "E", "L", nil, nil, nil, nil]])
    #expect(CurtoisChecker.violations(solution, of: instance).isEmpty)
    // On-request granted (0); off-request on day 1 broken (4); cover met everywhere except none over.
    #expect(CurtoisChecker.objective(solution, of: instance) == 4)
    let idle = CurtoisSolution(assignment: [[nil, nil, nil, nil, nil, nil, nil]])
    // On-request unmet (5) + three uncovered shifts (300); min minutes broken too.
    #expect(CurtoisChecker.objective(idle, of: instance) == 305)
    #expect(CurtoisChecker.violations(idle, of: instance).map(\.rule) == ["min-total-minutes"])
}

@Test func checkerNamesEachBrokenRule() throws {
    let instance = try CurtoisInstance.parse(tiny, name: "tiny")
    func rules(_ row: [String?]) -> Set<String> {
        Set(CurtoisChecker.violations(CurtoisSolution(assignment: [row]), of: instance).map(\.rule))
    }
    #expect(rules(["L", "E", nil, nil, nil, nil, nil]) == ["forbidden-succession"])
    #expect(rules(["E", "E", "E", "E", nil, nil, nil]).isSuperset(of: ["day-off", "max-consecutive-shifts"]))
    #expect(rules(["L", "L", "L", nil, nil, nil, nil]) == ["max-shifts"])
    #expect(rules([nil, "E", nil, nil, "E", "E", nil]) == ["min-consecutive-shifts"])
    #expect(rules(["E", "E", nil, "E", "E", nil, nil]).contains("min-consecutive-days-off"))
    #expect(rules(["E", "E", "E", nil, "E", "E", "E"]).contains("max-total-minutes"))
    // Weekend: Saturday is day 5, Sunday day 6: one weekend in a 7-day horizon, max 1 → fine.
    #expect(!rules([nil, nil, nil, nil, "E", "E", nil]).contains("max-weekends"))
}

@Test func unknownReferencesAreRejectedWithAMessage() {
    let bad = tiny.replacingOccurrences(of: "A,0,E,5", with: "Z,0,E,5")
    #expect(throws: CurtoisParseError.self) { try CurtoisInstance.parse(bad, name: "bad") }
}
