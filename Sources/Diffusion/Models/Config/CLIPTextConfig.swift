/// `text_encoder/config.json` of a transformers `CLIPTextModel`, with transformers' defaults.
public struct CLIPTextConfig: Codable, Sendable, Equatable {
    public var vocabSize = 49408
    public var hiddenSize = 512
    public var intermediateSize = 2048
    public var projectionDim = 512
    public var numHiddenLayers = 12
    public var numAttentionHeads = 8
    public var maxPositionEmbeddings = 77
    /// "quick_gelu" (OpenAI CLIP, SD 1.x) or "gelu" (OpenCLIP, SD 2.x).
    public var hiddenAct = "quick_gelu"
    public var layerNormEps: Float = 1e-5
    public var padTokenId = 1
    public var bosTokenId = 49406
    public var eosTokenId = 49407
    /// The transformers class names, e.g. ["CLIPTextModel"].
    public var architectures: [String]?

    /// A config with every value at transformers' default.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case vocabSize = "vocab_size", hiddenSize = "hidden_size", intermediateSize = "intermediate_size"
        case projectionDim = "projection_dim", numHiddenLayers = "num_hidden_layers"
        case numAttentionHeads = "num_attention_heads", maxPositionEmbeddings = "max_position_embeddings"
        case hiddenAct = "hidden_act", layerNormEps = "layer_norm_eps", padTokenId = "pad_token_id"
        case bosTokenId = "bos_token_id", eosTokenId = "eos_token_id", architectures
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = CLIPTextConfig()
        vocabSize = try c.value(.vocabSize, or: d.vocabSize)
        hiddenSize = try c.value(.hiddenSize, or: d.hiddenSize)
        intermediateSize = try c.value(.intermediateSize, or: d.intermediateSize)
        projectionDim = try c.value(.projectionDim, or: d.projectionDim)
        numHiddenLayers = try c.value(.numHiddenLayers, or: d.numHiddenLayers)
        numAttentionHeads = try c.value(.numAttentionHeads, or: d.numAttentionHeads)
        maxPositionEmbeddings = try c.value(.maxPositionEmbeddings, or: d.maxPositionEmbeddings)
        hiddenAct = try c.value(.hiddenAct, or: d.hiddenAct)
        layerNormEps = try c.value(.layerNormEps, or: d.layerNormEps)
        padTokenId = try c.value(.padTokenId, or: d.padTokenId)
        bosTokenId = try c.value(.bosTokenId, or: d.bosTokenId)
        eosTokenId = try c.value(.eosTokenId, or: d.eosTokenId)
        architectures = try c.decodeIfPresent([String].self, forKey: .architectures)
    }

    /// Config values the encoder does not implement, described; empty when it can run.
    public var unsupportedFeatures: [String] {
        var out: [String] = []
        if !["quick_gelu", "gelu"].contains(hiddenAct) { out.append("hidden_act \(hiddenAct)") }
        if numAttentionHeads <= 0 || hiddenSize % numAttentionHeads != 0 { out.append("hidden_size not divisible by num_attention_heads") }
        return out
    }
}
