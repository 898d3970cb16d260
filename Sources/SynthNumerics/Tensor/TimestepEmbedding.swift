import Foundation

/// Sinusoidal timestep embedding, as diffusers' `get_timestep_embedding`:
/// frequency i is exp(−ln(maxPeriod) · i / (half − downscaleFreqShift)), the embedding is
/// [sin(t·f), cos(t·f)] (or [cos, sin] with `flipSinToCos`), zero-padded when `dimension` is odd.
///
/// Computed in Float32 step by step as PyTorch does, so the result matches to rounding.
///
/// - Returns: `[timesteps.count, dimension]`.
public func timestepEmbedding(_ timesteps: [Float], dimension: Int, flipSinToCos: Bool,
                              downscaleFreqShift: Float, scale: Float = 1, maxPeriod: Float = 10_000) -> Tensor {
    let half = dimension / 2
    let logPeriod = -Float(log(Double(maxPeriod)))
    let frequencies = (0..<half).map { i in Foundation.exp(logPeriod * Float(i) / (Float(half) - downscaleFreqShift)) }
    var out = [Float](repeating: 0, count: timesteps.count * dimension)
    for (row, t) in timesteps.enumerated() {
        let base = row * dimension
        for i in 0..<half {
            let arg = scale * (t * frequencies[i])
            let (s, c) = (Foundation.sin(arg), Foundation.cos(arg))
            out[base + i] = flipSinToCos ? c : s
            out[base + half + i] = flipSinToCos ? s : c
        }
    }
    return Tensor(shape: [timesteps.count, dimension], storage: out)
}
