import Crypto
import Foundation

/// SHA-256 helpers for content hashes and file checksums.
enum Hashing {
    static func sha256Hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// Hash of a value's canonical JSON (sorted keys), stable across runs and machines.
    static func contentHash<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain value types into JSON cannot fail.
        return sha256Hex(try! encoder.encode(value))
    }
}
