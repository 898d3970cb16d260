/// Width and height of a generated image in pixels.
public struct ImageSize: Codable, Sendable, Hashable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Side lengths a prompt may ask for.
    public static let allowedSides = 64...16384

    public var description: String { "\(width)x\(height)" }
}

/// Which generator turns a prompt into pixels.
public enum GeneratorKind: String, Codable, Sendable, CaseIterable {
    /// The built-in anatomical phantom: no weights, deterministic, ground-truth masks.
    case phantom
    /// A diffusers-format latent diffusion checkpoint, run in-process (`diffusion:` options).
    case diffusion
}

/// Optional exports of one image. The 16-bit PNG master and `meta.json` are always written.
public enum ExportKind: String, Codable, Sendable, CaseIterable, Comparable {
    /// `preview.jpg` (long side 1024) and `thumb.jpg` (long side 256), windowed for display.
    case preview
    /// `tiles/`, a deep-zoom pyramid (`{z}/{y}/{x}.jpg`, 256 px) for the gallery's viewer.
    case tiles
    /// `image.tif`, a tiled pyramidal TIFF (256 px tiles, deflate).
    case tiff
    /// `image.dcm`, a DICOM Secondary Capture file marked as synthetic.
    case dicom
    /// `masks/<observation>.png`, one 8-bit mask per finding.
    case masks

    public static func < (a: ExportKind, b: ExportKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One prompt of a prompt file, validated and merged with the site's defaults.
public struct PromptSpec: Codable, Sendable, Hashable {
    /// Path of the prompt file relative to the site root, with `/` separators.
    public var source: String
    /// 0-based position of this prompt among the documents of its file.
    public var documentIndex: Int
    /// Number of prompts in the file (ids of single-prompt files omit the index).
    public var documentCount: Int
    /// Line where this prompt's document starts.
    public var line: Int
    public var title: String?
    /// The prompt text in radiology language.
    public var text: String
    public var tags: [String]
    public var seeds: [UInt32]
    public var size: ImageSize
    public var generator: GeneratorKind
    /// Overrides of what the text says.
    public var view: ViewPosition?
    public var sex: Sex?
    public var age: Int?
    /// Optional exports, sorted.
    public var outputs: [ExportKind]
    /// Study date for DICOM (`YYYY-MM-DD`), when the file gives one.
    public var date: String?
    /// Settings of the `diffusion` generator; set when `generator` is `diffusion`.
    public var diffusion: DiffusionOptions?
    /// Settings of the `phantom` generator, when the prompt or the site sets any.
    public var phantom: PhantomOptions?

    public init(source: String, documentIndex: Int = 0, documentCount: Int = 1, line: Int = 1,
                title: String? = nil, text: String, tags: [String] = [], seeds: [UInt32] = [0],
                size: ImageSize = PromptDefaults.size, generator: GeneratorKind = .phantom,
                view: ViewPosition? = nil, sex: Sex? = nil, age: Int? = nil,
                outputs: [ExportKind] = ExportKind.allCases, date: String? = nil, diffusion: DiffusionOptions? = nil,
                phantom: PhantomOptions? = nil) {
        self.source = source
        self.documentIndex = documentIndex
        self.documentCount = documentCount
        self.line = line
        self.title = title
        self.text = text
        self.tags = tags
        self.seeds = seeds
        self.size = size
        self.generator = generator
        self.view = view
        self.sex = sex
        self.age = age
        self.outputs = outputs
        self.date = date
        self.diffusion = diffusion
        self.phantom = phantom
    }
}

/// Values used when neither the prompt nor the site config sets a key.
public enum PromptDefaults {
    public static let size = ImageSize(width: 1024, height: 1024)
    public static let firstSeed: UInt32 = 0
}

/// Limits that keep one file from exhausting the machine.
public enum PromptLimits {
    public static let maxImagesPerFile = 256
    public static let maxPromptCharacters = 4000
    public static let maxFileBytes = 1 << 20
    public static let maxNesting = 64
    public static let maxAliases = 32
}
