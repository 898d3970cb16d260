import CVips
import Foundation
import SynthNumerics
import VipsShim

/// A 16-bit grayscale image as the exports read it: pixels in memory, rows rendered on
/// demand, or a 16-bit PNG decoded strip by strip. Every export reads its source once, top to
/// bottom, so an image held by a renderer or a file is never whole in memory.
public enum GraySource: Sendable {
    case memory(GrayImage16)
    case rendered(any RowRendering)
    /// A 16-bit grayscale PNG, such as a master written by `ImageEncoders.png16`.
    case png(URL)

    /// Width and height in pixels (a PNG's are read from its header).
    public func size() throws -> (width: Int, height: Int) {
        switch self {
        case .memory(let image): return (image.width, image.height)
        case .rendered(let rendering): return (rendering.width, rendering.height)
        case .png: return try withHandle { ($0.width, $0.height) }
        }
    }

    /// Runs `body` with a new libvips view of the image, valid only inside `body`.
    func withHandle<T>(_ body: (VipsImageHandle) throws -> T) throws -> T {
        try Vips.start()
        switch self {
        case .memory(let image):
            return try image.pixels.withUnsafeBufferPointer { pixels in
                try body(try VipsImageHandle(medsynth_wrap_u16(pixels.baseAddress, Int32(image.width), Int32(image.height)),
                                             operation: "wrap 16-bit pixels"))
            }
        case .rendered(let rendering):
            return try Self.withRendered(rendering) { handle, _ in try body(handle) }
        case .png(let url):
            let handle = try VipsImageHandle(medsynth_load_sequential(url.path), operation: "pngload")
            guard vips_image_get_format(handle.pointer) == VIPS_FORMAT_USHORT, vips_image_get_bands(handle.pointer) == 1 else {
                throw VipsError(operation: "pngload", message: "\(url.path) is not a 1-band 16-bit image")
            }
            return try body(handle)
        }
    }

    /// Runs `body` with a libvips view of rows rendered on demand and the tap that sees them.
    static func withRendered<T>(_ rendering: any RowRendering, _ body: (VipsImageHandle, RenderedRowsTap) throws -> T) throws -> T {
        let tap = RenderedRowsTap(rendering)
        let callbacks = medsynth_rows_callbacks(
            context: Unmanaged.passUnretained(tap).toOpaque(),
            start: { context in
                let tap = Unmanaged<RenderedRowsTap>.fromOpaque(context!).takeUnretainedValue()
                return Unmanaged.passRetained(RowWriterBox(tap)).toOpaque()
            },
            fill: { state, top, count, pixels in
                Unmanaged<RowWriterBox>.fromOpaque(state!).takeUnretainedValue().write(Int(top)..<Int(top + count), pixels!)
            },
            stop: { state in
                let box = Unmanaged<RowWriterBox>.fromOpaque(state!)
                box.takeUnretainedValue().finish()
                box.release()
            })
        return try withExtendedLifetime(tap) {
            let handle = try VipsImageHandle(medsynth_image_from_rows(Int32(rendering.width), Int32(rendering.height), callbacks),
                                             operation: "rendered rows")
            return try body(handle, tap)
        }
    }

    /// Calls `body` with successive strips of whole rows, top to bottom: the strip's row range
    /// and its samples, row after row.
    public func forEachStrip(_ body: (Range<Int>, UnsafeBufferPointer<UInt16>) throws -> Void) throws {
        if case .memory(let image) = self {
            let rowsPerStrip = max(1, (1 << 20) / max(1, image.width))
            try image.pixels.withUnsafeBufferPointer { pixels in
                for top in stride(from: 0, to: image.height, by: rowsPerStrip) {
                    let rows = top..<min(image.height, top + rowsPerStrip)
                    try body(rows, UnsafeBufferPointer(rebasing: pixels[rows.lowerBound * image.width ..< rows.upperBound * image.width]))
                }
            }
            return
        }
        try withHandle { handle in
            let width = handle.width
            try withoutActuallyEscaping(body) { body in
                let sink = StripSink(width: width, body: body)
                let status = medsynth_each_strip_u16(handle.pointer, { context, top, count, pixels, stride in
                    Unmanaged<StripSink>.fromOpaque(context!).takeUnretainedValue()
                        .take(top: Int(top), count: Int(count), pixels: pixels!, stride: stride)
                }, Unmanaged.passUnretained(sink).toOpaque())
                if let error = sink.error { throw error }
                guard status == 0 else { throw VipsError.take("read strips") }
            }
        }
    }
}

/// Keeps a renderer reachable from libvips' C callbacks and takes the histogram of the rows
/// as they pass, which an encoder that reads every row once gets for free.
final class RenderedRowsTap: @unchecked Sendable {
    let rendering: any RowRendering
    private let lock = NSLock()
    private var seen: [Bool]
    private var seenCount = 0
    private var repeated = false
    private var merged = PixelHistogram()

    init(_ rendering: any RowRendering) {
        self.rendering = rendering
        seen = [Bool](repeating: false, count: rendering.height)
    }

    func record(_ rows: Range<Int>) {
        lock.withLock {
            for j in rows {
                if seen[j] { repeated = true } else { seen[j] = true; seenCount += 1 }
            }
        }
    }

    func merge(_ histogram: PixelHistogram) { lock.withLock { merged.add(histogram) } }

    /// The histogram of the whole image once every row has passed exactly once, else nil.
    var histogram: PixelHistogram? {
        lock.withLock {
            !repeated && seenCount == rendering.height && merged.total == rendering.width * rendering.height ? merged : nil
        }
    }
}

/// One libvips worker thread's row writer, with the histogram of the rows it rendered.
private final class RowWriterBox {
    let tap: RenderedRowsTap
    let writer: RowWriter
    var histogram = PixelHistogram()

    init(_ tap: RenderedRowsTap) {
        self.tap = tap
        writer = tap.rendering.makeRowWriter()
    }

    func write(_ rows: Range<Int>, _ pixels: UnsafeMutablePointer<UInt16>) {
        writer(rows, pixels)
        tap.record(rows)
        histogram.add(UnsafeBufferPointer(start: pixels, count: rows.count * tap.rendering.width))
    }

    func finish() { tap.merge(histogram) }
}

/// Hands libvips' strips to a Swift closure as contiguous rows and keeps its first error.
/// libvips calls it from one background thread while the caller waits.
private final class StripSink {
    let width: Int
    let body: (Range<Int>, UnsafeBufferPointer<UInt16>) throws -> Void
    var error: Error?
    private var packed: [UInt16] = []

    init(width: Int, body: @escaping (Range<Int>, UnsafeBufferPointer<UInt16>) throws -> Void) {
        self.width = width
        self.body = body
    }

    func take(top: Int, count: Int, pixels: UnsafePointer<UInt16>, stride: Int) -> Int32 {
        do {
            let rows = top..<top + count
            if stride == width {
                try body(rows, UnsafeBufferPointer(start: pixels, count: count * width))
            } else {
                packed.removeAll(keepingCapacity: true)
                for y in 0..<count { packed.append(contentsOf: UnsafeBufferPointer(start: pixels + y * stride, count: width)) }
                try packed.withUnsafeBufferPointer { try body(rows, $0) }
            }
            return 0
        } catch {
            self.error = error
            return -1
        }
    }
}
