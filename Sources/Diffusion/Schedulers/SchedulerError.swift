/// Why a scheduler could not be built or stepped.
public enum SchedulerError: Error, Equatable, CustomStringConvertible {
    /// The config file does not exist or cannot be read.
    case missingConfig(file: String)
    /// The config file is not a JSON object.
    case malformedConfig(file: String, reason: String)
    /// `_class_name` (or the requested name) is not a scheduler this runtime implements.
    case unsupportedScheduler(name: String, supported: [String])
    /// A config key has a value this runtime does not implement.
    case unsupportedOption(scheduler: String, key: String, value: String)
    /// A config key has a value of the wrong type.
    case invalidOption(key: String, value: String, expected: String)
    /// `setTimesteps` was given a step count the scheduler cannot produce.
    case invalidStepCount(Int, reason: String)

    /// A sentence naming the file, key or value at fault.
    public var description: String {
        switch self {
        case .missingConfig(let file):
            return "scheduler config not found: \(file)"
        case .malformedConfig(let file, let reason):
            return "malformed scheduler config \(file): \(reason)"
        case .unsupportedScheduler(let name, let supported):
            return "unsupported scheduler \"\(name)\"; supported: \(supported.joined(separator: ", "))"
        case .unsupportedOption(let scheduler, let key, let value):
            return "\(scheduler): unsupported \(key) = \(value)"
        case .invalidOption(let key, let value, let expected):
            return "scheduler config key \(key) is \(value), expected \(expected)"
        case .invalidStepCount(let count, let reason):
            return "cannot schedule \(count) inference steps: \(reason)"
        }
    }
}
