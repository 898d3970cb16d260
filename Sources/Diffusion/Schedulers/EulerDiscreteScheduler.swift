import Foundation

/// diffusers' `EulerDiscreteScheduler` (k-diffusion's Euler method), optionally with
/// Karras sigmas and stochastic churn.
public struct EulerDiscreteScheduler: Scheduler {
    public var className: String { "EulerDiscreteScheduler" }
    let schedule: NoiseSchedule
    let prediction: PredictionType
    let spacing: TimestepSpacing
    let stepsOffset: Int
    let useKarrasSigmas: Bool
    let sigmaMin: Double?
    let sigmaMax: Double?
    let finalSigma: FinalSigmaType

    /// `s_churn` of diffusers' `step`: how much noise to add back per step; 0 (the default) adds none.
    public var churn: Double = 0
    /// `s_tmin`: churn applies only to sigmas at or above this.
    public var churnMinSigma: Double = 0
    /// `s_tmax`: churn applies only to sigmas at or below this.
    public var churnMaxSigma: Double = .infinity
    /// `s_noise`: the scale of the churn noise.
    public var churnNoiseScale: Float = 1

    /// One sigma per timestep plus the final one.
    public private(set) var sigmas: [Float]
    private var timestepValues: [Float]

    public var timesteps: [Double] { timestepValues.map(Double.init) }
    public var initNoiseSigma: Float { DiscreteSigmaSchedule.initNoiseSigma(sigmas: sigmas, spacing: spacing) }
    public var alphasCumprod: [Float] { schedule.alphasCumprod }

    /// Builds the scheduler from a config, with diffusers' defaults for missing keys.
    public init(config: SchedulerConfig) throws {
        let name = "EulerDiscreteScheduler"
        schedule = try NoiseSchedule(config: config, scheduler: name, pinsFinalAlpha: true)
        prediction = try PredictionType(config: config, scheduler: name, allowed: [.epsilon, .vPrediction, .sample])
        spacing = try TimestepSpacing(config: config, scheduler: name, default: .linspace)
        stepsOffset = try config.int("steps_offset", default: 0)
        useKarrasSigmas = try config.bool("use_karras_sigmas", default: false)
        sigmaMin = try config.optionalDouble("sigma_min")
        sigmaMax = try config.optionalDouble("sigma_max")
        finalSigma = try FinalSigmaType(config: config, scheduler: name)
        for key in ["use_exponential_sigmas", "use_beta_sigmas"] where try config.bool(key, default: false) {
            throw SchedulerError.unsupportedOption(scheduler: name, key: key, value: "true")
        }
        let interpolation = try config.string("interpolation_type", default: "linear")
        guard interpolation == "linear" else {
            throw SchedulerError.unsupportedOption(scheduler: name, key: "interpolation_type", value: "\"\(interpolation)\"")
        }
        let timestepType = try config.string("timestep_type", default: "discrete")
        if timestepType == "continuous" && prediction == .vPrediction {
            throw SchedulerError.unsupportedOption(scheduler: name, key: "timestep_type", value: "\"continuous\" with v_prediction")
        }
        // Before `setTimesteps`: every training timestep, as diffusers' constructor leaves it.
        sigmas = schedule.trainSigmas.reversed() + [0]
        timestepValues = NumpyCompat.linspace(0, Double(schedule.trainTimesteps - 1), schedule.trainTimesteps)
            .reversed().map { Float($0) }
    }

    public mutating func setTimesteps(_ count: Int) throws {
        try DiscreteSigmaSchedule.validate(count: count)
        var steps = DiscreteSigmaSchedule.timesteps(
            count: count, trainTimesteps: schedule.trainTimesteps, spacing: spacing, stepsOffset: stepsOffset)
        let table = schedule.trainSigmas
        var stepSigmas = NumpyCompat.interpolateOnIndexGrid(steps.map(Double.init), table: table.map(Double.init))
        if useKarrasSigmas {
            let logSigmas = SigmaConversions.logTable(table)
            stepSigmas = SigmaConversions.karras(from: stepSigmas, count: count, sigmaMin: sigmaMin, sigmaMax: sigmaMax)
            steps = stepSigmas.map { Float(SigmaConversions.timestep(forSigma: $0, logSigmas: logSigmas)) }
        }
        sigmas = stepSigmas.map { Float($0) } + [finalSigma.value(in: schedule)]
        timestepValues = steps
    }

    public func scaleModelInput(_ sample: [Float], step: Int) -> [Float] {
        let sigma = sigmas[step]
        let scale = (sigma * sigma + 1).squareRoot()
        return sample.map { $0 / scale }
    }

    public mutating func step(modelOutput: [Float], step: Int, sample: [Float], generator: inout TorchGenerator) -> [Float] {
        let sigma = sigmas[step]
        var gamma = 0.0
        if churnMinSigma <= Double(sigma) && Double(sigma) <= churnMaxSigma {
            gamma = min(churn / Double(sigmas.count - 1), 2.0.squareRoot() - 1)
        }
        let sigmaHat = sigma * Float(gamma + 1)
        var current = sample
        if gamma > 0 {
            let noise = generator.randn(count: sample.count)
            let noiseScale = churnNoiseScale
            let extra = (sigmaHat * sigmaHat - sigma * sigma).squareRoot()
            current = SampleMath.zip(current, noise) { x, n in x + (n * noiseScale) * extra }
        }
        let original: [Float]
        switch prediction {
        case .epsilon:
            original = SampleMath.zip(current, modelOutput) { x, e in x - sigmaHat * e }
        case .vPrediction:
            let outputScale = -sigma / (sigma * sigma + 1).squareRoot()
            let sampleDivisor = sigma * sigma + 1
            original = SampleMath.zip(current, modelOutput) { x, v in v * outputScale + x / sampleDivisor }
        case .sample:
            original = modelOutput
        }
        let dt = sigmas[step + 1] - sigmaHat
        return SampleMath.zip(current, original) { x, x0 in
            let derivative = (x - x0) / sigmaHat
            return x + derivative * dt
        }
    }

    public func addNoise(original: [Float], noise: [Float], step: Int) -> [Float] {
        let sigma = sigmas[step]
        return SampleMath.zip(original, noise) { x, n in x + n * sigma }
    }
}
