import Crypto
import Foundation

/// SHA-256 helpers for content hashes and file checksums.
enum Hashing {
    static func sha256Hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// SHA-256 and size of a file, read in 1 MiB pieces so large images need no large buffer.
    static func sha256Hex(fileAt url: URL) throws -> (hex: String, bytes: Int) {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        var bytes = 0
        while let piece = try handle.read(upToCount: 1 << 20), !piece.isEmpty {
            hasher.update(data: piece)
            bytes += piece.count
        }
        return (hasher.finalize().map { String(format: "%02x", $0) }.joined(), bytes)
    }

    /// Hash of a value's canonical JSON (sorted keys), stable across runs and machines.
    static func contentHash<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain value types into JSON cannot fail.
        return sha256Hex(try! encoder.encode(value))
    }
}
