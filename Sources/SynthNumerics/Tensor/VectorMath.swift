/// Eight-lane exp, erf and sigmoid for the activation and softmax loops.
///
/// Scalar `expf` per element would dominate a UNet step (a 64×64 self-attention computes
/// hundreds of millions of exponentials), so these work on `SIMD8<Float>`, which the compiler
/// maps to AVX registers when the target allows and to pairs of SSE registers otherwise.
enum VectorMath {
    typealias V = SIMD8<Float>

    /// e^x, relative error about 2e-7 (Cephes' expf polynomial); exactly 0 below −87.3 (so
    /// masked −∞ scores vanish), +∞ above 88.3.
    ///
    /// Written with lane selects and bit casts only: `clamped`, `pointwiseMin/Max` and
    /// float→int SIMD conversions compile to per-lane loops and made this ten times slower.
    @inline(__always)
    static func exp(_ x: V) -> V {
        let hi = V(repeating: 88.3)
        var c = x
        c.replace(with: hi, where: x .> hi)
        var result = expNonPositive(c)
        result.replace(with: .infinity, where: x .> hi)
        return result
    }

    /// e^x for x ≤ 88.3 (softmax feeds x − max ≤ 0): `exp` without the overflow guard.
    @inline(__always)
    static func expNonPositive(_ x: V) -> V {
        let lo = V(repeating: -87.3)
        var c = x
        c.replace(with: lo, where: x .< lo)
        // t = x·log2(e) + 1.5·2²³ rounds to an integer k held in t's low mantissa bits.
        let magic = V(repeating: 12_582_912)
        let t = c * 1.442_695_04 + magic
        let kf = t - magic
        let r = c - kf * 0.693_359_375 + kf * 2.121_944_4e-4
        var p = V(repeating: 1.987_569_15e-4)
        p = p * r + 1.398_199_95e-3
        p = p * r + 8.333_451_9e-3
        p = p * r + 4.166_579_59e-2
        p = p * r + 1.666_666_55e-1
        p = p * r + 5.000_000_12e-1
        p = p * (r * r) + r + 1
        // 2^k: t's bits are 0x4B40_0000 + k; move k + 127 into the exponent field.
        let bits = unsafeBitCast(t, to: SIMD8<UInt32>.self)
        var result = p * unsafeBitCast((bits &+ (127 &- 0x40_0000)) &<< 23, to: V.self)
        result.replace(with: 0, where: x .< lo)
        return result
    }

    /// erf(x) by Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7), the formula
    /// PyTorch's vectorized CPU erf uses.
    @inline(__always)
    static func erf(_ x: V) -> V {
        let a = unsafeBitCast(unsafeBitCast(x, to: SIMD8<UInt32>.self) & 0x7fff_ffff, to: V.self)
        let t = 1 / (1 + 0.327_591_1 * a)
        var y = V(repeating: 1.061_405_429)
        y = y * t - 1.453_152_027
        y = y * t + 1.421_413_741
        y = y * t - 0.284_496_736
        y = y * t + 0.254_829_592
        let r = 1 - y * t * exp(-a * a)
        return r.replacing(with: -r, where: x .< 0)
    }

    /// 1 / (1 + e^(−x)).
    @inline(__always)
    static func sigmoid(_ x: V) -> V { 1 / (1 + exp(-x)) }

    /// Applies `f` to `count` floats from `src` into `dst` (which may be `src`), eight at a time
    /// with a zero-padded tail.
    @inline(__always)
    static func map(_ src: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>, count: Int, _ f: (V) -> V) {
        var i = 0
        while i + 8 <= count {
            let v = UnsafeRawPointer(src + i).loadUnaligned(as: V.self)
            UnsafeMutableRawPointer(dst + i).storeBytes(of: f(v), as: V.self)
            i += 8
        }
        if i < count {
            var v = V(repeating: 0)
            for j in 0..<(count - i) { v[j] = src[i + j] }
            let r = f(v)
            for j in 0..<(count - i) { dst[i + j] = r[j] }
        }
    }
}
