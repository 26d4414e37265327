import Foundation
import Testing
@testable import Staffing

/// Every row of Resources/reference_cases.csv, to the precision it was published with.
@Test func everyPublishedReferenceIsReproduced() throws {
    let rows = try ReferenceData.rows("reference_cases.csv")
    #expect(rows.count == 15)
    for row in rows {
        let calls = Double(row["calls"]!)!, interval = Double(row["interval_s"]!)!, aht = Double(row["aht_s"]!)!
        let threshold = Double(row["target_s"]!)!
        let load = calls * aht / interval
        let model: QueueModel = row["model"] == "erlang-a" ? .erlangA(patienceSeconds: Double(row["patience_s"]!)!) : .erlangC
        let published = row["published"]!
        // Half a unit in the last published digit.
        let digits = published.split(separator: ".").last.map(\.count) ?? 0
        let tolerance = 0.5 * pow(10, -Double(digits))
        let metric = row["metric"]!
        let computed: Double
        if metric == "required_agents" {
            // Call Centre Helper's targets: 80 % in 20 s, occupancy at most 85 %.
            let targets = ServiceTargets(serviceLevel: 0.8, thresholdSeconds: threshold, maxOccupancy: 0.85)
            computed = Double(RequiredAgents.minimum(load: load, ahtSeconds: aht, model: model, targets: targets).agents)
        } else {
            let p = model.performance(load: load, ahtSeconds: aht, agents: Int(row["agents"]!)!, thresholdSeconds: threshold)
            switch metric {
            case "SL": computed = p.serviceLevel
            case "Pw": computed = p.waitProbability
            case "ASA_s": computed = p.asaSeconds
            case "occupancy": computed = p.occupancy
            case "abandon": computed = p.abandonProbability
            default: Issue.record("unknown metric \(metric)"); continue
            }
        }
        #expect(abs(computed - Double(published)!) <= tolerance,
                "\(row["source"]!) \(metric): computed \(computed), published \(published)")
    }
}

/// 60-digit mpmath values (scripts/erlang_references.py) at loads 0.01, 1,000, 10,000 and 20,000 erlangs.
@Test func highPrecisionReferencesAtLargeLoads() throws {
    let rows = try ReferenceData.rows("high_precision_references.csv")
    #expect(rows.count == 20)
    for row in rows {
        let load = Double(row["load"]!)!, aht = Double(row["aht_s"]!)!, agents = Int(row["agents"]!)!
        let threshold = Double(row["target_s"]!)!
        let model: QueueModel = row["model"] == "erlang-a" ? .erlangA(patienceSeconds: Double(row["patience_s"]!)!) : .erlangC
        let p = model.performance(load: load, ahtSeconds: aht, agents: agents, thresholdSeconds: threshold)
        let pairs: [(String, Double)] = [
            ("erlang_b", Erlang.b(load: load, agents: agents)), ("wait_probability", p.waitProbability),
            ("service_level", p.serviceLevel), ("asa_s", p.asaSeconds), ("occupancy", p.occupancy),
            ("abandon_probability", p.abandonProbability),
        ]
        for (column, computed) in pairs {
            let reference = Double(row[column]!)!
            // Relative 1e−12, or 1e−15 absolute for probabilities rounding to 0 or 1.
            let tolerance = max(1e-12 * abs(reference), column == "asa_s" ? 0 : 1e-15)
            #expect(abs(computed - reference) <= tolerance,
                    "\(row["model"]!) A=\(load) N=\(agents) \(column): computed \(computed), reference \(reference)")
        }
    }
}
