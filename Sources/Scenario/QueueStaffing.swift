import Staffing

extension QueueSettings {
    /// The staffing model of the queue (Staffing/QueueModel.swift): voice is Erlang C, or Erlang A
    /// with `patience_seconds`; chat is the slot model with `concurrency`; email is deferred work
    /// answered within `response_hours`.
    public var staffingModel: QueueModel {
        switch channel {
        case .voice: return patienceSeconds.map { .erlangA(patienceSeconds: $0) } ?? .erlangC
        case .chat: return .chat(concurrency: concurrency)
        case .email:
            guard let responseHours else { preconditionFailure("email queue \(id) loaded without response_hours") }
            return .deferred(responseHours: responseHours)
        }
    }

    /// The per-interval targets of a voice or chat queue (service level and occupancy cap); nil for
    /// email, whose only target is `response_hours`.
    public var staffingTargets: ServiceTargets? {
        guard let serviceLevel else { return nil }
        return ServiceTargets(serviceLevel: serviceLevel.target, thresholdSeconds: serviceLevel.seconds,
                              maxOccupancy: maxOccupancy < 1 ? maxOccupancy : nil)
    }
}
