import SynthNumerics

/// diffusers' `Transformer2DModel` for continuous input (the UNet's spatial transformer):
/// GroupNorm(eps 1e-6) → `proj_in` → `BasicTransformerBlock`s over the H·W tokens →
/// `proj_out` → + input.
///
/// `proj_in`/`proj_out` are 1×1 convolutions (SD 1.x) or linears (`use_linear_projection`,
/// SD 2.x). A 1×1 convolution followed by the NCHW→tokens permute is the same product as the
/// permute followed by a linear with the weight's trailing 1×1 dropped, so both run as linears.
struct Transformer2DModel: Sendable {
    let norm: GroupNorm
    let projIn: Linear
    let blocks: [BasicTransformerBlock]
    let projOut: Linear

    init(_ w: WeightScope, channels: Int, heads: Int, headDim: Int, layers: Int, crossAttentionDim: Int,
         groups: Int, linearProjection: Bool, onlyCrossAttention: Bool) {
        let inner = heads * headDim
        norm = GroupNorm(w.scope("norm"), groups: groups, channels: channels, eps: 1e-6)
        projIn = Self.projection(w.scope("proj_in"), in: channels, out: inner, linear: linearProjection)
        blocks = (0..<layers).map {
            BasicTransformerBlock(w.scope("transformer_blocks", $0), dim: inner, heads: heads, headDim: headDim,
                                  crossAttentionDim: crossAttentionDim, onlyCrossAttention: onlyCrossAttention)
        }
        projOut = Self.projection(w.scope("proj_out"), in: inner, out: channels, linear: linearProjection)
    }

    /// The projection as a `Linear`, reading a [out, in] (linear) or [out, in, 1, 1] (conv) weight.
    private static func projection(_ w: WeightScope, in inFeatures: Int, out outFeatures: Int, linear: Bool) -> Linear {
        if linear { return Linear(w, in: inFeatures, out: outFeatures) }
        let conv = Conv2d(w, in: inFeatures, out: outFeatures, kernel: 1)
        return Linear(weight: conv.weight.reshaped([outFeatures, inFeatures]), bias: conv.bias)
    }

    /// - Parameters:
    ///   - x: `[B, C, H, W]`.
    ///   - context: `[B, T, crossAttentionDim]`.
    func callAsFunction(_ x: Tensor, context: Tensor) -> Tensor {
        let height = x.shape[2], width = x.shape[3]
        var tokens = projIn(channelsToTokens(norm(x)))
        for block in blocks { tokens = block(tokens, context: context) }
        var out = tokensToChannels(projOut(tokens), height: height, width: width)
        out.add(x)
        return out
    }
}
