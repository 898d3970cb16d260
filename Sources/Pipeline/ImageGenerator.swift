import Foundation
import Imaging
import SynthNumerics
import Phantom
import Prompting

/// What a generator returns for one job.
public struct GeneratedImage: Sendable {
    /// The pixels: in memory, or rendered row by row while the master PNG is written.
    public var image: GraySource
    /// One mask per drawn observation. A streamed renderer fills them as its rows are rendered,
    /// so they are read after the master PNG (rows it has not rendered are rendered then).
    public var masks: @Sendable () -> [Observation: BitMask]
    /// Derived measures (cardiothoracic ratio, effusion height, …) for `meta.json`.
    public var measures: [String: Double]
    /// Model and sampling settings of a `diffusion` image.
    public var diffusion: DiffusionRecord?
}

/// Turns a prompt's reading and a seed into pixels. `Phantom` and `Diffusion` implement it;
/// the build engine doesn't know which one it runs.
public protocol ImageGenerator: Sendable {
    /// Name used in prompt files (`generator: phantom`).
    var id: String { get }
    /// Bumped whenever output pixels change for the same input; part of the content hash.
    var version: String { get }
    /// `progress(done, total)` reports steps of generators that work in steps.
    func generate(_ job: ImageJob, progress: (Int, Int) -> Void) throws -> GeneratedImage
}

/// The built-in anatomical phantom.
public struct PhantomImageGenerator: ImageGenerator {
    public init() {}
    public var id: String { "phantom" }
    public var version: String { PhantomGenerator.version }

    public func generate(_ job: ImageJob, progress: (Int, Int) -> Void) throws -> GeneratedImage {
        let rendering = PhantomGenerator.prepare(reading: job.reading, seed: UInt64(job.seed),
                                                 width: job.spec.size.width, height: job.spec.size.height,
                                                 noise: job.spec.phantom?.noise ?? 1)
        return GeneratedImage(image: .rendered(rendering), masks: { rendering.masks() }, measures: rendering.measures)
    }
}

/// The generator for each `generator:` value.
enum Generators {
    /// `model` is the resolved `diffusion.model` folder of a diffusion prompt.
    static func generator(for spec: PromptSpec, model: URL?) throws -> any ImageGenerator {
        switch spec.generator {
        case .phantom:
            return PhantomImageGenerator()
        case .diffusion:
            guard let options = spec.diffusion, let model else {
                throw DiffusionSetupError(message: "'generator: diffusion' needs 'diffusion: {model: PATH}'")
            }
            return try DiffusionImageGenerator(model: model, options: options)
        }
    }

    static func generator(for job: ImageJob) throws -> any ImageGenerator {
        try generator(for: job.spec, model: job.modelFolder)
    }
}
