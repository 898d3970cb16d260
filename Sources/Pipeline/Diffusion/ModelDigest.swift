import Crypto
import Foundation

/// SHA-256 of a checkpoint folder: every config, tokenizer and weight file, by relative
/// path. It goes into the content hash, so replacing the weights makes the images again,
/// and into `meta.json`. Digests are kept per file size and modification time, so a watch
/// session or a build of many prompts reads each multi-gigabyte file once.
enum ModelDigest {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var known: [String: (stamp: String, digest: String)] = [:]

    /// The files that make up a checkpoint, relative to its folder, sorted.
    static func files(in folder: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else { return [] }
        let base = folder.standardizedFileURL.path + "/"
        return walker.compactMap { item -> String? in
            guard let url = item as? URL, ["json", "txt", "safetensors"].contains(url.pathExtension),
                  (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { return nil }
            let path = url.standardizedFileURL.path
            return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : nil
        }.sorted()
    }

    static func sha256(of folder: URL) throws -> String {
        var whole = SHA256()
        for name in files(in: folder) {
            whole.update(data: Data("\(name)\0\(try fileDigest(folder.appendingPathComponent(name)))\n".utf8))
        }
        return whole.finalize().map { String(format: "%02x", $0) }.joined()
    }

    private static func fileDigest(_ url: URL) throws -> String {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        let stamp = "\(attributes[.size] as? Int ?? -1)-\((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
        if let cached = lock.withLock({ known[url.path] }), cached.stamp == stamp { return cached.digest }
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hash = SHA256()
        while let chunk = try handle.read(upToCount: 8 << 20), !chunk.isEmpty { hash.update(data: chunk) }
        let digest = hash.finalize().map { String(format: "%02x", $0) }.joined()
        lock.withLock { known[url.path] = (stamp, digest) }
        return digest
    }
}
