/// Burnout indicators per agent from agents.csv: days worked, longest run of consecutive days,
/// night shifts, shortest rest, start-time spread, preferences met. When the agent's contract limits
/// are known, a value within 10 % of its limit is marked amber and one beyond it red
/// (`LimitStatus`), with the limit in the cell's tooltip. Night shifts and start spread are those of
/// the agent's worst week (agents.csv, `HorizonWeeks`); `worstWeek` says so in their headings.
struct BurnoutTable {
    let run: RunDirectory
    let limits: [String: ContractLimits]
    /// The horizon is longer than a week: the weekly columns are headed "(worst week)".
    var worstWeek = false

    func render(into html: inout HTMLWriter) {
        html.element("table", ["class": "burnout"]) { table in
            table.element("thead") { head in
                head.element("tr") { tr in
                    for (title, numeric) in [("agent", false), ("contract", false), ("paid h", true), ("days worked", true),
                                             ("max consecutive days", true), (worstWeek ? "night shifts (worst week)" : "night shifts", true),
                                             ("min rest", true), (worstWeek ? "start spread (worst week)" : "start spread", true),
                                             ("preferences met", true)] {
                        tr.element("th", numeric ? ["class": "num"] : [:], text: title)
                    }
                }
            }
            table.newline()
            table.element("tbody") { body in
                for agent in run.agents {
                    let limit = limits[agent.contract]
                    body.element("tr", agent.daysWorked == 0 ? ["class": "unused"] : [:]) { tr in
                        tr.element("th", ["class": "agent"], text: agent.agentID)
                        tr.element("td", text: agent.contract)
                        tr.element("td", ["class": "num"], text: Format.fixed(Double(agent.paidMinutes) / 60, 1))
                        tr.element("td", ["class": "num"], text: "\(agent.daysWorked)")
                        indicator("\(agent.maxConsecutiveDays)",
                                  LimitStatus.against(maximum: limit?.maxConsecutiveDays, agent.maxConsecutiveDays),
                                  limit?.maxConsecutiveDays.map { "limit \($0) days" }, into: &tr)
                        indicator("\(agent.nightShifts)", LimitStatus.against(maximum: limit?.maxNightShifts, agent.nightShifts),
                                  limit?.maxNightShifts.map { "limit \($0) night shifts" }, into: &tr)
                        indicator(agent.minRestMinutes.map { Format.duration(minutes: $0) } ?? "–",
                                  LimitStatus.against(minimum: limit?.minRestMinutes, agent.minRestMinutes),
                                  limit?.minRestMinutes.map { "minimum \(Format.duration(minutes: $0))" }, into: &tr)
                        indicator(Format.duration(minutes: agent.startSpreadMinutes),
                                  LimitStatus.against(maximum: limit?.maxStartSpreadMinutes, agent.startSpreadMinutes),
                                  limit?.maxStartSpreadMinutes.map { "limit \(Format.duration(minutes: $0))" }, into: &tr)
                        tr.element("td", ["class": "num"], text: agent.prefsTotal == 0 ? "–" : "\(agent.prefsMet) of \(agent.prefsTotal)")
                    }
                    body.newline()
                }
            }
        }
    }

    private func indicator(_ text: String, _ status: LimitStatus, _ limit: String?, into tr: inout HTMLWriter) {
        let title: String
        switch status {
        case .ok: title = limit ?? "no limit given"
        case .near: title = "close to the limit: " + (limit ?? "")
        case .over: title = "beyond the limit: " + (limit ?? "")
        }
        tr.element("td", ["class": status == .ok ? "num" : "num \(status.rawValue)", "title": title], text: text)
    }
}
