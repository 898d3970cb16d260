/// The 32-bit Mersenne Twister (MT19937) exactly as PyTorch's CPU generator runs it
/// (`at::mt19937`): seeded with the low 32 bits of the 64-bit seed through the
/// standard `init_genrand` recurrence, and regenerating its state lazily on the
/// first draw after seeding or after every 624 outputs.
struct MersenneTwister: Sendable {
    private static let stateSize = 624
    private static let shift = 397
    private static let matrixA: UInt32 = 0x9908_b0df
    private static let upperMask: UInt32 = 0x8000_0000
    private static let lowerMask: UInt32 = 0x7fff_ffff

    private var state: [UInt32]
    /// Draws left before the state must be regenerated (torch's `left_`, 1 right after seeding).
    private var left: Int
    /// Index of the next state word to temper (torch's `next_`).
    private var next: Int

    init(seed: UInt64) {
        var words = [UInt32](repeating: 0, count: Self.stateSize)
        words[0] = UInt32(truncatingIfNeeded: seed)
        for j in 1..<Self.stateSize {
            let previous = words[j - 1]
            words[j] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(j)
        }
        state = words
        left = 1
        next = 0
    }

    /// The next 32-bit output (torch's `CPUGeneratorImpl::random()`).
    mutating func nextUInt32() -> UInt32 {
        left -= 1
        if left == 0 { regenerate() }
        var y = state[next]
        next += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    /// Two outputs joined high word first (torch's `CPUGeneratorImpl::random64()`).
    mutating func nextUInt64() -> UInt64 {
        let high = UInt64(nextUInt32())
        let low = UInt64(nextUInt32())
        return (high << 32) | low
    }

    private static func twist(_ u: UInt32, _ v: UInt32) -> UInt32 {
        (((u & upperMask) | (v & lowerMask)) >> 1) ^ ((v & 1) != 0 ? matrixA : 0)
    }

    private mutating func regenerate() {
        let n = Self.stateSize, m = Self.shift
        left = n
        next = 0
        state.withUnsafeMutableBufferPointer { s in
            for k in 0..<(n - m) {
                s[k] = s[k + m] ^ Self.twist(s[k], s[k + 1])
            }
            for k in (n - m)..<(n - 1) {
                s[k] = s[k + m - n] ^ Self.twist(s[k], s[k + 1])
            }
            s[n - 1] = s[m - 1] ^ Self.twist(s[n - 1], s[0])
        }
    }
}
