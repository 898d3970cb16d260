/// diffusers' `DDIMScheduler` (deterministic for `eta` = 0, the pipelines' default).
public struct DDIMScheduler: Scheduler {
    public var className: String { "DDIMScheduler" }
    let schedule: NoiseSchedule
    let prediction: PredictionType
    let spacing: TimestepSpacing
    let stepsOffset: Int
    let clipSample: Bool
    let clipSampleRange: Float
    /// `final_alpha_cumprod`: 1 with `set_alpha_to_one`, else the first cumulative alpha.
    let finalAlphaCumprod: Float
    /// The DDIM noise weight η; 0 gives deterministic DDIM, 1 DDPM-like sampling.
    public var eta: Float = 0

    private var integerTimesteps: [Int]
    private var inferenceSteps: Int?

    public var timesteps: [Double] { integerTimesteps.map(Double.init) }
    public var initNoiseSigma: Float { 1 }
    public var alphasCumprod: [Float] { schedule.alphasCumprod }

    /// Builds the scheduler from a config, with diffusers' defaults for missing keys.
    public init(config: SchedulerConfig) throws {
        let name = "DDIMScheduler"
        schedule = try NoiseSchedule(config: config, scheduler: name, pinsFinalAlpha: false)
        prediction = try PredictionType(config: config, scheduler: name, allowed: [.epsilon, .vPrediction, .sample])
        spacing = try TimestepSpacing(config: config, scheduler: name, default: .leading)
        stepsOffset = try config.int("steps_offset", default: 0)
        clipSample = try config.bool("clip_sample", default: true)
        clipSampleRange = Float(try config.double("clip_sample_range", default: 1.0))
        if try config.bool("thresholding", default: false) {
            throw SchedulerError.unsupportedOption(scheduler: name, key: "thresholding", value: "true")
        }
        let alphaToOne = try config.bool("set_alpha_to_one", default: true)
        finalAlphaCumprod = alphaToOne ? 1 : schedule.alphasCumprod[0]
        integerTimesteps = Array((0..<schedule.trainTimesteps).reversed())
        inferenceSteps = nil
    }

    public mutating func setTimesteps(_ count: Int) throws {
        let train = schedule.trainTimesteps
        guard count >= 1 else { throw SchedulerError.invalidStepCount(count, reason: "at least one step is needed") }
        guard count <= train else {
            throw SchedulerError.invalidStepCount(count, reason: "more than num_train_timesteps (\(train))")
        }
        switch spacing {
        case .linspace:
            integerTimesteps = NumpyCompat.round(NumpyCompat.linspace(0, Double(train - 1), count)).reversed().map { Int($0) }
        case .leading:
            let ratio = train / count
            integerTimesteps = (0..<count).reversed().map { $0 * ratio + stepsOffset }
        case .trailing:
            let ratio = Double(train) / Double(count)
            integerTimesteps = NumpyCompat.round(NumpyCompat.arange(Double(train), 0, -ratio)).map { Int($0) - 1 }
        }
        if let bad = integerTimesteps.first(where: { $0 < 0 || $0 >= train }) {
            throw SchedulerError.invalidStepCount(count, reason: "timestep \(bad) is outside 0..<\(train) (steps_offset \(stepsOffset))")
        }
        inferenceSteps = count
    }

    public func scaleModelInput(_ sample: [Float], step: Int) -> [Float] { sample }

    public mutating func step(modelOutput: [Float], step: Int, sample: [Float], generator: inout TorchGenerator) -> [Float] {
        guard let count = inferenceSteps else { preconditionFailure("call setTimesteps before step") }
        let timestep = integerTimesteps[step]
        // diffusers steps back by train/count whatever the spacing.
        let previous = timestep - schedule.trainTimesteps / count
        let alphaProduct = schedule.alphasCumprod[timestep]
        let alphaProductPrevious = previous >= 0 ? schedule.alphasCumprod[previous] : finalAlphaCumprod
        let betaProduct = 1 - alphaProduct
        let sqrtAlpha = alphaProduct.squareRoot(), sqrtBeta = betaProduct.squareRoot()

        var original: [Float]
        let epsilon: [Float]
        switch prediction {
        case .epsilon:
            original = SampleMath.zip(sample, modelOutput) { x, e in (x - sqrtBeta * e) / sqrtAlpha }
            epsilon = modelOutput
        case .sample:
            original = modelOutput
            epsilon = SampleMath.zip(sample, modelOutput) { x, x0 in (x - sqrtAlpha * x0) / sqrtBeta }
        case .vPrediction:
            original = SampleMath.zip(sample, modelOutput) { x, v in sqrtAlpha * x - sqrtBeta * v }
            epsilon = SampleMath.zip(sample, modelOutput) { x, v in sqrtAlpha * v + sqrtBeta * x }
        }
        if clipSample {
            let range = clipSampleRange
            original = original.map { min(max($0, -range), range) }
        }

        let betaProductPrevious = 1 - alphaProductPrevious
        let variance = (betaProductPrevious / betaProduct) * (1 - alphaProduct / alphaProductPrevious)
        let standardDeviation = eta * variance.squareRoot()
        let directionScale = (1 - alphaProductPrevious - standardDeviation * standardDeviation).squareRoot()
        let sqrtAlphaPrevious = alphaProductPrevious.squareRoot()
        var previousSample = SampleMath.zip(original, epsilon) { x0, e in sqrtAlphaPrevious * x0 + directionScale * e }
        if eta > 0 {
            let noise = generator.randn(count: sample.count)
            previousSample = SampleMath.zip(previousSample, noise) { x, n in x + standardDeviation * n }
        }
        return previousSample
    }

    public func addNoise(original: [Float], noise: [Float], step: Int) -> [Float] {
        let alpha = schedule.alphasCumprod[integerTimesteps[step]]
        let sqrtAlpha = alpha.squareRoot(), sqrtOneMinus = (1 - alpha).squareRoot()
        return SampleMath.zip(original, noise) { x, n in sqrtAlpha * x + sqrtOneMinus * n }
    }
}
