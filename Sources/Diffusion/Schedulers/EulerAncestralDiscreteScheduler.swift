/// diffusers' `EulerAncestralDiscreteScheduler`: an Euler step to a lower sigma, plus fresh
/// noise drawn from the generator after every step.
public struct EulerAncestralDiscreteScheduler: Scheduler {
    public var className: String { "EulerAncestralDiscreteScheduler" }
    let schedule: NoiseSchedule
    let prediction: PredictionType
    let spacing: TimestepSpacing
    let stepsOffset: Int

    /// One sigma per timestep plus a final 0.
    public private(set) var sigmas: [Float]
    private var timestepValues: [Float]

    public var timesteps: [Double] { timestepValues.map(Double.init) }
    public var initNoiseSigma: Float { DiscreteSigmaSchedule.initNoiseSigma(sigmas: sigmas, spacing: spacing) }
    public var alphasCumprod: [Float] { schedule.alphasCumprod }

    /// Builds the scheduler from a config, with diffusers' defaults for missing keys.
    public init(config: SchedulerConfig) throws {
        let name = "EulerAncestralDiscreteScheduler"
        schedule = try NoiseSchedule(config: config, scheduler: name, pinsFinalAlpha: true)
        prediction = try PredictionType(config: config, scheduler: name, allowed: [.epsilon, .vPrediction])
        spacing = try TimestepSpacing(config: config, scheduler: name, default: .linspace)
        stepsOffset = try config.int("steps_offset", default: 0)
        sigmas = schedule.trainSigmas.reversed() + [0]
        timestepValues = NumpyCompat.linspace(0, Double(schedule.trainTimesteps - 1), schedule.trainTimesteps)
            .reversed().map { Float($0) }
    }

    public mutating func setTimesteps(_ count: Int) throws {
        try DiscreteSigmaSchedule.validate(count: count)
        let steps = DiscreteSigmaSchedule.timesteps(
            count: count, trainTimesteps: schedule.trainTimesteps, spacing: spacing, stepsOffset: stepsOffset)
        let table = schedule.trainSigmas.map(Double.init)
        sigmas = NumpyCompat.interpolateOnIndexGrid(steps.map(Double.init), table: table).map { Float($0) } + [0]
        timestepValues = steps
    }

    public func scaleModelInput(_ sample: [Float], step: Int) -> [Float] {
        let sigma = sigmas[step]
        let scale = (sigma * sigma + 1).squareRoot()
        return sample.map { $0 / scale }
    }

    public mutating func step(modelOutput: [Float], step: Int, sample: [Float], generator: inout TorchGenerator) -> [Float] {
        let sigma = sigmas[step]
        let original: [Float]
        switch prediction {
        case .epsilon:
            original = SampleMath.zip(sample, modelOutput) { x, e in x - sigma * e }
        case .vPrediction:
            let outputScale = -sigma / (sigma * sigma + 1).squareRoot()
            let sampleDivisor = sigma * sigma + 1
            original = SampleMath.zip(sample, modelOutput) { x, v in v * outputScale + x / sampleDivisor }
        case .sample:
            preconditionFailure("rejected in init")
        }
        let sigmaFrom = sigma, sigmaTo = sigmas[step + 1]
        let sigmaUp = ((sigmaTo * sigmaTo) * (sigmaFrom * sigmaFrom - sigmaTo * sigmaTo) / (sigmaFrom * sigmaFrom)).squareRoot()
        let sigmaDown = (sigmaTo * sigmaTo - sigmaUp * sigmaUp).squareRoot()
        let dt = sigmaDown - sigma
        var previous = SampleMath.zip(sample, original) { x, x0 in
            let derivative = (x - x0) / sigma
            return x + derivative * dt
        }
        let noise = generator.randn(count: sample.count)
        previous = SampleMath.zip(previous, noise) { x, n in x + n * sigmaUp }
        return previous
    }

    public func addNoise(original: [Float], noise: [Float], step: Int) -> [Float] {
        let sigma = sigmas[step]
        return SampleMath.zip(original, noise) { x, n in x + n * sigma }
    }
}
