import Foundation
import SynthNumerics

/// Writes safetensors files: F32 tensors and I64 integer tensors, names sorted, data 8-byte aligned.
/// Used for test data and for dumping intermediate tensors to compare with Python.
public enum SafeTensorsWriter {
    /// One tensor to write.
    public enum Item {
        /// Float32 data.
        case float(Tensor)
        /// Float16 data (rounded to nearest even), for exercising half-precision checkpoints.
        case half(Tensor)
        /// Int64 data with a shape.
        case int64([Int], shape: [Int])
    }

    /// Serializes `tensors` (and optional string metadata) to `url`, replacing any file there.
    public static func write(_ tensors: [String: Item], metadata: [String: String] = [:], to url: URL) throws {
        var header: [String: Any] = [:]
        if !metadata.isEmpty { header["__metadata__"] = metadata }
        var payload = Data()
        for name in tensors.keys.sorted() {
            let begin = payload.count
            let dtype: String, shape: [Int]
            switch tensors[name]! {
            case let .float(t):
                dtype = "F32"; shape = t.shape
                t.storage.withUnsafeBytes { payload.append(contentsOf: $0) }
            case let .half(t):
                dtype = "F16"; shape = t.shape
                let halves = t.storage.map { Float16($0).bitPattern.littleEndian }
                halves.withUnsafeBytes { payload.append(contentsOf: $0) }
            case let .int64(values, s):
                dtype = "I64"; shape = s
                precondition(values.count == s.reduce(1, *), "int64 tensor '\(name)' has \(values.count) values for shape \(s)")
                values.map { Int64($0).littleEndian }.withUnsafeBytes { payload.append(contentsOf: $0) }
            }
            header[name] = ["dtype": dtype, "shape": shape, "data_offsets": [begin, payload.count]] as [String: Any]
        }
        var json = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        // Pad the header with spaces so the data starts 8-byte aligned, as the format recommends.
        while (8 + json.count) % 8 != 0 { json.append(0x20) }
        var file = Data()
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { file.append(contentsOf: $0) }
        file.append(json)
        file.append(payload)
        try file.write(to: url, options: .atomic)
    }
}
