import Foundation
import Imaging
import SynthNumerics

/// Writes the deep-zoom tile pyramid: libvips fills a temporary folder, which then replaces
/// `tiles/` by rename, so the viewer never sees a half-written pyramid.
enum TileExport {
    static func write(_ image: GraySource, window: DisplayWindow, into folder: URL, relativePath: String) throws -> [OutputFile] {
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent("\(AtomicFile.temporaryPrefix)\(UUID().uuidString)-tiles")
        defer { try? manager.removeItem(at: temporary) }
        try ImageEncoders.deepZoomTiles(image, window: window, into: temporary)
        // libvips stamps this file with the current time; the viewer doesn't need it.
        try? manager.removeItem(at: temporary.appendingPathComponent("vips-properties.xml"))
        let target = folder.appendingPathComponent("tiles")
        let previous = folder.appendingPathComponent("\(AtomicFile.temporaryPrefix)\(UUID().uuidString)-old-tiles")
        if manager.fileExists(atPath: target.path) { try manager.moveItem(at: target, to: previous) }
        try manager.moveItem(at: temporary, to: target)
        try? manager.removeItem(at: previous)

        return [try treeEntry(target, path: relativePath.isEmpty ? "tiles" : "\(relativePath)/tiles")]
    }

    /// One manifest entry for the whole pyramid: total bytes, and the SHA-256 of the sorted
    /// list of "<tile path> <tile sha256>" lines, so a manifest of thousands of images stays small.
    private static func treeEntry(_ folder: URL, path: String) throws -> OutputFile {
        let manager = FileManager.default
        var lines: [String] = []
        var bytes = 0
        for sub in try manager.subpathsOfDirectory(atPath: folder.path).sorted() {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(sub)
            guard manager.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            let data = try Data(contentsOf: url)
            bytes += data.count
            lines.append("\(sub) \(Hashing.sha256Hex(data))")
        }
        return OutputFile(path: path, bytes: bytes, sha256: Hashing.sha256Hex(Data(lines.joined(separator: "\n").utf8)))
    }
}
