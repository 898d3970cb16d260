/// A config value diffusers accepts either once for every block or as a per-block list
/// (`"attention_head_dim": 8` or `[5, 10, 20, 20]`).
public enum PerBlock<Value: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    /// One value for every block.
    case all(Value)
    /// One value per block.
    case each([Value])

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let one = try? container.decode(Value.self) {
            self = .all(one)
        } else {
            self = .each(try container.decode([Value].self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .all(v): try container.encode(v)
        case let .each(vs): try container.encode(vs)
        }
    }

    /// The value for each of `count` blocks (a list must have exactly `count` entries).
    public func expanded(_ count: Int) -> [Value]? {
        switch self {
        case let .all(v): return Array(repeating: v, count: count)
        case let .each(vs): return vs.count == count ? vs : nil
        }
    }
}

extension KeyedDecodingContainer {
    /// The value at `key`, or `fallback` when the key is absent or null (diffusers' default).
    func value<T: Decodable>(_ key: Key, or fallback: T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? fallback
    }

    /// Distinguishes an absent key (use the default) from an explicit null (no value).
    func optionalValue<T: Decodable>(_ key: Key, defaultWhenAbsent fallback: T?) throws -> T? {
        guard contains(key) else { return fallback }
        if try decodeNil(forKey: key) { return nil }
        return try decode(T.self, forKey: key)
    }
}
