import CVips
import Foundation
import SynthNumerics
import VipsShim

/// Encoders from MedSynth images to files, all through libvips. Each reads its source once,
/// strip by strip, and writes straight to `url`, so exporting an image needs little memory
/// beyond what its source holds; the caller makes the write atomic.
public enum ImageEncoders {
    /// The 16-bit grayscale master PNG, and the histogram of its pixels (taken as rendered
    /// rows stream past, else read back).
    @discardableResult
    public static func png16(_ image: GraySource, to url: URL) throws -> PixelHistogram {
        func save(_ handle: VipsImageHandle) throws {
            guard medsynth_png_save(handle.pointer, url.path, 16) == 0 else { throw VipsError.take("pngsave") }
        }
        guard case .rendered(let rendering) = image else {
            try image.withHandle(save)
            return try PixelHistogram(of: image)
        }
        let seen = try GraySource.withRendered(rendering) { handle, tap in
            try save(handle)
            return tap
        }
        return try seen.histogram ?? PixelHistogram(of: .png(url))
    }

    /// A mask as an 8-bit grayscale PNG (255 inside, 0 outside).
    public static func png8(_ mask: BitMask, to url: URL) throws {
        try Vips.start()
        try mask.words.withUnsafeBufferPointer { words in
            let handle = try VipsImageHandle(medsynth_image_from_bits(words.baseAddress, Int32(mask.width), Int32(mask.height), mask.wordsPerRow),
                                             operation: "expand mask")
            guard medsynth_png_save(handle.pointer, url.path, 8) == 0 else { throw VipsError.take("pngsave") }
        }
    }

    /// A windowed 8-bit JPEG whose long side is at most `longSide` pixels.
    public static func jpegPreview(_ image: GraySource, window: DisplayWindow, longSide: Int, quality: Int = 85, to url: URL) throws {
        try withWindowed(image, window) { full in
            let fitted = try VipsImageHandle(medsynth_fit(full.pointer, Int32(longSide)), operation: "thumbnail")
            guard medsynth_jpeg_save(fitted.pointer, url.path, Int32(quality)) == 0 else { throw VipsError.take("jpegsave") }
        }
    }

    /// A tiled pyramidal TIFF of the 16-bit master (256 px tiles, deflate).
    public static func tiffPyramid(_ image: GraySource, to url: URL) throws {
        try image.withHandle { handle in
            guard medsynth_tiff_pyramid_save(handle.pointer, url.path) == 0 else { throw VipsError.take("tiffsave") }
        }
    }

    /// Deep-zoom tiles (google layout `{z}/{y}/{x}.jpg`, 256 px) of the windowed image, written
    /// into `folder`, which must not exist. The caller renames it into place.
    public static func deepZoomTiles(_ image: GraySource, window: DisplayWindow, into folder: URL, quality: Int = 85) throws {
        // Windowed to 8 bits first: dzsave would drop the low byte of 16-bit data.
        try withWindowed(image, window) { handle in
            guard medsynth_dzsave_google(handle.pointer, folder.path, Int32(quality)) == 0 else { throw VipsError.take("dzsave") }
        }
    }

    /// The windowed 8-bit view, computed by libvips strip by strip through the window's table.
    private static func withWindowed(_ image: GraySource, _ window: DisplayWindow, _ body: (VipsImageHandle) throws -> Void) throws {
        let table = window.table
        try image.withHandle { handle in
            try body(try VipsImageHandle(medsynth_map_u16_to_u8(handle.pointer, table), operation: "window"))
        }
    }
}

/// Decoders for files MedSynth wrote itself.
public enum ImageDecoders {
    /// Reads a 16-bit grayscale PNG master back into pixels.
    public static func png16(at url: URL) throws -> GrayImage16 { try gray(at: url) }

    /// Reads an 8-bit grayscale PNG (a mask) back into pixels.
    public static func png8(at url: URL) throws -> Raster<UInt8> { try gray(at: url) }

    private static func gray<Pixel: FixedWidthInteger & UnsignedInteger>(at url: URL) throws -> Raster<Pixel> {
        try Vips.start()
        var pointer: UnsafeMutableRawPointer?
        var width: Int32 = 0, height: Int32 = 0
        guard medsynth_load_gray(url.path, Int32(Pixel.bitWidth), &pointer, &width, &height) == 0, let pointer else { throw VipsError.take("pngload") }
        defer { g_free(pointer) }
        let count = Int(width) * Int(height)
        return Raster(width: Int(width), height: Int(height), pixels: Array(UnsafeBufferPointer(start: pointer.assumingMemoryBound(to: Pixel.self), count: count)))
    }
}
