import Foundation
import Prompting

/// Remembers the jobs of each prompt file between builds of a long-running `watch`, keyed by
/// the file's size, modification time and inode, so an event re-reads only what changed.
/// A change of `medsynth.yaml` empties it (defaults apply to every file).
public final class PlanCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (stamp: FileStamp, outcome: Result<[ImageJob], PromptFileError>)] = [:]
    private var configStamp: FileStamp?

    public init() {}

    func outcome(for path: String, stamp: FileStamp) -> Result<[ImageJob], PromptFileError>? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[path], entry.stamp == stamp else { return nil }
        return entry.outcome
    }

    func store(_ outcome: Result<[ImageJob], PromptFileError>, for path: String, stamp: FileStamp) {
        lock.lock()
        entries[path] = (stamp, outcome)
        lock.unlock()
    }

    /// Forgets everything when the site config changed since the last call.
    func noteConfig(_ stamp: FileStamp?) {
        lock.lock()
        if stamp != configStamp { entries = [:] }
        configStamp = stamp
        lock.unlock()
    }

    /// Drops files that no longer exist.
    func keep(only paths: Set<String>) {
        lock.lock()
        entries = entries.filter { paths.contains($0.key) }
        lock.unlock()
    }
}

/// What identifies a version of a file without reading it.
struct FileStamp: Equatable, Sendable {
    var size: Int64
    var modified: Int64
    var inode: UInt64

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        inode = UInt64(info.st_ino)
    }
}
