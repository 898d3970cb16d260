import Foundation

/// Writes files so readers see either the old or the new content, never a partial one:
/// the bytes go to a temporary file in the same folder, which is then renamed over the target.
public enum AtomicFile {
    /// Prefix of temporary files; a build sweeps leftovers of crashed runs by this name.
    public static let temporaryPrefix = ".medsynth-tmp-"

    public static func write(_ data: Data, to url: URL) throws {
        try write(to: url) { try data.write(to: $0) }
    }

    /// Lets `fill` write the file at a temporary path (an encoder that writes files itself),
    /// then renames it into place.
    public static func write(to url: URL, using fill: (URL) throws -> Void) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent("\(temporaryPrefix)\(UUID().uuidString)-\(url.lastPathComponent)")
        do {
            try fill(temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Removes temporary files left by a crashed or killed run anywhere under `folder`.
    public static func sweepLeftovers(under folder: URL) {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return }
        for case let url as URL in walker where url.lastPathComponent.hasPrefix(temporaryPrefix) {
            try? FileManager.default.removeItem(at: url)
        }
    }
}
