import CVips
import Foundation
import SynthNumerics
import VipsShim

/// Encoders from MedSynth rasters to file bytes, all through libvips.
/// They return bytes so the build engine can write every file atomically.
public enum ImageEncoders {
    /// The 16-bit grayscale master PNG.
    public static func png16(_ image: GrayImage16) throws -> Data {
        try Vips.start()
        let handle = try image.pixels.withUnsafeBufferPointer {
            try VipsImageHandle(medsynth_image_from_u16($0.baseAddress, Int32(image.width), Int32(image.height)), operation: "load 16-bit pixels")
        }
        return try handle.encode("pngsave") { medsynth_png_buffer($0, 16, $1, $2) }
    }

    /// An 8-bit grayscale PNG (masks).
    public static func png8(_ image: Mask8) throws -> Data {
        try Vips.start()
        let handle = try image.pixels.withUnsafeBufferPointer {
            try VipsImageHandle(medsynth_image_from_u8($0.baseAddress, Int32(image.width), Int32(image.height)), operation: "load 8-bit pixels")
        }
        return try handle.encode("pngsave") { medsynth_png_buffer($0, 8, $1, $2) }
    }

    /// A windowed 8-bit JPEG whose long side is at most `longSide` pixels.
    public static func jpegPreview(_ image: GrayImage16, window: DisplayWindow, longSide: Int, quality: Int = 85) throws -> Data {
        try Vips.start()
        let display = window.apply(to: image)
        let full = try display.pixels.withUnsafeBufferPointer {
            try VipsImageHandle(medsynth_image_from_u8($0.baseAddress, Int32(display.width), Int32(display.height)), operation: "load 8-bit pixels")
        }
        let fitted = try VipsImageHandle(medsynth_fit(full.pointer, Int32(longSide)), operation: "thumbnail")
        return try fitted.encode("jpegsave") { medsynth_jpeg_buffer($0, Int32(quality), $1, $2) }
    }
}

extension ImageEncoders {
    /// A tiled pyramidal TIFF of the 16-bit master (256 px tiles, deflate).
    public static func tiffPyramid(_ image: GrayImage16) throws -> Data {
        try Vips.start()
        let handle = try image.pixels.withUnsafeBufferPointer {
            try VipsImageHandle(medsynth_image_from_u16($0.baseAddress, Int32(image.width), Int32(image.height)), operation: "load 16-bit pixels")
        }
        return try handle.encode("tiffsave") { medsynth_tiff_pyramid_buffer($0, $1, $2) }
    }

    /// Deep-zoom tiles (google layout `{z}/{y}/{x}.jpg`, 256 px) of the windowed image, written
    /// into `folder`, which must not exist. The caller renames it into place.
    public static func deepZoomTiles(_ image: GrayImage16, window: DisplayWindow, into folder: URL, quality: Int = 85) throws {
        try Vips.start()
        // Windowed and cast to 8 bits here: dzsave would drop the low byte of 16-bit data.
        let display = window.apply(to: image)
        let handle = try display.pixels.withUnsafeBufferPointer {
            try VipsImageHandle(medsynth_image_from_u8($0.baseAddress, Int32(display.width), Int32(display.height)), operation: "load 8-bit pixels")
        }
        guard medsynth_dzsave_google(handle.pointer, folder.path, Int32(quality)) == 0 else { throw VipsError.take("dzsave") }
    }
}

/// Decoders for files MedSynth wrote itself.
public enum ImageDecoders {
    /// Reads a 16-bit grayscale PNG master back into pixels.
    public static func png16(at url: URL) throws -> GrayImage16 {
        try Vips.start()
        var pointer: UnsafeMutablePointer<UInt16>?
        var width: Int32 = 0, height: Int32 = 0
        guard medsynth_load_png16(url.path, &pointer, &width, &height) == 0, let pointer else { throw VipsError.take("pngload") }
        defer { g_free(pointer) }
        let count = Int(width) * Int(height)
        return GrayImage16(width: Int(width), height: Int(height), pixels: Array(UnsafeBufferPointer(start: pointer, count: count)))
    }
}
