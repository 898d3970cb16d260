/// A binary mask packed one bit per pixel, each row padded to whole 64-bit words so rows can
/// be written concurrently. An 8192² mask takes 8 MiB instead of the 64 MiB of one byte per
/// pixel, which keeps a render's memory close to its 16-bit image alone.
public struct BitMask: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public let wordsPerRow: Int
    /// Row-major words; bit `x % 64` of word `x / 64` of a row is pixel `x`.
    public private(set) var words: [UInt64]

    public static func wordsPerRow(width: Int) -> Int { (width + 63) / 64 }

    public init(width: Int, height: Int, words: [UInt64]) {
        precondition(words.count == BitMask.wordsPerRow(width: width) * height, "mask words do not match \(width)×\(height)")
        self.width = width
        self.height = height
        self.wordsPerRow = BitMask.wordsPerRow(width: width)
        self.words = words
    }

    public init(width: Int, height: Int) {
        self.init(width: width, height: height, words: [UInt64](repeating: 0, count: BitMask.wordsPerRow(width: width) * height))
    }

    @inline(__always)
    public subscript(x: Int, y: Int) -> Bool {
        get { (words[y * wordsPerRow + (x >> 6)] >> UInt64(x & 63)) & 1 == 1 }
        set {
            let bit: UInt64 = 1 << UInt64(x & 63)
            if newValue { words[y * wordsPerRow + (x >> 6)] |= bit } else { words[y * wordsPerRow + (x >> 6)] &= ~bit }
        }
    }

    /// Number of pixels inside.
    public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// 255 inside, 0 outside, one byte per pixel (for checks on small masks).
    public var pixels: [UInt8] {
        var out = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width where self[x, y] { out[y * width + x] = 255 }
        }
        return out
    }

    /// Packs one row of bytes (nonzero = inside) into the row's words at `words`.
    @inline(__always)
    public static func pack(_ row: UnsafePointer<UInt8>, width: Int, into words: UnsafeMutablePointer<UInt64>) {
        var x = 0, k = 0
        while x < width {
            var word: UInt64 = 0
            let end = min(width, x + 64)
            for i in x..<end where row[i] != 0 { word |= 1 << UInt64(i - x) }
            words[k] = word
            x = end
            k += 1
        }
    }
}
