import Foundation
import Gallery
import Prompting

/// Writes the site-wide files of a build: `manifest.json`, `labels.csv`, the gallery pages
/// and the theme's assets, each atomically and only when its bytes changed. `manifest.json`
/// comes last: it marks the build as complete for watchers and `medsynth serve`.
struct SiteWriter {
    let site: Site

    func write(_ manifest: Manifest) throws {
        let theme = try GalleryTheme.load(from: site.templates)
        try writeIfChanged(Data(LabelsCSV.render(manifest.images).utf8), "labels.csv")
        for (path, data) in theme.assets.sorted(by: { $0.key < $1.key }) {
            try writeIfChanged(data, "assets/\(path)")
        }
        let viewer = try ViewerAssets.copy(into: site.output.appendingPathComponent("assets/leaflet"))
        let context = GalleryContext(manifest: manifest, viewerAvailable: viewer)
        try writeIfChanged(Data(theme.render("index", context.index()).utf8), "index.html")
        if theme.has("compare") {
            try writeIfChanged(Data(theme.render("compare", context.compare()).utf8), "compare.html")
        }
        if theme.has("image") {
            for position in manifest.images.indices {
                let page = theme.render("image", context.imagePage(at: position))
                try writeIfChanged(Data(page.utf8), "images/\(manifest.images[position].id)/index.html")
            }
        }
        try writeIfChanged(try manifest.encoded(), Manifest.fileName)
    }

    /// Leaves unchanged files alone so browsers and watchers see only real changes.
    private func writeIfChanged(_ data: Data, _ path: String) throws {
        let url = site.output.appendingPathComponent(path)
        if let existing = try? Data(contentsOf: url), existing == data { return }
        try AtomicFile.write(data, to: url)
    }
}

