import Foundation
import SynthNumerics

/// The decoding half of diffusers' `AutoencoderKL`: `post_quant_conv`, then the `Decoder`
/// (conv_in, mid block of ResNet–attention–ResNet, `UpDecoderBlock2D`s, GroupNorm, SiLU, conv_out).
///
/// Loads from a `vae/` folder; the encoder's tensors (`encoder.*`, `quant_conv.*`) may be
/// present and are skipped.
public struct AutoencoderKL: Sendable {
    /// The config the model was built from.
    public let config: AutoencoderKLConfig
    let postQuantConv: Conv2d?
    let convIn: Conv2d
    let midResnets: [ResnetBlock2D]
    let midAttention: VAEAttention?
    let upBlocks: [(resnets: [ResnetBlock2D], upsampler: Upsample2D?)]
    let convNormOut: GroupNorm
    let convOut: Conv2d

    /// Latents are multiplied by this after encoding; divide by it before `decode`.
    public var scalingFactor: Float { config.scalingFactor }

    /// Loads a `vae/` folder: `config.json` plus its safetensors weights.
    /// - Throws: `WeightLoadingError` naming every missing, misshaped or unexpected tensor.
    public static func load(from folder: URL) throws -> AutoencoderKL {
        let component = try ComponentFolder(folder)
        let config = try component.decodeConfig(AutoencoderKLConfig.self)
        let reader = WeightReader(component, ignoring: ["encoder.", "quant_conv."])
        let model = try AutoencoderKL(config: config, weights: reader.scope(""))
        try reader.finish(model: "AutoencoderKL decoder")
        return model
    }

    /// Builds the decoder from a config, reading tensors through `weights`.
    public init(config: AutoencoderKLConfig, weights w: WeightScope) throws {
        guard config.unsupportedFeatures.isEmpty else {
            throw WeightLoadingError(problems: config.unsupportedFeatures.map { "\(w.reader.folder.url.lastPathComponent)/config.json: unsupported \($0)" })
        }
        self.config = config
        let channels = config.blockOutChannels, groups = config.normNumGroups, latent = config.latentChannels
        let eps: Float = 1e-6
        let d = w.scope("decoder")
        postQuantConv = config.usePostQuantConv ? Conv2d(w.scope("post_quant_conv"), in: latent, out: latent, kernel: 1) : nil
        let top = channels[channels.count - 1]
        convIn = Conv2d(d.scope("conv_in"), in: latent, out: top, kernel: 3, padding: 1)
        midResnets = (0..<2).map {
            ResnetBlock2D(d.scope("mid_block.resnets", $0), in: top, out: top, tembChannels: nil, groups: groups, eps: eps)
        }
        midAttention = config.midBlockAddAttention
            ? VAEAttention(d.scope("mid_block.attentions.0"), channels: top, headDim: top, groups: groups, eps: eps) : nil
        var blocks: [(resnets: [ResnetBlock2D], upsampler: Upsample2D?)] = []
        var output = top
        for i in 0..<config.upBlockTypes.count {
            let input = output
            output = channels[channels.count - 1 - i]
            let b = d.scope("up_blocks", i)
            let resnets = (0...config.layersPerBlock).map {
                ResnetBlock2D(b.scope("resnets", $0), in: $0 == 0 ? input : output, out: output, tembChannels: nil,
                              groups: groups, eps: eps)
            }
            let isFinal = i == channels.count - 1
            blocks.append((resnets, isFinal ? nil : Upsample2D(b.scope("upsamplers.0"), channels: output)))
        }
        upBlocks = blocks
        convNormOut = GroupNorm(d.scope("conv_norm_out"), groups: groups, channels: channels[0], eps: eps)
        convOut = Conv2d(d.scope("conv_out"), in: channels[0], out: config.outChannels, kernel: 3, padding: 1)
    }

    /// Decodes latents to images.
    ///
    /// - Parameter latents: `[B, latentChannels, h, w]`, already divided by `scalingFactor`
    ///   (as diffusers' pipelines do before calling `vae.decode`).
    /// - Returns: `[B, outChannels, 8h, 8w]` (for SD's four blocks), roughly in [−1, 1];
    ///   the caller maps to pixels with (x / 2 + 0.5) clamped to [0, 1].
    public func decode(_ latents: Tensor) -> Tensor {
        precondition(latents.rank == 4 && latents.shape[1] == config.latentChannels,
                     "VAE latents must be [B, \(config.latentChannels), h, w], got \(latents.shape)")
        var x = postQuantConv.map { $0(latents) } ?? latents
        x = convIn(x)
        x = midResnets[0](x, tembActivated: nil)
        if let midAttention { x = midAttention(x) }
        x = midResnets[1](x, tembActivated: nil)
        for block in upBlocks {
            for resnet in block.resnets { x = resnet(x, tembActivated: nil) }
            if let upsampler = block.upsampler { x = upsampler(x) }
        }
        return convOut(convNormOut(x, thenSiLU: true))
    }
}
