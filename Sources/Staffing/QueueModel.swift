/// How a queue's contacts are served, which decides the staffing maths used for it.
///
/// - `erlangC`: voice, M/M/N with infinite patience (`ErlangC.swift`).
/// - `erlangA(patienceSeconds:)`: voice with abandonment, M/M/N+M with mean patience in seconds
///   (`ErlangA.swift`); must be finite and > 0.
/// - `chat(concurrency:)`: an agent holds up to `concurrency` (≥ 1) conversations at once. Model: each
///   agent is `concurrency` independent Erlang C servers ("slots"), and AHT is the elapsed duration of
///   one conversation as measured while handled concurrently, so N agents give an M/M/(k·N) queue.
///   This is the slot model of Tezcan & Zhang, "Routing and staffing in customer service chat systems
///   with impatient customers", Operations Research 62(4) 2014, without abandonment. The usual
///   industry shortcut (Call Centre Helper, "Erlang C for Chat": Erlang C with AHT / concurrency)
///   is deliberately not used: it treats a conversation as k times faster instead of k in parallel.
/// - `deferred(responseHours:)`: email / back office; every item must be answered within
///   `responseHours` (> 0) of open time (`DeferredWork.swift`).
public enum QueueModel: Sendable, Hashable {
    case erlangC
    case erlangA(patienceSeconds: Double)
    case chat(concurrency: Int)
    case deferred(responseHours: Double)

    /// Checks the model's parameters (programmer error when violated: inputs are validated before).
    func checkParameters() {
        switch self {
        case .erlangC: break
        case .erlangA(let patience):
            precondition(patience > 0 && patience.isFinite, "Erlang A patience must be finite and > 0 s (got \(patience))")
        case .chat(let concurrency):
            precondition(concurrency >= 1, "chat concurrency must be ≥ 1 (got \(concurrency))")
        case .deferred(let hours):
            precondition(hours > 0 && hours.isFinite, "deferred response hours must be finite and > 0 (got \(hours))")
        }
    }
}
