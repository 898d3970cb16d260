import Foundation

/// diffusers' `DPMSolverMultistepScheduler` with the deterministic algorithms
/// ("dpmsolver++", the DPM++ 2M sampler, and "dpmsolver"), solver order 1 or 2,
/// midpoint or Heun second-order updates, and optional Karras sigmas.
public struct DPMSolverMultistepScheduler: Scheduler {
    public var className: String { "DPMSolverMultistepScheduler" }

    enum Algorithm: String { case dpmSolverPlusPlus = "dpmsolver++", dpmSolver = "dpmsolver" }
    enum SolverType: String { case midpoint, heun }

    let schedule: NoiseSchedule
    let prediction: PredictionType
    let spacing: TimestepSpacing
    let stepsOffset: Int
    let solverOrder: Int
    let algorithm: Algorithm
    let solverType: SolverType
    let lowerOrderFinal: Bool
    let eulerAtFinal: Bool
    let useKarrasSigmas: Bool
    let finalSigma: FinalSigmaType
    let lambdaMinClipped: Double
    let cosineBetaSchedule: Bool

    /// One sigma per timestep plus the final one.
    public private(set) var sigmas: [Float]
    private var integerTimesteps: [Int]
    /// The converted outputs of the last `solverOrder` steps, oldest first.
    private var modelOutputs: [[Float]?]
    private var lowerOrderCount = 0

    public var timesteps: [Double] { integerTimesteps.map(Double.init) }
    public var initNoiseSigma: Float { 1 }
    public var alphasCumprod: [Float] { schedule.alphasCumprod }

    /// Builds the scheduler from a config, with diffusers' defaults for missing keys.
    public init(config: SchedulerConfig) throws {
        let name = "DPMSolverMultistepScheduler"
        schedule = try NoiseSchedule(config: config, scheduler: name, pinsFinalAlpha: true)
        prediction = try PredictionType(config: config, scheduler: name, allowed: [.epsilon, .vPrediction, .sample])
        spacing = try TimestepSpacing(config: config, scheduler: name, default: .linspace)
        stepsOffset = try config.int("steps_offset", default: 0)
        solverOrder = try config.int("solver_order", default: 2)
        guard solverOrder == 1 || solverOrder == 2 else {
            throw SchedulerError.unsupportedOption(scheduler: name, key: "solver_order", value: String(solverOrder))
        }
        var algorithmName = try config.string("algorithm_type", default: "dpmsolver++")
        if algorithmName == "deis" { algorithmName = "dpmsolver++" }  // as diffusers remaps it
        guard let algorithm = Algorithm(rawValue: algorithmName) else {
            throw SchedulerError.unsupportedOption(scheduler: name, key: "algorithm_type", value: "\"\(algorithmName)\"")
        }
        self.algorithm = algorithm
        var solverName = try config.string("solver_type", default: "midpoint")
        if ["logrho", "bh1", "bh2"].contains(solverName) { solverName = "midpoint" }
        guard let solverType = SolverType(rawValue: solverName) else {
            throw SchedulerError.unsupportedOption(scheduler: name, key: "solver_type", value: "\"\(solverName)\"")
        }
        self.solverType = solverType
        lowerOrderFinal = try config.bool("lower_order_final", default: true)
        eulerAtFinal = try config.bool("euler_at_final", default: false)
        useKarrasSigmas = try config.bool("use_karras_sigmas", default: false)
        finalSigma = try FinalSigmaType(config: config, scheduler: name)
        if algorithm == .dpmSolver && finalSigma == .zero {
            throw SchedulerError.unsupportedOption(
                scheduler: name, key: "final_sigmas_type", value: "\"zero\" with algorithm_type \"dpmsolver\"")
        }
        lambdaMinClipped = try config.double("lambda_min_clipped", default: -.infinity)
        cosineBetaSchedule = try config.string("beta_schedule", default: "linear") == "squaredcos_cap_v2"
        for key in ["thresholding", "use_lu_lambdas", "use_exponential_sigmas", "use_beta_sigmas",
                    "use_flow_sigmas", "use_dynamic_shifting"] where try config.bool(key, default: false) {
            throw SchedulerError.unsupportedOption(scheduler: name, key: key, value: "true")
        }
        if let variance = try config.optionalString("variance_type") {
            throw SchedulerError.unsupportedOption(scheduler: name, key: "variance_type", value: "\"\(variance)\"")
        }
        sigmas = schedule.trainSigmas
        integerTimesteps = NumpyCompat.linspace(0, Double(schedule.trainTimesteps - 1), schedule.trainTimesteps)
            .reversed().map { Int(Float($0)) }
        modelOutputs = Array(repeating: nil, count: solverOrder)
    }

