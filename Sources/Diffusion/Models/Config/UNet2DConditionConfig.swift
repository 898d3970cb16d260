/// `unet/config.json` of a diffusers `UNet2DConditionModel`, with diffusers' defaults for
/// absent keys. Keys of features this runtime does not implement are decoded so that
/// `unsupportedFeatures` can name them instead of silently computing something else.
public struct UNet2DConditionConfig: Codable, Sendable, Equatable {
    public var inChannels = 4
    public var outChannels = 4
    public var centerInputSample = false
    public var flipSinToCos = true
    public var freqShift: Float = 0
    public var downBlockTypes = ["CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "DownBlock2D"]
    public var midBlockType: String? = "UNetMidBlock2DCrossAttn"
    public var upBlockTypes = ["UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D"]
    public var onlyCrossAttention: PerBlock<Bool> = .all(false)
    public var blockOutChannels = [320, 640, 1280, 1280]
    public var layersPerBlock: PerBlock<Int> = .all(2)
    public var downsamplePadding = 1
    public var midBlockScaleFactor: Float = 1
    public var actFn = "silu"
    /// nil: no output norm (diffusers skips `conv_norm_out`).
    public var normNumGroups: Int? = 32
    public var normEps: Float = 1e-5
    public var crossAttentionDim: PerBlock<Int> = .all(1280)
    public var transformerLayersPerBlock: PerBlock<Int> = .all(1)
    /// For SD 1.x/2.x configs this is, despite its name, the number of heads (see `headsPerBlock`).
    public var attentionHeadDim: PerBlock<Int> = .all(8)
    public var numAttentionHeads: PerBlock<Int>?
    public var dualCrossAttention = false
    public var useLinearProjection = false
    public var upcastAttention = false
    public var classEmbedType: String?
    public var additionEmbedType: String?
    public var numClassEmbeds: Int?
    public var resnetTimeScaleShift = "default"
    public var timeEmbeddingType = "positional"
    public var timeEmbeddingDim: Int?
    public var timeEmbeddingActFn: String?
    public var timestepPostAct: String?
    public var timeCondProjDim: Int?
    public var convInKernel = 3
    public var convOutKernel = 3
    public var encoderHidDim: Int?
    public var attentionType = "default"
    public var classEmbeddingsConcat = false

    /// A config with every value at diffusers' default (SD 1.x's UNet).
    public init() {}

    enum CodingKeys: String, CodingKey {
        case inChannels = "in_channels", outChannels = "out_channels", centerInputSample = "center_input_sample"
        case flipSinToCos = "flip_sin_to_cos", freqShift = "freq_shift", downBlockTypes = "down_block_types"
        case midBlockType = "mid_block_type", upBlockTypes = "up_block_types", onlyCrossAttention = "only_cross_attention"
        case blockOutChannels = "block_out_channels", layersPerBlock = "layers_per_block"
        case downsamplePadding = "downsample_padding", midBlockScaleFactor = "mid_block_scale_factor", actFn = "act_fn"
        case normNumGroups = "norm_num_groups", normEps = "norm_eps", crossAttentionDim = "cross_attention_dim"
        case transformerLayersPerBlock = "transformer_layers_per_block", attentionHeadDim = "attention_head_dim"
        case numAttentionHeads = "num_attention_heads", dualCrossAttention = "dual_cross_attention"
        case useLinearProjection = "use_linear_projection", upcastAttention = "upcast_attention"
        case classEmbedType = "class_embed_type", additionEmbedType = "addition_embed_type"
        case numClassEmbeds = "num_class_embeds", resnetTimeScaleShift = "resnet_time_scale_shift"
        case timeEmbeddingType = "time_embedding_type", timeEmbeddingDim = "time_embedding_dim"
        case timeEmbeddingActFn = "time_embedding_act_fn", timestepPostAct = "timestep_post_act"
        case timeCondProjDim = "time_cond_proj_dim", convInKernel = "conv_in_kernel", convOutKernel = "conv_out_kernel"
        case encoderHidDim = "encoder_hid_dim", attentionType = "attention_type"
        case classEmbeddingsConcat = "class_embeddings_concat"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = UNet2DConditionConfig()
        inChannels = try c.value(.inChannels, or: d.inChannels)
        outChannels = try c.value(.outChannels, or: d.outChannels)
        centerInputSample = try c.value(.centerInputSample, or: d.centerInputSample)
        flipSinToCos = try c.value(.flipSinToCos, or: d.flipSinToCos)
        freqShift = try c.value(.freqShift, or: d.freqShift)
        downBlockTypes = try c.value(.downBlockTypes, or: d.downBlockTypes)
        midBlockType = try c.optionalValue(.midBlockType, defaultWhenAbsent: d.midBlockType)
        upBlockTypes = try c.value(.upBlockTypes, or: d.upBlockTypes)
        onlyCrossAttention = try c.value(.onlyCrossAttention, or: d.onlyCrossAttention)
        blockOutChannels = try c.value(.blockOutChannels, or: d.blockOutChannels)
        layersPerBlock = try c.value(.layersPerBlock, or: d.layersPerBlock)
        downsamplePadding = try c.value(.downsamplePadding, or: d.downsamplePadding)
        midBlockScaleFactor = try c.value(.midBlockScaleFactor, or: d.midBlockScaleFactor)
        actFn = try c.value(.actFn, or: d.actFn)
        normNumGroups = try c.optionalValue(.normNumGroups, defaultWhenAbsent: d.normNumGroups)
        normEps = try c.value(.normEps, or: d.normEps)
        crossAttentionDim = try c.value(.crossAttentionDim, or: d.crossAttentionDim)
        transformerLayersPerBlock = try c.value(.transformerLayersPerBlock, or: d.transformerLayersPerBlock)
        attentionHeadDim = try c.value(.attentionHeadDim, or: d.attentionHeadDim)
        numAttentionHeads = try c.decodeIfPresent(PerBlock<Int>.self, forKey: .numAttentionHeads)
        dualCrossAttention = try c.value(.dualCrossAttention, or: d.dualCrossAttention)
        useLinearProjection = try c.value(.useLinearProjection, or: d.useLinearProjection)
        upcastAttention = try c.value(.upcastAttention, or: d.upcastAttention)
        classEmbedType = try c.decodeIfPresent(String.self, forKey: .classEmbedType)
        additionEmbedType = try c.decodeIfPresent(String.self, forKey: .additionEmbedType)
        numClassEmbeds = try c.decodeIfPresent(Int.self, forKey: .numClassEmbeds)
        resnetTimeScaleShift = try c.value(.resnetTimeScaleShift, or: d.resnetTimeScaleShift)
        timeEmbeddingType = try c.value(.timeEmbeddingType, or: d.timeEmbeddingType)
        timeEmbeddingDim = try c.decodeIfPresent(Int.self, forKey: .timeEmbeddingDim)
        timeEmbeddingActFn = try c.decodeIfPresent(String.self, forKey: .timeEmbeddingActFn)
        timestepPostAct = try c.decodeIfPresent(String.self, forKey: .timestepPostAct)
        timeCondProjDim = try c.decodeIfPresent(Int.self, forKey: .timeCondProjDim)
        convInKernel = try c.value(.convInKernel, or: d.convInKernel)
        convOutKernel = try c.value(.convOutKernel, or: d.convOutKernel)
        encoderHidDim = try c.decodeIfPresent(Int.self, forKey: .encoderHidDim)
        attentionType = try c.value(.attentionType, or: d.attentionType)
        classEmbeddingsConcat = try c.value(.classEmbeddingsConcat, or: d.classEmbeddingsConcat)
    }

    /// Number of down (and up) blocks.
    public var blockCount: Int { blockOutChannels.count }

    /// Attention heads of each down block, as diffusers computes them: `num_attention_heads`
    /// when given, otherwise `attention_head_dim` — a naming mistake diffusers keeps for
    /// compatibility, so SD 1.x's `attention_head_dim: 8` means 8 heads and SD 2's
    /// `[5, 10, 20, 20]` means 5…20 heads of 64 channels.
    public var headsPerBlock: [Int]? { (numAttentionHeads ?? attentionHeadDim).expanded(blockCount) }

    /// Channels of the time embedding (`time_embedding_dim`, else 4 × the first block's channels).
    public var timeEmbedDim: Int { timeEmbeddingDim ?? blockOutChannels[0] * 4 }

    /// Config values this runtime does not implement, described; empty when the model can run.
    public var unsupportedFeatures: [String] {
        var out: [String] = []
        let n = blockCount
        if downBlockTypes.count != n || upBlockTypes.count != n {
            out.append("down_block_types, up_block_types and block_out_channels must have the same length")
        }
        for t in downBlockTypes where t != "DownBlock2D" && t != "CrossAttnDownBlock2D" { out.append("down block type \(t)") }
        for t in upBlockTypes where t != "UpBlock2D" && t != "CrossAttnUpBlock2D" { out.append("up block type \(t)") }
        if let m = midBlockType, m != "UNetMidBlock2DCrossAttn" { out.append("mid block type \(m)") }
        if headsPerBlock == nil { out.append("attention_head_dim/num_attention_heads list length differs from the block count") }
        if layersPerBlock.expanded(n) == nil { out.append("layers_per_block list length differs from the block count") }
        if crossAttentionDim.expanded(n) == nil { out.append("cross_attention_dim list length differs from the block count") }
        if transformerLayersPerBlock.expanded(n) == nil { out.append("transformer_layers_per_block list length differs from the block count") }
        if onlyCrossAttention.expanded(n) == nil { out.append("only_cross_attention list length differs from the block count") }
        if actFn != "silu" && actFn != "swish" { out.append("act_fn \(actFn)") }
        if dualCrossAttention { out.append("dual_cross_attention") }
        if let t = classEmbedType { out.append("class_embed_type \(t)") }
        if numClassEmbeds != nil { out.append("num_class_embeds") }
        if let t = additionEmbedType { out.append("addition_embed_type \(t)") }
        if resnetTimeScaleShift != "default" { out.append("resnet_time_scale_shift \(resnetTimeScaleShift)") }
        if timeEmbeddingType != "positional" { out.append("time_embedding_type \(timeEmbeddingType)") }
        if let a = timeEmbeddingActFn { out.append("time_embedding_act_fn \(a)") }
        if let a = timestepPostAct { out.append("timestep_post_act \(a)") }
        if timeCondProjDim != nil { out.append("time_cond_proj_dim") }
        if encoderHidDim != nil { out.append("encoder_hid_dim") }
        if attentionType != "default" { out.append("attention_type \(attentionType)") }
        if classEmbeddingsConcat { out.append("class_embeddings_concat") }
        if normNumGroups == nil { out.append("norm_num_groups null") }
        if downsamplePadding != 1 { out.append("downsample_padding \(downsamplePadding)") }
        if convInKernel % 2 == 0 || convOutKernel % 2 == 0 { out.append("even conv_in/conv_out kernel") }
        return out
    }
}
