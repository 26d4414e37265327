import WFMCore

/// The roster as a grid: one row per agent (agents.csv order), one column per date of the horizon.
/// A cell shows each shift as `07:00–15:30` (`+1` when it ends on a later day) with its shift id,
/// night shifts (overlapping 00:00–06:00) tinted; the tooltip lists paid time and breaks. Days
/// without a shift read "off". A last row counts the agents working each day.
struct RosterGrid {
    let run: RunDirectory

    func render(into html: inout HTMLWriter) {
        let dates = run.dates
        let shiftsByAgentDay = Self.shiftsByAgentDay(run)
        let breaksByAgent = Dictionary(grouping: run.breaks, by: \.agentID)

        html.element("table", ["class": "roster"]) { table in
            table.element("thead") { head in
                head.element("tr") { tr in
                    tr.element("th", ["class": "agent"], text: "agent")
                    tr.element("th", text: "contract")
                    for date in dates {
                        tr.element("th", run.summary.weekend.contains(date) ? ["class": "weekend"] : [:], text: Format.day(date))
                    }
                    tr.element("th", ["class": "num"], text: "paid h")
                }
            }
            table.newline()
            Self.body(run, dates: dates, shiftsByAgentDay, footerClass: { _ in "num" }, into: &table) { agent, date, shifts, tr in
                cell(shifts, breaks: breaksByAgent[agent.agentID] ?? [], weekend: run.summary.weekend.contains(date), into: &tr)
            }
        }
    }

    private func cell(_ shifts: [ShiftRow], breaks: [BreakRow], weekend: Bool, into tr: inout HTMLWriter) {
        guard !shifts.isEmpty else {
            tr.element("td", ["class": weekend ? "off weekend" : "off"], text: "off")
            return
        }
        let night = shifts.contains(where: \.isNight)
        let tooltip = shifts.map { Self.describe($0, breaks: breaks) }.joined(separator: "\n")
        tr.element("td", ["class": night ? "shift night" : "shift", "title": tooltip]) { td in
            for (i, shift) in shifts.enumerated() {
                if i > 0 { td.empty("br") }
                td.text("\(shift.start.clock)–\(shift.end.clock)")
                let days = shift.end.date.dayNumber - shift.start.date.dayNumber
                if days > 0 && !(days == 1 && shift.end.minuteOfDay == 0) { td.element("sup", text: "+\(days)") }
                td.element("span", ["class": "sid"], text: shift.shiftID + (shift.isNight ? " · night" : ""))
            }
        }
    }

    /// The body and footer of both roster tables: per agent (agents.csv order) its id, contract, one
    /// cell per date written by `cell` (given the agent, the date and its shifts that day), and paid
    /// hours; below, the agents working each date (cells of class `footerClass(date)`) and the paid
    /// hours of all.
    static func body(_ run: RunDirectory, dates: [LocalDate], _ shiftsByAgentDay: [String: [LocalDate: [ShiftRow]]],
                     footerClass: (LocalDate) -> String, into table: inout HTMLWriter,
                     cell: (AgentRow, LocalDate, [ShiftRow], inout HTMLWriter) -> Void) {
        table.element("tbody") { body in
            for agent in run.agents {
                body.element("tr", agent.daysWorked == 0 ? ["class": "unused"] : [:]) { tr in
                    tr.element("th", ["class": "agent"], text: agent.agentID)
                    tr.element("td", text: agent.contract)
                    for date in dates { cell(agent, date, shiftsByAgentDay[agent.agentID]?[date] ?? [], &tr) }
                    tr.element("td", ["class": "num"], text: Format.fixed(Double(agent.paidMinutes) / 60, 1))
                }
                body.newline()
            }
        }
        table.element("tfoot") { foot in
            foot.element("tr") { tr in
                tr.element("th", ["class": "agent"], text: "working")
                tr.element("td", text: "")
                for date in dates {
                    let working = shiftsByAgentDay.values.filter { !($0[date] ?? []).isEmpty }.count
                    tr.element("td", ["class": footerClass(date)], text: "\(working)")
                }
                tr.element("td", ["class": "num"], text: Format.fixed(run.summary.paidHours, 1))
            }
        }
    }

    /// Each agent's shifts by the local date they belong to, in start order.
    static func shiftsByAgentDay(_ run: RunDirectory) -> [String: [LocalDate: [ShiftRow]]] {
        var shifts: [String: [LocalDate: [ShiftRow]]] = [:]
        for shift in run.shifts.sorted(by: { $0.start < $1.start }) {
            shifts[shift.agentID, default: [:]][shift.date, default: []].append(shift)
        }
        return shifts
    }

    /// "early 07:00–15:30, paid 8h00; breaks 09:00–09:15 paid, 11:00–11:30 unpaid".
    static func describe(_ shift: ShiftRow, breaks: [BreakRow]) -> String {
        let inside = breaks.filter { $0.start >= shift.start && $0.start < shift.end }.sorted { $0.start < $1.start }
        var text = "\(shift.shiftID) \(shift.start.clock)–\(shift.end.clock), paid \(Format.duration(minutes: shift.paidMinutes))"
        if inside.isEmpty {
            text += "; no breaks"
        } else {
            text += "; breaks " + inside.map { "\($0.start.clock)–\($0.end.clock) \($0.paid ? "paid" : "unpaid")" }.joined(separator: ", ")
        }
        return text
    }
}
