import Foundation

/// Sigma-space helpers shared by the Euler and DPM-Solver schedulers, in NumPy float64
/// the way diffusers writes them.
enum SigmaConversions {
    /// `_convert_to_karras`: `(max^(1/ρ) + ramp · (min^(1/ρ) − max^(1/ρ)))^ρ` with ρ = 7,
    /// over `np.linspace(0, 1, count)`. `sigmaMin`/`sigmaMax` default to the last and first input sigma.
    static func karras(from sigmas: [Double], count: Int, sigmaMin: Double?, sigmaMax: Double?) -> [Double] {
        let low = sigmaMin ?? sigmas[sigmas.count - 1]
        let high = sigmaMax ?? sigmas[0]
        let rho = 7.0
        let minInvRho = Foundation.pow(low, 1 / rho)
        let maxInvRho = Foundation.pow(high, 1 / rho)
        return NumpyCompat.linspace(0, 1, count).map { ramp in
            Foundation.pow(maxInvRho + ramp * (minInvRho - maxInvRho), rho)
        }
    }

    /// `_sigma_to_t`: the fractional training timestep whose log-sigma matches `sigma`, interpolated
    /// between neighbours of `logSigmas` (a float32 table, as `np.log` of float32 sigmas gives it).
    static func timestep(forSigma sigma: Double, logSigmas: [Float]) -> Double {
        let logSigma = Foundation.log(max(sigma, 1e-10))
        // The last index whose log-sigma is <= log(sigma) (0 if none), at most count - 2.
        var low = 0
        for (index, value) in logSigmas.enumerated() where logSigma - Double(value) >= 0 {
            low = index
        }
        low = min(low, logSigmas.count - 2)
        let high = low + 1
        let lowValue = logSigmas[low], highValue = logSigmas[high]
        // `low - high` is a float32 difference in NumPy; `low - log_sigma` is float64.
        var weight = (Double(lowValue) - logSigma) / Double(lowValue - highValue)
        weight = min(max(weight, 0), 1)
        return (1 - weight) * Double(low) + weight * Double(high)
    }

    /// `np.log` of float32 sigmas, kept in float32.
    static func logTable(_ sigmas: [Float]) -> [Float] {
        sigmas.map { Foundation.log($0) }
    }

    /// `_sigma_to_alpha_sigma_t` for the variance-preserving schedules: α = 1/√(σ²+1), σₜ = σ·α (float32).
    static func alphaSigma(_ sigma: Float) -> (alpha: Float, sigma: Float) {
        let alpha = 1 / (sigma * sigma + 1).squareRoot()
        return (alpha, sigma * alpha)
    }
}
