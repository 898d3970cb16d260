/// Layer normalization over the last dimension, as `torch.nn.LayerNorm(D, eps)`.
///
/// - Parameters:
///   - x: `[..., D]`.
///   - weight, bias: `[D]`.
public func layerNorm(_ x: Tensor, weight: Tensor, bias: Tensor, eps: Float) -> Tensor {
    let d = x.shape.last ?? 0
    precondition(weight.shape == [d] && bias.shape == [d], "layerNorm: affine parameters must be [\(d)], got \(weight.shape)")
    let rows = x.count / max(d, 1)
    return Tensor(shape: x.shape) { out in
        let dst = out.baseAddress!
        x.storage.withUnsafeBufferPointer { px in
            weight.storage.withUnsafeBufferPointer { pw in
                bias.storage.withUnsafeBufferPointer { pb in
                    let src = px.baseAddress!, gamma = pw.baseAddress!, beta = pb.baseAddress!
                    parallelRanges(rows, grain: max(1, 16_384 / max(d, 1))) { r in
                        for row in r {
                            let s = src + row * d, o = dst + row * d
                            let (mean, rstd) = moments(s, count: d, eps: eps)
                            for i in 0..<d { o[i] = (s[i] - mean) * rstd * gamma[i] + beta[i] }
                        }
                    }
                }
            }
        }
    }
}
