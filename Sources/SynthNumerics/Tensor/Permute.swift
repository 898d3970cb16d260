/// Moves between image layout `[B, C, H, W]` and token layout `[B, H·W, C]`, the two permutes
/// around every spatial transformer (`permute(0, 2, 3, 1).reshape(B, H·W, C)` and back).
public func channelsToTokens(_ x: Tensor) -> Tensor {
    precondition(x.rank == 4, "channelsToTokens wants NCHW, got \(x.shape)")
    let b = x.shape[0], c = x.shape[1], hw = x.shape[2] * x.shape[3]
    return Tensor(shape: [b, hw, c]) { out in
        x.storage.withUnsafeBufferPointer { transposeBatch($0.baseAddress!, out.baseAddress!, batch: b, rows: c, columns: hw) }
    }
}

/// `[B, H·W, C]` tokens back to `[B, C, H, W]`.
public func tokensToChannels(_ x: Tensor, height: Int, width: Int) -> Tensor {
    precondition(x.rank == 3 && x.shape[1] == height * width, "tokensToChannels: \(x.shape) is not [B, \(height)·\(width), C]")
    let b = x.shape[0], c = x.shape[2]
    return Tensor(shape: [b, c, height, width]) { out in
        x.storage.withUnsafeBufferPointer { transposeBatch($0.baseAddress!, out.baseAddress!, batch: b, rows: height * width, columns: c) }
    }
}

/// Transposes `batch` row-major rows×columns matrices, in 32×32 tiles so both sides stay in cache.
private func transposeBatch(_ src: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>, batch: Int, rows: Int, columns: Int) {
    let tile = 32
    let rowTiles = (rows + tile - 1) / tile
    parallelRanges(batch * rowTiles, grain: 4) { r in
        for t in r {
            let m = t / rowTiles, r0 = (t % rowTiles) * tile, r1 = min(rows, r0 + tile)
            let s = src + m * rows * columns, d = dst + m * rows * columns
            var c0 = 0
            while c0 < columns {
                let c1 = min(columns, c0 + tile)
                for i in r0..<r1 {
                    for j in c0..<c1 { d[j * rows + i] = s[i * columns + j] }
                }
                c0 = c1
            }
        }
    }
}
