import Foundation
import SynthNumerics

/// Text to image with a Stable Diffusion 1.x/2.x checkpoint in the diffusers layout, step for
/// step as diffusers' `StableDiffusionPipeline` does it: the same tokens, text embeddings,
/// initial noise (torch's CPU generator), scheduler arithmetic, guidance and VAE decode.
public struct StableDiffusionPipeline: Sendable {
    /// The checkpoint folder (`model_index.json`, `tokenizer/`, `text_encoder/`, `unet/`, `vae/`, `scheduler/`).
    public let folder: URL
    public let tokenizer: CLIPTokenizer
    public let textEncoder: CLIPTextModel
    public let unet: UNet2DConditionModel
    public let vae: AutoencoderKL
    let schedulerConfig: URL

    /// Loads every component, checking each weight's name and shape.
    public static func load(from folder: URL) throws -> StableDiffusionPipeline {
        let index = try ModelIndex(folder: folder)
        try index.require(["tokenizer", "text_encoder", "unet", "vae", "scheduler"])
        let schedulerConfig = folder.appendingPathComponent("scheduler/scheduler_config.json")
        guard FileManager.default.fileExists(atPath: schedulerConfig.path) else {
            throw PipelineError.missingFile(schedulerConfig.path)
        }
        return StableDiffusionPipeline(
            folder: folder,
            tokenizer: try CLIPTokenizer(folder: folder.appendingPathComponent("tokenizer")),
            textEncoder: try CLIPTextModel.load(from: folder.appendingPathComponent("text_encoder")),
            unet: try UNet2DConditionModel.load(from: folder.appendingPathComponent("unet")),
            vae: try AutoencoderKL.load(from: folder.appendingPathComponent("vae")),
            schedulerConfig: schedulerConfig)
    }

    /// How many image pixels one latent pixel becomes (8 for the published models).
    public var vaeScaleFactor: Int { 1 << max(vae.config.blockOutChannels.count - 1, 0) }

    /// One image to make.
    public struct Request: Sendable {
        public var prompt: String
        public var negativePrompt: String
        public var seed: UInt64
        public var steps: Int
        public var guidance: Float
        public var width: Int
        public var height: Int
        /// A scheduler name (`ddim`, `euler`, `euler-ancestral`, `dpm++2m`, `dpm++2m-karras`); nil keeps the checkpoint's.
        public var scheduler: String?

        public init(prompt: String, negativePrompt: String = "", seed: UInt64, steps: Int, guidance: Float,
                    width: Int, height: Int, scheduler: String? = nil) {
            self.prompt = prompt
            self.negativePrompt = negativePrompt
            self.seed = seed
            self.steps = steps
            self.guidance = guidance
            self.width = width
            self.height = height
            self.scheduler = scheduler
        }
    }

    /// What a run produced, with the intermediate stages the conformance tests compare.
    public struct Result: Sendable {
        /// RGB in 0…1, shape [1, 3, height, width].
        public var image: Tensor
        public var initialLatents: [Float]
        public var schedulerClass: String
    }

    /// The text encoder's last hidden state for one prompt, [1, 77, hidden].
    public func embed(_ text: String) -> Tensor {
        textEncoder.forward(inputIDs: [tokenizer.encodePadded(text).map(Int.init)])
    }

    /// Runs the whole pipeline. `onStep(done, total, latents)` is called after every denoising
    /// step. `scheduler` replaces the one the request names (conformance tests pass diffusers' own configs).
    public func generate(_ request: Request, scheduler chosen: (any Scheduler)? = nil,
                         onStep: (Int, Int, [Float]) -> Void = { _, _, _ in }) throws -> Result {
        let factor = vaeScaleFactor
        guard request.width % factor == 0, request.height % factor == 0, request.width > 0, request.height > 0 else {
            throw PipelineError.badSize(width: request.width, height: request.height, multiple: factor)
        }
        // diffusers guides only when the scale is above 1; the batch is [negative, positive].
        let guided = request.guidance > 1
        let positive = embed(request.prompt)
        let context = guided ? Self.batch(embed(request.negativePrompt), positive) : positive

        var scheduler = try chosen ?? makeScheduler(configURL: schedulerConfig, name: request.scheduler)
        try scheduler.setTimesteps(request.steps)
        var generator = TorchGenerator(seed: request.seed)
        let shape = [1, unet.config.inChannels, request.height / factor, request.width / factor]
        let sigma = scheduler.initNoiseSigma
        var latents = generator.randn(shape).map { $0 * sigma }
        let initial = latents
        let count = latents.count

        for (step, timestep) in scheduler.timesteps.enumerated() {
            let scaled = scheduler.scaleModelInput(latents, step: step)
            let input = guided ? Tensor(shape: [2] + shape.dropFirst(), storage: scaled + scaled) : Tensor(shape: shape, storage: scaled)
            let output = unet.forward(sample: input, timestep: Float(timestep), encoderHiddenStates: context).storage
            var noise = [Float](repeating: 0, count: count)
            if guided {
                for i in 0..<count {
                    let uncond = output[i], text = output[count + i]
                    noise[i] = uncond + request.guidance * (text - uncond)
                }
            } else {
                noise = output
            }
            latents = scheduler.step(modelOutput: noise, step: step, sample: latents, generator: &generator)
            onStep(step + 1, scheduler.timesteps.count, latents)
        }

        let scale = vae.scalingFactor
        let decoded = vae.decode(Tensor(shape: shape, storage: latents.map { $0 / scale }))
        let image = Tensor(shape: decoded.shape, storage: decoded.storage.map { min(max($0 / 2 + 0.5, 0), 1) })
        return Result(image: image, initialLatents: initial, schedulerClass: scheduler.className)
    }

    /// Two [1, …] tensors stacked into one [2, …] batch.
    static func batch(_ first: Tensor, _ second: Tensor) -> Tensor {
        Tensor(shape: [2] + first.shape.dropFirst(), storage: first.storage + second.storage)
    }
}

/// Errors of a checkpoint folder as a whole (component errors name their own files).
public enum PipelineError: Error, CustomStringConvertible, Sendable {
    case missingFile(String)
    case malformed(String, String)
    case missingComponent(String, String)
    case badSize(width: Int, height: Int, multiple: Int)

    public var description: String {
        switch self {
        case .missingFile(let path): "\(path): no such file; is this a diffusers-format checkpoint folder?"
        case .malformed(let path, let why): "\(path): \(why)"
        case .missingComponent(let path, let name): "\(path): the checkpoint has no '\(name)' component"
        case .badSize(let width, let height, let multiple): "size \(width)x\(height) is not a multiple of \(multiple), the VAE's scale factor"
        }
    }
}

/// `model_index.json`: which components a checkpoint has.
struct ModelIndex {
    let path: String
    let components: Set<String>

    init(folder: URL) throws {
        let url = folder.appendingPathComponent("model_index.json")
        path = url.path
        guard let data = FileManager.default.contents(atPath: url.path) else { throw PipelineError.missingFile(url.path) }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw PipelineError.malformed(url.path, "not a JSON object")
        }
        components = Set(object.keys.filter { !$0.hasPrefix("_") && object[$0] is [Any] })
    }

    func require(_ names: [String]) throws {
        for name in names where !components.contains(name) { throw PipelineError.missingComponent(path, name) }
    }
}
