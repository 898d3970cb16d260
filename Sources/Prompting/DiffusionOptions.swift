import Yams

/// Settings of the `diffusion` generator: which checkpoint and how to sample it.
public struct DiffusionOptions: Codable, Sendable, Hashable {
    /// Folder of a diffusers-format checkpoint (`model_index.json`, `unet/`, `vae/`, …),
    /// relative to the site root unless absolute.
    public var model: String
    /// Denoising steps.
    public var steps: Int
    /// Classifier-free guidance scale; 1 or less turns guidance off.
    public var guidance: Double
    /// `ddim`, `euler`, `euler-ancestral`, `dpm++2m` or `dpm++2m-karras`; nil keeps the model's own.
    public var scheduler: String?
    /// Negative prompt (used when guidance is on).
    public var negative: String

    public init(model: String, steps: Int = DiffusionOptions.defaultSteps, guidance: Double = DiffusionOptions.defaultGuidance,
                scheduler: String? = nil, negative: String = "") {
        self.model = model
        self.steps = steps
        self.guidance = guidance
        self.scheduler = scheduler
        self.negative = negative
    }

    public static let defaultSteps = 25
    public static let defaultGuidance = 7.5
    /// The names accepted by `scheduler`, as the README documents them.
    public static let schedulerNames = ["ddim", "euler", "euler-ancestral", "dpm++2m", "dpm++2m-karras"]
    /// Latent diffusion decodes 8× the latent size, so sides must be multiples of 8.
    public static let sizeMultiple = 8
}

/// The `diffusion:` mapping as read from YAML, each key optional so a prompt can override
/// the site's defaults key by key.
struct DiffusionFields {
    var model: String?
    var steps: Int?
    var guidance: Double?
    var scheduler: String?
    var negative: String?

    static let keys = ["model", "steps", "guidance", "scheduler", "negative"]

    static func read(_ node: Node, reader: NodeReader) throws -> DiffusionFields {
        var fields = DiffusionFields()
        for (key, keyNode, value) in try reader.pairs(node, what: "'diffusion'") {
            guard keys.contains(key) else { throw reader.unknownKey(key, at: keyNode, known: keys) }
            switch key {
            case "model":
                let path = try reader.text(value, key: "diffusion.model").trimmedText
                guard !path.isEmpty, !path.contains("\0") else { throw reader.error(value, "'diffusion.model' must name a model folder") }
                fields.model = path
            case "steps":
                fields.steps = try reader.integer(value, key: "diffusion.steps", in: 1...1000)
            case "guidance":
                guard case .scalar = value, let number = value.float, number.isFinite else {
                    throw reader.error(value, "'diffusion.guidance' must be a number such as 7.5, found \(reader.describe(value))")
                }
                guard (0...50).contains(number) else { throw reader.error(value, "'diffusion.guidance' is \(number), outside 0…50") }
                fields.guidance = number
            case "scheduler":
                let names = Dictionary(uniqueKeysWithValues: DiffusionOptions.schedulerNames.map { ($0, $0) })
                fields.scheduler = try reader.choice(value, key: "diffusion.scheduler", names, shown: DiffusionOptions.schedulerNames)
            case "negative":
                let text = try reader.text(value, key: "diffusion.negative").trimmedText
                guard text.count <= PromptLimits.maxPromptCharacters else {
                    throw reader.error(value, "'diffusion.negative' has \(text.count) characters; at most \(PromptLimits.maxPromptCharacters) are allowed")
                }
                fields.negative = text
            default:
                preconditionFailure("key '\(key)' is listed in DiffusionFields.keys but not read")
            }
        }
        return fields
    }

    func merged(over defaults: DiffusionFields?) -> DiffusionFields {
        DiffusionFields(model: model ?? defaults?.model, steps: steps ?? defaults?.steps,
                        guidance: guidance ?? defaults?.guidance, scheduler: scheduler ?? defaults?.scheduler,
                        negative: negative ?? defaults?.negative)
    }

    /// The options, or nil when no model is named.
    var options: DiffusionOptions? {
        model.map {
            DiffusionOptions(model: $0, steps: steps ?? DiffusionOptions.defaultSteps,
                             guidance: guidance ?? DiffusionOptions.defaultGuidance, scheduler: scheduler, negative: negative ?? "")
        }
    }
}
