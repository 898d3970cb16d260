/// The inference timesteps both Euler schedulers compute in `set_timesteps`, as float32
/// values (the dtype diffusers keeps them in): `linspace`, `leading` or `trailing` spacing.
enum DiscreteSigmaSchedule {
    static func timesteps(count: Int, trainTimesteps train: Int, spacing: TimestepSpacing, stepsOffset: Int) -> [Float] {
        switch spacing {
        case .linspace:
            return NumpyCompat.linspace(0, Double(train - 1), count).reversed().map { Float($0) }
        case .leading:
            let ratio = train / count
            // float32 + int in NumPy stays float32.
            return (0..<count).reversed().map { Float($0 * ratio) + Float(stepsOffset) }
        case .trailing:
            let ratio = Double(train) / Double(count)
            return NumpyCompat.round(NumpyCompat.arange(Double(train), 0, -ratio)).map { Float($0) - 1 }
        }
    }

    /// `init_noise_sigma` of the Euler schedulers: the largest sigma, or √(σ²+1) of it for
    /// `leading` spacing (float32 tensor arithmetic).
    static func initNoiseSigma(sigmas: [Float], spacing: TimestepSpacing) -> Float {
        let largest = sigmas.max() ?? 0
        switch spacing {
        case .linspace, .trailing: return largest
        case .leading: return (largest * largest + 1).squareRoot()
        }
    }

    static func validate(count: Int) throws {
        guard count >= 1 else { throw SchedulerError.invalidStepCount(count, reason: "at least one step is needed") }
    }
}
