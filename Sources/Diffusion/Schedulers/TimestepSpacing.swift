/// diffusers' `timestep_spacing`: how inference steps are picked from the training timesteps.
enum TimestepSpacing: String, Sendable {
    case leading, trailing, linspace

    init(config: SchedulerConfig, scheduler: String, default fallback: TimestepSpacing) throws {
        let raw = try config.string("timestep_spacing", default: fallback.rawValue)
        guard let spacing = TimestepSpacing(rawValue: raw) else {
            throw SchedulerError.unsupportedOption(scheduler: scheduler, key: "timestep_spacing", value: "\"\(raw)\"")
        }
        self = spacing
    }
}

/// How a model's output is to be read (`prediction_type`).
enum PredictionType: String, Sendable {
    case epsilon
    case vPrediction = "v_prediction"
    case sample

    init(config: SchedulerConfig, scheduler: String, allowed: [PredictionType]) throws {
        let raw = try config.string("prediction_type", default: "epsilon")
        // "original_sample" is an old spelling of "sample".
        let normalized = raw == "original_sample" ? "sample" : raw
        guard let type = PredictionType(rawValue: normalized), allowed.contains(type) else {
            throw SchedulerError.unsupportedOption(scheduler: scheduler, key: "prediction_type", value: "\"\(raw)\"")
        }
        self = type
    }
}

/// diffusers' `final_sigmas_type`: the sigma appended after the last step.
enum FinalSigmaType: String, Sendable {
    case zero
    case sigmaMin = "sigma_min"

    init(config: SchedulerConfig, scheduler: String) throws {
        let raw = try config.string("final_sigmas_type", default: "zero")
        guard let type = FinalSigmaType(rawValue: raw) else {
            throw SchedulerError.unsupportedOption(scheduler: scheduler, key: "final_sigmas_type", value: "\"\(raw)\"")
        }
        self = type
    }

    /// The appended sigma: 0, or the training sigma of timestep 0 (a float32 tensor in diffusers).
    func value(in schedule: NoiseSchedule) -> Float {
        switch self {
        case .zero: return 0
        case .sigmaMin: return schedule.trainSigma(at: 0)
        }
    }
}
