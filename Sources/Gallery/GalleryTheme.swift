import Foundation
import Mustache

/// A gallery theme: Mustache templates (`*.mustache`) and assets (everything else, copied
/// to `output/assets/`). A site's `templates/` folder overrides the built-in default theme.
public struct GalleryTheme: Sendable {
    public let library: MustacheLibrary
    /// Asset path (relative to `assets/`) → bytes.
    public let assets: [String: Data]
    /// Changes whenever any template or asset does: pages rendered with another theme are stale.
    public let fingerprint: String

    /// A template that fails to parse, named by file, line and column.
    public struct TemplateError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The theme in `folder` when it exists, else the built-in default.
    public static func load(from folder: URL) throws -> GalleryTheme {
        var files: [String: Data] = [:]
        if let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                let relative = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
                files[relative] = try Data(contentsOf: url)
            }
        }
        if files.isEmpty { return try .builtIn }
        return try GalleryTheme(files: files)
    }

    /// The default theme compiled into the binary (parsed once per process).
    public static var builtIn: GalleryTheme {
        get throws { try parsedBuiltIn.get() }
    }

    private static let parsedBuiltIn = Result { try GalleryTheme(files: defaultThemeFiles.mapValues { Data($0.utf8) }) }

    init(files: [String: Data]) throws {
        var library = MustacheLibrary()
        var assets: [String: Data] = [:]
        // FNV-1a over names and bytes: cheap, and the same in every process (unlike Hasher).
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            for byte in Data(path.utf8) + [0] + data + [0] { hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01b3 }
            guard path.hasSuffix(".mustache") else {
                assets[path] = data
                continue
            }
            let name = String(path.dropLast(".mustache".count))
            do {
                try library.register(String(decoding: data, as: UTF8.self), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError(description: "templates/\(path):\(error.context.lineNumber):\(error.context.columnNumber): error: \(error.error)")
            }
        }
        guard library.getTemplate(named: "index") != nil else {
            throw TemplateError(description: "templates/index.mustache is missing; the gallery needs it (medsynth new writes the default theme)")
        }
        self.library = library
        self.assets = assets
        fingerprint = String(hash, radix: 16)
    }

    /// Whether the theme has template `name` (older themes may lack the image and compare pages).
    public func has(_ name: String) -> Bool { library.getTemplate(named: name) != nil }

    /// Renders template `name` with `context` (a dictionary or a `LazyContext`).
    public func render(_ name: String, _ context: Any) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}
