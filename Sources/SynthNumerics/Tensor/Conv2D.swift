/// 2-D convolution of an NCHW batch, as `torch.nn.Conv2d` with square stride and zero padding.
///
/// 1×1 kernels at stride 1 are one GEMM per image. Larger kernels unfold bands of output rows
/// (im2col) and multiply each band by the weight matrix; the bands are sized so the unfolded
/// buffer stays near `ComputeThreading.convolutionScratchFloats` floats per worker however
/// large the image is (a VAE decode at 512×512 would otherwise need gigabytes). When the whole
/// batch has fewer output pixels than the weight has rows (the UNet's 16×16 and 8×8 levels),
/// all images are unfolded side by side and the weight rows are split across workers instead,
/// so its megabytes are packed once per call rather than once per image and worker.
///
/// - Parameters:
///   - x: `[B, Cin, H, W]`.
///   - weight: `[Cout, Cin, kH, kW]`.
///   - bias: `[Cout]` or nil.
/// - Returns: `[B, Cout, Hout, Wout]`.
public func conv2d(_ x: Tensor, weight: Tensor, bias: Tensor? = nil, stride: Int = 1, padding: Int = 0) -> Tensor {
    precondition(x.rank == 4 && weight.rank == 4, "conv2d wants NCHW input and OIHW weight, got \(x.shape), \(weight.shape)")
    let batch = x.shape[0], cOut = weight.shape[0]
    precondition(weight.shape[1] == x.shape[1], "conv2d: input has \(x.shape[1]) channels, weight expects \(weight.shape[1])")
    if let bias { precondition(bias.shape == [cOut], "conv2d bias \(bias.shape), expected [\(cOut)]") }
    let g = ConvGeometry(channels: x.shape[1], height: x.shape[2], width: x.shape[3],
                         kernelH: weight.shape[2], kernelW: weight.shape[3], stride: stride, padding: padding)
    let hOut = g.outHeight, wOut = g.outWidth
    precondition(hOut > 0 && wOut > 0, "conv2d: empty output for \(x.shape) with kernel \(weight.shape)")
    let inPlane = g.channels * g.height * g.width
    let outPlane = cOut * hOut * wOut
    let k = g.patchSize

    return Tensor(shape: [batch, cOut, hOut, wOut]) { out in
        let y = out.baseAddress!
        x.storage.withUnsafeBufferPointer { px in
            weight.storage.withUnsafeBufferPointer { pw in
                let xb = px.baseAddress!, w = pw.baseAddress!
                if g.kernelH == 1 && g.kernelW == 1 && stride == 1 && padding == 0 {
                    for b in 0..<batch {
                        let c = y + b * outPlane
                        fillChannels(c, channels: cOut, plane: hOut * wOut, band: 0..<(hOut * wOut), with: bias)
                        sgemm(m: cOut, n: hOut * wOut, k: k, a: w, lda: k, b: xb + b * inPlane, ldb: hOut * wOut,
                              beta: 1, c: c, ldc: hOut * wOut)
                    }
                    return
                }
                let pixels = batch * hOut * wOut
                if pixels < cOut && k * pixels <= ComputeThreading.convolutionScratchFloats * ComputeThreading.workers {
                    convolveJointly(xb, w, y, batch: batch, g: g, cOut: cOut, bias: bias)
                } else {
                    convolveBands(xb, w, y, batch: batch, g: g, cOut: cOut, bias: bias)
                }
            }
        }
    }
}

/// The im2col path: (image, band of output rows) tasks, each unfolded and multiplied on its own.
private func convolveBands(_ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>,
                           batch: Int, g: ConvGeometry, cOut: Int, bias: Tensor?) {
    let hOut = g.outHeight, wOut = g.outWidth, k = g.patchSize
    let inPlane = g.channels * g.height * g.width, outPlane = cOut * hOut * wOut
    let ownLoops = ComputeThreading.strategy == .parallelLoops
    let workers = ownLoops ? ComputeThreading.workers : 1
    let maxRows = max(1, min(hOut, ComputeThreading.convolutionScratchFloats / max(1, k * wOut)))
    // Fewest bands that fit the scratch budget, then more until every worker gets the same
    // number of tasks; band edges spread the rows so bands differ by at most one row.
    var bands = (hOut + maxRows - 1) / maxRows
    while (batch * bands) % workers != 0 && bands < hOut { bands += 1 }
    let tasks = batch * bands
    let rowsPerBand = (hOut + bands - 1) / bands

    let run = { (worker: Int) in
        let col = UnsafeMutablePointer<Float>.allocate(capacity: k * rowsPerBand * wOut)
        defer { col.deallocate() }
        var task = worker
        while task < tasks {
            let b = task / bands, band = task % bands
            let oy0 = band * hOut / bands, oy1 = (band + 1) * hOut / bands
            let n = (oy1 - oy0) * wOut
            im2col(x + b * inPlane, g, rows: oy0, oy1, into: col)
            let c = y + b * outPlane + oy0 * wOut
            fillChannels(y + b * outPlane, channels: cOut, plane: hOut * wOut, band: (oy0 * wOut)..<(oy1 * wOut), with: bias)
            sgemmSerial(transA: false, transB: false, m: cOut, n: n, k: k, alpha: 1, a: w, lda: k,
                        b: col, ldb: n, beta: 1, c: c, ldc: hOut * wOut)
            task += workers
        }
    }
    ComputeThreading.ensureConfigured()
    if workers > 1 { parallelFor(workers, run) } else { run(0) }
}

/// The small-image path: unfold every image into one `patchSize × (B·Hout·Wout)` matrix, one
/// GEMM split over output channels, then scatter the `[Cout, B, pixels]` result into NCHW.
private func convolveJointly(_ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>,
                             batch: Int, g: ConvGeometry, cOut: Int, bias: Tensor?) {
    let plane = g.outHeight * g.outWidth, k = g.patchSize
    let n = batch * plane, inPlane = g.channels * g.height * g.width
    let col = UnsafeMutablePointer<Float>.allocate(capacity: k * n)
    let joint = UnsafeMutablePointer<Float>.allocate(capacity: cOut * n)
    defer { col.deallocate(); joint.deallocate() }
    let image = UnsafeMutablePointer<Float>.allocate(capacity: k * plane)
    defer { image.deallocate() }
    for b in 0..<batch {
        // Unfold image b, then place its columns at b·plane of every row of the joint matrix.
        im2col(x + b * inPlane, g, rows: 0, g.outHeight, into: image)
        for r in 0..<k { (col + r * n + b * plane).update(from: image + r * plane, count: plane) }
    }
    fillChannels(joint, channels: cOut, plane: n, band: 0..<n, with: bias)
    sgemm(m: cOut, n: n, k: k, a: w, lda: k, b: col, ldb: n, beta: 1, c: joint, ldc: n)
    for b in 0..<batch {
        for c in 0..<cOut { (y + (b * cOut + c) * plane).update(from: joint + c * n + b * plane, count: plane) }
    }
}

/// Writes each channel's bias (or zero) into the `band` span of every channel plane of one image.
@inline(__always)
func fillChannels(_ c: UnsafeMutablePointer<Float>, channels: Int, plane: Int, band: Range<Int>, with bias: Tensor?) {
    if let bias {
        bias.storage.withUnsafeBufferPointer { pb in
            for ch in 0..<channels { (c + ch * plane + band.lowerBound).initialize(repeating: pb[ch], count: band.count) }
        }
    } else {
        for ch in 0..<channels { (c + ch * plane + band.lowerBound).initialize(repeating: 0, count: band.count) }
    }
}
