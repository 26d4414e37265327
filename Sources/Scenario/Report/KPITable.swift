import WFMCore

/// The KPI table of the report, one row per queue over the horizon; on a horizon longer than a week
/// (`Report.isMonth`) each queue first gets one row per weekly block (`HorizonWeeks`), then its
/// horizon row.
///
/// Horizon rows: contacts summed from coverage.csv, service level, ASA and occupancy from summary.json.
/// Week rows, from the block's coverage.csv rows with the definitions of `ServiceFigures`: service
/// level = Σ contacts·service_level / Σ contacts over intervals with a value (deferred work: those
/// due inside the horizon); ASA = Σ contacts·asa / Σ contacts over intervals with contacts, unbounded
/// when one of them has none (voice and chat); occupancy is not recomputed per week (coverage.csv
/// does not give the capacity in servers) and reads "–". Understaffed intervals and required paid
/// hours as in the horizon row, over the block's intervals.
struct KPITable {
    let run: RunDirectory

    /// One row's figures, formatted.
    private struct Row {
        var period: String
        var contacts: Double
        var serviceLevel: String
        var asa: String
        var occupancy: String
        var understaffed: Int
        var intervals: Int
        var requiredPaidHours: Double?
    }

    func render(into html: inout HTMLWriter) {
        let month = Report.isMonth(run)
        let blocks = run.weeks.blocks
        html.element("table", ["class": "kpi"]) { table in
            table.element("thead") { head in
                head.element("tr") { tr in
                    tr.element("th", text: "queue")
                    if month { tr.element("th", text: "period") }
                    for title in ["contacts", "service level", "ASA", "occupancy", "understaffed intervals", "required paid hours"] {
                        tr.element("th", ["class": "num"], text: title)
                    }
                }
            }
            table.element("tbody") { body in
                for queue in run.summary.queues {
                    if month {
                        for (i, dates) in blocks.enumerated() {
                            row(queue.id, week(i, dates, of: queue), month: true, total: false, into: &body)
                        }
                    }
                    row(queue.id, horizon(queue, days: month ? run.weeks.days : nil), month: month, total: month, into: &body)
                }
            }
        }
    }

    /// `total`: the horizon row below a queue's weeks, set off in bold.
    private func row(_ queue: String, _ r: Row, month: Bool, total: Bool, into body: inout HTMLWriter) {
        body.element("tr", total ? ["class": "horizon"] : [:]) { tr in
            tr.element("th", text: queue)
            if month { tr.element("td", ["class": "period"], text: r.period) }
            tr.element("td", ["class": "num"], text: Format.fixed(r.contacts, 0))
            tr.element("td", ["class": "num"], text: r.serviceLevel)
            tr.element("td", ["class": "num"], text: r.asa)
            tr.element("td", ["class": "num"], text: r.occupancy)
            tr.element("td", ["class": "num"], text: "\(r.understaffed) of \(r.intervals)")
            tr.element("td", ["class": "num"], text: r.requiredPaidHours.map { Format.fixed($0, 1) } ?? "–")
        }
    }

    /// The queue over the horizon, from summary.json; `days` names the period on a month page.
    private func horizon(_ queue: RunSummary.Queue, days: Int?) -> Row {
        Row(period: days.map { "\($0) days" } ?? "", contacts: run.contacts(of: queue.id), serviceLevel: Format.percent(queue.serviceLevel),
            asa: queue.responseHours != nil ? "–"
                : ServiceText.asa(queue.asaSeconds, unstableIntervals: queue.unstableIntervals ?? 0, unstableContacts: queue.unstableContacts ?? 0),
            occupancy: queue.occupancy.map { Format.percent($0) } ?? "–",
            understaffed: run.understaffedIntervals(of: queue.id), intervals: run.coverage(of: queue.id).count,
            requiredPaidHours: run.requiredPaidHours(of: queue.id))
    }

    /// The queue in weekly block `index` (dates `dates`), from coverage.csv and requirements.csv.
    private func week(_ index: Int, _ dates: [LocalDate], of queue: RunSummary.Queue) -> Row {
        let days = Set(dates)
        let rows = run.coverage(of: queue.id).filter { days.contains($0.intervalStart.date) }
        let contacts = rows.reduce(0) { $0 + $1.contacts }
        let served = rows.filter { $0.contacts > 0 && $0.serviceLevel != nil }
        let due = served.reduce(0) { $0 + $1.contacts }
        let serviceLevel = due > 0 ? Format.percent(served.reduce(0) { $0 + $1.contacts * $1.serviceLevel! } / due) : "–"
        let asa: String
        if queue.responseHours != nil {
            asa = "–"
        } else {
            let busy = rows.filter { $0.contacts > 0 }
            let unstable = busy.filter { $0.asaSeconds == nil }
            asa = busy.isEmpty ? "–"
                : ServiceText.asa(busy.reduce(0) { $0 + $1.contacts * ($1.asaSeconds ?? 0) } / contacts,
                                  unstableIntervals: unstable.count, unstableContacts: unstable.reduce(0) { $0 + $1.contacts })
        }
        return Row(period: Report.weekName(index + 1, dates), contacts: contacts, serviceLevel: serviceLevel, asa: asa, occupancy: "–",
                   understaffed: rows.filter(\.isUnderstaffed).count, intervals: rows.count,
                   requiredPaidHours: run.requiredPaidHours(of: queue.id, on: days))
    }
}
