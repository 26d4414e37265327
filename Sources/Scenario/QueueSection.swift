import Simulation
import Yams

extension NodeReader {
    static let queueKeys = ["id", "channel", "aht_seconds", "service_level", "max_occupancy", "patience_seconds",
                            "concurrency", "response_hours", "volume_factor", "aht_delta_seconds", "open", "handle_time"]

    /// `queues:` — a non-empty list; ids unique; channel-specific keys only on their channel.
    mutating func readQueues(_ node: Node, _ path: String) -> [QueueSettings] {
        guard let items = sequence(node, path, of: "queues") else { return [] }
        if items.isEmpty { error(node, path, "expected at least one queue") }
        var queues: [QueueSettings] = []
        var seen: [String: Int] = [:]
        for (i, item) in items.enumerated() {
            let itemPath = NodeReader.index(path, i)
            guard let queue = readQueue(item, itemPath) else { continue }
            if let first = seen[queue.id] {
                error(item, NodeReader.join(itemPath, "id"), "duplicate queue id '\(queue.id)' (also queues[\(first)])")
                continue
            }
            seen[queue.id] = i
            queues.append(queue)
        }
        return queues
    }

    private mutating func readQueue(_ node: Node, _ path: String) -> QueueSettings? {
        guard let pairs = mapping(node, path, allowed: NodeReader.queueKeys) else { return nil }
        func at(_ key: String) -> String { NodeReader.join(path, key) }
        let id = required(pairs, "id", parent: node, path, expected: "a queue id such as voice").flatMap { string($0, at("id")) }
        let channelNode = required(pairs, "channel", parent: node, path, expected: "voice, chat or email")
        var channel: QueueSettings.Channel?
        if let channelNode {
            let text = string(channelNode, at("channel"), what: "voice, chat or email")
            channel = text.flatMap(QueueSettings.Channel.init(rawValue:))
            if text != nil && channel == nil {
                error(channelNode, at("channel"), "expected voice, chat or email, got \(NodeReader.describe(channelNode))")
            }
        }
        let ahtNode = NodeReader.value(pairs, "aht_seconds")
        let aht = ahtNode.flatMap { number($0, at("aht_seconds"), what: "a handle time in seconds > 0") { $0 > 0 } }
        var serviceLevel: QueueSettings.ServiceLevel?
        var valid = id != nil && channel != nil && (ahtNode == nil || aht != nil)
        if let slNode = NodeReader.value(pairs, "service_level") {
            serviceLevel = readServiceLevel(slNode, at("service_level"))
            if serviceLevel == nil { valid = false }
        }
        let maxOccupancy = NodeReader.value(pairs, "max_occupancy").map {
            number($0, at("max_occupancy"), what: "a fraction in (0, 1]") { $0 > 0 && $0 <= 1 }
        } ?? 1
        let patience = NodeReader.value(pairs, "patience_seconds").map {
            number($0, at("patience_seconds"), what: "a mean patience in seconds > 0") { $0 > 0 }
        }
        let concurrency = NodeReader.value(pairs, "concurrency").map {
            int($0, at("concurrency"), in: 1...50, what: "a whole number of conversations from 1 to 50")
        } ?? 1
        let responseHours = NodeReader.value(pairs, "response_hours").map {
            number($0, at("response_hours"), what: "a number of hours > 0") { $0 > 0 }
        }
        let volumeFactor = NodeReader.value(pairs, "volume_factor").map {
            number($0, at("volume_factor"), what: "a multiplier ≥ 0") { $0 >= 0 }
        } ?? 1
        let ahtDelta = NodeReader.value(pairs, "aht_delta_seconds").map {
            number($0, at("aht_delta_seconds"), what: "a number of seconds (negative to shorten)") { _ in true }
        } ?? 0
        if let aht, let delta = ahtDelta, aht + delta <= 0 {
            error(NodeReader.value(pairs, "aht_delta_seconds"), at("aht_delta_seconds"),
                  "aht_seconds \(ScenarioSummary.number(aht)) + aht_delta_seconds \(ScenarioSummary.number(delta)) leaves no handle time; the result must be > 0")
            valid = false
        }
        var openFrom = 0, openTo = 1440
        if let openNode = NodeReader.value(pairs, "open") {
            if let hours = readOpeningHours(openNode, at("open")) { (openFrom, openTo) = hours } else { valid = false }
        }
        var handleTime = HandleTimeDistribution.exponential
        if let node = NodeReader.value(pairs, "handle_time") {
            if let h = readHandleTime(node, at("handle_time")) { handleTime = h } else { valid = false }
        }
        for value in [maxOccupancy, volumeFactor, ahtDelta] where value == nil { valid = false }
        if concurrency == nil || patience == .some(nil) || responseHours == .some(nil) { valid = false }

        if let channel {
            // Staffing models abandonment (Erlang A) for voice only; concurrency is chat's, response time email's.
            let onlyFor: [(String, QueueSettings.Channel, Bool)] = [
                ("concurrency", .chat, NodeReader.value(pairs, "concurrency") != nil),
                ("response_hours", .email, NodeReader.value(pairs, "response_hours") != nil),
                ("patience_seconds", .voice, NodeReader.value(pairs, "patience_seconds") != nil),
            ]
            for (key, allowedChannel, present) in onlyFor where present && channel != allowedChannel {
                error(NodeReader.value(pairs, key), at(key), "only \(allowedChannel.rawValue) queues take \(key); this queue's channel is \(channel.rawValue)")
                valid = false
            }
            if channel == .email {
                if responseHours == nil {
                    error(node, at("response_hours"), "missing required key: email queues need response_hours (every item answered within this many hours)")
                    valid = false
                }
                if let slNode = NodeReader.value(pairs, "service_level") {
                    error(slNode, at("service_level"), "email queues are deferred work: use response_hours, not service_level")
                    valid = false
                }
            } else if NodeReader.value(pairs, "service_level") == nil {
                error(node, at("service_level"), "missing required key: \(channel.rawValue) queues need service_level {target: 0.80, seconds: 20}")
                valid = false
            }
        }
        guard valid, let id, let channel, let maxOccupancy, let volumeFactor, let ahtDelta, let concurrency else { return nil }
        return QueueSettings(id: id, channel: channel, ahtSeconds: aht, serviceLevel: serviceLevel,
                             maxOccupancy: maxOccupancy, patienceSeconds: patience ?? nil, concurrency: concurrency,
                             responseHours: responseHours ?? nil, volumeFactor: volumeFactor, ahtDeltaSeconds: ahtDelta,
                             openFromMinute: openFrom, openToMinute: openTo, handleTime: handleTime)
    }

