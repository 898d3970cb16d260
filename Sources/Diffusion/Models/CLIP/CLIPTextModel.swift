import Foundation
import SynthNumerics

/// What the CLIP text encoder produces for a batch of token ids.
public struct CLIPTextOutput: Sendable {
    /// After the final LayerNorm, `[B, S, hidden]`: SD 1.x/2.x's `prompt_embeds`.
    public let lastHiddenState: Tensor
    /// The embeddings and each encoder layer's output, before the final LayerNorm
    /// (`numHiddenLayers + 1` tensors, as transformers' `hidden_states`); SDXL uses `[count − 2]`.
    public let hiddenStates: [Tensor]
    /// `lastHiddenState` at each sequence's end-of-text token, `[B, hidden]`.
    public let pooled: Tensor
    /// `pooled` through `text_projection`, `[B, projection_dim]`, when the checkpoint has one
    /// (`CLIPTextModelWithProjection`).
    public let textEmbeds: Tensor?
}

/// transformers' `CLIPTextModel` (and the text half of `CLIPTextModelWithProjection`):
/// token + position embeddings, pre-LN causal encoder layers, final LayerNorm.
public struct CLIPTextModel: Sendable {
    /// The config the model was built from.
    public let config: CLIPTextConfig
    let tokenEmbedding: Tensor
    let positionEmbedding: Tensor
    let layers: [CLIPEncoderLayer]
    let finalLayerNorm: LayerNorm
    let textProjection: Linear?

    /// Loads a `text_encoder/` folder: `config.json` plus `model.safetensors`.
    /// - Throws: `WeightLoadingError` naming every missing, misshaped or unexpected tensor.
    public static func load(from folder: URL) throws -> CLIPTextModel {
        let component = try ComponentFolder(folder)
        let config = try component.decodeConfig(CLIPTextConfig.self)
        // position_ids is a constant buffer older transformers versions saved with the weights.
        let reader = WeightReader(component, ignoring: ["text_model.embeddings.position_ids"])
        let model = try CLIPTextModel(config: config, weights: reader.scope(""))
        try reader.finish(model: "CLIPTextModel")
        return model
    }

    /// Builds the encoder from a config, reading tensors through `weights` (rooted above `text_model.`).
    public init(config: CLIPTextConfig, weights w: WeightScope) throws {
        guard config.unsupportedFeatures.isEmpty else {
            throw WeightLoadingError(problems: config.unsupportedFeatures.map { "\(w.reader.folder.url.lastPathComponent)/config.json: unsupported \($0)" })
        }
        self.config = config
        let t = w.scope("text_model")
        tokenEmbedding = t.tensor("embeddings.token_embedding.weight", [config.vocabSize, config.hiddenSize])
        positionEmbedding = t.tensor("embeddings.position_embedding.weight", [config.maxPositionEmbeddings, config.hiddenSize])
        layers = (0..<config.numHiddenLayers).map { CLIPEncoderLayer(t.scope("encoder.layers", $0), config: config) }
        finalLayerNorm = LayerNorm(t.scope("final_layer_norm"), dim: config.hiddenSize, eps: config.layerNormEps)
        textProjection = w.contains("text_projection.weight")
            ? Linear(w.scope("text_projection"), in: config.hiddenSize, out: config.projectionDim, bias: false) : nil
    }

    /// The last hidden state `[B, S, hidden]` for equal-length token id sequences (SD's prompt embeddings).
    public func forward(inputIDs: [[Int]]) -> Tensor { encode(inputIDs: inputIDs).lastHiddenState }

    /// Every output for equal-length token id sequences (each at most `maxPositionEmbeddings` long).
    public func encode(inputIDs: [[Int]]) -> CLIPTextOutput {
        let batch = inputIDs.count, length = inputIDs.first?.count ?? 0
        let d = config.hiddenSize
        precondition(batch > 0 && inputIDs.allSatisfy { $0.count == length }, "token sequences must be non-empty and of equal length")
        precondition(length <= config.maxPositionEmbeddings, "at most \(config.maxPositionEmbeddings) tokens, got \(length)")
        precondition(inputIDs.joined().allSatisfy { (0..<config.vocabSize).contains($0) }, "token id outside the vocabulary")

        var h = Tensor(shape: [batch, length, d]) { out in
            tokenEmbedding.storage.withUnsafeBufferPointer { tok in
                positionEmbedding.storage.withUnsafeBufferPointer { pos in
                    for (b, ids) in inputIDs.enumerated() {
                        for (s, id) in ids.enumerated() {
                            let o = out.baseAddress! + (b * length + s) * d
                            for i in 0..<d { o[i] = tok[id * d + i] + pos[s * d + i] }
                        }
                    }
                }
            }
        }
        var states = [h]
        for layer in layers {
            h = layer(h)
            states.append(h)
        }
        let last = finalLayerNorm(h)
        let pooled = Tensor(shape: [batch, d]) { out in
            last.storage.withUnsafeBufferPointer { src in
                for (b, ids) in inputIDs.enumerated() {
                    let s = eosPosition(ids)
                    (out.baseAddress! + b * d).initialize(from: src.baseAddress! + (b * length + s) * d, count: d)
                }
            }
        }
        return CLIPTextOutput(lastHiddenState: last, hiddenStates: states, pooled: pooled,
                              textEmbeds: textProjection.map { $0(pooled) })
    }

    /// Where transformers takes the pooled output: the first end-of-text token, or — for
    /// configs with the legacy `eos_token_id` of 2 — the highest token id.
    func eosPosition(_ ids: [Int]) -> Int {
        if config.eosTokenId == 2 {
            return ids.indices.max { ids[$0] < ids[$1] } ?? 0  // the first of equal maxima, as argmax
        }
        return ids.firstIndex(of: config.eosTokenId) ?? 0
    }
}
