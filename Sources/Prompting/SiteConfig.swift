import Foundation
import Yams

/// The optional `medsynth.yaml` at the site root: the gallery title and defaults for
/// every prompt key.
public struct SiteConfig: Sendable {
    /// Shown as the gallery's title.
    public var title: String
    /// Prompt keys applied to every prompt that doesn't set them.
    var defaults: PromptFields

    public static let fileName = "medsynth.yaml"
    static let keys = ["title", "defaults"]

    public init(title: String = "MedSynth gallery") {
        self.title = title
        self.defaults = PromptFields()
    }

    /// Reads `medsynth.yaml` from `siteRoot`; a site without one gets the built-in defaults.
    public static func load(siteRoot: URL) throws -> SiteConfig {
        let url = siteRoot.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return SiteConfig() }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw PromptFileError(file: fileName, line: 0, column: 0, message: "cannot read: \(error.localizedDescription)")
        }
        return try parse(data, file: fileName)
    }

    static func parse(_ data: Data, file: String) throws -> SiteConfig {
        let text = try TextGuards.decode(data, file: file)
        try TextGuards.checkStructure(text, file: file, lineOffset: 0)
        let reader = NodeReader(file: file, lineOffset: 0)
        var config = SiteConfig()
        guard let root = try YAMLDocuments.compose(text, reader: reader).first else { return config }
        for (key, keyNode, value) in try reader.pairs(root, what: "the site config") {
            switch key {
            case "title": config.title = try reader.text(value, key: key).trimmedText
            case "defaults": config.defaults = try PromptFields.read(value, reader: reader, allowPrompt: false)
            default: throw reader.unknownKey(key, at: keyNode, known: keys)
            }
        }
        return config
    }
}
