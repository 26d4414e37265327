import Foundation

/// An instance of the Employee Shift Scheduling Benchmark (Curtois & Qu, University of Nottingham,
/// "Computational results on new staff scheduling benchmark instances", 2014), read from its text format.
///
/// Day 0 is a Monday; Saturday is `day % 7 == 5`, Sunday `day % 7 == 6`. Times are minutes.
public struct CurtoisInstance: Sendable, Hashable {
    public struct ShiftType: Sendable, Hashable {
        public var id: String
        public var lengthMinutes: Int
        /// Shift ids that may not be worked the day after this one.
        public var cannotFollow: Set<String>
    }

    public struct Employee: Sendable, Hashable {
        public var id: String
        /// Maximum number of each shift type over the horizon (0 forbids it; absent = unlimited).
        public var maxShifts: [String: Int]
        public var maxTotalMinutes: Int
        public var minTotalMinutes: Int
        public var maxConsecutiveShifts: Int
        public var minConsecutiveShifts: Int
        public var minConsecutiveDaysOff: Int
        public var maxWeekends: Int
    }

    /// A request with the weight paid when it is not granted.
    public struct Request: Sendable, Hashable {
        public var employee: String
        public var day: Int
        public var shift: String
        public var weight: Int
    }

    public struct Cover: Sendable, Hashable {
        public var day: Int
        public var shift: String
        public var requirement: Int
        public var weightUnder: Int
        public var weightOver: Int
    }

    public var name: String
    public var days: Int
    public var shifts: [ShiftType]
    public var employees: [Employee]
    /// Hard days off per employee id.
    public var daysOff: [String: Set<Int>]
    public var shiftOnRequests: [Request]
    public var shiftOffRequests: [Request]
    public var cover: [Cover]
}

/// A malformed instance file, with the 1-based line.
public struct CurtoisParseError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file):\(line): error: \(message)" }
}

extension CurtoisInstance {
    /// Reads an instance file (sections separated by blank lines, `#` comments, CRLF or LF).
    public static func read(path: String) throws -> CurtoisInstance {
        let url = URL(fileURLWithPath: path)
        let text = try String(contentsOf: url, encoding: .utf8)
        return try parse(text, name: url.deletingPathExtension().lastPathComponent, file: path)
    }

    public static func parse(_ text: String, name: String, file: String = "<text>") throws -> CurtoisInstance {
        var section = ""
        var days: Int?
        var shifts: [ShiftType] = []
        var employees: [Employee] = []
        var daysOff: [String: Set<Int>] = [:]
        var onRequests: [Request] = []
        var offRequests: [Request] = []
        var cover: [Cover] = []
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })

        for (index, raw) in lines.enumerated() {
            let lineNumber = index + 1
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("SECTION_") {
                section = line
                continue
            }
            func fail(_ message: String) -> CurtoisParseError {
                CurtoisParseError(file: file, line: lineNumber, message: "\(section): \(message): '\(line)'")
            }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            func int(_ i: Int) throws -> Int {
                guard i < fields.count, let v = Int(fields[i]) else { throw fail("field \(i + 1) is not an integer") }
                return v
            }
            switch section {
            case "SECTION_HORIZON":
                days = try int(0)
            case "SECTION_SHIFTS":
                guard fields.count >= 2 else { throw fail("expected ID,LengthMins,CannotFollow") }
                let follow = fields.count > 2 ? fields[2].split(separator: "|").map(String.init) : []
                shifts.append(ShiftType(id: fields[0], lengthMinutes: try int(1), cannotFollow: Set(follow)))
            case "SECTION_STAFF":
                guard fields.count == 8 else { throw fail("expected 8 fields") }
                var maxShifts: [String: Int] = [:]
                for part in fields[1].split(separator: "|") {
                    let kv = part.split(separator: "=")
                    guard kv.count == 2, let v = Int(kv[1]) else { throw fail("MaxShifts entry '\(part)' is not Shift=max") }
                    maxShifts[String(kv[0])] = v
                }
                employees.append(Employee(id: fields[0], maxShifts: maxShifts, maxTotalMinutes: try int(2),
                                          minTotalMinutes: try int(3), maxConsecutiveShifts: try int(4),
                                          minConsecutiveShifts: try int(5), minConsecutiveDaysOff: try int(6),
                                          maxWeekends: try int(7)))
            case "SECTION_DAYS_OFF":
                var set = Set<Int>()
                for i in 1..<fields.count where !fields[i].isEmpty { set.insert(try int(i)) }
                daysOff[fields[0], default: []].formUnion(set)
            case "SECTION_SHIFT_ON_REQUESTS", "SECTION_SHIFT_OFF_REQUESTS":
                guard fields.count == 4 else { throw fail("expected EmployeeID,Day,ShiftID,Weight") }
                let r = Request(employee: fields[0], day: try int(1), shift: fields[2], weight: try int(3))
                if section == "SECTION_SHIFT_ON_REQUESTS" { onRequests.append(r) } else { offRequests.append(r) }
            case "SECTION_COVER":
                guard fields.count == 5 else { throw fail("expected Day,ShiftID,Requirement,WeightUnder,WeightOver") }
                cover.append(Cover(day: try int(0), shift: fields[1], requirement: try int(2),
                                   weightUnder: try int(3), weightOver: try int(4)))
            default:
                throw fail("data outside a known section")
            }
        }
        guard let days, days > 0 else {
            throw CurtoisParseError(file: file, line: 1, message: "SECTION_HORIZON with a positive day count is missing")
        }
        let instance = CurtoisInstance(name: name, days: days, shifts: shifts, employees: employees, daysOff: daysOff,
                                       shiftOnRequests: onRequests, shiftOffRequests: offRequests, cover: cover)
        if let problem = instance.referenceProblem() {
            throw CurtoisParseError(file: file, line: 1, message: problem)
        }
        return instance
    }

    /// The first request, cover row or day off that names an unknown employee or shift or a day outside the horizon.
    func referenceProblem() -> String? {
        let employeeIDs = Set(employees.map(\.id))
        let shiftIDs = Set(shifts.map(\.id))
        for r in shiftOnRequests + shiftOffRequests {
            if !employeeIDs.contains(r.employee) { return "request names unknown employee \(r.employee)" }
            if !shiftIDs.contains(r.shift) { return "request names unknown shift \(r.shift)" }
            if !(0..<days).contains(r.day) { return "request day \(r.day) outside 0..<\(days)" }
        }
        for c in cover {
            if !shiftIDs.contains(c.shift) { return "cover names unknown shift \(c.shift)" }
            if !(0..<days).contains(c.day) { return "cover day \(c.day) outside 0..<\(days)" }
        }
        for (employee, off) in daysOff {
            if !employeeIDs.contains(employee) { return "days off name unknown employee \(employee)" }
            if let bad = off.first(where: { !(0..<days).contains($0) }) { return "day off \(bad) outside 0..<\(days)" }
        }
        return nil
    }
}
