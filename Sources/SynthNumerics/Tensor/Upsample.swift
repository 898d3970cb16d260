/// Nearest-neighbour 2× upsampling of an NCHW batch, as `F.interpolate(x, scale_factor=2, mode="nearest")`.
public func upsampleNearest2x(_ x: Tensor) -> Tensor {
    precondition(x.rank == 4, "upsample wants NCHW, got \(x.shape)")
    return upsampleNearest(x, height: x.shape[2] * 2, width: x.shape[3] * 2)
}

/// Nearest-neighbour resize of an NCHW batch to `height × width`, as
/// `F.interpolate(x, size=(height, width), mode="nearest")`: source index ⌊dst · in/out⌋.
public func upsampleNearest(_ x: Tensor, height: Int, width: Int) -> Tensor {
    precondition(x.rank == 4, "upsample wants NCHW, got \(x.shape)")
    let planes = x.shape[0] * x.shape[1], h = x.shape[2], w = x.shape[3]
    let scaleY = Float(h) / Float(height), scaleX = Float(w) / Float(width)
    let srcX = (0..<width).map { min(Int((Float($0) * scaleX).rounded(.down)), w - 1) }
    let srcY = (0..<height).map { min(Int((Float($0) * scaleY).rounded(.down)), h - 1) }
    return Tensor(shape: [x.shape[0], x.shape[1], height, width]) { out in
        let dst = out.baseAddress!
        x.storage.withUnsafeBufferPointer { px in
            let src = px.baseAddress!
            srcX.withUnsafeBufferPointer { sx in
                parallelRanges(planes, grain: max(1, 16_384 / max(1, height * width))) { r in
                    for p in r {
                        let plane = src + p * h * w
                        for oy in 0..<height {
                            let s = plane + srcY[oy] * w
                            let d = dst + (p * height + oy) * width
                            for ox in 0..<width { d[ox] = s[sx[ox]] }
                        }
                    }
                }
            }
        }
    }
}
