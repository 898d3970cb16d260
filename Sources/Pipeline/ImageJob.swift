import Foundation
import Prompting

/// One image to make: a prompt, one of its seeds, and what the clinical parser read.
public struct ImageJob: Sendable {
    /// Stable id from the prompt file's path, document and seed; names the image's folder.
    public var id: String
    public var spec: PromptSpec
    public var seed: UInt32
    /// The prompt's findings, with the file's `view`, `sex` and `age` overriding the text.
    public var reading: ClinicalReading
    /// Hash of everything that determines the output files.
    public var contentHash: String
    /// The checkpoint folder of a `diffusion` prompt, resolved against the site root.
    public var modelFolder: URL?

    /// What goes into the content hash: change any of these and the image is made again.
    struct HashInput: Encodable {
        var text: String
        var reading: ClinicalReading
        var seed: UInt32
        var size: ImageSize
        var generator: String
        var generatorVersion: String
        /// Sampling settings of `diffusion` prompts (absent for the phantom, so its hashes stay as they were).
        var diffusion: DiffusionOptions?
        var phantom: PhantomOptions?
        var outputs: [ExportKind]
        var exporterVersion: String
        var studyDate: StudyDate
    }

    public init(spec: PromptSpec, seed: UInt32, id: String, generatorVersion: String, modelFolder: URL? = nil) {
        var reading = ClinicalParser.parse(spec.text)
        if let view = spec.view {
            reading.view = view
            if view != .ap { reading.supine = false }
        }
        if let sex = spec.sex { reading.sex = sex }
        if let age = spec.age { reading.age = age }
        self.id = id
        self.spec = spec
        self.seed = seed
        self.reading = reading
        self.modelFolder = modelFolder
        self.contentHash = Hashing.contentHash(HashInput(
            text: spec.text, reading: reading, seed: seed, size: spec.size,
            generator: spec.generator.rawValue, generatorVersion: generatorVersion, diffusion: spec.diffusion, phantom: spec.phantom,
            outputs: spec.outputs, exporterVersion: ImageExporter.version, studyDate: StudyDate.resolve(for: spec)))
    }
}

/// Image ids: readable, stable across rebuilds, safe as a folder name.
enum ImageID {
    /// `prompts/chest/Effusion Right.yaml`, document 2 of 3, seed 7 → `chest-effusion-right-2-s7`.
    static func make(for spec: PromptSpec, seed: UInt32) -> String {
        var path = spec.source
        if path.hasPrefix("prompts/") { path.removeFirst("prompts/".count) }
        path = (path as NSString).deletingPathExtension
        var base = slug(path)
        if spec.documentCount > 1 { base += "-\(spec.documentIndex + 1)" }
        return "\(base)-s\(seed)"
    }

    /// Lower-case ASCII letters and digits, everything else collapsed to single dashes.
    static func slug(_ text: String) -> String {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar)) {
                result.unicodeScalars.append(scalar)
            } else if !result.hasSuffix("-") {
                result += "-"
            }
        }
        let trimmed = result.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return trimmed.isEmpty ? "prompt" : trimmed
    }
}

extension ImageJob {
    /// A job outside any site (`medsynth generate`); a diffusion model path is relative to
    /// the current folder.
    public static func standalone(spec: PromptSpec, seed: UInt32, id: String) throws -> ImageJob {
        let model = spec.diffusion.map { URL(fileURLWithPath: $0.model, isDirectory: true).standardizedFileURL }
        let generator = try Generators.generator(for: spec, model: model)
        return ImageJob(spec: spec, seed: seed, id: id, generatorVersion: generator.version, modelFolder: model)
    }
}
