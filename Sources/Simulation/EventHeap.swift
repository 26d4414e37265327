/// A binary min-heap of simulation events ordered by (time, code).
///
/// The code packs the event kind in its top byte (so simultaneous events run in kind order) and its
/// operands below, which makes the order total and every run deterministic. swift-collections' `Heap`
/// would do the same job; this 40-line heap keeps the package free of one more dependency and compares
/// the two keys inline.
struct EventHeap {
    struct Event {
        var time: Double
        var code: UInt64
        @inline(__always) static func < (a: Event, b: Event) -> Bool {
            a.time < b.time || (a.time == b.time && a.code < b.code)
        }
    }

    private var items: [Event] = []

    init(capacity: Int) { items.reserveCapacity(capacity) }

    var isEmpty: Bool { items.isEmpty }

    mutating func push(_ time: Double, _ code: UInt64) {
        var i = items.count
        let event = Event(time: time, code: code)
        items.append(event)
        while i > 0 {
            let parent = (i - 1) >> 1
            guard event < items[parent] else { break }
            items[i] = items[parent]
            i = parent
        }
        items[i] = event
    }

    /// Removes and returns the earliest event (the heap must not be empty).
    mutating func pop() -> Event {
        let top = items[0]
        let last = items.removeLast()
        let n = items.count
        guard n > 0 else { return top }
        var i = 0
        while true {
            var child = 2 * i + 1
            guard child < n else { break }
            if child + 1 < n && items[child + 1] < items[child] { child += 1 }
            guard items[child] < last else { break }
            items[i] = items[child]
            i = child
        }
        items[i] = last
        return top
    }
}