    public mutating func setTimesteps(_ count: Int) throws {
        guard count >= 1 else { throw SchedulerError.invalidStepCount(count, reason: "at least one step is needed") }
        let train = schedule.trainTimesteps
        let lastTimestep = train - clippedIndex()
        var steps: [Double]
        switch spacing {
        case .linspace:
            steps = Array(NumpyCompat.round(NumpyCompat.linspace(0, Double(lastTimestep - 1), count + 1)).reversed().dropLast())
        case .leading:
            let ratio = lastTimestep / (count + 1)
            steps = (1...count).reversed().map { Double($0 * ratio + stepsOffset) }
        case .trailing:
            let ratio = Double(train) / Double(count)
            steps = NumpyCompat.round(NumpyCompat.arange(Double(lastTimestep), 0, -ratio)).map { $0 - 1 }
        }
        let table = schedule.trainSigmas
        var stepSigmas: [Double]
        if useKarrasSigmas {
            let logSigmas = SigmaConversions.logTable(table)
            let descending = table.reversed().map(Double.init)
            // DPM-Solver has no sigma_min/sigma_max options: the table's extremes are used.
            stepSigmas = SigmaConversions.karras(from: descending, count: count, sigmaMin: nil, sigmaMax: nil)
            steps = stepSigmas.map { SigmaConversions.timestep(forSigma: $0, logSigmas: logSigmas) }
            if !cosineBetaSchedule { steps = NumpyCompat.round(steps) }
        } else {
            stepSigmas = NumpyCompat.interpolateOnIndexGrid(steps, table: table.map(Double.init))
        }
        // `.to(torch.int64)` truncates toward zero.
        let integers = steps.map { Int($0) }
        if let bad = integers.first(where: { $0 < 0 || $0 >= train }) {
            throw SchedulerError.invalidStepCount(count, reason: "timestep \(bad) is outside 0..<\(train) (steps_offset \(stepsOffset))")
        }
        integerTimesteps = integers
        sigmas = stepSigmas.map { Float($0) } + [finalSigma.value(in: schedule)]
        modelOutputs = Array(repeating: nil, count: solverOrder)
        lowerOrderCount = 0
    }

    /// `searchsorted(flip(lambda_t), lambda_min_clipped)`: how many of the largest timesteps
    /// have a log-SNR below the clipping value.
    private func clippedIndex() -> Int {
        guard lambdaMinClipped > -.infinity else { return 0 }
        let lambdas = schedule.alphasCumprod.map { alpha in
            Foundation.log(alpha.squareRoot()) - Foundation.log((1 - alpha).squareRoot())
        }
        return lambdas.reversed().prefix { Double($0) < lambdaMinClipped }.count
    }

    public func scaleModelInput(_ sample: [Float], step: Int) -> [Float] { sample }

    public mutating func step(modelOutput: [Float], step: Int, sample: [Float], generator: inout TorchGenerator) -> [Float] {
        let count = integerTimesteps.count
        // diffusers falls back to first order on the last step (its `lower_order_final` rule);
        // its second-to-last rule only changes third-order solving, which is not offered here.
        let finalStepIsFirstOrder = step == count - 1
            && (eulerAtFinal || (lowerOrderFinal && count < 15) || finalSigma == .zero)

        let converted = convert(modelOutput: modelOutput, sample: sample, step: step)
        for i in 0..<(solverOrder - 1) { modelOutputs[i] = modelOutputs[i + 1] }
        modelOutputs[solverOrder - 1] = converted

        let previous: [Float]
        if solverOrder == 1 || lowerOrderCount < 1 || finalStepIsFirstOrder {
            previous = firstOrderUpdate(converted, sample: sample, step: step)
        } else {
            previous = secondOrderUpdate(sample: sample, step: step)
        }
        if lowerOrderCount < solverOrder { lowerOrderCount += 1 }
        return previous
    }

