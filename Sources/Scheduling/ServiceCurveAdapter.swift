import Staffing

/// The one place the scheduler asks the staffing maths for an interval's service.
///
/// Answered-within-threshold contacts at `n` agents: `contacts × SL(n)` with the Erlang C service
/// level `SL(n) = 1 − C(n, A) · exp(−(n − A)·T/AHT)`, `A = contacts · AHT / intervalSeconds`
/// (`Staffing.ErlangCResult`). Chat with concurrency k is served as k·n Erlang C servers; Erlang A
/// and deferred queues use Erlang C until `Staffing.ServiceCurve` lands (it then replaces this body).
struct ServiceCurveAdapter {
    var contacts: Double
    var ahtSeconds: Double
    var intervalSeconds: Double
    var thresholdSeconds: Double
    var model: ServiceModel

    private var serversPerAgent: Int { Int(model.serversPerAgent) }

    private var load: Double { contacts * ahtSeconds / intervalSeconds }

    /// Erlang C performance at `agents` whole agents.
    func performance(agents: Int) -> ErlangCResult {
        ErlangCResult(load: load, ahtSeconds: ahtSeconds, agents: agents * serversPerAgent, thresholdSeconds: thresholdSeconds)
    }

    /// `answered(n)` for n = 0...upTo, computed with one Erlang B recursion (O(upTo · k)).
    func values(upTo: Int) -> [Double] {
        guard contacts > 0 else { return Array(repeating: 0, count: upTo + 1) }
        var result: [Double] = []
        result.reserveCapacity(upTo + 1)
        var blocking = 1.0
        var servers = 0
        let a = load
        for n in 0...upTo {
            let target = n * serversPerAgent
            while servers < target {
                servers += 1
                blocking = a * blocking / (Double(servers) + a * blocking)
            }
            let r = ErlangCResult(load: a, ahtSeconds: ahtSeconds, agents: servers, thresholdSeconds: thresholdSeconds, erlangB: blocking)
            result.append(contacts * r.serviceLevel)
        }
        return result
    }
}
