import CInotify
import Foundation

/// Something that happened to the watched files.
public enum WatchEvent: Sendable, Equatable {
    /// A file or folder at this path was written, created, moved in or out, or deleted.
    /// `complete` when it was renamed into place: its content is whole (an editor's save,
    /// a file moved in), so there is no writer to wait for.
    case changed(path: String, complete: Bool = false)
    /// Events may have been lost (queue overflow, a watched folder went away, a folder moved
    /// in): everything must be looked at again.
    case rescan(reason: String)
}

/// Watches folders (recursively, new subfolders included) and single folders' direct
/// entries with inotify, and hands events out through an `AsyncStream`.
///
/// libinotifytools keeps static state and is not thread-safe, so one dedicated thread owns
/// it for the watcher's whole life; nothing else in the process may use it.
public final class FileWatcher: @unchecked Sendable {
    public let events: AsyncStream<WatchEvent>
    private let continuation: AsyncStream<WatchEvent>.Continuation
    private let recursive: [String]
    private let shallow: [String]
    private let stopLock = NSLock()
    private var stopRequested = false
    private let stopped = DispatchSemaphore(value: 0)

    /// Events that mean a file's content or presence changed. Editors that save by rename
    /// give IN_MOVED_TO; plain writers give IN_CLOSE_WRITE.
    static let mask = Int32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF)

    /// `recursive`: folders watched with all their subfolders; `shallow`: folders whose
    /// direct entries only are watched (the site root, for `medsynth.yaml`).
    public init(recursive: [URL], shallow: [URL]) {
        (events, continuation) = AsyncStream.makeStream(of: WatchEvent.self, bufferingPolicy: .unbounded)
        self.recursive = recursive.map(\.path)
        self.shallow = shallow.map(\.path)
    }

    /// Starts the watching thread. Throws if inotify can't start (e.g. no instances left).
    public func start() throws {
        let ready = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        let thread = Thread { [self] in
            guard inotifytools_initialize() == 1 else {
                failure.message = "cannot start inotify: \(String(cString: strerror(inotifytools_error())))"
                ready.signal()
                stopped.signal()
                return
            }
            for folder in recursive where FileManager.default.fileExists(atPath: folder) {
                _ = inotifytools_watch_recursively(folder, Self.mask)
            }
            for folder in shallow { _ = inotifytools_watch_file(folder, Self.mask) }
            ready.signal()
            run()
            inotifytools_cleanup()
            continuation.finish()
            stopped.signal()
        }
        thread.name = "medsynth.inotify"
        thread.start()
        ready.wait()
        if let message = failure.message { throw WatchError(description: message) }
    }

    /// Asks the thread to stop and waits for it (at most about one second: the poll period).
    public func stop() {
        stopLock.lock()
        let already = stopRequested
        stopRequested = true
        stopLock.unlock()
        if !already { stopped.wait() }
    }

    private var shouldStop: Bool {
        stopLock.lock()
        defer { stopLock.unlock() }
        return stopRequested
    }

    private func run() {
        while !shouldStop {
            // The timeout is in whole seconds; 1 s bounds how long stop() waits.
            guard let event = inotifytools_next_event(1) else { continue }
            // The event lives in libinotifytools' static storage: copy what we need now.
            let mask = Int32(bitPattern: event.pointee.mask)
            if mask & Int32(IN_Q_OVERFLOW) != 0 {
                continuation.yield(.rescan(reason: "inotify queue overflowed"))
                continue
            }
            var name: UnsafePointer<CChar>?
            var folderLength = 0
            guard let folder = inotifytools_filename_from_event(event, &name, &folderLength) else { continue }
            let path = String(cString: folder) + (name.map { String(cString: $0) } ?? "")
            let isFolder = UInt32(bitPattern: mask) & UInt32(IN_ISDIR) != 0
            let insideRecursive = recursive.contains { path == $0 || path.hasPrefix($0 + "/") || path == $0 + "/" }
            if isFolder && mask & Int32(IN_CREATE | IN_MOVED_TO) != 0 && insideRecursive {
                // Watches are not recursive by themselves; the new folder may already hold files.
                _ = inotifytools_watch_recursively(path, Self.mask)
                continuation.yield(.rescan(reason: "folder \(path) appeared"))
            } else if mask & Int32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 && recursive.contains(where: { path.hasPrefix($0) && path.count <= $0.count + 1 }) {
                continuation.yield(.rescan(reason: "watched folder \(path) went away"))
            } else {
                continuation.yield(.changed(path: path.hasSuffix("/") ? String(path.dropLast()) : path,
                                            complete: mask & Int32(IN_MOVED_TO) != 0))
            }
        }
    }
}

/// Why watching could not start.
public struct WatchError: Error, CustomStringConvertible {
    public var description: String
}

private final class FailureBox: @unchecked Sendable {
    var message: String?
}
