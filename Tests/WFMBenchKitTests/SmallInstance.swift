import CurtoisFormat
import Foundation

/// The repository's copy of the benchmark: <repo>/Benchmarks/data/curtois (its README names the source).
let curtoisFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Benchmarks/data/curtois")

func benchmarkInstance(_ number: Int) throws -> CurtoisInstance {
    try CurtoisInstance.read(path: curtoisFolder.appendingPathComponent("Instance\(number).txt").path)
}

/// Two weeks, two shift types (E may not follow L), two employees: A may work 3 L shifts, B none.
/// Both: 6–9 shifts of 480 min (2880–4320), runs of 2–5 working days, days-off runs ≥ 2, one weekend;
/// day 6 (Sunday) is a hard day off for A.
let smallInstanceText = """
SECTION_HORIZON\r\n14\r\n\r\n
SECTION_SHIFTS\r\nE,480,\r\nL,480,E\r\n\r\n
SECTION_STAFF\r\nA,E=14|L=3,4320,2880,5,2,2,1\r\nB,E=14|L=0,4320,2880,5,2,2,1\r\n\r\n
SECTION_DAYS_OFF\r\nA,6\r\n\r\n
SECTION_SHIFT_ON_REQUESTS\r\nA,0,E,3\r\nA,3,E,2\r\n\r\n
SECTION_SHIFT_OFF_REQUESTS\r\nA,12,E,4\r\nB,1,E,1\r\n\r\n
SECTION_COVER\r\n0,E,2,100,1\r\n3,L,2,50,1\r\n7,E,1,100,5\r\n
"""

func smallInstance() throws -> CurtoisInstance { try CurtoisInstance.parse(smallInstanceText, name: "small") }

/// Parses a row such as "EEELL--EE--EE-" (one letter a day, "-" off).
func row(_ text: String) -> [String?] { text.map { $0 == "-" ? nil : String($0) } }

/// A valid solution of the small instance. Its objective by hand: A's on-request for E on day 3 is
/// unmet (she works L: 2), A works E on day 12 against an off-request (4), B works E on day 1 against one (1),
/// L on day 3 is one short of 2 (50), E on day 7 has one over 1 (5): 62.
let smallBase = [row("EEELL--EE--EE-"), row("EEEEE--EE--EE-")]
let smallBaseObjective = 62
