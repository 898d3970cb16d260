/// Element-wise activations, as the PyTorch modules of the same names.

/// SiLU (swish): x · sigmoid(x).
public func silu(_ x: Tensor) -> Tensor { mapElements(x) { $0 * VectorMath.sigmoid($0) } }

/// GELU with the exact erf form: x · ½(1 + erf(x/√2)) (`torch.nn.GELU()`, approximate="none").
public func gelu(_ x: Tensor) -> Tensor { mapElements(x, geluVector) }

/// CLIP's quick GELU: x · sigmoid(1.702 x).
public func quickGELU(_ x: Tensor) -> Tensor { mapElements(x) { $0 * VectorMath.sigmoid(1.702 * $0) } }

@inline(__always)
func geluVector(_ v: SIMD8<Float>) -> SIMD8<Float> {
    v * 0.5 * (1 + VectorMath.erf(v * 0.707_106_781_186_547_6))
}

/// Applies a vector function to every element, split across workers.
@inline(__always)
func mapElements(_ x: Tensor, _ f: @escaping (SIMD8<Float>) -> SIMD8<Float>) -> Tensor {
    Tensor(shape: x.shape) { out in
        let dst = out.baseAddress!
        x.storage.withUnsafeBufferPointer { px in
            let src = px.baseAddress!
            parallelRanges(px.count) { r in
                VectorMath.map(src + r.lowerBound, dst + r.lowerBound, count: r.count, f)
            }
        }
    }
}

/// GEGLU's activation: splits the last dimension into halves (h, g) and returns h · GELU(g),
/// as diffusers' `GEGLU` after its projection.
///
/// - Parameter x: `[..., 2·D]`.
/// - Returns: `[..., D]`.
public func geglu(_ x: Tensor) -> Tensor {
    let twoD = x.shape.last!
    precondition(twoD % 2 == 0, "geglu needs an even last dimension, got \(x.shape)")
    let d = twoD / 2, rows = x.count / max(twoD, 1)
    var shape = x.shape
    shape[shape.count - 1] = d
    return Tensor(shape: shape) { out in
        let dst = out.baseAddress!
        x.storage.withUnsafeBufferPointer { px in
            let src = px.baseAddress!
            parallelRanges(rows, grain: max(1, 16_384 / max(d, 1))) { r in
                for row in r {
                    let h = src + row * twoD, g = h + d, o = dst + row * d
                    var i = 0
                    while i + 8 <= d {
                        let hv = UnsafeRawPointer(h + i).loadUnaligned(as: SIMD8<Float>.self)
                        let gv = UnsafeRawPointer(g + i).loadUnaligned(as: SIMD8<Float>.self)
                        UnsafeMutableRawPointer(o + i).storeBytes(of: hv * geluVector(gv), as: SIMD8<Float>.self)
                        i += 8
                    }
                    while i < d {
                        var gv = SIMD8<Float>(repeating: 0)
                        gv[0] = g[i]
                        o[i] = h[i] * geluVector(gv)[0]
                        i += 1
                    }
                }
            }
        }
    }
}
