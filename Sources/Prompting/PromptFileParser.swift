import Foundation
import Yams

/// Reads prompt files: YAML (`.yaml`, `.yml`; several `---` documents are several prompts)
/// or text with YAML front matter (`.prompt`, `.md`, `.txt`; the body is the prompt text).
public enum PromptFileParser {
    /// File extensions read as prompt files; anything else in `prompts/` is ignored.
    public static let yamlExtensions: Set<String> = ["yaml", "yml"]
    public static let textExtensions: Set<String> = ["prompt", "md", "txt"]

    public static func isPromptFile(_ path: String) -> Bool {
        let ext = (path as NSString).pathExtension.lowercased()
        return yamlExtensions.contains(ext) || textExtensions.contains(ext)
    }

    /// Parses one prompt file. `file` is its path relative to the site root, used in ids
    /// and error messages. Throws `PromptFileError` for the first problem found.
    public static func parse(_ data: Data, file: String, config: SiteConfig = SiteConfig()) throws -> [PromptSpec] {
        let text = try TextGuards.decode(data, file: file)
        let isYAML = yamlExtensions.contains((file as NSString).pathExtension.lowercased())
        let specs = isYAML ? try parseYAML(text, file: file, config: config) : try parseText(text, file: file, config: config)
        let images = specs.reduce(0) { $0 + $1.seeds.count }
        guard images <= PromptLimits.maxImagesPerFile else {
            throw PromptFileError(file: file, line: 1, column: 1,
                                  message: "file asks for \(images) images; at most \(PromptLimits.maxImagesPerFile) per file are allowed (split it into several files)")
        }
        return specs
    }

    private static func parseYAML(_ text: String, file: String, config: SiteConfig) throws -> [PromptSpec] {
        try TextGuards.checkStructure(text, file: file, lineOffset: 0)
        let reader = NodeReader(file: file, lineOffset: 0)
        let documents = try YAMLDocuments.compose(text, reader: reader).filter { $0.null == nil }
        guard !documents.isEmpty else {
            throw PromptFileError(file: file, line: 1, column: 1, message: "empty prompt file; expected at least 'prompt: <text>'")
        }
        return try documents.enumerated().map { index, node in
            let fields = try PromptFields.read(node, reader: reader, allowPrompt: true)
            return try spec(from: fields, bodyText: nil, node: node, reader: reader, index: index, count: documents.count, config: config)
        }
    }

    private static func parseText(_ text: String, file: String, config: SiteConfig) throws -> [PromptSpec] {
        let parts = try FrontMatter.split(text, file: file)
        var fields = PromptFields()
        var root: Node?
        let reader = NodeReader(file: file, lineOffset: parts.yamlLineOffset)
        if let yaml = parts.yaml {
            try TextGuards.checkStructure(yaml, file: file, lineOffset: parts.yamlLineOffset)
            let documents = try YAMLDocuments.compose(yaml, reader: reader)
            guard documents.count <= 1 else {
                throw PromptFileError(file: file, line: 1, column: 1, message: "front matter holds several YAML documents; use a .yaml file for several prompts")
            }
            if let node = documents.first, node.null == nil {
                root = node
                fields = try PromptFields.read(node, reader: reader, allowPrompt: true)
            }
        }
        if !parts.body.isEmpty {
            if fields.text != nil {
                throw PromptFileError(file: file, line: parts.bodyLine, column: 1,
                                      message: "the prompt is given twice, as 'prompt:' in the front matter and as the text below it; keep one")
            }
            guard parts.body.count <= PromptLimits.maxPromptCharacters else {
                throw PromptFileError(file: file, line: parts.bodyLine, column: 1,
                                      message: "the prompt text has \(parts.body.count) characters; at most \(PromptLimits.maxPromptCharacters) are allowed")
            }
            fields.text = parts.body
        }
        return [try spec(from: fields, bodyText: parts.body, node: root, reader: reader, index: 0, count: 1, config: config)]
    }

    private static func spec(from own: PromptFields, bodyText: String?, node: Node?, reader: NodeReader,
                             index: Int, count: Int, config: SiteConfig) throws -> PromptSpec {
        let fields = own.merged(over: config.defaults)
        guard let text = fields.text else {
            let hint = bodyText == nil ? "add 'prompt: <text>'" : "write the prompt text below the front matter"
            throw reader.error(node, "this prompt has no text; \(hint)")
        }
        let generator = fields.generator ?? .phantom
        var diffusion: DiffusionOptions?
        if generator == .diffusion {
            guard let options = fields.diffusion?.options else {
                throw reader.error(node, "'generator: diffusion' needs a model: add 'diffusion: {model: path/to/checkpoint}'")
            }
            let size = fields.size ?? PromptDefaults.size
            guard size.width % DiffusionOptions.sizeMultiple == 0, size.height % DiffusionOptions.sizeMultiple == 0 else {
                throw reader.error(node, "the diffusion generator needs a 'size' whose sides are multiples of \(DiffusionOptions.sizeMultiple), found \(size)")
            }
            diffusion = options
        }
        return PromptSpec(
            source: reader.file, documentIndex: index, documentCount: count,
            line: (node?.mark?.line ?? 1) + reader.lineOffset,
            title: fields.title, text: text, tags: fields.tags ?? [],
            seeds: try fields.resolvedSeeds(reader: reader),
            size: fields.size ?? PromptDefaults.size, generator: generator,
            view: fields.view, sex: fields.sex, age: fields.age,
            outputs: fields.outputs ?? ExportKind.allCases, date: fields.date, diffusion: diffusion,
            phantom: generator == .phantom ? fields.phantom?.options : nil)
    }
}
