import Foundation

/// The scheduler names MedSynth prompt files use, and what each means in diffusers terms.
public enum SchedulerName: String, CaseIterable, Sendable {
    /// `DDIMScheduler`.
    case ddim
    /// `EulerDiscreteScheduler` without Karras sigmas.
    case euler
    /// `EulerAncestralDiscreteScheduler`.
    case eulerAncestral = "euler-ancestral"
    /// `DPMSolverMultistepScheduler`, algorithm "dpmsolver++", solver order 2.
    case dpmPlusPlus2M = "dpm++2m"
    /// The same with `use_karras_sigmas`.
    case dpmPlusPlus2MKarras = "dpm++2m-karras"

    /// The diffusers class behind the name.
    public var className: String {
        switch self {
        case .ddim: return "DDIMScheduler"
        case .euler: return "EulerDiscreteScheduler"
        case .eulerAncestral: return "EulerAncestralDiscreteScheduler"
        case .dpmPlusPlus2M, .dpmPlusPlus2MKarras: return "DPMSolverMultistepScheduler"
        }
    }
}

/// The diffusers scheduler classes this runtime implements.
public let supportedSchedulerClasses = [
    "DDIMScheduler", "EulerDiscreteScheduler", "EulerAncestralDiscreteScheduler", "DPMSolverMultistepScheduler",
]

/// Builds a scheduler from a checkpoint's scheduler config, like
/// `SomeScheduler.from_config(pipe.scheduler.config, ...)` in diffusers: the config's noise
/// schedule (betas, prediction type, spacing, offset) is kept whichever class is chosen.
///
/// - Parameter name: one of `SchedulerName` ("ddim", "euler", "euler-ancestral", "dpm++2m",
///   "dpm++2m-karras"), or nil for the class named by the config's `_class_name`.
public func makeScheduler(config: SchedulerConfig, name: String?) throws -> any Scheduler {
    guard let name else {
        guard let className = config.className else {
            throw SchedulerError.unsupportedScheduler(name: "(no _class_name in the config)", supported: supportedSchedulerClasses)
        }
        return try makeScheduler(className: className, config: config)
    }
    guard let chosen = SchedulerName(rawValue: name.lowercased()) else {
        throw SchedulerError.unsupportedScheduler(name: name, supported: SchedulerName.allCases.map(\.rawValue))
    }
    var adjusted = config
    switch chosen {
    case .ddim, .eulerAncestral:
        break
    case .euler:
        adjusted = config.setting("use_karras_sigmas", to: .bool(false))
    case .dpmPlusPlus2M, .dpmPlusPlus2MKarras:
        adjusted = config
            .setting("algorithm_type", to: .string("dpmsolver++"))
            .setting("solver_order", to: .number(2))
            .setting("use_karras_sigmas", to: .bool(chosen == .dpmPlusPlus2MKarras))
    }
    return try makeScheduler(className: chosen.className, config: adjusted)
}

/// Reads `scheduler_config.json` (a file, or the `scheduler/` folder holding it) and builds a scheduler.
public func makeScheduler(configURL: URL, name: String?) throws -> any Scheduler {
    try makeScheduler(config: SchedulerConfig(contentsOf: configURL), name: name)
}

private func makeScheduler(className: String, config: SchedulerConfig) throws -> any Scheduler {
    switch className {
    case "DDIMScheduler": return try DDIMScheduler(config: config)
    case "EulerDiscreteScheduler": return try EulerDiscreteScheduler(config: config)
    case "EulerAncestralDiscreteScheduler": return try EulerAncestralDiscreteScheduler(config: config)
    case "DPMSolverMultistepScheduler": return try DPMSolverMultistepScheduler(config: config)
    default: throw SchedulerError.unsupportedScheduler(name: className, supported: supportedSchedulerClasses)
    }
}
