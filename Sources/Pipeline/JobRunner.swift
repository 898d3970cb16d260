import Foundation

/// Runs work items on at most `width` threads at once and returns results in input order.
struct JobRunner {
    let width: Int

    func run<Item: Sendable, Output: Sendable>(_ items: [Item], _ body: @escaping @Sendable (Item) -> Output) -> [Output] {
        let results = ResultSlots<Output>(count: items.count)
        let slots = DispatchSemaphore(value: width)
        let group = DispatchGroup()
        let queue = DispatchQueue(label: "medsynth.jobs", attributes: .concurrent)
        for (index, item) in items.enumerated() {
            slots.wait()
            queue.async(group: group) {
                defer { slots.signal() }
                results.set(index, body(item))
            }
        }
        group.wait()
        return results.values
    }
}

/// Results written from several threads, each slot once.
private final class ResultSlots<Output>: @unchecked Sendable {
    private var slots: [Output?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Output) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Output] { slots.map { $0! } }
}
