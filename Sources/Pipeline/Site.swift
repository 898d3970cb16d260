import Foundation
import Prompting

/// A MedSynth site: `medsynth.yaml`, `prompts/`, `templates/` and the `output/` it builds.
public struct Site: Sendable {
    public let root: URL
    public let output: URL
    public var prompts: URL { root.appendingPathComponent("prompts", isDirectory: true) }
    public var templates: URL { root.appendingPathComponent("templates", isDirectory: true) }

    /// `output` defaults to `<root>/output`.
    public init(root: URL, output: URL? = nil) {
        self.root = root.standardizedFileURL
        self.output = (output ?? root.appendingPathComponent("output", isDirectory: true)).standardizedFileURL
    }

    /// Path of `url` relative to the site root, with `/` separators, as shown to users.
    public func relativePath(_ url: URL) -> String {
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}
