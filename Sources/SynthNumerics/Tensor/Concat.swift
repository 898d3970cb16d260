/// Concatenation of NCHW (or [B, C, ...]) tensors along the channel dimension, as `torch.cat(xs, dim=1)`.
public func concatChannels(_ parts: [Tensor]) -> Tensor {
    precondition(!parts.isEmpty, "concatChannels needs at least one tensor")
    let first = parts[0]
    let batch = first.shape[0]
    let trailing = Array(first.shape.dropFirst(2))
    for t in parts {
        precondition(t.shape[0] == batch && Array(t.shape.dropFirst(2)) == trailing,
                     "concatChannels: \(t.shape) does not match \(first.shape) outside dim 1")
    }
    let spatial = trailing.reduce(1, *)
    let channels = parts.map { $0.shape[1] }
    let total = channels.reduce(0, +)
    return Tensor(shape: [batch, total] + trailing) { out in
        let dst = out.baseAddress!
        var offset = 0
        for (t, c) in zip(parts, channels) {
            t.storage.withUnsafeBufferPointer { p in
                for b in 0..<batch {
                    (dst + (b * total + offset) * spatial).initialize(from: p.baseAddress! + b * c * spatial, count: c * spatial)
                }
            }
            offset += c
        }
    }
}

/// Two-tensor form of `concatChannels(_:)`: `torch.cat([a, b], dim=1)`.
public func concatChannels(_ a: Tensor, _ b: Tensor) -> Tensor { concatChannels([a, b]) }
