import Foundation
import Gallery
import Prompting

/// Writes the site-wide files of a build: `manifest.json`, `labels.csv`, the gallery pages
/// and the theme's assets, each atomically and only when its bytes changed.
struct SiteWriter {
    let site: Site

    func write(_ manifest: Manifest) throws {
        let theme = try GalleryTheme.load(from: site.templates)
        try writeIfChanged(try manifest.encoded(), Manifest.fileName)
        try writeIfChanged(Data(LabelsCSV.render(manifest.images).utf8), "labels.csv")
        for (path, data) in theme.assets.sorted(by: { $0.key < $1.key }) {
            try writeIfChanged(data, "assets/\(path)")
        }
        let index = theme.render("index", GalleryContext.index(manifest, fileCount: Set(manifest.images.map(\.source) + manifest.errors.map(\.file)).count))
        try writeIfChanged(Data(index.utf8), "index.html")
    }

    /// Leaves unchanged files alone so browsers and watchers see only real changes.
    private func writeIfChanged(_ data: Data, _ path: String) throws {
        let url = site.output.appendingPathComponent(path)
        if let existing = try? Data(contentsOf: url), existing == data { return }
        try AtomicFile.write(data, to: url)
    }
}

/// The values gallery templates see, documented in README ("Gallery templates").
enum GalleryContext {
    static func index(_ manifest: Manifest, fileCount: Int) -> [String: Any] {
        [
            "title": manifest.title,
            "imageCount": manifest.images.count,
            "fileCount": fileCount,
            "errorCount": manifest.errors.count,
            "hasErrors": !manifest.errors.isEmpty,
            "errors": manifest.errors.map { error -> [String: Any] in
                ["file": error.file, "line": error.line > 0 ? error.line : false, "column": error.column, "message": error.message]
            },
            "images": manifest.images.map(image),
        ]
    }

    static func image(_ record: ImageRecord) -> [String: Any] {
        let paths = Set(record.files.map(\.path))
        let folder = "images/\(record.id)"
        let thumb = "\(folder)/thumb.jpg"
        let chips = Observation.allCases.compactMap { observation -> [String: Any]? in
            guard observation != .noFinding || record.labels.count == 1,
                  let label = record.labels[observation.rawValue] else { return nil }
            let kind = label == 1 ? "positive" : label == -1 ? "uncertain" : "negative"
            return ["name": observation.rawValue, "kind": kind, "label": "\(observation.rawValue): \(kind)"]
        }
        let aspect = Double(record.size.height) / Double(record.size.width)
        return [
            "id": record.id,
            "displayTitle": record.title ?? record.id,
            "alt": record.prompt,
            "thumb": paths.contains(thumb) ? thumb : false,
            "thumbHeight": Int((256 * aspect).rounded()),
            "full": "\(folder)/image.png",
            "meta": "\(folder)/meta.json",
            "chips": chips,
            "seed": record.seed,
            "size": record.size.description,
            "prompt": record.prompt,
            "source": record.source,
            "tags": record.tags,
        ]
    }
}
