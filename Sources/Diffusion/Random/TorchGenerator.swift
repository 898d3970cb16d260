import Foundation

/// A bit-exact copy of `torch.Generator()` on the CPU, for the draws diffusers makes
/// (`torch.randn(shape, generator=...)`), so a seed gives the same starting latent and
/// the same ancestral noise as a PyTorch run on an x86-64 machine.
///
/// Like a torch generator it is stateful: consecutive `randn` calls continue the
/// stream, and the cached second value of the small-tensor Box–Muller path is kept
/// between calls. It follows PyTorch 2.x's CPU kernels: tensors of 16 or more float
/// elements take the AVX2 `normal_fill` path (what torch dispatches to on every
/// x86-64 CPU with AVX2, AVX-512 ones included), smaller ones the scalar double path.
/// torch on ARM (Apple silicon) computes the 16-wide path with libm instead and so
/// differs in the last bits from this.
public struct TorchGenerator: Sendable {
    private var engine: MersenneTwister
    /// torch's `next_double_normal_sample_`: the sine half of the last double Box–Muller pair.
    private var cachedNormal: Double?
    /// The seed this generator was created with (`initial_seed()`).
    public let initialSeed: UInt64

    /// `torch.Generator().manual_seed(seed)`.
    public init(seed: UInt64) {
        initialSeed = seed
        engine = MersenneTwister(seed: seed)
        cachedNormal = nil
    }

    /// `torch.randn(shape, generator=self)` in float32, flattened in row-major order.
    public mutating func randn(_ shape: [Int]) -> [Float] {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in \(shape)")
        return randn(count: shape.reduce(1, *))
    }

    /// `torch.randn(count, generator=self)`: the same stream as any shape with `count` elements.
    public mutating func randn(count: Int) -> [Float] {
        precondition(count >= 0, "negative element count \(count)")
        if count >= NormalFill.blockSize {
            return NormalFill.fill(count: count, engine: &engine)
        }
        return (0..<count).map { _ in Float(nextDoubleNormal()) }
    }

    /// One uniform double in [0, 1) from 53 random bits (`uniform_real_distribution<double>`).
    private mutating func nextDoubleUniform() -> Double {
        let bits = engine.nextUInt64() & ((UInt64(1) << 53) - 1)
        return Double(bits) * (1.0 / Double(UInt64(1) << 53))
    }

    /// `at::normal_distribution<double>(0, 1)`: Box–Muller on two doubles, the second value cached.
    private mutating func nextDoubleNormal() -> Double {
        if let cached = cachedNormal {
            cachedNormal = nil
            return cached
        }
        let u1 = nextDoubleUniform()
        let u2 = nextDoubleUniform()
        let radius = (-2.0 * Foundation.log1p(-u2)).squareRoot()
        let theta = 2.0 * Double.pi * u1
        cachedNormal = radius * Foundation.sin(theta)
        return radius * Foundation.cos(theta)
    }
}
