import Foundation
import SynthNumerics

/// diffusers' `UNet2DConditionModel` for SD 1.x/2.x configs: predicts noise (or v) for a batch
/// of latents at one timestep, conditioned on text-encoder hidden states.
///
/// Built from `unet/config.json`; every tensor of `diffusion_pytorch_model.safetensors` is
/// checked by name and shape against what the config implies.
public struct UNet2DConditionModel: Sendable {
    /// The config the model was built from.
    public let config: UNet2DConditionConfig
    let convIn: Conv2d
    let timeLinear1: Linear
    let timeLinear2: Linear
    let downBlocks: [UNetDownBlock]
    let midBlock: UNetMidBlock?
    let upBlocks: [UNetUpBlock]
    let convNormOut: GroupNorm
    let convOut: Conv2d

    /// Loads a `unet/` folder: `config.json` plus its safetensors weights.
    /// - Throws: `WeightLoadingError` naming every missing, misshaped or unexpected tensor,
    ///   or the config features this runtime lacks.
    public static func load(from folder: URL) throws -> UNet2DConditionModel {
        let component = try ComponentFolder(folder)
        let config = try component.decodeConfig(UNet2DConditionConfig.self)
        let reader = WeightReader(component)
        let model = try UNet2DConditionModel(config: config, weights: reader.scope(""))
        try reader.finish(model: "UNet2DConditionModel")
        return model
    }

    /// Builds the model from a config, reading tensors through `weights`.
    /// - Throws: `WeightLoadingError` when the config asks for something unsupported.
    public init(config: UNet2DConditionConfig, weights w: WeightScope) throws {
        let unsupported = config.unsupportedFeatures
        guard unsupported.isEmpty else {
            throw WeightLoadingError(problems: unsupported.map { "\(w.reader.folder.url.lastPathComponent)/config.json: unsupported \($0)" })
        }
        self.config = config
        let n = config.blockCount
        let channels = config.blockOutChannels
        let heads = config.headsPerBlock!, layers = config.layersPerBlock.expanded(n)!
        let cross = config.crossAttentionDim.expanded(n)!, depth = config.transformerLayersPerBlock.expanded(n)!
        let onlyCross = config.onlyCrossAttention.expanded(n)!
        let groups = config.normNumGroups!, eps = config.normEps, temb = config.timeEmbedDim
        func attention(_ i: Int, crossAttn: Bool, onlyCrossAttention: Bool) -> AttentionSettings? {
            guard crossAttn else { return nil }
            return AttentionSettings(heads: heads[i], crossAttentionDim: cross[i], transformerLayers: depth[i],
                                     linearProjection: config.useLinearProjection,
                                     onlyCrossAttention: onlyCrossAttention, groups: groups)
        }

        convIn = Conv2d(w.scope("conv_in"), in: config.inChannels, out: channels[0], kernel: config.convInKernel,
                        padding: (config.convInKernel - 1) / 2)
        timeLinear1 = Linear(w.scope("time_embedding.linear_1"), in: channels[0], out: temb)
        timeLinear2 = Linear(w.scope("time_embedding.linear_2"), in: temb, out: temb)

        var down: [UNetDownBlock] = []
        var output = channels[0]
        for (i, type) in config.downBlockTypes.enumerated() {
            let input = output
            output = channels[i]
            down.append(UNetDownBlock(w.scope("down_blocks", i), in: input, out: output, layers: layers[i], temb: temb,
                                      groups: groups, eps: eps,
                                      attention: attention(i, crossAttn: type == "CrossAttnDownBlock2D", onlyCrossAttention: onlyCross[i]),
                                      addDownsample: i < n - 1, downsamplePadding: config.downsamplePadding))
        }
        downBlocks = down

        midBlock = config.midBlockType == nil ? nil
            : UNetMidBlock(w.scope("mid_block"), channels: channels[n - 1], temb: temb, eps: eps,
                           outputScaleFactor: config.midBlockScaleFactor,
                           attention: attention(n - 1, crossAttn: true, onlyCrossAttention: false)!)

        var up: [UNetUpBlock] = []
        output = channels[n - 1]
        for (i, type) in config.upBlockTypes.enumerated() {
            let r = n - 1 - i  // the matching down block: up-path settings are the down-path lists reversed
            let previous = output
            output = channels[r]
            let input = channels[max(r - 1, 0)]
            up.append(UNetUpBlock(w.scope("up_blocks", i), in: input, out: output, previousOut: previous,
                                  layers: layers[r] + 1, temb: temb, groups: groups, eps: eps,
                                  attention: attention(r, crossAttn: type == "CrossAttnUpBlock2D", onlyCrossAttention: onlyCross[r]),
                                  addUpsample: i < n - 1))
        }
        upBlocks = up

        convNormOut = GroupNorm(w.scope("conv_norm_out"), groups: groups, channels: channels[0], eps: eps)
        convOut = Conv2d(w.scope("conv_out"), in: channels[0], out: config.outChannels, kernel: config.convOutKernel,
                         padding: (config.convOutKernel - 1) / 2)
    }

