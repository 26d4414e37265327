import WFMCore

/// The roster of a horizon longer than a week as a compact month calendar: one row per agent
/// (agents.csv order), one narrow column per date, grouped under the weekly blocks of the weekly
/// rules (`HorizonWeeks`, a thicker line where a block starts). A worked day shows the shift
/// template's code (`ShiftCodes`) on the template's colour, so a rotation shows as a repeating
/// pattern along the row; its tooltip gives the date, local times, paid time and breaks. Days off
/// are blank, the centre's weekend shaded. The last column is each agent's paid hours; the last row
/// counts the agents working each day. Fits a 1400-pixel screen and an A4 landscape page at 31 days.
struct RosterCalendar {
    let run: RunDirectory

    func render(into html: inout HTMLWriter) {
        let dates = run.dates
        let weeks = run.weeks
        let blockStarts = Set(weeks.blocks.dropFirst().compactMap(\.first))
        let shiftsByAgentDay = RosterGrid.shiftsByAgentDay(run)
        let breaksByAgent = Dictionary(grouping: run.breaks, by: \.agentID)
        let codes = ShiftCodes(templates: Set(run.shifts.map(\.shiftID)).sorted())
        func dayClass(_ base: String, _ date: LocalDate) -> String {
            base + (run.summary.weekend.contains(date) ? " weekend" : "") + (blockStarts.contains(date) ? " wk" : "")
        }

        html.element("p", ["class": "legend"]) { p in
            for template in codes.templates {
                p.element("span", ["class": "code \(codes.colour(template))"], text: codes.code(template))
                p.text(" \(template)   ")
            }
            p.element("span", ["class": "code night-mark"], text: "X")
            p.text(" underlined: night shift (overlapping 00:00–06:00)")
        }
        html.element("table", ["class": "calendar"]) { table in
            table.element("thead") { head in
                head.element("tr") { tr in
                    tr.element("th", ["class": "agent", "rowspan": "2"], text: "agent")
                    tr.element("th", ["rowspan": "2"], text: "contract")
                    for (i, block) in weeks.blocks.enumerated() {
                        tr.element("th", ["class": i > 0 ? "week wk" : "week", "colspan": "\(block.count)"], text: "week \(i + 1)")
                    }
                    tr.element("th", ["class": "num", "rowspan": "2"], text: "paid h")
                }
                head.element("tr") { tr in
                    for date in dates {
                        tr.element("th", ["class": dayClass("d", date), "title": Format.day(date)]) { th in
                            th.text("\(date.day)")
                            th.empty("br")
                            th.text(String(Format.day(date).prefix(2)))
                        }
                    }
                }
            }
            table.newline()
            RosterGrid.body(run, dates: dates, shiftsByAgentDay, footerClass: { dayClass("num", $0) }, into: &table) { agent, date, shifts, tr in
                guard let first = shifts.first else {
                    tr.element("td", ["class": dayClass("off", date)], text: "")
                    return
                }
                let breaks = breaksByAgent[agent.agentID] ?? []
                let tooltip = Format.day(date) + ": "
                    + shifts.map { RosterGrid.describe($0, breaks: breaks) + ($0.isNight ? " (night)" : "") }.joined(separator: "; ")
                let colour = codes.colour(first.shiftID) + (shifts.contains(where: \.isNight) ? " night" : "")
                tr.element("td", ["class": dayClass(colour, date), "title": tooltip], text: shifts.map { codes.code($0.shiftID) }.joined(separator: "+"))
            }
        }
    }
}

/// Short codes and colours for the shift templates of a roster calendar. A template's code is the
/// first letters of its id, upper case, as few (1 to 3) as keep every code distinct (early, late,
/// night: E, L, N; early, evening: EA, EV); the whole id when 3 letters do not. Its colour is one of
/// `ReportStyle`'s 12 template classes `t0` … `t11` by its place in id order, cycling.
struct ShiftCodes {
    /// Template ids in order.
    let templates: [String]
    private let length: Int?

    init(templates: [String]) {
        self.templates = templates
        length = (1...3).first { k in Set(templates.map { $0.prefix(k).uppercased() }).count == templates.count }
    }

    func code(_ template: String) -> String {
        length.map { template.prefix($0).uppercased() } ?? template
    }

    func colour(_ template: String) -> String {
        "t\((templates.firstIndex(of: template) ?? 0) % 12)"
    }
}
