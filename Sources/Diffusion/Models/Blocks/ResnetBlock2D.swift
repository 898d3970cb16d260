import SynthNumerics

/// diffusers' `ResnetBlock2D` (time_embedding_norm "default", pre-norm, SiLU):
/// GroupNorm → SiLU → conv3×3 → + Linear(SiLU(temb)) → GroupNorm → SiLU → conv3×3, plus the
/// input (through a 1×1 `conv_shortcut` when the channel count changes), over `output_scale_factor`.
struct ResnetBlock2D: Sendable {
    let norm1: GroupNorm
    let conv1: Conv2d
    let timeEmbProj: Linear?
    let norm2: GroupNorm
    let conv2: Conv2d
    let convShortcut: Conv2d?
    let outputScaleFactor: Float

    init(_ w: WeightScope, in inChannels: Int, out outChannels: Int, tembChannels: Int?,
         groups: Int, eps: Float, outputScaleFactor: Float = 1) {
        norm1 = GroupNorm(w.scope("norm1"), groups: groups, channels: inChannels, eps: eps)
        conv1 = Conv2d(w.scope("conv1"), in: inChannels, out: outChannels, kernel: 3, padding: 1)
        timeEmbProj = tembChannels.map { Linear(w.scope("time_emb_proj"), in: $0, out: outChannels) }
        norm2 = GroupNorm(w.scope("norm2"), groups: groups, channels: outChannels, eps: eps)
        conv2 = Conv2d(w.scope("conv2"), in: outChannels, out: outChannels, kernel: 3, padding: 1)
        convShortcut = inChannels != outChannels
            ? Conv2d(w.scope("conv_shortcut"), in: inChannels, out: outChannels, kernel: 1) : nil
        self.outputScaleFactor = outputScaleFactor
    }

    /// - Parameters:
    ///   - x: `[B, Cin, H, W]`.
    ///   - tembActivated: SiLU of the time embedding, `[B, temb]` (every block applies the same
    ///     SiLU first, so the caller does it once), or nil for the VAE.
    func callAsFunction(_ x: Tensor, tembActivated: Tensor?) -> Tensor {
        var h = conv1(norm1(x, thenSiLU: true))
        if let timeEmbProj, let tembActivated {
            h = addChannelwise(h, timeEmbProj(tembActivated))
        }
        h = conv2(norm2(h, thenSiLU: true))
        if let convShortcut {
            h.add(convShortcut(x))
        } else {
            h.add(x)
        }
        return outputScaleFactor == 1 ? h : h / outputScaleFactor
    }
}
