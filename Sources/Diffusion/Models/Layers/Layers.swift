import SynthNumerics

/// `nn.Linear`: `weight` [out, in], optional `bias` [out].
public struct Linear: Sendable {
    /// `[out, in]`.
    public let weight: Tensor
    /// `[out]`, or nil for a bias-free projection.
    public let bias: Tensor?

    /// Reads `<scope>.weight` (and `<scope>.bias` when `bias`).
    public init(_ w: WeightScope, in inFeatures: Int, out outFeatures: Int, bias: Bool = true) {
        weight = w.tensor("weight", [outFeatures, inFeatures])
        self.bias = bias ? w.tensor("bias", [outFeatures]) : nil
    }

    /// A linear layer over given tensors.
    public init(weight: Tensor, bias: Tensor?) {
        self.weight = weight
        self.bias = bias
    }

    /// `x · Wᵀ + b` over the last dimension.
    public func callAsFunction(_ x: Tensor) -> Tensor { linear(x, weight: weight, bias: bias) }
}

/// `nn.Conv2d` with a square kernel, square stride and zero padding.
public struct Conv2d: Sendable {
    /// `[out, in, k, k]`.
    public let weight: Tensor
    /// `[out]`, or nil.
    public let bias: Tensor?
    /// Step between output positions, in input pixels.
    public let stride: Int
    /// Zero rows/columns added on every side.
    public let padding: Int

    /// Reads `<scope>.weight` [out, in, k, k] (and `<scope>.bias`).
    public init(_ w: WeightScope, in inChannels: Int, out outChannels: Int, kernel: Int,
                stride: Int = 1, padding: Int = 0, bias: Bool = true) {
        weight = w.tensor("weight", [outChannels, inChannels, kernel, kernel])
        self.bias = bias ? w.tensor("bias", [outChannels]) : nil
        self.stride = stride
        self.padding = padding
    }

    /// Convolves an NCHW batch.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        conv2d(x, weight: weight, bias: bias, stride: stride, padding: padding)
    }
}

/// `nn.GroupNorm(groups, channels, eps, affine=True)`.
public struct GroupNorm: Sendable {
    /// Per-channel scale `[C]`.
    public let weight: Tensor
    /// Per-channel shift `[C]`.
    public let bias: Tensor
    /// Number of channel groups normalized separately.
    public let groups: Int
    /// Added to the variance.
    public let eps: Float

    /// Reads `<scope>.weight` and `<scope>.bias`, both `[channels]`.
    public init(_ w: WeightScope, groups: Int, channels: Int, eps: Float) {
        weight = w.tensor("weight", [channels])
        bias = w.tensor("bias", [channels])
        self.groups = groups
        self.eps = eps
    }

    /// Normalizes; with `thenSiLU` also applies SiLU in the same pass.
    public func callAsFunction(_ x: Tensor, thenSiLU: Bool = false) -> Tensor {
        groupNorm(x, groups: groups, weight: weight, bias: bias, eps: eps, thenSiLU: thenSiLU)
    }
}

/// `nn.LayerNorm(dim, eps)` over the last dimension.
public struct LayerNorm: Sendable {
    /// Scale `[dim]`.
    public let weight: Tensor
    /// Shift `[dim]`.
    public let bias: Tensor
    /// Added to the variance.
    public let eps: Float

    /// Reads `<scope>.weight` and `<scope>.bias`, both `[dim]`.
    public init(_ w: WeightScope, dim: Int, eps: Float) {
        weight = w.tensor("weight", [dim])
        bias = w.tensor("bias", [dim])
        self.eps = eps
    }

    /// Normalizes over the last dimension.
    public func callAsFunction(_ x: Tensor) -> Tensor { layerNorm(x, weight: weight, bias: bias, eps: eps) }
}
