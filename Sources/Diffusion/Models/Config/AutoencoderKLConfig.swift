/// `vae/config.json` of a diffusers `AutoencoderKL`, with diffusers' defaults for absent keys.
public struct AutoencoderKLConfig: Codable, Sendable, Equatable {
    public var inChannels = 3
    public var outChannels = 3
    public var downBlockTypes = ["DownEncoderBlock2D"]
    public var upBlockTypes = ["UpDecoderBlock2D"]
    public var blockOutChannels = [64]
    public var layersPerBlock = 1
    public var actFn = "silu"
    public var latentChannels = 4
    public var normNumGroups = 32
    /// Latents are multiplied by this after encoding; divide by it before `decode`.
    public var scalingFactor: Float = 0.18215
    /// Subtracted after encoding in some VAEs (none for SD 1.x/2.x).
    public var shiftFactor: Float?
    public var forceUpcast = true
    public var useQuantConv = true
    public var usePostQuantConv = true
    public var midBlockAddAttention = true

    /// A config with every value at diffusers' default.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case inChannels = "in_channels", outChannels = "out_channels", downBlockTypes = "down_block_types"
        case upBlockTypes = "up_block_types", blockOutChannels = "block_out_channels", layersPerBlock = "layers_per_block"
        case actFn = "act_fn", latentChannels = "latent_channels", normNumGroups = "norm_num_groups"
        case scalingFactor = "scaling_factor", shiftFactor = "shift_factor", forceUpcast = "force_upcast"
        case useQuantConv = "use_quant_conv", usePostQuantConv = "use_post_quant_conv"
        case midBlockAddAttention = "mid_block_add_attention"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = AutoencoderKLConfig()
        inChannels = try c.value(.inChannels, or: d.inChannels)
        outChannels = try c.value(.outChannels, or: d.outChannels)
        downBlockTypes = try c.value(.downBlockTypes, or: d.downBlockTypes)
        upBlockTypes = try c.value(.upBlockTypes, or: d.upBlockTypes)
        blockOutChannels = try c.value(.blockOutChannels, or: d.blockOutChannels)
        layersPerBlock = try c.value(.layersPerBlock, or: d.layersPerBlock)
        actFn = try c.value(.actFn, or: d.actFn)
        latentChannels = try c.value(.latentChannels, or: d.latentChannels)
        normNumGroups = try c.value(.normNumGroups, or: d.normNumGroups)
        scalingFactor = try c.value(.scalingFactor, or: d.scalingFactor)
        shiftFactor = try c.decodeIfPresent(Float.self, forKey: .shiftFactor)
        forceUpcast = try c.value(.forceUpcast, or: d.forceUpcast)
        useQuantConv = try c.value(.useQuantConv, or: d.useQuantConv)
        usePostQuantConv = try c.value(.usePostQuantConv, or: d.usePostQuantConv)
        midBlockAddAttention = try c.value(.midBlockAddAttention, or: d.midBlockAddAttention)
    }

    /// Config values the decoder does not implement, described; empty when it can run.
    public var unsupportedFeatures: [String] {
        var out: [String] = []
        for t in upBlockTypes where t != "UpDecoderBlock2D" { out.append("up block type \(t)") }
        if upBlockTypes.count != blockOutChannels.count { out.append("up_block_types and block_out_channels differ in length") }
        if actFn != "silu" && actFn != "swish" { out.append("act_fn \(actFn)") }
        return out
    }
}
