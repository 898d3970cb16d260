import Diffusion
import Foundation
import SynthNumerics
import XCTest

/// Whole text-to-image runs against diffusers' `StableDiffusionPipeline` on the tiny
/// fixtures: the initial noise, the latents after every step and the final image, for every
/// case of `<model>-reference.json` (DDIM, Euler, Euler ancestral, DPM++ 2M with and
/// without Karras sigmas; with and without guidance; epsilon and v-prediction).
final class PipelineConformanceTests: XCTestCase {
    /// The fields of a case this test needs (the JSON has more).
    struct Case: Decodable {
        let name: String
        let prompt: String
        let negative_prompt: String
        let seed: UInt64
        let steps: Int
        let guidance_scale: Float
        let height: Int
        let width: Int
        let scheduler_config: [String: JSONConfigValue]
    }

    struct Reference: Decodable { let cases: [Case] }

    func testSD1Pipeline() throws { try checkPipeline("sd1-tiny") }
    func testSD2Pipeline() throws { try checkPipeline("sd2-tiny") }

    private func checkPipeline(_ model: String) throws {
        let tensors = try ModelFixtures.reference(model)
        let json = ModelFixtures.directory.appendingPathComponent("\(model)-reference.json")
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: json))
        let pipeline = try StableDiffusionPipeline.load(from: ModelFixtures.pipeline(model))
        XCTAssertGreaterThanOrEqual(reference.cases.count, 4)

        for item in reference.cases {
            var config = item.scheduler_config
            let className: String? = if case .string(let name)? = config.removeValue(forKey: "_class_name") { name } else { nil }
            let scheduler = try makeScheduler(config: SchedulerConfig(className: className, values: config), name: nil)
            let request = StableDiffusionPipeline.Request(
                prompt: item.prompt, negativePrompt: item.negative_prompt, seed: item.seed, steps: item.steps,
                guidance: item.guidance_scale, width: item.width, height: item.height)
            var steps: [[Float]] = []
            let result = try pipeline.generate(request, scheduler: scheduler) { _, _, latents in steps.append(latents) }

            let initial = try tensors.tensor("\(item.name)_latents_init")
            assertClose(Tensor(shape: initial.shape, storage: result.initialLatents), initial, tolerance: 1e-5,
                        "\(model) \(item.name) initial latents")
            XCTAssertEqual(steps.count, item.steps)
            for (index, latents) in steps.enumerated() {
                let expected = try tensors.tensor("\(item.name)_latents_step\(index)")
                assertClose(Tensor(shape: expected.shape, storage: latents), expected, tolerance: 1e-3,
                            "\(model) \(item.name) latents after step \(index)")
            }
            let error = assertClose(result.image, try tensors.tensor("\(item.name)_image"), tolerance: 1e-3, "\(model) \(item.name) image")
            print("\(model) \(item.name) (\(result.schedulerClass)): image max abs error \(error)")
        }
    }

    func testMissingComponentIsNamed() throws {
        let folder = try ModelFixtures.temporaryDirectory(self)
        try Data(#"{"_class_name": "StableDiffusionPipeline", "unet": ["diffusers", "UNet2DConditionModel"]}"#.utf8)
            .write(to: folder.appendingPathComponent("model_index.json"))
        XCTAssertThrowsError(try StableDiffusionPipeline.load(from: folder)) { error in
            XCTAssertTrue("\(error)".contains("'tokenizer'"), "\(error)")
        }
        XCTAssertThrowsError(try StableDiffusionPipeline.load(from: folder.appendingPathComponent("nothing"))) { error in
            XCTAssertTrue("\(error)".contains("model_index.json"), "\(error)")
        }
    }
}
