/// A window (centre and width, in stored pixel values) that maps 16-bit data to display grey,
/// as a radiologist's default window does.
public struct DisplayWindow: Codable, Sendable, Hashable {
    public var center: Double
    public var width: Double

    public init(center: Double, width: Double) {
        self.center = center
        self.width = max(width, 1)
    }

    /// The window spanning the 0.5th to 99.5th percentile of the image's own histogram,
    /// so a few extreme pixels (devices, background) don't flatten the contrast.
    public init(histogram: PixelHistogram, lowerPercentile: Double = 0.005, upperPercentile: Double = 0.995) {
        let low = Double(histogram.percentile(lowerPercentile)), high = Double(histogram.percentile(upperPercentile))
        self.init(center: (low + high) / 2, width: max(high - low, 1))
    }

    /// The 8-bit grey of every 16-bit value (linear ramp, clipped).
    public var table: [UInt8] {
        let low = center - width / 2
        let scale = 255 / width
        return (0...65535).map { value in UInt8(min(max(((Double(value) - low) * scale).rounded(), 0), 255)) }
    }
}
