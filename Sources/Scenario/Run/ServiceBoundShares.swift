import Scheduling

/// The scheduler's service bound (`Scheduling.ServiceBound`, in answered contacts) as shares of the
/// figures a run reports (`ServiceFigures`), valid for exactly those figures.
///
/// - A queue answered at once (voice, chat): `ServiceFigures` counts its answered contacts with the
///   scheduler's own projection, so `min(1, b_q / contacts_q)` bounds its service level.
/// - Deferred work (email): the reported level is the FIFO response model (`DeferredResponse`),
///   which the scheduler's bound does not cover: no per-queue bound (nil), and in the overall
///   share it counts as fully answered, the only bound valid for every model.
/// - Overall, as the run table weighs it (Σ level_q · contacts_q / Σ contacts_q):
///   (min(B, Σ b_q over immediate queues) + Σ contacts of deferred queues) / Σ contacts, where B
///   bounds all queues' answered contacts together, so also the immediate queues' alone. Proof:
///   the numerator's first term bounds the immediate queues' answered contacts, the second the
///   deferred queues' level × contacts.
struct ServiceBoundShares {
    /// Per queue id; nil where no valid bound is known or the queue is deferred work.
    var perQueue: [String: Double?] = [:]
    /// The share of all contacts, nil without a bound.
    var overall: Double?

    /// `problemQueueIDs`: the scheduler's queue order, that of `ServiceBound.perQueue`.
    init(figures: ServiceFigures, bound: ServiceBound?, problemQueueIDs: [String]) {
        guard let bound else { return }
        let answeredAlone = Dictionary(zip(problemQueueIDs, bound.perQueue), uniquingKeysWith: { first, _ in first })
        var immediate: Double? = 0, deferredContacts = 0.0, contacts = 0.0
        for q in figures.queues {
            contacts += q.contacts
            if q.deferred != nil {
                deferredContacts += q.contacts
                perQueue[q.queueID] = .some(nil)
                continue
            }
            let alone = answeredAlone[q.queueID] ?? nil
            perQueue[q.queueID] = alone.map { q.contacts > 0 ? min(1, $0 / q.contacts) : 1 }
            immediate = alone.flatMap { a in immediate.map { $0 + a } }
        }
        let answered = min(bound.answered, immediate ?? .infinity) + deferredContacts
        overall = contacts > 0 ? min(1, answered / contacts) : 1
    }
}
