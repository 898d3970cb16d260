import Foundation
import Gallery
import Prompting

/// The values gallery templates see (documented in README, "Gallery templates"). Built from
/// the manifest only, so pages can be re-rendered without touching any image.
struct GalleryContext {
    let manifest: Manifest
    /// Whether Leaflet is in `assets/leaflet/`; without it image pages show the preview.
    let viewerAvailable: Bool

    /// Overlay colours of the mask of each observation, in `Observation.allCases` order.
    static let maskColors = ["#9e9e9e", "#ab47bc", "#ef5350", "#ffa726", "#ffee58", "#29b6f6", "#66bb6a",
                             "#26a69a", "#8d6e63", "#42a5f5", "#5c6bc0", "#ec407a", "#d4e157", "#ffffff"]

    /// `cards` is every image's card, rendered by the theme's `card` template; the `images`
    /// list behind them is built only for themes that iterate it themselves.
    func index(cards: String) -> LazyContext {
        var positive: [Observation: Int] = [:], uncertain: [Observation: Int] = [:]
        for image in manifest.images {
            for (name, label) in image.labels {
                guard let observation = Observation(rawValue: name) else { continue }
                if label == 1 { positive[observation, default: 0] += 1 }
                if label == -1 { uncertain[observation, default: 0] += 1 }
            }
        }
        let findingCounts = Observation.allCases.compactMap { observation -> [String: Any]? in
            let p = positive[observation] ?? 0, u = uncertain[observation] ?? 0
            guard p + u > 0 else { return nil }
            return ["name": observation.rawValue, "slug": observation.slug, "positive": p, "uncertain": u]
        }
        let sources = Set(manifest.images.map(\.source) + manifest.errors.map(\.file)).sorted()
        let values: [String: Any] = [
            "title": manifest.title,
            "cards": cards,
            "imageCount": manifest.images.count,
            "fileCount": sources.count,
            "errorCount": manifest.errors.count,
            "errorHeading": manifest.errors.count == 1 ? "1 prompt file could not be built" : "\(manifest.errors.count) prompt files could not be built",
            "hasErrors": !manifest.errors.isEmpty,
            "errors": manifest.errors.map { error -> [String: Any] in
                ["file": error.file, "line": error.line > 0 ? error.line : false, "column": error.column, "message": error.message]
            },
            "findingCounts": findingCounts,
            "tags": Set(manifest.images.flatMap(\.tags)).sorted().map { ["name": $0] },
            "sources": Set(manifest.images.map(\.source)).sorted().map { ["path": $0] },
        ]
        return LazyContext(values: values, deferred: ["images": { manifest.images.enumerated().map { card($1, order: $0, prefix: "") } }])
    }

    /// `cards` renders a group's images with the theme's `compare-card` template.
    func compare(cards: @escaping ([ImageRecord]) -> String) -> [String: Any] {
        func group(_ images: [ImageRecord]) -> LazyContext {
            LazyContext(values: ["cards": cards(images)],
                        deferred: ["images": { images.enumerated().map { card($1, order: $0, prefix: "") } }])
        }
        // The same seed in different prompts: the same patient with different findings.
        let seeds: [UInt32: [ImageRecord]] = Dictionary(grouping: manifest.images, by: \.seed)
        var bySeed: [LazyContext] = []
        for (seed, images) in seeds.sorted(by: { $0.key < $1.key }) {
            let prompts = Set(images.map { "\($0.source)#\($0.documentIndex)" })
            if prompts.count > 1 { bySeed.append(group(images).adding(["seed": seed])) }
        }
        // One prompt across its seeds: different patients with the same findings.
        let prompts: [String: [ImageRecord]] = Dictionary(grouping: manifest.images) { "\($0.source)#\($0.documentIndex)" }
        var byPrompt: [LazyContext] = []
        for (_, images) in prompts.sorted(by: { $0.key < $1.key }) where images.count > 1 {
            byPrompt.append(group(images).adding(["source": images[0].source, "prompt": images[0].prompt]))
        }
        return ["title": manifest.title, "bySeed": bySeed, "byPrompt": byPrompt, "hasBySeed": !bySeed.isEmpty, "hasByPrompt": !byPrompt.isEmpty]
    }

    /// A thumbnail card; `prefix` leads from the page to the output root. `order` (the
    /// position in its list) is left out of cards rendered once and reused.
    func card(_ record: ImageRecord, order: Int? = nil, prefix: String) -> [String: Any] {
        let paths = Set(record.files.map(\.path))
        let folder = "images/\(record.id)"
        let chips = self.chips(record)
        let aspect = Double(record.size.height) / Double(record.size.width)
        func slugs(_ label: Int) -> String {
            Observation.allCases.filter { record.labels[$0.rawValue] == label && $0 != .noFinding }.map(\.slug).joined(separator: " ")
        }
        var values: [String: Any] = [
            "id": record.id,
            "displayTitle": record.title ?? record.id,
            "alt": record.prompt,
            "thumb": paths.contains("\(folder)/thumb.jpg") ? "\(prefix)\(folder)/thumb.jpg" : false,
            "preview": paths.contains("\(folder)/preview.jpg") ? "\(prefix)\(folder)/preview.jpg" : false,
            "thumbWidth": 256,
            "thumbHeight": Int((256 * aspect).rounded()),
            "page": "\(prefix)\(folder)/index.html",
            "full": "\(prefix)\(folder)/image.png",
            "meta": "\(prefix)\(folder)/meta.json",
            "chips": chips,
            "positiveSlugs": slugs(1),
            "uncertainSlugs": slugs(-1),
            "tagList": record.tags.map { $0.lowercased() }.joined(separator: " "),
            "tags": record.tags.map { ["name": $0] },
            "seed": record.seed,
            "size": record.size.description,
            "prompt": record.prompt,
            "source": record.source,
        ]
        if let order { values["order"] = order }
        return values
    }

