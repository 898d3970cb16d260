/// Counter-based random numbers: every value is a pure function of (seed, stream, index),
/// so any pixel or tile can be computed in any order, on any thread, with the same result.
public struct CounterRNG: Sendable, Hashable {
    public let seed: UInt64

    public init(seed: UInt64) { self.seed = seed }

    /// A derived generator for an independent purpose (e.g. "ribs", "noise").
    public func stream(_ name: String) -> CounterRNG {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a: stable across runs, unlike Hasher.
        for byte in name.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return CounterRNG(seed: Self.mix(seed ^ h))
    }

    /// A derived generator for an integer sub-stream (e.g. rib number).
    public func stream(_ index: UInt64) -> CounterRNG { CounterRNG(seed: Self.mix(seed &+ Self.mix(index &+ 0x9e37_79b9_7f4a_7c15))) }

    /// 64 random bits for counter `index`.
    @inline(__always)
    public func bits(_ index: UInt64) -> UInt64 { Self.mix(seed ^ Self.mix(index &* 0x9e37_79b9_7f4a_7c15 &+ 1)) }

    /// Uniform in [0, 1).
    @inline(__always)
    public func uniform(_ index: UInt64) -> Double { Double(bits(index) >> 11) * 0x1.0p-53 }

    /// Uniform in [lower, upper).
    @inline(__always)
    public func uniform(_ index: UInt64, in range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * uniform(index)
    }

    /// Uniform in [0, 1) as Float, cheap enough for per-pixel noise.
    @inline(__always)
    public func uniformFloat(_ index: UInt64) -> Float { Float(bits(index) >> 40) * 0x1.0p-24 }

    /// Standard normal deviate (Box–Muller on two counters).
    public func normal(_ index: UInt64) -> Double {
        let u1 = max(uniform(index &* 2), 1e-300)
        let u2 = uniform(index &* 2 &+ 1)
        return (-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2)
    }

    /// SplitMix64's finalizer: a bijective avalanche mix of 64 bits.
    @inline(__always)
    public static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

#if canImport(Glibc)
import Glibc
@inline(__always) private func _log(_ x: Double) -> Double { Glibc.log(x) }
@inline(__always) private func _cos(_ x: Double) -> Double { Glibc.cos(x) }
#else
import Foundation
@inline(__always) private func _log(_ x: Double) -> Double { Foundation.log(x) }
@inline(__always) private func _cos(_ x: Double) -> Double { Foundation.cos(x) }
#endif
