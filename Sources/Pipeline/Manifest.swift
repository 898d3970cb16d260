import Foundation
import Imaging
import Prompting

/// `output/manifest.json`: what the last build produced. The build engine reads it to skip
/// up-to-date images and to remove the outputs of prompts that are gone.
public struct Manifest: Codable, Sendable {
    /// Bumped when the layout of this file changes incompatibly.
    public static let schemaVersion = 1
    public static let fileName = "manifest.json"

    public var schema: Int = Manifest.schemaVersion
    public var title: String
    /// One entry per image, sorted by id.
    public var images: [ImageRecord]
    /// One entry per invalid prompt file or failed image, sorted by file.
    public var errors: [PromptFileError]
    /// Fingerprint of the theme the gallery pages were rendered with; a build re-renders only
    /// the pages whose image, neighbours or theme changed.
    public var theme: String?

    public init(title: String, images: [ImageRecord] = [], errors: [PromptFileError] = []) {
        self.title = title
        self.images = images
        self.errors = errors
    }

    /// The last build's manifest; from `cache` when it holds what is on disk.
    static func load(from output: URL, cache: GalleryCache? = nil) -> Manifest? {
        if let known = cache?.manifest(at: output.appendingPathComponent(fileName)) { return known }
        guard let data = try? Data(contentsOf: output.appendingPathComponent(fileName)) else { return nil }
        guard let manifest = try? JSONDecoder().decode(Manifest.self, from: data), manifest.schema == schemaVersion else { return nil }
        return manifest
    }

    /// Cache kind of the manifest entries of images.
    static let fragmentKind = "json"

    /// Pretty-printed JSON with sorted keys. With `cache`, each image's entry is encoded only
    /// when it changed and spliced into the rest: the same bytes as encoding it whole.
    func encoded(cache: GalleryCache? = nil) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let cache, !images.isEmpty else { return try encoder.encode(self) }
        var frame = self
        frame.images = []
        var text = String(decoding: try encoder.encode(frame), as: UTF8.self)
        // Quotes inside strings are escaped, so only the key itself can match.
        let emptyImages = "\"images\" : [\n\n  ]"
        guard let slot = text.range(of: emptyImages) else { return try encoder.encode(self) }
        let entries = try images.map { record in
            try cache.fragment(Self.fragmentKind, for: record) {
                // An entry sits two levels deep; blank lines (of empty arrays) stay blank.
                String(decoding: try encoder.encode(record), as: UTF8.self)
                    .split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.isEmpty ? "" : "    " + $0 }
                    .joined(separator: "\n")
            }
        }
        text.replaceSubrange(slot, with: "\"images\" : [\n" + entries.joined(separator: ",\n") + "\n  ]")
        return Data(text.utf8)
    }
}

/// One generated image in the manifest.
public struct ImageRecord: Codable, Sendable, Hashable {
    public var id: String
    /// Prompt file, relative to the site root.
    public var source: String
    public var documentIndex: Int
    public var title: String?
    public var tags: [String]
    public var prompt: String
    public var seed: UInt32
    public var size: ImageSize
    public var generator: String
    public var generatorVersion: String
    /// Hash of everything that determines the files; equal hash means nothing to redo.
    public var contentHash: String
    public var view: ViewPosition?
    public var sex: Sex?
    public var age: Int?
    public var supine: Bool
    public var findings: [Finding]
    /// CheXpert name → 1, 0 or −1 for every observation mentioned.
    public var labels: [String: Int]
    /// Parts of the prompt the clinical parser could not place.
    public var unparsed: [String]
    /// The generator's derived measures (cardiothoracic ratio, effusion height, …).
    public var measures: [String: Double]
    /// The display window of previews, tiles and the DICOM preset.
    public var window: DisplayWindow
    /// Every file of the image, relative to the output folder.
    public var files: [OutputFile]
    public var timings: Timings
    /// Model and sampling settings, for `diffusion` images.
    public var diffusion: DiffusionRecord? = nil

    /// Seconds spent making the image.
    public struct Timings: Codable, Sendable, Hashable {
        public var generate: Double
        public var export: Double
        /// Seconds per export (`png`, `preview`, `tiles`, `tiff`, `dicom`, `masks`).
        public var exports: [String: Double]?
    }
}

/// One written file with its checksum.
public struct OutputFile: Codable, Sendable, Hashable {
    /// Path relative to the output folder, e.g. `images/effusion-s1/image.png`.
    public var path: String
    public var bytes: Int
    public var sha256: String
}
