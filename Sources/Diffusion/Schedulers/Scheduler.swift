/// A diffusers noise scheduler over a flattened latent (`[Float]`, NCHW order; the
/// schedulers here are elementwise, so any layout works as long as it is consistent).
///
/// Usage mirrors a diffusers pipeline: `setTimesteps(count)`, start from noise times
/// `initNoiseSigma`, then for each `step` in `timesteps.indices` feed
/// `scaleModelInput(latent, step:)` and `timesteps[step]` to the denoiser and call
/// `step(modelOutput:step:sample:generator:)`. Steps are addressed by their position
/// in `timesteps`, not by timestep value, and multistep schedulers expect them in order.
public protocol Scheduler: Sendable {
    /// The diffusers class this scheduler reproduces, e.g. "EulerDiscreteScheduler".
    var className: String { get }
    /// The timesteps handed to the denoiser, one per inference step.
    var timesteps: [Double] { get }
    /// The standard deviation the initial noise is scaled by (`init_noise_sigma`).
    var initNoiseSigma: Float { get }
    /// The training schedule's cumulative alpha products, indexed by training timestep.
    var alphasCumprod: [Float] { get }
    /// Chooses `count` inference steps (`set_timesteps`) and resets any multistep state.
    mutating func setTimesteps(_ count: Int) throws
    /// The denoiser's input for the sample at inference step `step` (`scale_model_input`).
    func scaleModelInput(_ sample: [Float], step: Int) -> [Float]
    /// Advances the sample by one inference step (`step(...).prev_sample`). Stochastic
    /// schedulers draw their noise from `generator`, the way diffusers draws from its torch generator.
    mutating func step(modelOutput: [Float], step: Int, sample: [Float], generator: inout TorchGenerator) -> [Float]
    /// `add_noise`: the clean `original` noised to the level of inference step `step`.
    func addNoise(original: [Float], noise: [Float], step: Int) -> [Float]
}

/// Elementwise float32 helpers; each closure is one rounded torch operation per element.
enum SampleMath {
    @inline(__always)
    static func map(_ a: [Float], _ transform: (Float) -> Float) -> [Float] {
        a.map(transform)
    }

    @inline(__always)
    static func zip(_ a: [Float], _ b: [Float], _ combine: (Float, Float) -> Float) -> [Float] {
        precondition(a.count == b.count, "sample sizes differ: \(a.count) and \(b.count)")
        var out = [Float](repeating: 0, count: a.count)
        for i in 0..<a.count { out[i] = combine(a[i], b[i]) }
        return out
    }
}
