import CVips
import Foundation
import VipsShim

/// A libvips failure, with the message libvips gave.
public struct VipsError: Error, CustomStringConvertible {
    public let operation: String
    public let message: String
    public var description: String { "libvips \(operation) failed: \(message)" }

    /// Takes (and clears) libvips' error buffer, which is per-thread-safe to read.
    static func take(_ operation: String) -> VipsError {
        let message = String(cString: vips_error_buffer()).trimmingCharacters(in: .whitespacesAndNewlines)
        vips_error_clear()
        return VipsError(operation: operation, message: message.isEmpty ? "unknown error" : message)
    }
}

/// Starts libvips once per process.
enum Vips {
    private static let started: Result<Void, VipsError> = {
        medsynth_vips_init("medsynth") == 0 ? .success(()) : .failure(VipsError.take("init"))
    }()

    static func start() throws { try started.get() }
}

/// An owned libvips image: released when the Swift value goes away.
final class VipsImageHandle {
    let pointer: UnsafeMutablePointer<VipsImage>

    init(_ pointer: UnsafeMutablePointer<VipsImage>?, operation: String) throws {
        guard let pointer else { throw VipsError.take(operation) }
        self.pointer = pointer
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(pointer)) }

    var width: Int { Int(vips_image_get_width(pointer)) }
    var height: Int { Int(vips_image_get_height(pointer)) }
}
