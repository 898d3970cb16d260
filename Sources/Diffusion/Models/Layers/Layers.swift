import SynthNumerics

/// `nn.Linear`: `weight` [out, in], optional `bias` [out].
public struct Linear: Sendable {
    public let weight: Tensor
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

    public var outFeatures: Int { weight.shape[0] }

    /// `x · Wᵀ + b` over the last dimension.
    public func callAsFunction(_ x: Tensor) -> Tensor { linear(x, weight: weight, bias: bias) }
}

/// `nn.Conv2d` with a square kernel, square stride and zero padding.
public struct Conv2d: Sendable {
    public let weight: Tensor
    public let bias: Tensor?
    public let stride: Int
    public let padding: Int

    /// Reads `<scope>.weight` [out, in, k, k] (and `<scope>.bias`).
    public init(_ w: WeightScope, in inChannels: Int, out outChannels: Int, kernel: Int,
                stride: Int = 1, padding: Int = 0, bias: Bool = true) {
        weight = w.tensor("weight", [outChannels, inChannels, kernel, kernel])
        self.bias = bias ? w.tensor("bias", [outChannels]) : nil
        self.stride = stride
        self.padding = padding
    }

    public func callAsFunction(_ x: Tensor) -> Tensor {
        conv2d(x, weight: weight, bias: bias, stride: stride, padding: padding)
    }
}

/// `nn.GroupNorm(groups, channels, eps, affine=True)`.
public struct GroupNorm: Sendable {
    public let weight: Tensor
    public let bias: Tensor
    public let groups: Int
    public let eps: Float

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
    public let weight: Tensor
    public let bias: Tensor
    public let eps: Float

    public init(_ w: WeightScope, dim: Int, eps: Float) {
        weight = w.tensor("weight", [dim])
        bias = w.tensor("bias", [dim])
        self.eps = eps
    }

    public func callAsFunction(_ x: Tensor) -> Tensor { layerNorm(x, weight: weight, bias: bias, eps: eps) }
}
