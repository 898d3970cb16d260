import Diffusion
import Foundation
import Prompting
import SynthNumerics

/// The `diffusion` generator: a diffusers-format checkpoint run in-process. The decoded RGB
/// image becomes the 16-bit master by BT.601 luma (0.299 R + 0.587 G + 0.114 B, as PIL's
/// "L" mode), scaled from 0…1 to 0…65535 and rounded. It draws no masks: a neural model
/// has no ground truth for where its findings are.
struct DiffusionImageGenerator: ImageGenerator {
    /// Bumped whenever the runtime's pixels change for the same checkpoint and settings.
    static let runtimeVersion = "1.0.0"

    let model: URL
    let options: DiffusionOptions
    let weightsSHA256: String

    var id: String { "diffusion" }
    var version: String { "\(Self.runtimeVersion)+\(weightsSHA256.prefix(12))" }

    init(model: URL, options: DiffusionOptions) throws {
        guard FileManager.default.fileExists(atPath: model.appendingPathComponent("model_index.json").path) else {
            throw DiffusionSetupError(message: "'diffusion.model' \(options.model): no diffusers checkpoint there (\(model.path)/model_index.json not found)")
        }
        self.model = model
        self.options = options
        weightsSHA256 = try ModelDigest.sha256(of: model)
    }

    func generate(_ job: ImageJob, progress: (Int, Int) -> Void) throws -> GeneratedImage {
        let request = StableDiffusionPipeline.Request(
            prompt: job.spec.text, negativePrompt: options.negative, seed: UInt64(job.seed), steps: options.steps,
            guidance: Float(options.guidance), width: job.spec.size.width, height: job.spec.size.height,
            scheduler: options.scheduler)
        let result = try LoadedModels.with(model) { pipeline in
            try pipeline.generate(request) { done, total, _ in progress(done, total) }
        }
        let record = DiffusionRecord(model: options.model, weightsSHA256: weightsSHA256, scheduler: result.schedulerClass,
                                     schedulerName: options.scheduler, steps: options.steps, guidance: options.guidance,
                                     negative: options.negative)
        return GeneratedImage(image: .memory(Self.gray16(result.image)), masks: { [:] }, measures: [:], diffusion: record)
    }

    /// [1, 3, H, W] RGB in 0…1 → 16-bit luma.
    static func gray16(_ rgb: Tensor) -> GrayImage16 {
        let height = rgb.shape[2], width = rgb.shape[3], plane = width * height
        var pixels = [UInt16](repeating: 0, count: plane)
        rgb.storage.withUnsafeBufferPointer { source in
            for i in 0..<plane {
                let luma = 0.299 * source[i] + 0.587 * source[plane + i] + 0.114 * source[2 * plane + i]
                pixels[i] = UInt16((min(max(luma, 0), 1) * 65535).rounded())
            }
        }
        return GrayImage16(width: width, height: height, pixels: pixels)
    }
}

/// How a diffusion image was made, for `meta.json` and the gallery.
public struct DiffusionRecord: Codable, Sendable, Hashable {
    /// The checkpoint folder as the prompt file names it.
    public var model: String
    /// SHA-256 over the checkpoint's files (see README, "The diffusion generator").
    public var weightsSHA256: String
    /// The diffusers scheduler class that ran.
    public var scheduler: String
    /// The scheduler the prompt asked for, if any.
    public var schedulerName: String?
    public var steps: Int
    public var guidance: Double
    public var negative: String
}

/// A checkpoint that cannot be used, found while planning.
struct DiffusionSetupError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
