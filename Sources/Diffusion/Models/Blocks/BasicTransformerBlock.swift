import SynthNumerics

/// diffusers' `BasicTransformerBlock` (norm_type "layer_norm", GEGLU feed-forward):
/// x + attn1(LN1(x)), then + attn2(LN2(x), context), then + ff(LN3(x)),
/// with ff = Linear(dim → 2·4·dim) → GEGLU → Linear(4·dim → dim) (`ff.net.0.proj`, `ff.net.2`).
struct BasicTransformerBlock: Sendable {
    let norm1: LayerNorm
    let attn1: CrossAttention
    let norm2: LayerNorm
    let attn2: CrossAttention
    let norm3: LayerNorm
    let ffIn: Linear
    let ffOut: Linear
    let onlyCrossAttention: Bool

    init(_ w: WeightScope, dim: Int, heads: Int, headDim: Int, crossAttentionDim: Int,
         onlyCrossAttention: Bool, normEps: Float = 1e-5) {
        norm1 = LayerNorm(w.scope("norm1"), dim: dim, eps: normEps)
        attn1 = CrossAttention(w.scope("attn1"), queryDim: dim, contextDim: onlyCrossAttention ? crossAttentionDim : nil,
                               heads: heads, headDim: headDim)
        norm2 = LayerNorm(w.scope("norm2"), dim: dim, eps: normEps)
        attn2 = CrossAttention(w.scope("attn2"), queryDim: dim, contextDim: crossAttentionDim, heads: heads, headDim: headDim)
        norm3 = LayerNorm(w.scope("norm3"), dim: dim, eps: normEps)
        let inner = dim * 4
        ffIn = Linear(w.scope("ff.net.0.proj"), in: dim, out: inner * 2)
        ffOut = Linear(w.scope("ff.net.2"), in: inner, out: dim)
        self.onlyCrossAttention = onlyCrossAttention
    }

    /// - Parameters:
    ///   - x: tokens `[B, S, dim]`.
    ///   - context: encoder hidden states `[B, T, crossAttentionDim]`.
    func callAsFunction(_ x: Tensor, context: Tensor) -> Tensor {
        var h = x
        h.add(attn1(norm1(h), context: onlyCrossAttention ? context : nil))
        h.add(attn2(norm2(h), context: context))
        h.add(ffOut(geglu(ffIn(norm3(h)))))
        return h
    }
}
