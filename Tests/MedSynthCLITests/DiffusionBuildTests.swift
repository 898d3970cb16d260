import Foundation
import XCTest

/// `generator: diffusion` prompt files through `medsynth build`, with the tiny fixture
/// checkpoint: built into the gallery like any image, deterministic, and bad checkpoints
/// reported against their prompt file while the other files build.
final class DiffusionBuildTests: XCTestCase {
    static let tinyModel = CLI.repository.appendingPathComponent("Tests/DiffusionTests/Fixtures/sd1-tiny")

    static func prompt(model: String, seeds: String = "[3]") -> String {
        """
        title: Tiny diffusion
        generator: diffusion
        prompt: chest x-ray, small right pneumothorax
        seeds: \(seeds)
        size: 64
        diffusion:
          model: \(model)
          steps: 4
          guidance: 7.5
          scheduler: euler-ancestral
          negative: blurry
        """
    }

    func testDiffusionPromptBuildsThroughTheGalleryDeterministically() throws {
        let site = try TemporarySite()
        defer { site.delete() }
        try site.write("prompts/tiny.yaml", Self.prompt(model: Self.tinyModel.path))
        try site.write("prompts/phantom.yaml", "prompt: PA chest radiograph\nsize: 64\n")
        let first = try site.build(["--jobs", "1"])
        XCTAssertEqual(first.status, 0, first.output)

        let images = try XCTUnwrap(try site.manifest()["images"] as? [[String: Any]])
        let record = try XCTUnwrap(images.first { $0["id"] as? String == "tiny-s3" })
        XCTAssertEqual(record["generator"] as? String, "diffusion")
        let diffusion = try XCTUnwrap(record["diffusion"] as? [String: Any])
        XCTAssertEqual(diffusion["scheduler"] as? String, "EulerAncestralDiscreteScheduler")
        XCTAssertEqual(diffusion["steps"] as? Int, 4)
        XCTAssertEqual((diffusion["weightsSHA256"] as? String)?.count, 64)
        let folder = site.output.appendingPathComponent("images/tiny-s3")
        for name in ["image.png", "preview.jpg", "image.dcm", "image.tif", "meta.json", "index.html", "tiles/0/0/0.jpg"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "no \(name)")
        }
        let index = try String(contentsOf: site.output.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(index.contains("Tiny diffusion"))
        let page = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("EulerAncestralDiscreteScheduler, 4 steps, guidance 7.5"), "the image page shows how it was sampled")

        // Nothing changed: nothing is made again. Another folder: the same bytes.
        let again = try site.build(["--json"])
        XCTAssertTrue(again.stdout.contains("\"built\" : 0"), again.stdout)
        let other = site.root.appendingPathComponent("second-output")
        XCTAssertEqual(try site.build(["--output", other.path, "--jobs", "2"]).status, 0)
        for name in ["image.png", "image.dcm"] {
            XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent(name)),
                           try Data(contentsOf: other.appendingPathComponent("images/tiny-s3/\(name)")), "\(name) differs")
        }
        let dump = try Tool.run("dcmdump", [folder.appendingPathComponent("image.dcm").path])
        XCTAssertEqual(dump.status, 0, dump.output)
    }

    func testBadCheckpointsAreReportedAgainstTheirPromptFile() throws {
        let site = try TemporarySite()
        defer { site.delete() }
        // A checkpoint whose UNet config no longer fits its weights.
        let broken = site.root.appendingPathComponent("models/broken")
        try FileManager.default.createDirectory(at: broken.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.tinyModel, to: broken)
        let config = broken.appendingPathComponent("unet/config.json")
        let text = try String(contentsOf: config, encoding: .utf8)
        let changed = text.replacingOccurrences(of: #""cross_attention_dim": 32"#, with: #""cross_attention_dim": 24"#)
        XCTAssertNotEqual(changed, text, "the fixture's UNet config changed shape; update this test")
        try changed.write(to: config, atomically: true, encoding: .utf8)

        try site.write("prompts/broken.yaml", Self.prompt(model: "models/broken"))
        try site.write("prompts/missing.yaml", Self.prompt(model: "models/nowhere"))
        try site.write("prompts/good.yaml", "prompt: PA chest radiograph\nsize: 64\n")
        let result = try site.build()
        XCTAssertEqual(result.status, 1, result.output)
        XCTAssertTrue(result.output.contains("prompts/broken.yaml:1:1"), result.output)
        XCTAssertTrue(result.output.contains("unet/diffusion_pytorch_model.safetensors") && result.output.contains("attn2.to_k.weight"),
                      result.output)
        XCTAssertTrue(result.output.contains("prompts/missing.yaml:1:1") && result.output.contains("model_index.json not found"), result.output)
        XCTAssertEqual(try site.imageIDs(), ["good-s0"])
    }

    func testDiffusionKeysAreValidated() throws {
        let site = try TemporarySite()
        defer { site.delete() }
        try site.write("prompts/size.yaml", Self.prompt(model: Self.tinyModel.path).replacingOccurrences(of: "size: 64", with: "size: 66"))
        try site.write("prompts/nomodel.yaml", "generator: diffusion\nprompt: chest x-ray\n")
        try site.write("prompts/typo.yaml", Self.prompt(model: Self.tinyModel.path).replacingOccurrences(of: "  steps: 4", with: "  stpes: 4"))
        try site.write("prompts/scheduler.yaml", Self.prompt(model: Self.tinyModel.path).replacingOccurrences(of: "euler-ancestral", with: "pndm"))
        let result = try CLI.run(["validate", "--site", site.root.path])
        XCTAssertEqual(result.status, 1, result.output)
        XCTAssertTrue(result.output.contains("multiples of 8"), result.output)
        XCTAssertTrue(result.output.contains("prompts/nomodel.yaml:1:1") && result.output.contains("needs a model"), result.output)
        XCTAssertTrue(result.output.contains("prompts/typo.yaml:8:3") && result.output.contains("did you mean 'steps'"), result.output)
        XCTAssertTrue(result.output.contains("prompts/scheduler.yaml:10:14") && result.output.contains("dpm++2m-karras"), result.output)
    }
}
