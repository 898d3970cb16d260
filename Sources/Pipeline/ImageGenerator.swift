import SynthNumerics
import Phantom
import Prompting

/// What a generator returns for one job.
public struct GeneratedImage: Sendable {
    public var image: GrayImage16
    /// One mask per drawn observation.
    public var masks: [Observation: Mask8]
    /// Derived measures (cardiothoracic ratio, effusion height, …) for `meta.json`.
    public var measures: [String: Double]
}

/// Turns a prompt's reading and a seed into pixels. `Phantom` and (later) `Diffusion`
/// implement it; the build engine doesn't know which one it runs.
public protocol ImageGenerator: Sendable {
    /// Name used in prompt files (`generator: phantom`).
    var id: String { get }
    /// Bumped whenever output pixels change for the same input; part of the content hash.
    var version: String { get }
    func generate(_ job: ImageJob) throws -> GeneratedImage
}

/// The built-in anatomical phantom.
public struct PhantomImageGenerator: ImageGenerator {
    public init() {}
    public var id: String { "phantom" }
    public var version: String { PhantomGenerator.version }

    public func generate(_ job: ImageJob) throws -> GeneratedImage {
        let result = PhantomGenerator.render(reading: job.reading, seed: UInt64(job.seed),
                                             width: job.spec.size.width, height: job.spec.size.height)
        return GeneratedImage(image: result.image, masks: result.masks, measures: result.measures)
    }
}

/// The generator for each `generator:` value.
enum Generators {
    static func generator(for kind: GeneratorKind) -> any ImageGenerator {
        switch kind {
        case .phantom: PhantomImageGenerator()
        }
    }
}
