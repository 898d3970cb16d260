import Foundation

/// The contents of a diffusers `scheduler/scheduler_config.json`, read the way
/// `SchedulerMixin.from_config` reads it: keys listed in `_use_default_values` are
/// dropped (so the target class's own defaults apply), other keys starting with `_`
/// are metadata, and each scheduler takes the keys it knows and defaults the rest.
public struct SchedulerConfig: Sendable, Equatable {
    /// `_class_name`: the diffusers class the checkpoint was saved with.
    public var className: String?
    /// The configuration keys, without metadata.
    public var values: [String: JSONConfigValue]

    /// A config made in code; `values` use diffusers' key names (e.g. "beta_schedule").
    public init(className: String?, values: [String: JSONConfigValue]) {
        self.className = className
        self.values = values
    }

    /// Parses the JSON text of a scheduler config. `source` names the file in errors.
    public init(data: Data, source: String = "scheduler_config.json") throws {
        let root: JSONConfigValue
        do {
            // diffusers writes non-finite floats as bare `-Infinity`/`NaN`, which JSON5 accepts.
            let decoder = JSONDecoder()
            decoder.allowsJSON5 = true
            root = try decoder.decode(JSONConfigValue.self, from: data)
        } catch {
            throw SchedulerError.malformedConfig(file: source, reason: "not valid JSON (\(error))")
        }
        guard case .object(var object) = root else {
            throw SchedulerError.malformedConfig(file: source, reason: "the top level is not a JSON object")
        }
        if case .array(let defaulted)? = object["_use_default_values"] {
            for case .string(let key) in defaulted { object[key] = nil }
        }
        if case .string(let name)? = object["_class_name"] { className = name } else { className = nil }
        values = object.filter { !$0.key.hasPrefix("_") }
    }

    /// Reads `scheduler_config.json` from a file, or from a folder that holds one.
    public init(contentsOf url: URL) throws {
        var isFolder: ObjCBool = false
        var file = url
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
            file = url.appendingPathComponent("scheduler_config.json")
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw SchedulerError.missingConfig(file: file.path)
        }
        try self.init(data: data, source: file.path)
    }

    /// A copy with `key` set, the way keyword arguments to `from_config` override the file.
    public func setting(_ key: String, to value: JSONConfigValue) -> SchedulerConfig {
        var copy = self
        copy.values[key] = value
        return copy
    }

    // MARK: Typed access with the caller's default, null meaning "use the default".

    func double(_ key: String, default fallback: Double) throws -> Double {
        try optionalDouble(key) ?? fallback
    }

    func optionalDouble(_ key: String) throws -> Double? {
        switch values[key] {
        case nil, .null?: return nil
        case .number(let value)?: return value
        // Some Foundation versions decode the numbers 0 and 1 as booleans.
        case .bool(let flag)?: return flag ? 1 : 0
        case .string(let text)?:
            // Non-finite values are sometimes stored as strings ("-inf", "Infinity").
            if let value = Self.nonFinite[text.lowercased()] { return value }
            fallthrough
        default: throw SchedulerError.invalidOption(key: key, value: describe(key), expected: "a number or null")
        }
    }

    private static let nonFinite: [String: Double] = [
        "inf": .infinity, "+inf": .infinity, "infinity": .infinity, "+infinity": .infinity,
        "-inf": -.infinity, "-infinity": -.infinity, "nan": .nan,
    ]

    func int(_ key: String, default fallback: Int) throws -> Int {
        switch values[key] {
        case nil, .null?: return fallback
        case .number(let value)? where value == value.rounded() && abs(value) < 1e15: return Int(value)
        case .bool(let flag)?: return flag ? 1 : 0
        default: throw SchedulerError.invalidOption(key: key, value: describe(key), expected: "an integer")
        }
    }

    func bool(_ key: String, default fallback: Bool) throws -> Bool {
        switch values[key] {
        case nil, .null?: return fallback
        case .bool(let value)?: return value
        // Python treats 0 and 1 as booleans too.
        case .number(let value)? where value == 0 || value == 1: return value == 1
        default: throw SchedulerError.invalidOption(key: key, value: describe(key), expected: "true or false")
        }
    }

    func string(_ key: String, default fallback: String) throws -> String {
        switch values[key] {
        case nil, .null?: return fallback
        case .string(let value)?: return value
        default: throw SchedulerError.invalidOption(key: key, value: describe(key), expected: "a string")
        }
    }

    func optionalString(_ key: String) throws -> String? {
        switch values[key] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        default: throw SchedulerError.invalidOption(key: key, value: describe(key), expected: "a string or null")
        }
    }

    func optionalDoubles(_ key: String) throws -> [Double]? {
        switch values[key] {
        case nil, .null?: return nil
        case .array(let items)?:
            return try items.map { item in
                switch item {
                case .number(let value): return value
                case .bool(let flag): return flag ? 1 : 0
                default: throw SchedulerError.invalidOption(key: key, value: describe(key), expected: "a list of numbers")
                }
            }
        default: throw SchedulerError.invalidOption(key: key, value: describe(key), expected: "a list of numbers or null")
        }
    }

    /// A short rendering of a value for error messages.
    func describe(_ key: String) -> String {
        guard let value = values[key] else { return "missing" }
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return String(n)
        case .string(let s): return "\"\(s)\""
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}
