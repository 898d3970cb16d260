/// How many pixels of a 16-bit image have each value.
public struct PixelHistogram: Sendable, Equatable {
    public private(set) var counts: [Int]
    public private(set) var total: Int

    public init() {
        counts = [Int](repeating: 0, count: 65536)
        total = 0
    }

    public mutating func add(_ pixels: UnsafeBufferPointer<UInt16>) {
        counts.withUnsafeMutableBufferPointer { counts in
            for value in pixels { counts[Int(value)] += 1 }
        }
        total += pixels.count
    }

    public mutating func add(_ other: PixelHistogram) {
        counts.withUnsafeMutableBufferPointer { counts in
            for (value, count) in other.counts.enumerated() where count != 0 { counts[value] += count }
        }
        total += other.total
    }

    /// The histogram of a whole image, read strip by strip.
    public init(of image: GraySource) throws {
        self.init()
        try image.forEachStrip { _, pixels in add(pixels) }
    }

    /// The smallest value with more than `fraction` of the pixels below or at it.
    public func percentile(_ fraction: Double) -> Int {
        let target = Int(Double(total) * fraction)
        var seen = 0
        for (value, count) in counts.enumerated() {
            seen += count
            if seen > target { return value }
        }
        return 65535
    }
}
