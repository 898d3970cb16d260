import SynthNumerics

/// What every UNet block needs to build its transformers (one entry per block of the config).
struct AttentionSettings {
    let heads: Int
    let crossAttentionDim: Int
    let transformerLayers: Int
    let linearProjection: Bool
    let onlyCrossAttention: Bool
    let groups: Int

    /// A `Transformer2DModel` over `channels`, heads of `channels / heads` as diffusers sizes them.
    func transformer(_ w: WeightScope, channels: Int) -> Transformer2DModel {
        Transformer2DModel(w, channels: channels, heads: heads, headDim: channels / heads, layers: transformerLayers,
                           crossAttentionDim: crossAttentionDim, groups: groups,
                           linearProjection: linearProjection, onlyCrossAttention: onlyCrossAttention)
    }
}

/// `DownBlock2D` (no attention) or `CrossAttnDownBlock2D`: resnets, each followed by a
/// transformer when cross-attentive, then an optional stride-2 downsampler. Every
/// intermediate output is kept for the skip connections.
struct UNetDownBlock: Sendable {
    let resnets: [ResnetBlock2D]
    let attentions: [Transformer2DModel]
    let downsampler: Downsample2D?

    init(_ w: WeightScope, in inChannels: Int, out outChannels: Int, layers: Int, temb: Int, groups: Int, eps: Float,
         attention: AttentionSettings?, addDownsample: Bool, downsamplePadding: Int) {
        resnets = (0..<layers).map {
            ResnetBlock2D(w.scope("resnets", $0), in: $0 == 0 ? inChannels : outChannels, out: outChannels,
                          tembChannels: temb, groups: groups, eps: eps)
        }
        attentions = attention.map { a in (0..<layers).map { a.transformer(w.scope("attentions", $0), channels: outChannels) } } ?? []
        downsampler = addDownsample ? Downsample2D(w.scope("downsamplers.0"), channels: outChannels, padding: downsamplePadding) : nil
    }

    /// - Returns: the block output and the states the up path concatenates back, in order.
    func callAsFunction(_ x: Tensor, temb: Tensor, context: Tensor) -> (Tensor, [Tensor]) {
        var h = x
        var states: [Tensor] = []
        for (i, resnet) in resnets.enumerated() {
            h = resnet(h, tembActivated: temb)
            if !attentions.isEmpty { h = attentions[i](h, context: context) }
            states.append(h)
        }
        if let downsampler {
            h = downsampler(h)
            states.append(h)
        }
        return (h, states)
    }
}

/// `UNetMidBlock2DCrossAttn`: resnet, then (transformer, resnet) per layer.
struct UNetMidBlock: Sendable {
    let resnets: [ResnetBlock2D]
    let attentions: [Transformer2DModel]

    init(_ w: WeightScope, channels: Int, temb: Int, eps: Float, outputScaleFactor: Float, attention: AttentionSettings) {
        let layers = 1
        resnets = (0...layers).map {
            ResnetBlock2D(w.scope("resnets", $0), in: channels, out: channels, tembChannels: temb,
                          groups: attention.groups, eps: eps, outputScaleFactor: outputScaleFactor)
        }
        attentions = (0..<layers).map { attention.transformer(w.scope("attentions", $0), channels: channels) }
    }

    func callAsFunction(_ x: Tensor, temb: Tensor, context: Tensor) -> Tensor {
        var h = resnets[0](x, tembActivated: temb)
        for (attention, resnet) in zip(attentions, resnets.dropFirst()) {
            h = resnet(attention(h, context: context), tembActivated: temb)
        }
        return h
    }
}

/// `UpBlock2D` or `CrossAttnUpBlock2D`: per layer, concatenate the latest skip state on the
/// channels, resnet, optional transformer; then an optional nearest-2× upsampler.
struct UNetUpBlock: Sendable {
    let resnets: [ResnetBlock2D]
    let attentions: [Transformer2DModel]
    let upsampler: Upsample2D?

    /// - Parameters:
    ///   - inChannels: channels of the skip state the last resnet receives.
    ///   - previousOutChannels: channels coming from the block below.
    init(_ w: WeightScope, in inChannels: Int, out outChannels: Int, previousOut previousOutChannels: Int, layers: Int,
         temb: Int, groups: Int, eps: Float, attention: AttentionSettings?, addUpsample: Bool) {
        resnets = (0..<layers).map { j in
            let skip = j == layers - 1 ? inChannels : outChannels
            let below = j == 0 ? previousOutChannels : outChannels
            return ResnetBlock2D(w.scope("resnets", j), in: below + skip, out: outChannels, tembChannels: temb,
                                 groups: groups, eps: eps)
        }
        attentions = attention.map { a in (0..<layers).map { a.transformer(w.scope("attentions", $0), channels: outChannels) } } ?? []
        upsampler = addUpsample ? Upsample2D(w.scope("upsamplers.0"), channels: outChannels) : nil
    }

    /// - Parameters:
    ///   - skips: this block's skip states, oldest first; consumed from the end.
    ///   - upsampleSize: explicit output size when the latent is not a multiple of the total downscale.
    func callAsFunction(_ x: Tensor, skips: [Tensor], temb: Tensor, context: Tensor,
                        upsampleSize: (height: Int, width: Int)?) -> Tensor {
        var h = x
        var remaining = skips
        for (i, resnet) in resnets.enumerated() {
            h = resnet(concatChannels(h, remaining.removeLast()), tembActivated: temb)
            if !attentions.isEmpty { h = attentions[i](h, context: context) }
        }
        if let upsampler { h = upsampler(h, size: upsampleSize) }
        return h
    }
}
