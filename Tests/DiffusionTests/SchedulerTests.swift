import Diffusion
import Foundation
import XCTest

/// The schedulers against diffusers 0.39 on the fixtures' SD1 (epsilon) and SD2
/// (v_prediction) scheduler configs: timesteps exactly, sigmas and `init_noise_sigma`
/// within 1e-6 relative, and short sampling loops within 1e-5.
final class SchedulerTests: XCTestCase {
    private static let scheduleTolerance = 1e-6
    private static let loopTolerance = 1e-5

    private func configURL(_ configName: String) throws -> URL {
        try ReferenceFixtures.url("\(configName)-tiny/scheduler/scheduler_config.json")
    }

    /// The scheduler a reference entry describes: the stored config, the entry's spacing, the factory name.
    private func scheduler(name: String, config configName: String, spacing: String, steps: Int) throws -> any Scheduler {
        let config = try SchedulerConfig(contentsOf: configURL(configName))
            .setting("timestep_spacing", to: .string(spacing))
        var scheduler = try makeScheduler(config: config, name: name)
        try scheduler.setTimesteps(steps)
        return scheduler
    }

    private static func sigmas(of scheduler: any Scheduler) -> [Float]? {
        switch scheduler {
        case let euler as EulerDiscreteScheduler: return euler.sigmas
        case let ancestral as EulerAncestralDiscreteScheduler: return ancestral.sigmas
        case let dpm as DPMSolverMultistepScheduler: return dpm.sigmas
        default: return nil
        }
    }

    private static func relativeError(_ value: Double, _ expected: Double) -> Double {
        value == expected ? 0 : abs(value - expected) / max(abs(expected), 1e-30)
    }

    func testTrainingScheduleIsBitExact() throws {
        let reference = try ReferenceFixtures.load(SchedulerReference.self, from: "scheduler-reference.json")
        for name in SchedulerName.allCases {
            let scheduler = try makeScheduler(configURL: configURL("sd1"), name: name.rawValue)
            XCTAssertEqual(scheduler.alphasCumprod.map(\.bitPattern), reference.alphas_cumprod.map(\.bitPattern), name.rawValue)
        }
    }

    func testTimestepsSigmasAndInitialNoiseMatchDiffusers() throws {
        let reference = try ReferenceFixtures.load(SchedulerReference.self, from: "scheduler-reference.json")
        XCTAssertEqual(reference.entries.count, 60)
        var worstSigma = 0.0, worstInit = 0.0
        for entry in reference.entries {
            let label = "\(entry.scheduler) \(entry.config_name) \(entry.timestep_spacing) \(entry.steps)"
            let scheduler = try scheduler(name: entry.scheduler, config: entry.config_name,
                                          spacing: entry.timestep_spacing, steps: entry.steps)
            XCTAssertEqual(scheduler.timesteps, entry.timesteps, label)
            let sigmas = Self.sigmas(of: scheduler)
            XCTAssertEqual(sigmas == nil, entry.sigmas == nil, label)
            if let sigmas, let expected = entry.sigmas {
                XCTAssertEqual(sigmas.count, expected.count, label)
                for (value, want) in zip(sigmas, expected) {
                    let error = Self.relativeError(Double(value), Double(want))
                    worstSigma = max(worstSigma, error)
                    XCTAssertLessThanOrEqual(error, Self.scheduleTolerance, "\(label): sigma \(value) vs \(want)")
                }
            }
            let error = Self.relativeError(Double(scheduler.initNoiseSigma), Double(entry.init_noise_sigma))
            worstInit = max(worstInit, error)
            XCTAssertLessThanOrEqual(error, Self.scheduleTolerance, "\(label): init_noise_sigma")
        }
        print("scheduler reference: worst sigma relative error \(worstSigma), init_noise_sigma \(worstInit)")
    }

    func testSamplingLoopsMatchDiffusers() throws {
        let reference = try ReferenceFixtures.load(SchedulerReference.self, from: "scheduler-reference.json")
        var loops = 0, worst = 0.0
        for entry in reference.entries {
            guard let initial = entry.loop_initial_sample, let expected = entry.loop_samples else { continue }
            let label = "\(entry.scheduler) \(entry.config_name) \(entry.timestep_spacing) \(entry.steps)"
            var scheduler = try scheduler(name: entry.scheduler, config: entry.config_name,
                                          spacing: entry.timestep_spacing, steps: entry.steps)
            var generator = TorchGenerator(seed: 7)
            var sample = initial
            XCTAssertEqual(expected.count, scheduler.timesteps.count, label)
            for (index, timestep) in scheduler.timesteps.enumerated() {
                let input = scheduler.scaleModelInput(sample, step: index)
                // model_output = sin(x * 0.5 + t / 1000) in float32, as the reference loop computes it.
                let shift = Float(timestep) / 1000
                let output = input.map { Foundation.sin($0 * 0.5 + shift) }
                sample = scheduler.step(modelOutput: output, step: index, sample: sample, generator: &generator)
                for (value, want) in zip(sample, expected[index]) {
                    let error = Double(abs(value - want)) / max(1, Double(abs(want)))
                    worst = max(worst, error)
                    XCTAssertLessThanOrEqual(error, Self.loopTolerance, "\(label) step \(index): \(value) vs \(want)")
                }
            }
            loops += 1
        }
        XCTAssertGreaterThan(loops, 0)
        print("scheduler reference: \(loops) loops, worst error \(worst)")
    }

