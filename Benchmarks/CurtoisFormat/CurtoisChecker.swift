/// A solution to a Curtois instance: for each employee and day, the shift worked or nil (day off).
public struct CurtoisSolution: Sendable, Hashable {
    /// assignment[employeeIndex][day]
    public var assignment: [[String?]]
    public init(assignment: [[String?]]) { self.assignment = assignment }
}

/// One broken hard rule.
public struct CurtoisViolation: Sendable, Hashable, CustomStringConvertible {
    public var rule: String
    public var employee: String
    public var detail: String
    public var description: String { "\(rule) \(employee): \(detail)" }
}

/// Verifies a solution against an instance file's rules and recomputes its objective, independently of
/// any solver model (it reads only `CurtoisInstance` and the assignment).
///
/// Objective = Σ unmet on-requests' weights + Σ met off-requests' weights
///           + Σ_(day, shift) weightUnder · max(0, req − n) + weightOver · max(0, n − req).
public enum CurtoisChecker {
    public static func violations(_ solution: CurtoisSolution, of instance: CurtoisInstance) -> [CurtoisViolation] {
        var found: [CurtoisViolation] = []
        let lengths = Dictionary(uniqueKeysWithValues: instance.shifts.map { ($0.id, $0.lengthMinutes) })
        let cannotFollow = Dictionary(uniqueKeysWithValues: instance.shifts.map { ($0.id, $0.cannotFollow) })
        precondition(solution.assignment.count == instance.employees.count,
                     "solution has \(solution.assignment.count) employees, instance \(instance.employees.count)")
        for (e, employee) in instance.employees.enumerated() {
            let row = solution.assignment[e]
            precondition(row.count == instance.days, "employee \(employee.id): \(row.count) days, horizon \(instance.days)")
            func add(_ rule: String, _ detail: String) {
                found.append(CurtoisViolation(rule: rule, employee: employee.id, detail: detail))
            }
            var minutes = 0
            var counts: [String: Int] = [:]
            for (day, shift) in row.enumerated() {
                guard let shift else { continue }
                guard let length = lengths[shift] else {
                    add("unknown-shift", "day \(day): \(shift)")
                    continue
                }
                minutes += length
                counts[shift, default: 0] += 1
                if instance.daysOff[employee.id]?.contains(day) == true { add("day-off", "works day \(day)") }
                if day + 1 < instance.days, let next = row[day + 1], cannotFollow[shift]?.contains(next) == true {
                    add("forbidden-succession", "\(shift) on day \(day) then \(next)")
                }
            }
            for (shift, count) in counts {
                let limit = employee.maxShifts[shift] ?? Int.max
                if count > limit { add("max-shifts", "\(count) × \(shift) > \(limit)") }
            }
            if minutes > employee.maxTotalMinutes { add("max-total-minutes", "\(minutes) > \(employee.maxTotalMinutes)") }
            if minutes < employee.minTotalMinutes { add("min-total-minutes", "\(minutes) < \(employee.minTotalMinutes)") }
            // Runs of working days and of days off; runs touching either end of the horizon are exempt from minimums.
            var start = 0
            while start < instance.days {
                let working = row[start] != nil
                var end = start
                while end + 1 < instance.days && (row[end + 1] != nil) == working { end += 1 }
                let length = end - start + 1
                let interior = start > 0 && end < instance.days - 1
                if working {
                    if length > employee.maxConsecutiveShifts {
                        add("max-consecutive-shifts", "days \(start)–\(end): \(length) > \(employee.maxConsecutiveShifts)")
                    }
                    if interior && length < employee.minConsecutiveShifts {
                        add("min-consecutive-shifts", "days \(start)–\(end): \(length) < \(employee.minConsecutiveShifts)")
                    }
                } else if interior && length < employee.minConsecutiveDaysOff {
                    add("min-consecutive-days-off", "days \(start)–\(end): \(length) < \(employee.minConsecutiveDaysOff)")
                }
                start = end + 1
            }
            let weekends = stride(from: 5, to: instance.days, by: 7).filter { sat in
                row[sat] != nil || (sat + 1 < instance.days && row[sat + 1] != nil)
            }.count
            if weekends > employee.maxWeekends { add("max-weekends", "\(weekends) > \(employee.maxWeekends)") }
        }
        return found
    }

    /// The benchmark objective of a solution (hard rules are not checked here).
    public static func objective(_ solution: CurtoisSolution, of instance: CurtoisInstance) -> Int {
        let index = Dictionary(uniqueKeysWithValues: instance.employees.enumerated().map { ($1.id, $0) })
        var total = 0
        for r in instance.shiftOnRequests where solution.assignment[index[r.employee]!][r.day] != r.shift {
            total += r.weight
        }
        for r in instance.shiftOffRequests where solution.assignment[index[r.employee]!][r.day] == r.shift {
            total += r.weight
        }
        for c in instance.cover {
            let n = solution.assignment.reduce(0) { $0 + ($1[c.day] == c.shift ? 1 : 0) }
            total += c.weightUnder * max(0, c.requirement - n) + c.weightOver * max(0, n - c.requirement)
        }
        return total
    }
}
