/// float32 tensor operations whose exact rounding diffusers' noise schedules inherit
/// from PyTorch's CPU kernels (checked against torch 2.x on x86-64).
enum TorchFloat32 {
    /// `torch.linspace(start, end, steps, dtype=torch.float32)`: the step is computed in float,
    /// the first half counts up from `start` and the second half down from `end`, each value
    /// with one fused multiply-add, the way ATen's linspace kernel is compiled.
    static func linspace(_ start: Double, _ end: Double, _ steps: Int) -> [Float] {
        guard steps > 0 else { return [] }
        let first = Float(start), last = Float(end)
        guard steps > 1 else { return [first] }
        let step = (last - first) / Float(steps - 1)
        let halfway = steps / 2
        return (0..<steps).map { index in
            index < halfway
                ? first.addingProduct(step, Float(index))
                : last.addingProduct(-step, Float(steps - index - 1))
        }
    }

    /// `torch.cumprod(x, 0)` on float32: the running product is kept in double
    /// (ATen's accumulate type for float on the CPU) and rounded to float at each element.
    static func cumulativeProduct(_ values: [Float]) -> [Float] {
        var running = 1.0
        return values.map { value in
            running *= Double(value)
            return Float(running)
        }
    }
}
