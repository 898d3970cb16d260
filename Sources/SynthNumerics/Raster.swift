/// A row-major single-channel image: the exchange format between generators and exports.
public struct Raster<Pixel: Sendable>: Sendable {
    public let width: Int
    public let height: Int
    public var pixels: [Pixel]

    public init(width: Int, height: Int, pixels: [Pixel]) {
        precondition(pixels.count == width * height, "raster has \(pixels.count) pixels, expected \(width)×\(height)")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    public init(width: Int, height: Int, filledWith value: Pixel) {
        self.init(width: width, height: height, pixels: Array(repeating: value, count: width * height))
    }

    @inline(__always)
    public subscript(x: Int, y: Int) -> Pixel {
        get { pixels[y * width + x] }
        set { pixels[y * width + x] = newValue }
    }
}

/// A 16-bit grayscale image, MONOCHROME2: higher values are whiter (more attenuation).
public typealias GrayImage16 = Raster<UInt16>
