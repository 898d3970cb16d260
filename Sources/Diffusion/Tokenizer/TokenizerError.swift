/// Why a tokenizer folder could not be loaded.
public enum TokenizerError: Error, Equatable, CustomStringConvertible {
    /// A required file (vocab.json, merges.txt) is not in the folder.
    case missingFile(String)
    /// A file exists but cannot be used; `reason` says why.
    case malformedFile(String, reason: String)

    /// A sentence naming the file at fault.
    public var description: String {
        switch self {
        case .missingFile(let path): return "tokenizer file not found: \(path)"
        case .malformedFile(let path, let reason): return "malformed tokenizer file \(path): \(reason)"
        }
    }
}
