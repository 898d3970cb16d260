import Foundation

/// The training noise schedule every diffusers scheduler builds in its constructor:
/// betas, and the cumulative products of alphas, all float32 tensors in diffusers.
struct NoiseSchedule: Sendable {
    /// `num_train_timesteps`.
    let trainTimesteps: Int
    let betas: [Float]
    /// `alphas_cumprod`, indexed by training timestep.
    let alphasCumprod: [Float]

    /// Reads `num_train_timesteps`, `beta_start`, `beta_end`, `beta_schedule`, `trained_betas`
    /// and `rescale_betas_zero_snr`. `pinsFinalAlpha` is set by the schedulers that replace the
    /// last cumulative alpha with 2^-24 under zero-terminal-SNR rescaling (all but DDIM).
    init(config: SchedulerConfig, scheduler: String, pinsFinalAlpha: Bool) throws {
        let count = try config.int("num_train_timesteps", default: 1000)
        guard count >= 2 else {
            throw SchedulerError.unsupportedOption(scheduler: scheduler, key: "num_train_timesteps", value: String(count))
        }
        let betaStart = try config.double("beta_start", default: 0.0001)
        let betaEnd = try config.double("beta_end", default: 0.02)
        var betas: [Float]
        if let trained = try config.optionalDoubles("trained_betas") {
            guard trained.count == count else {
                throw SchedulerError.unsupportedOption(
                    scheduler: scheduler, key: "trained_betas", value: "\(trained.count) values for \(count) timesteps")
            }
            betas = trained.map { Float($0) }
        } else {
            let kind = try config.string("beta_schedule", default: "linear")
            switch kind {
            case "linear":
                betas = TorchFloat32.linspace(betaStart, betaEnd, count)
            case "scaled_linear":
                // Python's `beta_start**0.5`, then the float32 tensor squared.
                betas = TorchFloat32.linspace(Foundation.pow(betaStart, 0.5), Foundation.pow(betaEnd, 0.5), count).map { $0 * $0 }
            case "squaredcos_cap_v2":
                betas = Self.cosineBetas(count: count)
            default:
                throw SchedulerError.unsupportedOption(scheduler: scheduler, key: "beta_schedule", value: "\"\(kind)\"")
            }
        }
        let rescale = try config.bool("rescale_betas_zero_snr", default: false)
        if rescale { betas = Self.rescaledToZeroTerminalSNR(betas) }
        var cumulative = TorchFloat32.cumulativeProduct(betas.map { 1 - $0 })
        if rescale && pinsFinalAlpha { cumulative[count - 1] = 0x1p-24 }
        trainTimesteps = count
        self.betas = betas
        alphasCumprod = cumulative
    }

    /// `((1 - alphas_cumprod) / alphas_cumprod) ** 0.5` in float32, indexed by training timestep.
    var trainSigmas: [Float] {
        alphasCumprod.map { ((1 - $0) / $0).squareRoot() }
    }

    /// The same sigma for one training timestep.
    func trainSigma(at timestep: Int) -> Float {
        let alpha = alphasCumprod[timestep]
        return ((1 - alpha) / alpha).squareRoot()
    }

    /// `betas_for_alpha_bar(count)` with the cosine transform, computed in Python floats.
    private static func cosineBetas(count: Int) -> [Float] {
        func alphaBar(_ t: Double) -> Double {
            let c = Foundation.cos((t + 0.008) / 1.008 * Double.pi / 2)
            return c * c
        }
        return (0..<count).map { i in
            let t1 = Double(i) / Double(count), t2 = Double(i + 1) / Double(count)
            return Float(min(1 - alphaBar(t2) / alphaBar(t1), 0.999))
        }
    }

    /// `rescale_zero_terminal_snr`, step by step in float32 as diffusers does it with tensors.
    private static func rescaledToZeroTerminalSNR(_ betas: [Float]) -> [Float] {
        let cumulative = TorchFloat32.cumulativeProduct(betas.map { 1 - $0 })
        var roots = cumulative.map { $0.squareRoot() }
        let first = roots[0], last = roots[roots.count - 1]
        let scale = first / (first - last)
        roots = roots.map { ($0 - last) * scale }
        let bars = roots.map { $0 * $0 }
        var alphas = [bars[0]]
        for i in 1..<bars.count { alphas.append(bars[i] / bars[i - 1]) }
        return alphas.map { 1 - $0 }
    }
}
