import Diffusion
import Foundation
import XCTest

/// Loads the JSON references in `Tests/DiffusionTests/Fixtures/` (written by
/// scripts/diffusion/make_fixtures.py with torch, diffusers and transformers).
/// Floats there are exact decimals of float32 values; `JSONDecoder` parses them exactly.
enum ReferenceFixtures {
    /// The fixtures folder, found from this file's path so tests run from any directory.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// A fixture file or folder, skipping the test when it has not been generated.
    static func url(_ relativePath: String) throws -> URL {
        let url = directory.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw XCTSkip("fixture \(relativePath) not generated (scripts/diffusion/make_fixtures.py)")
        }
        return url
    }

    /// Decodes a JSON fixture.
    static func load<T: Decodable>(_ type: T.Type, from relativePath: String) throws -> T {
        let data = try Data(contentsOf: url(relativePath))
        return try JSONDecoder().decode(T.self, from: data)
    }
}

// MARK: tokenizer-reference.json

struct TokenizerReference: Decodable {
    struct Text: Decodable {
        let text: String
        let sd1_tokens: [String]
        let sd1_ids: [Int]
        let sd1_input_ids: [Int]
        let sd2_tokens: [String]
        let sd2_ids: [Int]
        let sd2_input_ids: [Int]
    }

    let model_max_length: Int
    let bos_token_id: Int
    let eos_token_id: Int
    let sd1_pad_token_id: Int
    let sd2_pad_token_id: Int
    let texts: [Text]
}

// MARK: randn-reference.json

struct RandnReference: Decodable {
    struct Single: Decodable {
        let seed: UInt64
        let shape: [Int]
        let values: [Float]
    }

    struct Call: Decodable {
        let shape: [Int]
        let values: [Float]
    }

    struct Sequence: Decodable {
        let seed: UInt64
        let calls: [Call]
    }

    let single: [Single]
    let sequences: [Sequence]
}

// MARK: scheduler-reference.json

struct SchedulerReference: Decodable {
    struct Entry: Decodable {
        let scheduler: String
        let config_name: String
        let prediction_type: String
        let timestep_spacing: String
        let steps: Int
        let timesteps: [Double]
        let sigmas: [Float]?
        let init_noise_sigma: Float
        let loop_initial_sample: [Float]?
        let loop_samples: [[Float]]?
    }

    struct AddNoise: Decodable {
        struct Case: Decodable {
            let scheduler: String
            let config_name: String
            let timestep_spacing: String
            let steps: Int
            let timestep: Double
            let result: [Float]
        }

        let original: [Float]
        let noise: [Float]
        let cases: [Case]
    }

    let alphas_cumprod: [Float]
    let entries: [Entry]
    let add_noise: AddNoise
}

// MARK: <model>-reference.json (the pipeline cases' schedules)

struct PipelineReference: Decodable {
    struct Case: Decodable {
        let name: String
        let scheduler: String
        let scheduler_config: [String: JSONConfigValue]
        let steps: Int
        let timesteps: [Double]
        let init_noise_sigma: Float
    }

    let cases: [Case]
}
