/// Multi-head scaled dot-product attention, softmax(Q·Kᵀ·scale)·V per head, as
/// `torch.nn.functional.scaled_dot_product_attention` after diffusers' head split.
///
/// Heads stay interleaved in the feature dimension (`[B, S, heads·d]`, the layout the
/// projections produce): each head is a strided sub-matrix that sgemm reads directly, so no
/// transposes are made. Queries are processed in chunks so the score matrix never exceeds
/// about `ComputeThreading.attentionScoreFloats` floats per worker — a 64×64 latent has 4096 tokens, and a full
/// 4096×4096 score matrix per head would be 64 MiB.
///
/// - Parameters:
///   - query: `[B, Sq, heads·d]`.
///   - key: `[B, Skv, heads·d]`.
///   - value: `[B, Skv, heads·dv]`.
///   - causal: mask key j > query i (CLIP's text encoder).
///   - scale: defaults to 1/√d.
/// - Returns: `[B, Sq, heads·dv]`.
public func scaledDotProductAttention(query: Tensor, key: Tensor, value: Tensor, heads: Int,
                                      causal: Bool = false, scale: Float? = nil) -> Tensor {
    precondition(query.rank == 3 && key.rank == 3 && value.rank == 3, "attention wants [B, S, features] inputs")
    let batch = query.shape[0], sq = query.shape[1], qk = query.shape[2]
    let skv = key.shape[1], vFeatures = value.shape[2]
    precondition(key.shape[0] == batch && value.shape[0] == batch && value.shape[1] == skv && key.shape[2] == qk,
                 "attention: query \(query.shape), key \(key.shape), value \(value.shape) do not match")
    precondition(qk % heads == 0 && vFeatures % heads == 0, "attention: features do not split into \(heads) heads")
    let d = qk / heads, dv = vFeatures / heads
    let alpha = scale ?? 1 / Float(d).squareRoot()

    let chunk = max(1, min(sq, ComputeThreading.attentionScoreFloats / max(skv, 1)))
    let chunks = (sq + chunk - 1) / chunk
    let tasks = batch * heads * chunks
    let workers = ComputeThreading.strategy == .parallelLoops ? min(ComputeThreading.workers, tasks) : 1

    return Tensor(shape: [batch, sq, vFeatures]) { out in
        let o = out.baseAddress!
        query.storage.withUnsafeBufferPointer { pq in
            key.storage.withUnsafeBufferPointer { pk in
                value.storage.withUnsafeBufferPointer { pv in
                    let q = pq.baseAddress!, k = pk.baseAddress!, v = pv.baseAddress!
                    ComputeThreading.ensureConfigured()
                    let run = { (worker: Int) in
                        let scores = UnsafeMutablePointer<Float>.allocate(capacity: chunk * skv)
                        let sums = UnsafeMutablePointer<Float>.allocate(capacity: chunk)
                        defer { scores.deallocate(); sums.deallocate() }
                        var task = worker
                        while task < tasks {
                            let c = task % chunks, h = (task / chunks) % heads, b = task / (chunks * heads)
                            let q0 = c * chunk, rows = min(chunk, sq - q0)
                            sgemmSerial(transA: false, transB: true, m: rows, n: skv, k: d, alpha: alpha,
                                        a: q + (b * sq + q0) * qk + h * d, lda: qk,
                                        b: k + b * skv * qk + h * d, ldb: qk, beta: 0, c: scores, ldc: skv)
                            for r in 0..<rows {
                                let row = scores + r * skv
                                if causal && q0 + r + 1 < skv {
                                    (row + q0 + r + 1).update(repeating: -.infinity, count: skv - (q0 + r + 1))
                                }
                                sums[r] = exponentiateShiftedRow(row, count: skv)
                            }
                            let out = o + (b * sq + q0) * vFeatures + h * dv
                            sgemmSerial(transA: false, transB: false, m: rows, n: dv, k: skv, alpha: 1,
                                        a: scores, lda: skv, b: v + b * skv * vFeatures + h * dv, ldb: vFeatures,
                                        beta: 0, c: out, ldc: vFeatures)
                            // Softmax's normalization, applied to dv outputs per row instead of skv scores.
                            for r in 0..<rows {
                                let inv = 1 / sums[r], row = out + r * vFeatures
                                for j in 0..<dv { row[j] *= inv }
                            }
                            task += workers
                        }
                    }
                    if workers > 1 { parallelFor(workers, run) } else { run(0) }
                }
            }
        }
    }
}
