import Foundation

/// What a long-running `watch` keeps between builds so that a one-file change costs about
/// one image's work, not the whole gallery's: the manifest as last written, and each image's
/// rendered cards and manifest entry. Every entry is checked before use (the manifest against
/// the file's stamp on disk, a fragment against the record and theme it was made from), so a
/// stale entry is never served.
public final class GalleryCache: @unchecked Sendable {
    private let lock = NSLock()
    private var manifest: (value: Manifest, stamp: FileStamp)?
    private var fragments: [FragmentKey: (record: ImageRecord, text: String)] = [:]

    public init() {}

    private struct FragmentKey: Hashable {
        /// A template name (`card`, `compare-card`) with the theme's fingerprint, `json`
        /// (manifest entries) or `csv` (rows of `labels.csv`).
        var kind: String
        var id: String
    }

    /// The manifest this process last wrote to `url`, when the file on disk is still that one.
    func manifest(at url: URL) -> Manifest? {
        lock.lock()
        defer { lock.unlock() }
        guard let manifest, let stamp = FileStamp(path: url.path), stamp == manifest.stamp else { return nil }
        return manifest.value
    }

    func remember(_ value: Manifest, writtenTo url: URL) {
        lock.lock()
        defer { lock.unlock() }
        manifest = FileStamp(path: url.path).map { (value, $0) }
    }

    /// The text made by `make` for `record` under `kind`, made again only when the record changed.
    func fragment(_ kind: String, for record: ImageRecord, make: () throws -> String) rethrows -> String {
        let key = FragmentKey(kind: kind, id: record.id)
        lock.lock()
        let known = fragments[key]
        lock.unlock()
        if let known, known.record == record { return known.text }
        let text = try make()
        lock.lock()
        fragments[key] = (record, text)
        lock.unlock()
        return text
    }

    /// Forgets the fragments of images that are gone and of themes no longer in use.
    func keepFragments(ids: Set<String>, kinds: Set<String>) {
        lock.lock()
        fragments = fragments.filter { ids.contains($0.key.id) && kinds.contains($0.key.kind) }
        lock.unlock()
    }
}
