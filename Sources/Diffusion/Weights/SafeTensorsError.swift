/// Failures reading a safetensors file; each names the file.
public enum SafeTensorsError: Error, CustomStringConvertible, Equatable {
    case unreadable(String, String)
    case malformedHeader(String, String)
    case unsupportedDType(String, tensor: String, dtype: String)
    case missingTensor(String, tensor: String)
    case notInteger(String, tensor: String, dtype: String)

    public var description: String {
        switch self {
        case let .unreadable(path, why): "\(path): cannot read: \(why)"
        case let .malformedHeader(path, why): "\(path): not a safetensors file: \(why)"
        case let .unsupportedDType(path, tensor, dtype): "\(path): tensor '\(tensor)' has unsupported dtype \(dtype)"
        case let .missingTensor(path, tensor): "\(path): tensor '\(tensor)' is missing"
        case let .notInteger(path, tensor, dtype): "\(path): tensor '\(tensor)' is \(dtype), not an integer type"
        }
    }
}
