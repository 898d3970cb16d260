import Foundation
import SynthNumerics

/// One tensor's header entry in a safetensors file.
public struct SafeTensorsEntry: Sendable, Equatable {
    /// The dtype as written in the header (`"F16"`, `"U8"`, …).
    public let dtypeName: String
    /// The dtype, when it is one this reader converts.
    public var dtype: SafeTensorsDType? { SafeTensorsDType(rawValue: dtypeName) }
    /// Extent of each dimension.
    public let shape: [Int]
    /// Absolute byte range of the data in the file.
    public let byteRange: Range<Int>
}

/// A memory-mapped safetensors file: an 8-byte little-endian header length, a JSON header
/// mapping each name to `{dtype, shape, data_offsets}`, then the raw little-endian data.
///
/// Float tensors (F32, F16, BF16, F64) are converted to Float32 when read; I64 and I32 are read
/// as integers (token ids in reference data).
public final class SafeTensorsFile: @unchecked Sendable {
    // Immutable after init; the map is read-only.
    /// Where the file is.
    public let url: URL
    /// Header entry of every tensor, by name.
    public let entries: [String: SafeTensorsEntry]
    /// The optional `__metadata__` string map.
    public let metadata: [String: String]
    private let file: MappedFile

    /// Maps the file and parses its header; throws if the header is malformed or points outside the file.
    public init(contentsOf url: URL) throws {
        self.url = url
        file = try MappedFile(url)
        let bytes = file.bytes
        let path = url.path
        guard bytes.count >= 8 else { throw SafeTensorsError.malformedHeader(path, "shorter than 8 bytes") }
        let headerLength = Int(UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self)))
        guard headerLength > 0, headerLength <= bytes.count - 8 else {
            throw SafeTensorsError.malformedHeader(path, "header length \(headerLength) exceeds the file")
        }
        let json = Data(bytes[8..<(8 + headerLength)])
        guard let header = (try? JSONSerialization.jsonObject(with: json)) as? [String: Any] else {
            throw SafeTensorsError.malformedHeader(path, "header is not a JSON object")
        }
        let dataStart = 8 + headerLength
        let dataLength = bytes.count - dataStart
        var entries: [String: SafeTensorsEntry] = [:]
        var metadata: [String: String] = [:]
        for (name, value) in header {
            if name == "__metadata__" {
                for (k, v) in (value as? [String: Any]) ?? [:] { metadata[k] = v as? String ?? "\(v)" }
                continue
            }
            guard let info = value as? [String: Any],
                  let dtype = info["dtype"] as? String,
                  let shape = (info["shape"] as? [Any])?.compactMap(Self.integer),
                  let offsets = (info["data_offsets"] as? [Any])?.compactMap(Self.integer), offsets.count == 2
            else { throw SafeTensorsError.malformedHeader(path, "entry '\(name)' lacks dtype, shape or data_offsets") }
            guard offsets[0] <= offsets[1], offsets[1] <= dataLength else {
                throw SafeTensorsError.malformedHeader(path, "tensor '\(name)' has data_offsets \(offsets) outside the \(dataLength)-byte data")
            }
            if let known = SafeTensorsDType(rawValue: dtype), offsets[1] - offsets[0] != shape.reduce(1, *) * known.size {
                throw SafeTensorsError.malformedHeader(path, "tensor '\(name)' of shape \(shape) \(dtype) has \(offsets[1] - offsets[0]) bytes")
            }
            entries[name] = SafeTensorsEntry(dtypeName: dtype, shape: shape,
                                             byteRange: (dataStart + offsets[0])..<(dataStart + offsets[1]))
        }
        self.entries = entries
        self.metadata = metadata
    }

    /// Tensor names, sorted.
    public var names: [String] { entries.keys.sorted() }

    /// A floating-point tensor converted to Float32 (integer tensors are converted too, as values).
    public func tensor(_ name: String) throws -> Tensor {
        let entry = try lookup(name)
        guard let dtype = entry.dtype else {
            throw SafeTensorsError.unsupportedDType(url.path, tensor: name, dtype: entry.dtypeName)
        }
        let count = entry.shape.reduce(1, *)
        return Tensor(shape: entry.shape) { out in
            guard count > 0 else { return }
            ElementConversion.toFloat(dtype, file.bytes.baseAddress! + entry.byteRange.lowerBound, count: count,
                                      into: out.baseAddress!)
        }
    }

    /// An I64 or I32 tensor's values, flattened in row-major order.
    public func integers(_ name: String) throws -> [Int] {
        let entry = try lookup(name)
        let base = file.bytes.baseAddress.map { $0 + entry.byteRange.lowerBound }
        let count = entry.shape.reduce(1, *)
        switch entry.dtype {
        case .i64: return (0..<count).map { Int(base!.loadUnaligned(fromByteOffset: 8 * $0, as: Int64.self)) }
        case .i32: return (0..<count).map { Int(base!.loadUnaligned(fromByteOffset: 4 * $0, as: Int32.self)) }
        default: throw SafeTensorsError.notInteger(url.path, tensor: name, dtype: entry.dtypeName)
        }
    }

    private func lookup(_ name: String) throws -> SafeTensorsEntry {
        guard let entry = entries[name] else { throw SafeTensorsError.missingTensor(url.path, tensor: name) }
        return entry
    }

    private static func integer(_ any: Any) -> Int? {
        if let n = any as? Int { return n }
        if let n = any as? NSNumber { return n.intValue }
        return nil
    }
}