    /// One denoising prediction.
    ///
    /// - Parameters:
    ///   - sample: noisy latents `[B, inChannels, h, w]` (already scaled by the scheduler's
    ///     `scale_model_input` where it has one).
    ///   - timestep: the timestep, shared by the whole batch.
    ///   - encoderHiddenStates: text embeddings `[B, 77, crossAttentionDim]`.
    /// - Returns: `[B, outChannels, h, w]`: predicted noise (ε) or v, per the checkpoint.
    public func forward(sample: Tensor, timestep: Float, encoderHiddenStates: Tensor) -> Tensor {
        forward(sample: sample, timesteps: Array(repeating: timestep, count: sample.shape[0]),
                encoderHiddenStates: encoderHiddenStates)
    }

    /// One denoising prediction with a timestep per batch element.
    public func forward(sample: Tensor, timesteps: [Float], encoderHiddenStates: Tensor) -> Tensor {
        precondition(sample.rank == 4 && sample.shape[1] == config.inChannels,
                     "UNet sample must be [B, \(config.inChannels), h, w], got \(sample.shape)")
        precondition(timesteps.count == sample.shape[0], "one timestep per batch element")
        precondition(encoderHiddenStates.rank == 3 && encoderHiddenStates.shape[0] == sample.shape[0],
                     "encoder hidden states must be [B, T, D] with the sample's batch, got \(encoderHiddenStates.shape)")
        let context = encoderHiddenStates

        // Latents not divisible by the total downscale need explicit upsample sizes.
        let factor = 1 << upBlocks.filter { $0.upsampler != nil }.count
        let forwardSize = sample.shape[2] % factor != 0 || sample.shape[3] % factor != 0

        var x = config.centerInputSample ? sample * 2 - Tensor(shape: sample.shape, repeating: 1) : sample
        let tProj = timestepEmbedding(timesteps, dimension: config.blockOutChannels[0],
                                      flipSinToCos: config.flipSinToCos, downscaleFreqShift: config.freqShift)
        let emb = timeLinear2(silu(timeLinear1(tProj)))
        let embActivated = silu(emb)  // every ResNet applies SiLU to the embedding before projecting it

        x = convIn(x)
        var skips: [Tensor] = [x]
        for block in downBlocks {
            let (h, states) = block(x, temb: embActivated, context: context)
            x = h
            skips.append(contentsOf: states)
        }
        if let midBlock { x = midBlock(x, temb: embActivated, context: context) }
        for (i, block) in upBlocks.enumerated() {
            let count = block.resnets.count
            let mine = Array(skips.suffix(count))
            skips.removeLast(count)
            let size = (forwardSize && i < upBlocks.count - 1) ? (skips.last!.shape[2], skips.last!.shape[3]) : nil
            x = block(x, skips: mine, temb: embActivated, context: context, upsampleSize: size.map { ($0.0, $0.1) })
        }
        return convOut(convNormOut(x, thenSiLU: true))
    }
}