    /// `handle_time: {distribution: exponential}` or `{distribution: lognormal, cv: 1.0}` (cv > 0, lognormal only).
    private mutating func readHandleTime(_ node: Node, _ path: String) -> HandleTimeDistribution? {
        guard let pairs = mapping(node, path, allowed: ["distribution", "cv"]) else { return nil }
        let distributionNode = required(pairs, "distribution", parent: node, path, expected: "exponential or lognormal")
        guard let distributionNode, let name = string(distributionNode, NodeReader.join(path, "distribution"), what: "exponential or lognormal") else { return nil }
        let cvNode = NodeReader.value(pairs, "cv")
        switch name {
        case "exponential":
            if let cvNode {
                error(cvNode, NodeReader.join(path, "cv"), "only the lognormal distribution takes cv (the exponential's is 1)")
                return nil
            }
            return .exponential
        case "lognormal":
            let cv = required(pairs, "cv", parent: node, path, expected: "the coefficient of variation such as 1.0").flatMap {
                number($0, NodeReader.join(path, "cv"), what: "a coefficient of variation > 0") { $0 > 0 && $0.isFinite }
            }
            return cv.map { .lognormal(cv: $0) }
        default:
            error(distributionNode, NodeReader.join(path, "distribution"), "expected exponential or lognormal, got \(NodeReader.describe(distributionNode))")
            return nil
        }
    }

    private mutating func readServiceLevel(_ node: Node, _ path: String) -> QueueSettings.ServiceLevel? {
        guard let pairs = mapping(node, path, allowed: ["target", "seconds"]) else { return nil }
        let target = required(pairs, "target", parent: node, path, expected: "a fraction such as 0.80").flatMap {
            number($0, NodeReader.join(path, "target"), what: "a number between 0 and 1") { $0 > 0 && $0 < 1 }
        }
        let seconds = required(pairs, "seconds", parent: node, path, expected: "the answer-time threshold in seconds").flatMap {
            number($0, NodeReader.join(path, "seconds"), what: "a number of seconds ≥ 0") { $0 >= 0 }
        }
        guard let target, let seconds else { return nil }
        return QueueSettings.ServiceLevel(target: target, seconds: seconds)
    }

    /// `{from: "07:00", to: "21:00"}`; `to` may be "24:00" and must be after `from`.
    private mutating func readOpeningHours(_ node: Node, _ path: String) -> (Int, Int)? {
        guard let pairs = mapping(node, path, allowed: ["from", "to"]) else { return nil }
        let from = required(pairs, "from", parent: node, path, expected: "an opening time \"HH:MM\"").flatMap {
            timeOfDay($0, NodeReader.join(path, "from"))
        }
        let to = required(pairs, "to", parent: node, path, expected: "a closing time \"HH:MM\"").flatMap {
            timeOfDay($0, NodeReader.join(path, "to"), allowEndOfDay: true)
        }
        guard let from, let to else { return nil }
        guard from < to else {
            error(NodeReader.value(pairs, "to"), NodeReader.join(path, "to"),
                  "closing time must be after the opening time \(NodeReader.clock(from)); use \"24:00\" for midnight")
            return nil
        }
        return (from, to)
    }

    /// "HH:MM" of minutes after midnight.
    static func clock(_ minute: Int) -> String {
        let h = minute / 60, m = minute % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }
}
