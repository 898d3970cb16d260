import SynthNumerics

/// transformers' `CLIPEncoderLayer`: pre-LayerNorm causal self-attention and MLP, each residual.
struct CLIPEncoderLayer: Sendable {
    let layerNorm1: LayerNorm
    let qProj: Linear
    let kProj: Linear
    let vProj: Linear
    let outProj: Linear
    let layerNorm2: LayerNorm
    let fc1: Linear
    let fc2: Linear
    let heads: Int
    let quickGELU: Bool

    init(_ w: WeightScope, config c: CLIPTextConfig) {
        let d = c.hiddenSize
        layerNorm1 = LayerNorm(w.scope("layer_norm1"), dim: d, eps: c.layerNormEps)
        qProj = Linear(w.scope("self_attn.q_proj"), in: d, out: d)
        kProj = Linear(w.scope("self_attn.k_proj"), in: d, out: d)
        vProj = Linear(w.scope("self_attn.v_proj"), in: d, out: d)
        outProj = Linear(w.scope("self_attn.out_proj"), in: d, out: d)
        layerNorm2 = LayerNorm(w.scope("layer_norm2"), dim: d, eps: c.layerNormEps)
        fc1 = Linear(w.scope("mlp.fc1"), in: d, out: c.intermediateSize)
        fc2 = Linear(w.scope("mlp.fc2"), in: c.intermediateSize, out: d)
        heads = c.numAttentionHeads
        quickGELU = c.hiddenAct == "quick_gelu"
    }

    /// - Parameter x: `[B, S, hidden]`.
    func callAsFunction(_ x: Tensor) -> Tensor {
        var h = x
        let n = layerNorm1(h)
        h.add(outProj(scaledDotProductAttention(query: qProj(n), key: kProj(n), value: vProj(n), heads: heads, causal: true)))
        let m = fc1(layerNorm2(h))
        h.add(fc2(quickGELU ? SynthNumerics.quickGELU(m) : gelu(m)))
        return h
    }
}
