/// PyTorch's `normal_fill` for contiguous float tensors of at least 16 elements:
/// every element first gets a 24-bit uniform float, then each block of 16 is turned
/// into normals by Box–Muller, pairing element j (radius) with element j + 8 (angle).
/// When the count is not a multiple of 16, 16 fresh uniforms overwrite the last 16
/// elements and that block is transformed again, so the tail overlaps the last full block.
enum NormalFill {
    static let blockSize = 16

    static func fill(count: Int, engine: inout MersenneTwister, mean: Float = 0, std: Float = 1) -> [Float] {
        precondition(count >= blockSize)
        var data = [Float](repeating: 0, count: count)
        for i in 0..<count {
            data[i] = uniformFloat(&engine)
        }
        data.withUnsafeMutableBufferPointer { buffer in
            var start = 0
            while start < count - (blockSize - 1) {
                transformBlock(buffer, at: start, mean: mean, std: std)
                start += blockSize
            }
            if count % blockSize != 0 {
                let tail = count - blockSize
                for i in 0..<blockSize {
                    buffer[tail + i] = uniformFloat(&engine)
                }
                transformBlock(buffer, at: tail, mean: mean, std: std)
            }
        }
        return data
    }

    /// `uniform_real_distribution<float>(0, 1)`: the low 24 bits of one 32-bit draw, times 2^-24.
    @inline(__always)
    private static func uniformFloat(_ engine: inout MersenneTwister) -> Float {
        Float(engine.nextUInt32() & 0x00ff_ffff) * (1.0 / 16_777_216.0)
    }

    /// `normal_fill_16_AVX2`, one lane at a time.
    private static func transformBlock(_ data: UnsafeMutableBufferPointer<Float>, at start: Int, mean: Float, std: Float) {
        // `_mm256_set1_ps(2.0f * c10::pi<double>)`: 2π rounded once to float.
        let twoPi = Float(2.0 * Double.pi)
        for j in 0..<8 {
            let u1 = 1 - data[start + j]  // [0, 1) -> (0, 1] for the logarithm
            let u2 = data[start + j + 8]
            let radius = (-2 * CephesVectorMath.log(u1)).squareRoot()
            let (sine, cosine) = CephesVectorMath.sincos(twoPi * u2)
            data[start + j] = mean.addingProduct(radius * cosine, std)
            data[start + j + 8] = mean.addingProduct(radius * sine, std)
        }
    }
}
