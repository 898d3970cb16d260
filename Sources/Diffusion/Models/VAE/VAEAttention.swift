import SynthNumerics

/// The VAE mid block's single-head spatial self-attention (diffusers' `Attention` with
/// `residual_connection`, a GroupNorm in front and biased projections):
/// x + to_out(attention(to_q, to_k, to_v of GroupNorm(x) as H·W tokens)).
///
/// Reads the current names (`to_q`, `to_k`, `to_v`, `to_out.0`) or those of checkpoints saved
/// before diffusers 0.14 (`query`, `key`, `value`, `proj_attn`).
struct VAEAttention: Sendable {
    let groupNorm: GroupNorm
    let toQ: Linear
    let toK: Linear
    let toV: Linear
    let toOut: Linear
    let heads: Int

    init(_ w: WeightScope, channels: Int, headDim: Int, groups: Int, eps: Float) {
        groupNorm = GroupNorm(w.scope("group_norm"), groups: groups, channels: channels, eps: eps)
        let legacy = !w.contains("to_q.weight") && w.contains("query.weight")
        toQ = Linear(w.scope(legacy ? "query" : "to_q"), in: channels, out: channels)
        toK = Linear(w.scope(legacy ? "key" : "to_k"), in: channels, out: channels)
        toV = Linear(w.scope(legacy ? "value" : "to_v"), in: channels, out: channels)
        toOut = Linear(w.scope(legacy ? "proj_attn" : "to_out.0"), in: channels, out: channels)
        heads = max(1, channels / headDim)
    }

    func callAsFunction(_ x: Tensor) -> Tensor {
        let height = x.shape[2], width = x.shape[3]
        let tokens = channelsToTokens(groupNorm(x))
        let attended = scaledDotProductAttention(query: toQ(tokens), key: toK(tokens), value: toV(tokens), heads: heads)
        var out = tokensToChannels(toOut(attended), height: height, width: width)
        out.add(x)
        return out
    }
}
