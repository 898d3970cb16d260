import Foundation

/// Leaflet, the deep-zoom viewer of the image pages, comes from Debian's `libjs-leaflet`
/// (installed by `make deps`) and is copied into `output/assets/leaflet/`, never committed.
enum ViewerAssets {
    static let source = URL(fileURLWithPath: "/usr/share/javascript/leaflet")

    /// Copies Leaflet once; returns false when it isn't installed (pages then show the preview).
    static func copy(into target: URL) throws -> Bool {
        let manager = FileManager.default
        if manager.fileExists(atPath: target.appendingPathComponent("leaflet.js").path) { return true }
        guard manager.fileExists(atPath: source.appendingPathComponent("leaflet.js").path) else { return false }
        try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = target.deletingLastPathComponent().appendingPathComponent("\(AtomicFile.temporaryPrefix)\(UUID().uuidString)-leaflet")
        // Debian's folder holds symlinks into /usr/share/nodejs; copy what they point to.
        try manager.createDirectory(at: temporary, withIntermediateDirectories: true)
        for name in ["leaflet.js", "leaflet.css", "images"] where manager.fileExists(atPath: source.appendingPathComponent(name).path) {
            let item = source.appendingPathComponent(name).resolvingSymlinksInPath()
            try manager.copyItem(at: item, to: temporary.appendingPathComponent(name))
        }
        try? manager.removeItem(at: target)
        try manager.moveItem(at: temporary, to: target)
        return true
    }
}
