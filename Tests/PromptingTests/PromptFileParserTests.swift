import Foundation
import XCTest
@testable import Prompting

final class PromptFileParserTests: XCTestCase {
    private func parse(_ text: String, file: String = "prompts/test.yaml", config: SiteConfig = SiteConfig()) throws -> [PromptSpec] {
        try PromptFileParser.parse(Data(text.utf8), file: file, config: config)
    }

    private func error(_ text: String, file: String = "prompts/test.yaml") -> PromptFileError? {
        do {
            _ = try parse(text, file: file)
            return nil
        } catch {
            return error as? PromptFileError
        }
    }

    func testYAMLWithEveryKey() throws {
        let specs = try parse("""
            title: Effusion
            tags: [pleural, demo]
            prompt: PA chest radiograph, moderate right pleural effusion
            seeds: [3, 9]
            size: 2048x1536
            generator: phantom
            view: ap
            sex: F
            age: 71
            outputs: [masks]
            phantom: {noise: 1.5}
            """)
        XCTAssertEqual(specs.count, 1)
        let spec = specs[0]
        XCTAssertEqual(spec.title, "Effusion")
        XCTAssertEqual(spec.tags, ["pleural", "demo"])
        XCTAssertEqual(spec.text, "PA chest radiograph, moderate right pleural effusion")
        XCTAssertEqual(spec.seeds, [3, 9])
        XCTAssertEqual(spec.size, ImageSize(width: 2048, height: 1536))
        XCTAssertEqual(spec.view, .ap)
        XCTAssertEqual(spec.sex, .female)
        XCTAssertEqual(spec.age, 71)
        XCTAssertEqual(spec.outputs, [.masks])
        XCTAssertEqual(spec.phantom, PhantomOptions(noise: 1.5))
    }

    func testGeneratorSettingsAreValidated() throws {
        XCTAssertEqual(error("prompt: x\nphantom: {noise: 9}\n")?.message, "'phantom.noise' is 9.0, outside 0.0…4.0")
        XCTAssertEqual(error("prompt: x\nphantom: {nois: 1}\n")?.message, "unknown key 'nois'; did you mean 'noise'?")
        XCTAssertEqual(error("prompt: x\ngenerator: diffusion\ndiffusion: {model: m, guidance: lots}\n")?.message,
                       "'diffusion.guidance' must be a number such as 7.5, found 'lots'")
        let diffusion = try parse("prompt: x\nsize: 512\ngenerator: diffusion\ndiffusion: {model: m, scheduler: DDIM}\n")[0]
        XCTAssertEqual(diffusion.diffusion, DiffusionOptions(model: "m", steps: 25, guidance: 7.5, scheduler: "ddim"))
        XCTAssertNil(diffusion.phantom)
    }

    func testSeveralDocumentsAreSeveralPrompts() throws {
        let specs = try parse("prompt: one\n---\nprompt: two\ncount: 3\nseed: 10\n")
        XCTAssertEqual(specs.map(\.text), ["one", "two"])
        XCTAssertEqual(specs.map(\.documentIndex), [0, 1])
        XCTAssertEqual(specs[1].seeds, [10, 11, 12])
        XCTAssertEqual(specs[1].line, 3)
    }

    func testFrontMatterBodyIsThePrompt() throws {
        let spec = try XCTUnwrap(try parse("---\ntitle: T\nsize: 512\n---\n\nPA chest radiograph,\nsmall left effusion.\n", file: "prompts/a.md").first)
        XCTAssertEqual(spec.text, "PA chest radiograph,\nsmall left effusion.")
        XCTAssertEqual(spec.size.width, 512)
        let plain = try XCTUnwrap(try parse("AP chest radiograph\n", file: "prompts/b.txt").first)
        XCTAssertEqual(plain.text, "AP chest radiograph")
        XCTAssertEqual(plain.seeds, [0])
    }

    func testSiteDefaultsApplyKeyByKey() throws {
        let config = try SiteConfig.parse(Data("title: Site\ndefaults:\n  size: 256\n  count: 2\n  tags: [site]\n".utf8), file: "medsynth.yaml")
        XCTAssertEqual(config.title, "Site")
        let inherited = try XCTUnwrap(try parse("prompt: x\n", config: config).first)
        XCTAssertEqual(inherited.size.width, 256)
        XCTAssertEqual(inherited.seeds, [0, 1])
        XCTAssertEqual(inherited.tags, ["site"])
        let own = try XCTUnwrap(try parse("prompt: x\nseeds: [5]\nsize: 64\n", config: config).first)
        XCTAssertEqual(own.seeds, [5])
        XCTAssertEqual(own.size.width, 64)
    }

    func testErrorsNameLineColumnAndExpectation() {
        XCTAssertEqual(error("prompt: x\nseeds: [1]\ncount: 2\n")?.description,
                       "prompts/test.yaml:3:8: error: give either 'seeds' (a list) or 'count' with an optional first 'seed', not both")
        XCTAssertEqual(error("prompt: x\nprompt: y\n")?.line, 2)
        XCTAssertEqual(error("prompt: x\nsize: 12x40\n")?.description,
                       "prompts/test.yaml:2:7: error: 'size' 12x40 is outside 64…16384 pixels per side")
        XCTAssertEqual(error("prompt: x\nsize: big\n")?.column, 7)
        XCTAssertEqual(error("prompt: [a, b]\n")?.message, "'prompt' must be text, found a list")
        XCTAssertEqual(error("prompt: x\nseeds: []\n")?.message, "'seeds' is empty; give at least one seed")
        XCTAssertEqual(error("prompt: x\nseeds: [1, 1]\n")?.message, "'seeds' lists the same seed twice")
        XCTAssertEqual(error("prompt: x\ncount: 2\nseed: 4294967295\n")?.message, "seeds 4294967295…4294967296 go past the largest seed 4294967295")
        XCTAssertEqual(error("prompt: x\ngenerator: difusion\n")?.message, "'generator' must be one of phantom, diffusion, found 'difusion'; did you mean 'diffusion'?")
        XCTAssertEqual(error("prompt: x\noutputs: [masks, dicm]\n")?.column, 18)
        XCTAssertEqual(error("- prompt: x\n")?.message, "a prompt must be a mapping of keys, found a list")
        XCTAssertEqual(error("prompt: \"\"\n")?.line, 1)
        XCTAssertNotNil(error("---\nprompt: x\n---\nbody\n", file: "prompts/a.md"), "the prompt given twice")
    }

    func testAliasesWithinLimitsStillWork() throws {
        let specs = try parse("prompt: &p PA chest radiograph\n---\nprompt: *p\nseeds: [2]\n")
        XCTAssertEqual(specs.map(\.text), ["PA chest radiograph", "PA chest radiograph"])
    }
}
