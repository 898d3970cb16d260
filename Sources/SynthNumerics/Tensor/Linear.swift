/// A fully connected layer over the last dimension: `x · Wᵀ + b`, as `torch.nn.Linear`.
///
/// - Parameters:
///   - x: `[..., inFeatures]`.
///   - weight: `[outFeatures, inFeatures]` (PyTorch's layout).
///   - bias: `[outFeatures]`, or nil.
/// - Returns: `[..., outFeatures]`.
public func linear(_ x: Tensor, weight: Tensor, bias: Tensor? = nil) -> Tensor {
    precondition(weight.rank == 2, "linear weight must be 2-D, got \(weight.shape)")
    let outF = weight.shape[0], inF = weight.shape[1]
    precondition(x.shape.last == inF, "linear: input \(x.shape) does not end in \(inF)")
    if let bias { precondition(bias.shape == [outF], "linear bias \(bias.shape), expected [\(outF)]") }
    let rows = x.count / max(inF, 1)
    var shape = x.shape
    shape[shape.count - 1] = outF
    return Tensor(shape: shape) { out in
        let c = out.baseAddress!
        fillRows(c, rows: rows, columns: outF, with: bias)
        x.storage.withUnsafeBufferPointer { px in
            weight.storage.withUnsafeBufferPointer { pw in
                sgemm(transB: true, m: rows, n: outF, k: inF, a: px.baseAddress!, lda: inF,
                      b: pw.baseAddress!, ldb: inF, beta: bias == nil ? 0 : 1, c: c, ldc: outF)
            }
        }
    }
}

/// Writes `bias` into every row of a rows×columns matrix (zeros when nil), so a GEMM with
/// beta 1 adds the product on top.
@inline(__always)
func fillRows(_ c: UnsafeMutablePointer<Float>, rows: Int, columns: Int, with bias: Tensor?) {
    guard let bias else {
        c.initialize(repeating: 0, count: rows * columns)
        return
    }
    bias.storage.withUnsafeBufferPointer { pb in
        let b = pb.baseAddress!
        for r in 0..<rows { (c + r * columns).initialize(from: b, count: columns) }
    }
}
