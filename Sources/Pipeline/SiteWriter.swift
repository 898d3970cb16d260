import Foundation
import Gallery
import Prompting

/// Writes the site-wide files of a build: `manifest.json`, `labels.csv`, the gallery pages
/// and the theme's assets, each atomically and only when its bytes changed. `manifest.json`
/// comes last: it marks the build as complete for watchers and `medsynth serve`.
struct SiteWriter {
    let site: Site
    /// Cards and manifest entries of unchanged images, kept by `watch` between builds.
    var cache: GalleryCache?

    /// `previous` is the manifest of the last build: pages it shows as up to date are kept.
    func write(_ manifest: Manifest, previous: Manifest?) throws {
        var manifest = manifest
        let theme = try GalleryTheme.load(from: site.templates)
        let labels = LabelsCSV.render(manifest.images) { record in
            cache?.fragment(LabelsCSV.fragmentKind, for: record) { LabelsCSV.row(record) } ?? LabelsCSV.row(record)
        }
        try writeIfChanged(Data(labels.utf8), "labels.csv")
        for (path, data) in theme.assets.sorted(by: { $0.key < $1.key }) {
            try writeIfChanged(data, "assets/\(path)")
        }
        let viewer = try ViewerAssets.copy(into: site.output.appendingPathComponent("assets/leaflet"))
        manifest.theme = theme.fingerprint + (viewer ? "+viewer" : "")
        let pages = PageChanges(previous: previous, current: manifest, output: site.output)
        let context = GalleryContext(manifest: manifest, viewerAvailable: viewer)
        if pages.siteChanged {
            let indexCards = cards(theme: theme, template: "card", context: context)
            try writeIfChanged(Data(theme.render("index", context.index(cards: indexCards(manifest.images))).utf8), "index.html")
            if theme.has("compare") {
                let compareCards = cards(theme: theme, template: "compare-card", context: context)
                try writeIfChanged(Data(theme.render("compare", context.compare(cards: compareCards)).utf8), "compare.html")
            }
        }
        if theme.has("image") {
            for position in manifest.images.indices where pages.imagePageChanged(at: position) {
                let page = theme.render("image", context.imagePage(at: position))
                try writeIfChanged(Data(page.utf8), "images/\(manifest.images[position].id)/index.html")
            }
        }
        try writeIfChanged(try manifest.encoded(cache: cache), Manifest.fileName)
        cache?.remember(manifest, writtenTo: site.output.appendingPathComponent(Manifest.fileName))
        cache?.keepFragments(ids: Set(manifest.images.map(\.id)),
                             kinds: [Manifest.fragmentKind, LabelsCSV.fragmentKind, cardKind(theme, "card"), cardKind(theme, "compare-card")])
    }

    /// Renders records with a card template (each card alone, with its own values), reusing
    /// the cached card of every record unchanged since the last build.
    private func cards(theme: GalleryTheme, template: String, context: GalleryContext) -> ([ImageRecord]) -> String {
        guard theme.has(template) else { return { _ in "" } }
        let kind = cardKind(theme, template)
        return { records in
            records.map { record in
                let render = { theme.render(template, context.card(record, prefix: "")) }
                return cache?.fragment(kind, for: record, make: render) ?? render()
            }.joined()
        }
    }

    private func cardKind(_ theme: GalleryTheme, _ template: String) -> String { "\(template)@\(theme.fingerprint)" }

    /// Leaves unchanged files alone so browsers and watchers see only real changes.
    private func writeIfChanged(_ data: Data, _ path: String) throws {
        let url = site.output.appendingPathComponent(path)
        if let existing = try? Data(contentsOf: url), existing == data { return }
        try AtomicFile.write(data, to: url)
    }
}


/// Which gallery pages a build must render again, from the last build's manifest: an image
/// page shows its record, its neighbours' titles and the site title through the theme, and the
/// index and compare pages show every record. With 1,000 images this keeps a one-file change
/// from re-rendering 1,000 pages.
struct PageChanges {
    let previous: Manifest?
    let current: Manifest
    let output: URL
    private let previousPosition: [String: Int]

    init(previous: Manifest?, current: Manifest, output: URL) {
        self.previous = previous
        self.current = current
        self.output = output
        previousPosition = Dictionary((previous?.images ?? []).enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    private var sameFrame: Bool { previous?.theme == current.theme && previous?.title == current.title }

    var siteChanged: Bool {
        guard sameFrame, let previous, previous.images == current.images, previous.errors == current.errors else { return true }
        return !exists("index.html")
    }

    func imagePageChanged(at position: Int) -> Bool {
        let record = current.images[position]
        guard sameFrame, let previous, let old = previousPosition[record.id], previous.images[old] == record else { return true }
        func neighbour(_ images: [ImageRecord], _ index: Int) -> String? {
            images.indices.contains(index) ? images[index].id + "\0" + (images[index].title ?? "") : nil
        }
        guard neighbour(previous.images, old - 1) == neighbour(current.images, position - 1),
              neighbour(previous.images, old + 1) == neighbour(current.images, position + 1) else { return true }
        return !exists("images/\(record.id)/index.html")
    }

    private func exists(_ path: String) -> Bool {
        access(output.path + "/" + path, F_OK) == 0
    }
}
