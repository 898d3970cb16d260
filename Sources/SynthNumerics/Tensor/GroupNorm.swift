/// Group normalization of an NCHW batch, as `torch.nn.GroupNorm(groups, C, eps, affine=True)`:
/// each image's channels split into `groups` runs, each normalized by its own mean and biased
/// variance, then scaled and shifted per channel.
///
/// - Parameters:
///   - x: `[B, C, ...]` (any trailing spatial dims).
///   - weight, bias: `[C]`.
///   - thenSiLU: also apply SiLU to the result; ResNet blocks always follow a norm with one, and
///     fusing saves a pass over the activation.
public func groupNorm(_ x: Tensor, groups: Int, weight: Tensor, bias: Tensor, eps: Float, thenSiLU: Bool = false) -> Tensor {
    precondition(x.rank >= 2, "groupNorm wants [B, C, ...], got \(x.shape)")
    let batch = x.shape[0], channels = x.shape[1]
    precondition(groups > 0 && channels % groups == 0, "groupNorm: \(channels) channels do not split into \(groups) groups")
    precondition(weight.shape == [channels] && bias.shape == [channels], "groupNorm: affine parameters must be [\(channels)]")
    let spatial = x.count / max(1, batch * channels)
    let perGroup = channels / groups
    let span = perGroup * spatial

    return Tensor(shape: x.shape) { out in
        let dst = out.baseAddress!
        x.storage.withUnsafeBufferPointer { px in
            weight.storage.withUnsafeBufferPointer { pw in
                bias.storage.withUnsafeBufferPointer { pb in
                    let src = px.baseAddress!, gamma = pw.baseAddress!, beta = pb.baseAddress!
                    parallelFor(batch * groups) { task in
                        let g = task % groups
                        let base = task * span
                        let (mean, rstd) = moments(src + base, count: span, eps: eps)
                        for c in 0..<perGroup {
                            let ch = g * perGroup + c
                            let scale = gamma[ch] * rstd
                            let shift = beta[ch] - mean * scale
                            let off = base + c * spatial
                            if thenSiLU {
                                VectorMath.map(src + off, dst + off, count: spatial) { v in
                                    let y = v * scale + shift
                                    return y * VectorMath.sigmoid(y)
                                }
                            } else {
                                VectorMath.map(src + off, dst + off, count: spatial) { $0 * scale + shift }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Mean and 1/√(variance + eps) of `count` floats, accumulated in Double (two passes) so large
/// groups do not lose precision.
@inline(__always)
func moments(_ p: UnsafePointer<Float>, count: Int, eps: Float) -> (mean: Float, rstd: Float) {
    // Four accumulators break the add latency chain; Double keeps 40k-element groups exact enough.
    var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
    var i = 0
    while i + 4 <= count {
        s0 += Double(p[i]); s1 += Double(p[i + 1]); s2 += Double(p[i + 2]); s3 += Double(p[i + 3])
        i += 4
    }
    while i < count { s0 += Double(p[i]); i += 1 }
    let mean = (s0 + s1 + s2 + s3) / Double(count)
    var q0 = 0.0, q1 = 0.0, q2 = 0.0, q3 = 0.0
    i = 0
    while i + 4 <= count {
        let d0 = Double(p[i]) - mean, d1 = Double(p[i + 1]) - mean
        let d2 = Double(p[i + 2]) - mean, d3 = Double(p[i + 3]) - mean
        q0 += d0 * d0; q1 += d1 * d1; q2 += d2 * d2; q3 += d3 * d3
        i += 4
    }
    while i < count { let d = Double(p[i]) - mean; q0 += d * d; i += 1 }
    let variance = (q0 + q1 + q2 + q3) / Double(count)
    return (Float(mean), Float(1 / (variance + Double(eps)).squareRoot()))
}
