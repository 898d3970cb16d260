import Diffusion
import SynthNumerics
import XCTest

/// The Swift models against diffusers/transformers on the tiny fixture pipelines: same
/// weights, same inputs, outputs equal to within float rounding.
///
/// sd1-tiny: conv projections, quick-GELU CLIP, F16 UNet and VAE weights.
/// sd2-tiny: linear projections, GELU CLIP, per-block attention_head_dim, upcast_attention, F16 text encoder.
final class ModelConformanceTests: XCTestCase {
    static let models = ["sd1-tiny", "sd2-tiny"]

    func testTextEncoderMatchesTransformers() throws {
        for model in Self.models {
            let reference = try ModelFixtures.reference(model)
            let encoder = try CLIPTextModel.load(from: ModelFixtures.component(model, "text_encoder"))
            for (ids, embeds) in [("input_ids", "prompt_embeds"), ("negative_input_ids", "negative_prompt_embeds")] {
                let tokens = try reference.integers(ids)
                let out = encoder.forward(inputIDs: [tokens])
                let error = assertClose(out, try reference.tensor(embeds), tolerance: 1e-4, "\(model) \(embeds)")
                print("\(model) \(embeds): max abs error \(error)")
            }
        }
    }

    func testTextEncoderExposesEveryLayer() throws {
        let encoder = try CLIPTextModel.load(from: ModelFixtures.component("sd1-tiny", "text_encoder"))
        let reference = try ModelFixtures.reference("sd1-tiny")
        let out = encoder.encode(inputIDs: [try reference.integers("input_ids")])
        XCTAssertEqual(out.hiddenStates.count, encoder.config.numHiddenLayers + 1)
        XCTAssertEqual(out.pooled.shape, [1, encoder.config.hiddenSize])
        XCTAssertNil(out.textEmbeds)
    }

    func testUNetMatchesDiffusers() throws {
        for model in Self.models {
            let reference = try ModelFixtures.reference(model)
            let unet = try UNet2DConditionModel.load(from: ModelFixtures.component(model, "unet"))
            let timestep = try reference.tensor("unet_timestep").storage[0]
            let out = unet.forward(sample: try reference.tensor("unet_sample"), timestep: timestep,
                                   encoderHiddenStates: try reference.tensor("unet_encoder_hidden_states"))
            let error = assertClose(out, try reference.tensor("unet_output"), tolerance: 1e-4, "\(model) unet_output")
            print("\(model) unet_output: max abs error \(error)")
        }
    }

    func testVAEDecodeMatchesDiffusers() throws {
        for model in Self.models {
            let reference = try ModelFixtures.reference(model)
            let vae = try AutoencoderKL.load(from: ModelFixtures.component(model, "vae"))
            XCTAssertEqual(vae.scalingFactor, 0.18215)
            let out = vae.decode(try reference.tensor("vae_latents"))
            let error = assertClose(out, try reference.tensor("vae_decoded"), tolerance: 1e-3, "\(model) vae_decoded")
            print("\(model) vae_decoded: max abs error \(error)")
        }
    }

    func testVAEReadsPre014AttentionNames() throws {
        let source = try ModelFixtures.component("sd1-tiny", "vae")
        let dir = try ModelFixtures.temporaryDirectory(self)
        let vae = dir.appendingPathComponent("vae")
        try FileManager.default.createDirectory(at: vae, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source.appendingPathComponent("config.json"), to: vae.appendingPathComponent("config.json"))
        let original = try SafeTensorsFile(contentsOf: source.appendingPathComponent("diffusion_pytorch_model.safetensors"))
        let renames = ["to_q": "query", "to_k": "key", "to_v": "value", "to_out.0": "proj_attn"]
        var items: [String: SafeTensorsWriter.Item] = [:]
        for name in original.names {
            var renamed = name
            for (new, old) in renames { renamed = renamed.replacingOccurrences(of: "attentions.0.\(new).", with: "attentions.0.\(old).") }
            items[renamed] = .float(try original.tensor(name))
        }
        XCTAssertNotNil(items["decoder.mid_block.attentions.0.proj_attn.weight"])
        try SafeTensorsWriter.write(items, to: vae.appendingPathComponent("diffusion_pytorch_model.safetensors"))
        let latents = try ModelFixtures.reference("sd1-tiny").tensor("vae_latents")
        let old = try AutoencoderKL.load(from: vae).decode(latents)
        let new = try AutoencoderKL.load(from: source).decode(latents)
        XCTAssertEqual(old, new)
    }

    func testUNetAcceptsLatentsNotDivisibleByItsDownscale() throws {
        let unet = try UNet2DConditionModel.load(from: ModelFixtures.component("sd1-tiny", "unet"))
        let context = randomTensor([1, 77, 32], seed: 3)
        let out = unet.forward(sample: randomTensor([1, 4, 13, 10], seed: 2), timestep: 10, encoderHiddenStates: context)
        XCTAssertEqual(out.shape, [1, 4, 13, 10])
        XCTAssertFalse(out.storage.contains { !$0.isFinite })
    }

    func testBothThreadingStrategiesAgree() throws {
        let reference = try ModelFixtures.reference("sd1-tiny")
        let unet = try UNet2DConditionModel.load(from: ModelFixtures.component("sd1-tiny", "unet"))
        let sample = try reference.tensor("unet_sample"), context = try reference.tensor("unet_encoder_hidden_states")
        let saved = ComputeThreading.strategy
        defer { ComputeThreading.strategy = saved }
        ComputeThreading.strategy = .blasThreads
        let a = unet.forward(sample: sample, timestep: 501, encoderHiddenStates: context)
        ComputeThreading.strategy = .parallelLoops
        let b = unet.forward(sample: sample, timestep: 501, encoderHiddenStates: context)
        assertClose(a, b, tolerance: 1e-5, "blasThreads vs parallelLoops")
    }
}
