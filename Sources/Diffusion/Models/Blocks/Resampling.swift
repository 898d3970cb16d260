import SynthNumerics

/// diffusers' `Downsample2D` with a convolution: 3×3, stride 2, padding 1 (`downsamplers.0.conv`).
struct Downsample2D: Sendable {
    let conv: Conv2d

    init(_ w: WeightScope, channels: Int, padding: Int = 1) {
        conv = Conv2d(w.scope("conv"), in: channels, out: channels, kernel: 3, stride: 2, padding: padding)
    }

    func callAsFunction(_ x: Tensor) -> Tensor { conv(x) }
}

/// diffusers' `Upsample2D` with a convolution: nearest-neighbour 2× (or to an explicit size),
/// then 3×3 padding 1 (`upsamplers.0.conv`).
struct Upsample2D: Sendable {
    let conv: Conv2d

    init(_ w: WeightScope, channels: Int) {
        conv = Conv2d(w.scope("conv"), in: channels, out: channels, kernel: 3, padding: 1)
    }

    /// - Parameter size: output (height, width) when the skip connection's size is not exactly 2×.
    func callAsFunction(_ x: Tensor, size: (height: Int, width: Int)? = nil) -> Tensor {
        let up = size.map { upsampleNearest(x, height: $0.height, width: $0.width) } ?? upsampleNearest2x(x)
        return conv(up)
    }
}
