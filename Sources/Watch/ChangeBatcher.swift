import Foundation

/// Collects watch events into batches: a batch is ready once no new event has arrived for
/// `quiet` (editors' rename-saves, slow writers and copies of many files then arrive as one
/// batch), with duplicates removed and editor temp files dropped. A file renamed into place
/// is already whole, so its event needs only `settle`, long enough to gather the rest of a
/// burst (`mv *.yaml prompts/`).
public final class ChangeBatcher: @unchecked Sendable {
    /// The changes of one batch.
    public struct Batch: Sendable, Equatable {
        /// Changed paths, sorted, without duplicates.
        public var paths: [String]
        /// Why a full rescan is needed, if it is.
        public var rescanReasons: [String]

        public init(paths: [String], rescanReasons: [String]) {
            self.paths = paths
            self.rescanReasons = rescanReasons
        }
    }

    private let quiet: TimeInterval
    private let settle: TimeInterval
    /// Signalled on every event, so a waiting taker wakes as soon as a batch can be ready.
    private let condition = NSCondition()
    private var paths: Set<String> = []
    private var reasons: [String] = []
    /// When the batch is ready unless more events arrive.
    private var readyAt: Date?

    public init(quiet: TimeInterval = 0.1, settle: TimeInterval = 0.02) {
        self.quiet = quiet
        self.settle = min(settle, quiet)
    }

    /// Names editors and tools write while saving: `.#x`, `x~`, `.x.swp`, vim's `4913`.
    public static func isTemporary(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        return name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name == "4913"
    }

    public func add(_ event: WatchEvent, at time: Date = Date()) {
        condition.lock()
        defer { condition.unlock() }
        let wait: TimeInterval
        switch event {
        case .changed(let path, let complete):
            guard !Self.isTemporary(path) else { return }
            paths.insert(path)
            wait = complete ? settle : quiet
        case .rescan(let reason):
            reasons.append(reason)
            wait = quiet
        }
        // A later event never makes the batch ready sooner than an earlier one asked for.
        readyAt = max(readyAt ?? .distantPast, time.addingTimeInterval(wait))
        condition.broadcast()
    }

    /// True when a batch is ready (without taking it).
    public func isSettled(now: Date = Date()) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard let readyAt else { return false }
        return now >= readyAt
    }

    /// The batch, if events are waiting and have settled.
    public func takeIfSettled(now: Date = Date()) -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        return takeLocked(now: now)
    }

    /// Waits up to `timeout` for a settled batch, waking as events arrive.
    public func waitForBatch(timeout: TimeInterval) -> Batch? {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            let now = Date()
            if let batch = takeLocked(now: now) { return batch }
            guard now < deadline else { return nil }
            _ = condition.wait(until: min(deadline, readyAt ?? deadline))
        }
    }

    private func takeLocked(now: Date) -> Batch? {
        guard let readyAt, now >= readyAt else { return nil }
        let batch = Batch(paths: paths.sorted(), rescanReasons: reasons)
        paths = []
        reasons = []
        self.readyAt = nil
        return batch
    }
}
