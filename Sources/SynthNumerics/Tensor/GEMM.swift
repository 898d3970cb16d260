import CBLAS

/// Row-major single-precision GEMM: `C = alpha · op(A) · op(B) + beta · C`, where op(A) is m×k
/// and op(B) is k×n, with leading dimensions as in CBLAS.
///
/// Under `ComputeThreading.Strategy.parallelLoops` a large product is cut into one slab per
/// worker (along the longer of m and n) and each slab is a single-threaded OpenBLAS call;
/// under `.blasThreads` it is one call and OpenBLAS threads it.
public func sgemm(transA: Bool = false, transB: Bool = false, m: Int, n: Int, k: Int, alpha: Float = 1,
                  a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                  beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int) {
    ComputeThreading.ensureConfigured()
    guard m > 0, n > 0 else { return }
    let workers = ComputeThreading.workers
    // Below a few MFLOP the thread hand-off costs more than it saves.
    let splittable = ComputeThreading.strategy == .parallelLoops && workers > 1 && m * n * k >= 1 << 21
    if !splittable {
        sgemmSerial(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha,
                    a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
        return
    }
    let splitRows = m >= n
    let extent = splitRows ? m : n
    // Slabs a multiple of 16 wide keep OpenBLAS's micro-kernels on full tiles.
    let step = max(16, ((extent + workers - 1) / workers + 15) / 16 * 16)
    let pieces = (extent + step - 1) / step
    parallelFor(pieces) { p in
        let lo = p * step
        let len = min(step, extent - lo)
        if splitRows {
            let aOff = transA ? lo : lo * lda
            sgemmSerial(transA: transA, transB: transB, m: len, n: n, k: k, alpha: alpha,
                        a: a + aOff, lda: lda, b: b, ldb: ldb, beta: beta, c: c + lo * ldc, ldc: ldc)
        } else {
            let bOff = transB ? lo * ldb : lo
            sgemmSerial(transA: transA, transB: transB, m: m, n: len, k: k, alpha: alpha,
                        a: a, lda: lda, b: b + bOff, ldb: ldb, beta: beta, c: c + lo, ldc: ldc)
        }
    }
}

/// One CBLAS call on the calling thread (OpenBLAS may still thread it under `.blasThreads`).
@inline(__always)
func sgemmSerial(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                 a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                 beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
    cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
}
