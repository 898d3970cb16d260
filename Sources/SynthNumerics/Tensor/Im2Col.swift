/// Geometry of a 2-D convolution over one image: input and kernel sizes, stride, padding.
struct ConvGeometry {
    let channels: Int, height: Int, width: Int
    let kernelH: Int, kernelW: Int
    let stride: Int, padding: Int

    var outHeight: Int { (height + 2 * padding - kernelH) / stride + 1 }
    var outWidth: Int { (width + 2 * padding - kernelW) / stride + 1 }
    /// Rows of the unfolded matrix: one per (channel, ky, kx), the order of a PyTorch weight row.
    var patchSize: Int { channels * kernelH * kernelW }
}

/// Unfolds output rows `oy0..<oy1` of one CHW image into a `patchSize × ((oy1-oy0)·outWidth)`
/// row-major matrix, so that the convolution of that band is `W[Cout, patchSize] · col`.
/// Out-of-image taps are zeros (the padding).
func im2col(_ x: UnsafePointer<Float>, _ g: ConvGeometry, rows oy0: Int, _ oy1: Int,
            into col: UnsafeMutablePointer<Float>) {
    let wOut = g.outWidth
    let n = (oy1 - oy0) * wOut
    let s = g.stride, p = g.padding
    for ci in 0..<g.channels {
        let plane = x + ci * g.height * g.width
        for ky in 0..<g.kernelH {
            for kx in 0..<g.kernelW {
                let dst = col + ((ci * g.kernelH + ky) * g.kernelW + kx) * n
                // Output columns whose tap ix = ox·s − p + kx lands inside the row.
                let t = p - kx
                let oxStart = t <= 0 ? 0 : min(wOut, (t + s - 1) / s)
                let u = g.width - 1 + p - kx
                let oxEnd = u < 0 ? 0 : min(wOut, u / s + 1)
                for oy in oy0..<oy1 {
                    let d = dst + (oy - oy0) * wOut
                    let iy = oy * s - p + ky
                    if iy < 0 || iy >= g.height || oxEnd <= oxStart {
                        d.initialize(repeating: 0, count: wOut)
                        continue
                    }
                    if oxStart > 0 { d.initialize(repeating: 0, count: oxStart) }
                    if oxEnd < wOut { (d + oxEnd).initialize(repeating: 0, count: wOut - oxEnd) }
                    let src = plane + iy * g.width + (oxStart * s - p + kx)
                    if s == 1 {
                        (d + oxStart).update(from: src, count: oxEnd - oxStart)
                    } else {
                        for j in 0..<(oxEnd - oxStart) { d[oxStart + j] = src[j * s] }
                    }
                }
            }
        }
    }
}