    private func chips(_ record: ImageRecord) -> [[String: Any]] {
        Observation.allCases.compactMap { observation in
            guard observation != .noFinding || record.labels.count == 1,
                  let label = record.labels[observation.rawValue] else { return nil }
            let kind = Self.labelText(label)
            return ["name": observation.rawValue, "slug": observation.slug, "kind": kind, "label": "\(observation.rawValue): \(kind)"]
        }
    }

    static func labelText(_ label: Int) -> String {
        label == 1 ? "positive" : label == -1 ? "uncertain" : "negative"
    }

    func imagePage(at position: Int) -> [String: Any] {
        let record = manifest.images[position]
        let folder = "images/\(record.id)/"
        func local(_ path: String) -> String { path.hasPrefix(folder) ? String(path.dropFirst(folder.count)) : path }
        let paths = Set(record.files.map { local($0.path) })
        let masks = Observation.allCases.enumerated().compactMap { index, observation -> [String: Any]? in
            let href = "masks/\(observation.slug).png"
            guard paths.contains(href) else { return nil }
            return ["name": observation.rawValue, "slug": observation.slug, "href": href, "color": Self.maskColors[index]]
        }
        let levels = Int(log2(Double(max(record.size.width, record.size.height)) / 256).rounded(.up))
        let tiles: Any = viewerAvailable && paths.contains("tiles")
            ? ["template": "tiles/{z}/{y}/{x}.jpg", "maxZoom": max(levels, 0), "width": record.size.width, "height": record.size.height]
            : false
        func neighbour(_ offset: Int) -> Any {
            let other = position + offset
            guard manifest.images.indices.contains(other) else { return false }
            return ["href": "../\(manifest.images[other].id)/index.html", "title": manifest.images[other].title ?? manifest.images[other].id]
        }
        let image: [String: Any] = [
            "id": record.id,
            "displayTitle": record.title ?? record.id,
            "prompt": record.prompt,
            "source": record.source,
            "seed": record.seed,
            "size": record.size.description,
            "width": record.size.width,
            "height": record.size.height,
            "generator": record.generator,
            "generatorVersion": record.generatorVersion,
            "diffusion": record.diffusion.map { run -> [String: Any] in
                ["model": run.model, "scheduler": run.scheduler, "steps": run.steps, "guidance": formatted(run.guidance),
                 "negative": run.negative.isEmpty ? false : run.negative, "weightsSHA256": run.weightsSHA256]
            } ?? false,
            "view": record.view?.rawValue ?? "PA",
            "sex": record.sex?.rawValue ?? "not stated",
            "age": record.age.map(String.init) ?? "not stated",
            "tags": record.tags.map { ["name": $0] },
            "chips": chips(record),
            "findings": record.findings.map { finding -> [String: Any] in
                let details = [finding.side?.rawValue, finding.zone?.rawValue, finding.severity?.rawValue, finding.kind,
                               finding.sizeCm.map { "\(formatted($0)) cm" }, finding.count.map { "×\($0)" }].compactMap { $0 } + finding.qualifiers
                let label = Self.labelText(finding.label.rawValue)
                return ["observation": finding.observation.rawValue, "labelText": label, "kind": label, "details": details.joined(separator: ", ")]
            },
            "unparsed": record.unparsed.map { ["text": $0] },
            "hasUnparsed": !record.unparsed.isEmpty,
            "measures": record.measures.sorted { $0.key < $1.key }.map { ["name": $0.key, "value": formatted($0.value)] },
            "timings": ["generate": String(format: "%.2f", record.timings.generate), "export": String(format: "%.2f", record.timings.export)],
            "files": record.files.map { file -> [String: Any] in
                let name = local(file.path)
                return ["name": name, "href": name == "tiles" ? "tiles/0/0/0.jpg" : name, "bytes": byteText(file.bytes), "sha256": file.sha256]
            },
            "masks": masks,
            "hasMasks": !masks.isEmpty,
            "tiles": tiles,
            "preview": paths.contains("preview.jpg") ? "preview.jpg" : false,
            // Window values are 16-bit pixel values: whole numbers read best.
            "windowCenter": String(Int(record.window.center.rounded())),
            "windowWidth": String(Int(record.window.width.rounded())),
        ]
        return [
            "title": manifest.title, "assets": "../../assets", "index": "../../index.html", "compare": "../../compare.html",
            "image": image, "previous": neighbour(-1), "next": neighbour(1),
        ]
    }

    private func formatted(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(format: "%.3g", value)
    }

    private func byteText(_ bytes: Int) -> String {
        bytes < 1024 ? "\(bytes) B" : bytes < 1 << 20 ? String(format: "%.1f KB", Double(bytes) / 1024) : String(format: "%.1f MB", Double(bytes) / 1048576)
    }
}
