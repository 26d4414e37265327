import WFMCore

/// Average handle time per weekday-interval, volume-weighted:
/// `AHT(w, i) = Σ handle seconds / Σ contacts with a handle time` over interval `i` of the last `weeks`
/// learnable days of weekday `w`. Where that has no contacts, the same interval over the learnable days
/// of the last `weeks` weeks (any weekday); then the whole queue over those days; then `fallbackSeconds`.
/// Returns nil only when the queue has no handle time at all and no fallback is given.
struct HandleTime {
    var weeks = 8

    func perInterval(_ history: QueueHistory, series s: DaySeries, weekday w: Int, fallbackSeconds: Double?) -> [Double]? {
        let n = s.slotsPerDay
        let sameWeekday = s.recentDays(weekday: w, count: weeks)
        let recent = (max(0, s.dayCount - 7 * weeks)..<s.dayCount).filter { s.learnable[$0] }
        func ratio(_ days: [Int], slots: [Int]) -> Double? {
            var seconds = 0.0, contacts = 0.0
            for d in days {
                for i in slots {
                    seconds += history.handleSeconds[d * n + i]
                    contacts += history.contactsWithHandleTime[d * n + i]
                }
            }
            return contacts > 0 ? seconds / contacts : nil
        }
        let queueAHT = ratio(recent, slots: Array(0..<n)) ?? fallbackSeconds
        guard let queueAHT else { return nil }
        return (0..<n).map { i in ratio(sameWeekday, slots: [i]) ?? ratio(recent, slots: [i]) ?? queueAHT }
    }
}
