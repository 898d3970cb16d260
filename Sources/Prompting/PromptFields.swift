import Yams

/// The keys of one prompt (or of the site's `defaults`), each optional, as read from YAML.
/// Prompt values override site defaults key by key.
struct PromptFields {
    var text: String?
    var title: String?
    var tags: [String]?
    var seeds: [UInt32]?
    var count: Int?
    var firstSeed: UInt32?
    var size: ImageSize?
    var generator: GeneratorKind?
    var view: ViewPosition?
    var sex: Sex?
    var age: Int?
    var outputs: [ExportKind]?
    var date: String?
    var diffusion: DiffusionFields?
    var phantom: PhantomFields?
    /// Where the seed keys were written, for errors about the number of images.
    var seedsMark: Mark?

    /// Every key a prompt may have, in the order the README documents them.
    static let keys = ["prompt", "title", "tags", "seeds", "count", "seed", "size", "generator", "view", "sex", "age", "outputs", "date", "phantom", "diffusion"]

    /// Reads a mapping of prompt keys. `allowPrompt` is false for the site's `defaults`.
    static func read(_ node: Node, reader: NodeReader, allowPrompt: Bool) throws -> PromptFields {
        var fields = PromptFields()
        let known = allowPrompt ? keys : keys.filter { $0 != "prompt" }
        for (key, keyNode, value) in try reader.pairs(node, what: allowPrompt ? "a prompt" : "'defaults'") {
            guard known.contains(key) else { throw reader.unknownKey(key, at: keyNode, known: known) }
            switch key {
            case "prompt":
                let text = try reader.text(value, key: key).trimmedText
                guard !text.isEmpty else { throw reader.error(value, "'prompt' is empty; describe the image, e.g. 'PA chest radiograph, small left pleural effusion'") }
                guard text.count <= PromptLimits.maxPromptCharacters else {
                    throw reader.error(value, "'prompt' has \(text.count) characters; at most \(PromptLimits.maxPromptCharacters) are allowed")
                }
                fields.text = text
            case "title":
                fields.title = try reader.text(value, key: key).trimmedText
            case "tags":
                fields.tags = try reader.list(value, key: key).map { try reader.text($0, key: "tags").trimmedText }
            case "seeds":
                let seeds = try reader.list(value, key: key).map { UInt32(try reader.integer($0, key: "seeds", in: 0...Int(UInt32.max))) }
                guard !seeds.isEmpty else { throw reader.error(value, "'seeds' is empty; give at least one seed") }
                guard Set(seeds).count == seeds.count else { throw reader.error(value, "'seeds' lists the same seed twice") }
                fields.seeds = seeds
                fields.seedsMark = value.mark
            case "count":
                fields.count = try reader.integer(value, key: key, in: 1...PromptLimits.maxImagesPerFile)
                fields.seedsMark = value.mark
            case "seed":
                fields.firstSeed = UInt32(try reader.integer(value, key: key, in: 0...Int(UInt32.max)))
            case "size":
                fields.size = try readSize(value, reader: reader)
            case "generator":
                fields.generator = try reader.choice(value, key: key, Dictionary(uniqueKeysWithValues: GeneratorKind.allCases.map { ($0.rawValue, $0) }),
                                                     shown: GeneratorKind.allCases.map(\.rawValue))
            case "view":
                fields.view = try reader.choice(value, key: key, ["pa": .pa, "ap": .ap, "lateral": .lateral, "lat": .lateral], shown: ["PA", "AP", "lateral"])
            case "sex":
                fields.sex = try reader.choice(value, key: key, ["male": .male, "female": .female, "m": .male, "f": .female], shown: ["male", "female"])
            case "age":
                fields.age = try reader.integer(value, key: key, in: 0...120)
            case "outputs":
                let exports = Dictionary(uniqueKeysWithValues: ExportKind.allCases.map { ($0.rawValue, $0) })
                let chosen = try reader.list(value, key: key).map {
                    try reader.choice($0, key: "outputs", exports, shown: ExportKind.allCases.map(\.rawValue))
                }
                fields.outputs = Array(Set(chosen)).sorted()
            case "date":
                fields.date = try readDate(value, reader: reader)
            case "diffusion":
                fields.diffusion = try DiffusionFields.read(value, reader: reader)
            case "phantom":
                fields.phantom = try PhantomFields.read(value, reader: reader)
            default:
                preconditionFailure("key '\(key)' is listed in PromptFields.keys but not read")
            }
        }
        if fields.seeds != nil && (fields.count != nil || fields.firstSeed != nil) {
            throw reader.error(at: fields.seedsMark, "give either 'seeds' (a list) or 'count' with an optional first 'seed', not both")
        }
        return fields
    }

    /// `1024`, `2048x1536`, `2048×1536` or `2048 x 1536`.
    private static func readSize(_ node: Node, reader: NodeReader) throws -> ImageSize {
        let range = ImageSize.allowedSides
        if node.int != nil {
            let side = try reader.integer(node, key: "size", in: range)
            return ImageSize(width: side, height: side)
        }
        let raw = try reader.text(node, key: "size")
        let parts = raw.lowercased().replacingOccurrences(of: "×", with: "x").split(separator: "x").map { $0.trimmedText }
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]) else {
            throw reader.error(node, "'size' must be a number of pixels (1024) or WIDTHxHEIGHT (2048x1536), found '\(raw)'")
        }
        guard range.contains(width), range.contains(height) else {
            throw reader.error(node, "'size' \(width)x\(height) is outside \(range.lowerBound)…\(range.upperBound) pixels per side")
        }
        return ImageSize(width: width, height: height)
    }

    /// A calendar date `YYYY-MM-DD` (years 1900…9999).
    private static func readDate(_ node: Node, reader: NodeReader) throws -> String {
        let raw = try reader.text(node, key: "date").trimmedText
        let parts = raw.split(separator: "-").map { Int($0) }
        guard raw.count == 10, parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2],
              (1900...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else {
            throw reader.error(node, "'date' must be a date YYYY-MM-DD, found '\(raw)'")
        }
        return raw
    }

    /// This prompt's values, falling back to `defaults` key by key.
    func merged(over defaults: PromptFields) -> PromptFields {
        var result = self
        result.title = title ?? defaults.title
        result.tags = tags ?? defaults.tags
        if seeds == nil && count == nil && firstSeed == nil {
            result.seeds = defaults.seeds
            result.count = defaults.count
            result.firstSeed = defaults.firstSeed
        }
        result.size = size ?? defaults.size
        result.generator = generator ?? defaults.generator
        result.view = view ?? defaults.view
        result.sex = sex ?? defaults.sex
        result.age = age ?? defaults.age
        result.outputs = outputs ?? defaults.outputs
        result.date = date ?? defaults.date
        if phantom != nil || defaults.phantom != nil {
            result.phantom = (phantom ?? PhantomFields()).merged(over: defaults.phantom)
        }
        if diffusion != nil || defaults.diffusion != nil {
            result.diffusion = (diffusion ?? DiffusionFields()).merged(over: defaults.diffusion)
        }
        return result
    }

    /// The seeds this prompt asks for: `seeds`, or `count` consecutive seeds from `seed`.
    func resolvedSeeds(reader: NodeReader) throws -> [UInt32] {
        if let seeds { return seeds }
        let first = Int(firstSeed ?? PromptDefaults.firstSeed)
        let count = count ?? 1
        guard first + count - 1 <= Int(UInt32.max) else {
            throw reader.error(at: seedsMark, "seeds \(first)…\(first + count - 1) go past the largest seed \(UInt32.max)")
        }
        return (first..<(first + count)).map { UInt32($0) }
    }
}
