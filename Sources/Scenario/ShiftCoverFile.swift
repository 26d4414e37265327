import Scheduling
import WFMCore

/// shift_cover.csv: `date,shift_id,required,under_weight,over_weight` — head-count targets per date
/// and shift template (`ShiftCover`, rules `cover-under` and `cover-over`). `required` is a whole
/// number of agents ≥ 0; the weights are contacts per missing / surplus agent, finite and ≥ 0.
/// Every date must lie in the horizon, every `shift_id` be a template under `shifts:`, and each
/// (date, shift_id) appear once.
enum ShiftCoverFile {
    static let columns = ["date", "shift_id", "required", "under_weight", "over_weight"]

    static func read(_ file: InputFile, templateIDs: [String], horizon: ClosedRange<LocalDate>?,
                     bag: inout DiagnosticBag) -> [ShiftCover] {
        guard let csv = CSVInput.open(file, required: columns, bag: &bag) else { return [] }
        var targets: [ShiftCover] = []
        var seen: [String: Int] = [:]
        for record in csv.completeRecords(bag: &bag) {
            let line = record.line
            func fail(_ key: String, _ message: String) { bag.error(file: csv.file, line: line, key: key, message) }
            let shiftID = csv.field(record, "shift_id")
            var valid = true
            let date = csv.date(record, horizon: horizon, bag: &bag)
            if date == nil { valid = false }
            if !templateIDs.contains(shiftID) { fail("shift_id", NodeReader.unknownTemplate(shiftID, declared: templateIDs)); valid = false }
            let requiredText = csv.field(record, "required")
            let required = Int(requiredText).flatMap { $0 >= 0 ? $0 : nil }
            if required == nil { fail("required", "expected a whole number of agents ≥ 0, got \"\(requiredText)\""); valid = false }
            let under = csv.weight(record, "under_weight", what: "contacts per missing agent", bag: &bag)
            let over = csv.weight(record, "over_weight", what: "contacts per agent over the target", bag: &bag)
            guard valid, let date, let required, let under, let over else { continue }
            let key = "\(date) \(shiftID)"
            if let first = seen[key] {
                fail("shift_id", "a second target for '\(shiftID)' on \(date) (first on line \(first))")
                continue
            }
            seen[key] = line
            targets.append(ShiftCover(date: date, templateID: shiftID, required: required, underWeight: under, overWeight: over))
        }
        return targets
    }
}
