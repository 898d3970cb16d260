import SynthNumerics

/// diffusers' `Attention` as a transformer block uses it: bias-free `to_q`/`to_k`/`to_v`,
/// `to_out.0` with bias, heads split from the feature dimension, softmax scale 1/√head_dim.
/// Without a context it attends to its own input (self-attention).
struct CrossAttention: Sendable {
    let toQ: Linear
    let toK: Linear
    let toV: Linear
    let toOut: Linear
    let heads: Int

    init(_ w: WeightScope, queryDim: Int, contextDim: Int?, heads: Int, headDim: Int, bias: Bool = false) {
        let inner = heads * headDim
        toQ = Linear(w.scope("to_q"), in: queryDim, out: inner, bias: bias)
        toK = Linear(w.scope("to_k"), in: contextDim ?? queryDim, out: inner, bias: bias)
        toV = Linear(w.scope("to_v"), in: contextDim ?? queryDim, out: inner, bias: bias)
        toOut = Linear(w.scope("to_out.0"), in: inner, out: queryDim)
        self.heads = heads
    }

    /// - Parameters:
    ///   - x: `[B, S, queryDim]`.
    ///   - context: `[B, T, contextDim]`, or nil for self-attention.
    func callAsFunction(_ x: Tensor, context: Tensor?) -> Tensor {
        let source = context ?? x
        let attended = scaledDotProductAttention(query: toQ(x), key: toK(source), value: toV(source), heads: heads)
        return toOut(attended)
    }
}
