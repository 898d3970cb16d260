import SynthNumerics

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
    public static func fromHistogram(of image: GrayImage16, lowerPercentile: Double = 0.005, upperPercentile: Double = 0.995) -> DisplayWindow {
        var histogram = [Int](repeating: 0, count: 65536)
        image.pixels.withUnsafeBufferPointer { pixels in
            for value in pixels { histogram[Int(value)] += 1 }
        }
        let total = image.pixels.count
        func percentile(_ fraction: Double) -> Int {
            let target = Int(Double(total) * fraction)
            var seen = 0
            for (value, count) in histogram.enumerated() {
                seen += count
                if seen > target { return value }
            }
            return 65535
        }
        let low = Double(percentile(lowerPercentile)), high = Double(percentile(upperPercentile))
        return DisplayWindow(center: (low + high) / 2, width: max(high - low, 1))
    }

    /// The 8-bit grey of every 16-bit value (linear ramp, clipped).
    public var table: [UInt8] {
        let low = center - width / 2
        let scale = 255 / width
        return (0...65535).map { value in UInt8(min(max(((Double(value) - low) * scale).rounded(), 0), 255)) }
    }
}
