/// Element-wise arithmetic on tensors of one shape, and the broadcasts the models need.
extension Tensor {
    /// Element-wise sum of two tensors of the same shape (residual connections).
    public static func + (lhs: Tensor, rhs: Tensor) -> Tensor {
        precondition(lhs.shape == rhs.shape, "cannot add \(lhs.shape) and \(rhs.shape)")
        return combine(lhs, rhs) { $0 + $1 }
    }

    /// Element-wise difference of two tensors of the same shape.
    public static func - (lhs: Tensor, rhs: Tensor) -> Tensor {
        precondition(lhs.shape == rhs.shape, "cannot subtract \(rhs.shape) from \(lhs.shape)")
        return combine(lhs, rhs) { $0 - $1 }
    }

    /// Every element times a scalar.
    public static func * (lhs: Tensor, rhs: Float) -> Tensor {
        let s = SIMD8<Float>(repeating: rhs)
        return mapElements(lhs) { $0 * s }
    }

    /// Every element divided by a scalar (as PyTorch does it: a true division, not a reciprocal product).
    public static func / (lhs: Tensor, rhs: Float) -> Tensor {
        let s = SIMD8<Float>(repeating: rhs)
        return mapElements(lhs) { $0 / s }
    }

    /// Adds `other` (same shape) into this tensor in place, saving an allocation on residual paths.
    public mutating func add(_ other: Tensor) {
        precondition(shape == other.shape, "cannot add \(other.shape) to \(shape)")
        storage.withUnsafeMutableBufferPointer { p in
            other.storage.withUnsafeBufferPointer { q in
                let a = p.baseAddress!, b = q.baseAddress!
                parallelRanges(p.count) { r in
                    for i in r { a[i] += b[i] }
                }
            }
        }
    }
}

/// `x[b, c, ...] + perChannel[b, c]`: adds a per-image, per-channel vector over all positions
/// (the ResNet block's projected time embedding, `temb[:, :, None, None]`).
public func addChannelwise(_ x: Tensor, _ perChannel: Tensor) -> Tensor {
    precondition(x.rank >= 2 && perChannel.shape == [x.shape[0], x.shape[1]],
                 "addChannelwise: \(perChannel.shape) is not [batch, channels] of \(x.shape)")
    let planes = x.shape[0] * x.shape[1]
    let spatial = x.count / max(planes, 1)
    var y = x
    y.storage.withUnsafeMutableBufferPointer { p in
        perChannel.storage.withUnsafeBufferPointer { q in
            let a = p.baseAddress!, v = q.baseAddress!
            parallelRanges(planes, grain: max(1, 16_384 / max(spatial, 1))) { r in
                for plane in r {
                    let add = v[plane], row = a + plane * spatial
                    for i in 0..<spatial { row[i] += add }
                }
            }
        }
    }
    return y
}

/// Applies a two-operand function element-wise, split across workers.
private func combine(_ a: Tensor, _ b: Tensor, _ f: @escaping (Float, Float) -> Float) -> Tensor {
    Tensor(shape: a.shape) { out in
        let dst = out.baseAddress!
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                let x = pa.baseAddress!, y = pb.baseAddress!
                parallelRanges(pa.count) { r in
                    for i in r { dst[i] = f(x[i], y[i]) }
                }
            }
        }
    }
}