    /// `convert_model_output`: the data prediction x₀ for DPM-Solver++, the noise ε for DPM-Solver.
    private func convert(modelOutput: [Float], sample: [Float], step: Int) -> [Float] {
        let (alpha, sigma) = SigmaConversions.alphaSigma(sigmas[step])
        switch (algorithm, prediction) {
        case (.dpmSolverPlusPlus, .epsilon):
            return SampleMath.zip(sample, modelOutput) { x, e in (x - sigma * e) / alpha }
        case (.dpmSolverPlusPlus, .sample), (.dpmSolver, .epsilon):
            return modelOutput
        case (.dpmSolverPlusPlus, .vPrediction):
            return SampleMath.zip(sample, modelOutput) { x, v in alpha * x - sigma * v }
        case (.dpmSolver, .sample):
            return SampleMath.zip(sample, modelOutput) { x, x0 in (x - alpha * x0) / sigma }
        case (.dpmSolver, .vPrediction):
            return SampleMath.zip(sample, modelOutput) { x, v in alpha * v + sigma * x }
        }
    }

    /// log(α) − log(σ) for a sigma, in float32.
    private static func lambda(_ alphaSigma: (alpha: Float, sigma: Float)) -> Float {
        Foundation.log(alphaSigma.alpha) - Foundation.log(alphaSigma.sigma)
    }

    private func firstOrderUpdate(_ output: [Float], sample: [Float], step: Int) -> [Float] {
        let target = SigmaConversions.alphaSigma(sigmas[step + 1])
        let source = SigmaConversions.alphaSigma(sigmas[step])
        let h = Self.lambda(target) - Self.lambda(source)
        switch algorithm {
        case .dpmSolverPlusPlus:
            let sampleScale = target.sigma / source.sigma
            let outputScale = target.alpha * (Foundation.exp(-h) - 1)
            return SampleMath.zip(sample, output) { x, d in sampleScale * x - outputScale * d }
        case .dpmSolver:
            let sampleScale = target.alpha / source.alpha
            let outputScale = target.sigma * (Foundation.exp(h) - 1)
            return SampleMath.zip(sample, output) { x, d in sampleScale * x - outputScale * d }
        }
    }

    private func secondOrderUpdate(sample: [Float], step: Int) -> [Float] {
        guard let m0 = modelOutputs[solverOrder - 1], let m1 = modelOutputs[solverOrder - 2] else {
            preconditionFailure("second-order update without a previous output")
        }
        let target = SigmaConversions.alphaSigma(sigmas[step + 1])
        let source0 = SigmaConversions.alphaSigma(sigmas[step])
        let source1 = SigmaConversions.alphaSigma(sigmas[step - 1])
        let lambdaT = Self.lambda(target), lambda0 = Self.lambda(source0), lambda1 = Self.lambda(source1)
        let h = lambdaT - lambda0, h0 = lambda0 - lambda1
        let r0 = h0 / h
        let differenceScale = 1 / r0
        let d1 = SampleMath.zip(m0, m1) { a, b in differenceScale * (a - b) }

        let sampleScale: Float, d0Scale: Float, d1Scale: Float
        let subtractsD1: Bool
        switch (algorithm, solverType) {
        case (.dpmSolverPlusPlus, .midpoint):
            sampleScale = target.sigma / source0.sigma
            d0Scale = target.alpha * (Foundation.exp(-h) - 1)
            d1Scale = 0.5 * (target.alpha * (Foundation.exp(-h) - 1))
            subtractsD1 = true
        case (.dpmSolverPlusPlus, .heun):
            sampleScale = target.sigma / source0.sigma
            d0Scale = target.alpha * (Foundation.exp(-h) - 1)
            d1Scale = target.alpha * ((Foundation.exp(-h) - 1) / h + 1)
            subtractsD1 = false
        case (.dpmSolver, .midpoint):
            sampleScale = target.alpha / source0.alpha
            d0Scale = target.sigma * (Foundation.exp(h) - 1)
            d1Scale = 0.5 * (target.sigma * (Foundation.exp(h) - 1))
            subtractsD1 = true
        case (.dpmSolver, .heun):
            sampleScale = target.alpha / source0.alpha
            d0Scale = target.sigma * (Foundation.exp(h) - 1)
            d1Scale = target.sigma * ((Foundation.exp(h) - 1) / h - 1)
            subtractsD1 = true
        }
        var result = [Float](repeating: 0, count: sample.count)
        for i in 0..<sample.count {
            let partial = sampleScale * sample[i] - d0Scale * m0[i]
            result[i] = subtractsD1 ? partial - d1Scale * d1[i] : partial + d1Scale * d1[i]
        }
        return result
    }

    public func addNoise(original: [Float], noise: [Float], step: Int) -> [Float] {
        let (alpha, sigma) = SigmaConversions.alphaSigma(sigmas[step])
        return SampleMath.zip(original, noise) { x, n in alpha * x + sigma * n }
    }
}