    func testAddNoiseMatchesDiffusers() throws {
        let reference = try ReferenceFixtures.load(SchedulerReference.self, from: "scheduler-reference.json")
        let cases = reference.add_noise.cases
        XCTAssertFalse(cases.isEmpty)
        var worst = 0.0
        for item in cases {
            let scheduler = try scheduler(name: item.scheduler, config: item.config_name,
                                          spacing: item.timestep_spacing, steps: item.steps)
            let step = try XCTUnwrap(scheduler.timesteps.firstIndex(of: item.timestep), item.scheduler)
            let noisy = scheduler.addNoise(original: reference.add_noise.original, noise: reference.add_noise.noise, step: step)
            XCTAssertEqual(noisy.count, item.result.count, item.scheduler)
            for (value, want) in zip(noisy, item.result) {
                let error = Double(abs(value - want)) / max(1, Double(abs(want)))
                worst = max(worst, error)
                XCTAssertLessThanOrEqual(error, Self.loopTolerance, item.scheduler)
            }
        }
        print("scheduler reference: add_noise worst error \(worst)")
    }

    func testPipelineCaseSchedulesMatchDiffusers() throws {
        for model in ["sd1", "sd2"] {
            let reference = try ReferenceFixtures.load(PipelineReference.self, from: "\(model)-tiny-reference.json")
            XCTAssertFalse(reference.cases.isEmpty)
            for item in reference.cases {
                let label = "\(model) \(item.name) \(item.scheduler)"
                // The resolved config diffusers recorded, built by its own class name...
                var values = item.scheduler_config
                guard case .string(let className)? = values.removeValue(forKey: "_class_name") else {
                    return XCTFail("\(label): no _class_name")
                }
                var direct = try makeScheduler(config: SchedulerConfig(className: className, values: values), name: nil)
                try direct.setTimesteps(item.steps)
                XCTAssertEqual(direct.className, className, label)
                XCTAssertEqual(direct.timesteps, item.timesteps, label)
                XCTAssertEqual(direct.initNoiseSigma, item.init_noise_sigma, accuracy: item.init_noise_sigma * 1e-6, label)
                // ...and the stored config with the prompt-file name and the case's spacing.
                guard case .string(let spacing)? = values["timestep_spacing"] else { return XCTFail("\(label): no spacing") }
                let named = try scheduler(name: item.scheduler, config: model, spacing: spacing, steps: item.steps)
                XCTAssertEqual(named.className, className, label)
                XCTAssertEqual(named.timesteps, item.timesteps, label)
            }
        }
    }

    func testNilNameUsesTheConfigsClass() throws {
        let scheduler = try makeScheduler(configURL: configURL("sd2").deletingLastPathComponent(), name: nil)
        XCTAssertEqual(scheduler.className, "DDIMScheduler")
        XCTAssertEqual(try makeScheduler(configURL: configURL("sd1"), name: "DPM++2M-Karras").className,
                       "DPMSolverMultistepScheduler")
    }

    func testUnsupportedNamesAndOptionsAreClearErrors() throws {
        let config = try SchedulerConfig(contentsOf: configURL("sd1"))
        XCTAssertThrowsError(try makeScheduler(config: config, name: "heun")) { error in
            XCTAssertTrue("\(error)".contains("heun") && "\(error)".contains("dpm++2m-karras"), "\(error)")
        }
        var pndm = config
        pndm.className = "PNDMScheduler"
        XCTAssertThrowsError(try makeScheduler(config: pndm, name: nil)) { error in
            XCTAssertTrue("\(error)".contains("PNDMScheduler"), "\(error)")
        }
        XCTAssertThrowsError(try makeScheduler(config: config.setting("thresholding", to: .bool(true)), name: "ddim")) { error in
            XCTAssertTrue("\(error)".contains("thresholding"), "\(error)")
        }
        XCTAssertThrowsError(try makeScheduler(config: config.setting("timestep_spacing", to: .string("karras")), name: "euler"))
        XCTAssertThrowsError(try DPMSolverMultistepScheduler(config: config.setting("solver_order", to: .number(3))))
        XCTAssertThrowsError(try makeScheduler(configURL: URL(fileURLWithPath: "/nonexistent/scheduler"), name: nil)) { error in
            XCTAssertTrue("\(error)".contains("/nonexistent/scheduler"), "\(error)")
        }
        XCTAssertThrowsError(try SchedulerConfig(data: Data("[1, 2]".utf8), source: "bad.json")) { error in
            XCTAssertTrue("\(error)".contains("bad.json"), "\(error)")
        }
    }

    func testNonFiniteConfigValuesAreAccepted() throws {
        let json = #"{"_class_name": "DPMSolverMultistepScheduler", "lambda_min_clipped": -Infinity, "beta_schedule": "scaled_linear", "beta_start": 0.00085, "beta_end": 0.012}"#
        var scheduler = try makeScheduler(config: SchedulerConfig(data: Data(json.utf8)), name: nil)
        try scheduler.setTimesteps(10)
        XCTAssertEqual(scheduler.timesteps.count, 10)
        let quoted = try SchedulerConfig(data: Data(#"{"lambda_min_clipped": "-inf"}"#.utf8))
        XCTAssertNoThrow(try DPMSolverMultistepScheduler(config: quoted))
    }
}
