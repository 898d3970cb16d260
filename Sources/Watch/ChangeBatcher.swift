import Foundation

/// Collects watch events into batches: a batch is ready once no new event has arrived for
/// `quiet` (editors' rename-saves, slow writers and copies of many files then arrive as one
/// batch), with duplicates removed and editor temp files dropped.
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
    private let lock = NSLock()
    private var paths: Set<String> = []
    private var reasons: [String] = []
    private var lastEvent: Date?

    public init(quiet: TimeInterval = 0.1) { self.quiet = quiet }

    /// Names editors and tools write while saving: `.#x`, `x~`, `.x.swp`, vim's `4913`.
    public static func isTemporary(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        return name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name == "4913"
    }

    public func add(_ event: WatchEvent, at time: Date = Date()) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .changed(let path):
            guard !Self.isTemporary(path) else { return }
            paths.insert(path)
        case .rescan(let reason):
            reasons.append(reason)
        }
        lastEvent = time
    }

    /// True when a batch is ready (without taking it).
    public func isSettled(now: Date = Date()) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard let lastEvent else { return false }
        return now.timeIntervalSince(lastEvent) >= quiet
    }

    /// The batch, if events are waiting and none arrived for `quiet`.
    public func takeIfSettled(now: Date = Date()) -> Batch? {
        lock.lock()
        defer { lock.unlock() }
        guard let lastEvent, now.timeIntervalSince(lastEvent) >= quiet else { return nil }
        let batch = Batch(paths: paths.sorted(), rescanReasons: reasons)
        paths = []
        reasons = []
        self.lastEvent = nil
        return batch
    }
}
