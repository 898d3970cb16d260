import Foundation

/// A JSON value from a diffusers or transformers config file (scheduler_config.json,
/// tokenizer_config.json), kept as parsed.
public enum JSONConfigValue: Sendable, Equatable, Decodable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// Any number, as a double.
    case number(Double)
    /// A string.
    case string(String)
    /// A list.
    case array([JSONConfigValue])
    /// An object.
    case object([String: JSONConfigValue])

    /// Decodes any JSON value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONConfigValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONConfigValue].self))
        }
    }
}
