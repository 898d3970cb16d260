import Foundation
import XCTest

/// Every class of bad prompt file, through `medsynth build` and `medsynth validate`: a
/// located error, the exit status 1, an error card, and the good files still built.
final class PromptErrorTests: XCTestCase {
    /// File name, contents, and the error line expected in the output.
    static let badFiles: [(String, Data, String)] = [
        ("unknown-key.yaml", Data("prompt: PA chest radiograph\nsedes: [1]\n".utf8),
         "prompts/unknown-key.yaml:2:1: error: unknown key 'sedes'; did you mean 'seeds'?"),
        ("wrong-type.yaml", Data("prompt: PA chest radiograph\nseeds: 5\n".utf8),
         "prompts/wrong-type.yaml:2:8: error: 'seeds' must be a list"),
        ("size-range.yaml", Data("prompt: PA chest radiograph\nsize: 20000\n".utf8),
         "prompts/size-range.yaml:2:7: error: 'size' is 20000, outside 64…16384"),
        ("seed-range.yaml", Data("prompt: PA chest radiograph\nseeds: [1, -4]\n".utf8),
         "prompts/seed-range.yaml:2:12: error: 'seeds' is -4, outside 0…4294967295"),
        ("too-many.yaml", Data("prompt: PA chest\ncount: 200\n---\nprompt: AP chest\ncount: 200\n".utf8),
         "prompts/too-many.yaml:1:1: error: file asks for 400 images; at most 256"),
        ("too-long.yaml", Data(("prompt: " + String(repeating: "a", count: 4001) + "\n").utf8),
         "prompts/too-long.yaml:1:9: error: 'prompt' has 4001 characters; at most 4000"),
        ("syntax.yaml", Data("prompt: PA chest\ntags: [one, two\n".utf8),
         "prompts/syntax.yaml:3:1: error: invalid YAML"),
        ("alias-bomb.yaml", Data(aliasBomb.utf8),
         "error: more than 32 aliases (*name); refusing a possible alias bomb"),
        ("deep-flow.yaml", Data(("prompt: " + String(repeating: "[", count: 20000) + "\n").utf8),
         "prompts/deep-flow.yaml:1:73: error: nesting is deeper than 64 levels"),
        ("deep-block.yaml", Data((String(repeating: "- ", count: 20000) + "x\n").utf8),
         "prompts/deep-block.yaml:1:1: error: nesting is too deep"),
        ("binary.yaml", Data([0x70, 0x72, 0x6F, 0x0A, 0xFF, 0xFE, 0x00, 0x81]),
         "prompts/binary.yaml:2:1: error: invalid UTF-8"),
        ("nul.md", Data("---\nprompt: PA chest\n---\nab\u{0}c\n".utf8),
         "prompts/nul.md:4:3: error: NUL byte"),
        ("empty.yaml", Data(),
         "prompts/empty.yaml:1:1: error: empty prompt file"),
        ("no-text.md", Data("---\ntitle: Forgot the text\n---\n".utf8),
         "prompts/no-text.md:2:1: error: this prompt has no text"),
        ("bad-view.yaml", Data("prompt: chest radiograph\nview: latral\n".utf8),
         "prompts/bad-view.yaml:2:7: error: 'view' must be one of PA, AP, lateral, found 'latral'; did you mean 'lateral'?"),
        ("unclosed.md", Data("---\ntitle: x\nPA chest\n".utf8),
         "prompts/unclosed.md:1:1: error: front matter opened with '---' is never closed"),
    ]

    static var aliasBomb: String {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for level in 1...8 {
            let previous = Character(UnicodeScalar(96 + level)!)
            let name = Character(UnicodeScalar(97 + level)!)
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        return text + "prompt: *i\n"
    }

    func testEveryBadFileIsReportedWithLocationWhileGoodFilesBuild() throws {
        let site = try TemporarySite()
        defer { site.delete() }
        try site.write("prompts/good.yaml", "prompt: PA chest radiograph, small left pleural effusion\nseeds: [3]\n")
        for (name, data, _) in Self.badFiles { try site.write("prompts/\(name)", data) }
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("prompts/outside.yaml").path,
                                                   withDestinationPath: "/etc/hostname")

        let result = try site.build()
        XCTAssertEqual(result.status, 1, result.output)
        for (_, _, expected) in Self.badFiles {
            XCTAssertTrue(result.stderr.contains(expected), "missing '\(expected)' in:\n\(result.stderr)")
        }
        XCTAssertTrue(result.stderr.contains("prompts/outside.yaml: error: symbolic link points outside prompts/"), result.stderr)

        XCTAssertEqual(try site.imageIDs(), ["good-s3"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("images/good-s3/image.png").path))
        let errors = try XCTUnwrap(try site.manifest()["errors"] as? [[String: Any]])
        XCTAssertEqual(errors.count, Self.badFiles.count + 1)
        let index = try String(contentsOf: site.output.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(index.contains("prompts/unknown-key.yaml:2:1"), "the gallery shows no error card")
        XCTAssertTrue(index.contains("did you mean &#39;seeds&#39;?") || index.contains("did you mean &apos;seeds&apos;?") || index.contains("did you mean 'seeds'?"))

        let validate = try CLI.run(["validate", "--site", site.root.path])
        XCTAssertEqual(validate.status, 1)
        XCTAssertTrue(validate.stdout.contains("prompts/size-range.yaml:2:7: error:"), validate.stdout)
    }

    func testInvalidSiteConfigIsLocated() throws {
        let site = try TemporarySite(config: "title: x\ndefautls:\n  size: 64\n")
        defer { site.delete() }
        try site.write("prompts/a.yaml", "prompt: PA chest\n")
        let result = try CLI.run(["validate", "--site", site.root.path])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.output.contains("medsynth.yaml:2:1: error: unknown key 'defautls'; did you mean 'defaults'?"), result.output)
    }

    func testUsageErrorsExitWithStatus2() throws {
        XCTAssertEqual(try CLI.run(["build", "--jobs", "0"]).status, 2)
        XCTAssertEqual(try CLI.run(["frobnicate"]).status, 2)
        XCTAssertEqual(try CLI.run(["build", "--site", "/nonexistent/site"]).status, 2)
    }
}
