import Yams

/// Settings of the built-in `phantom` generator.
public struct PhantomOptions: Codable, Sendable, Hashable {
    /// Multiplies the detector's quantum noise: 0 gives a noise-free image, 2 a low-dose look.
    public var noise: Double

    public init(noise: Double = 1) { self.noise = noise }

    public static let noiseRange = 0.0...4.0
}

/// The `phantom:` mapping as read from YAML; a prompt overrides the site's defaults key by key.
struct PhantomFields {
    var noise: Double?

    static let keys = ["noise"]

    static func read(_ node: Node, reader: NodeReader) throws -> PhantomFields {
        var fields = PhantomFields()
        for (key, keyNode, value) in try reader.pairs(node, what: "'phantom'") {
            guard keys.contains(key) else { throw reader.unknownKey(key, at: keyNode, known: keys) }
            guard case .scalar = value, let number = value.float, number.isFinite else {
                throw reader.error(value, "'phantom.noise' must be a number such as 1.5, found \(reader.describe(value))")
            }
            let range = PhantomOptions.noiseRange
            guard range.contains(number) else {
                throw reader.error(value, "'phantom.noise' is \(number), outside \(range.lowerBound)…\(range.upperBound)")
            }
            fields.noise = number
        }
        return fields
    }

    func merged(over defaults: PhantomFields?) -> PhantomFields {
        PhantomFields(noise: noise ?? defaults?.noise)
    }

    var options: PhantomOptions { PhantomOptions(noise: noise ?? 1) }
}
