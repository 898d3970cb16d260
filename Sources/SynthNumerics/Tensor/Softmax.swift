/// Softmax over the last dimension, as `torch.softmax(x, dim=-1)`.
public func softmax(_ x: Tensor) -> Tensor {
    let d = x.shape.last ?? 0
    let rows = x.count / max(d, 1)
    var y = x
    y.storage.withUnsafeMutableBufferPointer { p in
        let base = p.baseAddress!
        parallelRanges(rows, grain: max(1, 16_384 / max(d, 1))) { r in
            for row in r { softmaxRow(base + row * d, count: d) }
        }
    }
    return y
}

/// In-place softmax of one row: subtract the max, exponentiate, normalize.
/// Entries of −∞ (masked) come out as exact zeros.
@inline(__always)
func softmaxRow(_ p: UnsafeMutablePointer<Float>, count: Int) {
    let sum = exponentiateShiftedRow(p, count: count)
    let inv = SIMD8<Float>(repeating: 1 / sum)
    var i = 0
    while i + 8 <= count {
        let v = UnsafeRawPointer(p + i).loadUnaligned(as: SIMD8<Float>.self) * inv
        UnsafeMutableRawPointer(p + i).storeBytes(of: v, as: SIMD8<Float>.self)
        i += 8
    }
    while i < count { p[i] *= inv[0]; i += 1 }
}

/// The unnormalized half of softmax: replaces each entry by e^(x − max) and returns their sum.
/// Attention divides its (much smaller) output rows by the sum instead of the scores.
@inline(__always)
func exponentiateShiftedRow(_ p: UnsafeMutablePointer<Float>, count: Int) -> Float {
    var mv = SIMD8<Float>(repeating: -.infinity)
    var i = 0
    while i + 8 <= count {
        let v = UnsafeRawPointer(p + i).loadUnaligned(as: SIMD8<Float>.self)
        mv.replace(with: v, where: v .> mv)  // pointwiseMax is a per-lane loop
        i += 8
    }
    var m = mv.max()
    while i < count { m = max(m, p[i]); i += 1 }
    if m == -.infinity { m = 0 }
    var sv = SIMD8<Float>(repeating: 0)
    i = 0
    let shift = SIMD8<Float>(repeating: m)
    while i + 8 <= count {
        let e = VectorMath.expNonPositive(UnsafeRawPointer(p + i).loadUnaligned(as: SIMD8<Float>.self) - shift)
        UnsafeMutableRawPointer(p + i).storeBytes(of: e, as: SIMD8<Float>.self)
        sv += e
        i += 8
    }
    var sum = sv.sum()
    if i < count {
        VectorMath.map(p + i, p + i, count: count - i) { VectorMath.expNonPositive($0 - shift) }
        while i < count { sum += p[i]; i += 1 }
    }
    return sum
}
