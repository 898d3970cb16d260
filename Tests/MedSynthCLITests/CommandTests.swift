import Foundation
import XCTest

/// `generate`, `new`, `explain` and `version` as a user runs them.
final class CommandTests: XCTestCase {
    func testGenerateWritesImageMasksAndMeta() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("medsynth-gen-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run(["generate", "PA chest radiograph, large left pleural effusion", "--seed", "9", "--size", "128x96", "--out", out.path])
        XCTAssertEqual(result.status, 0, result.output)
        for name in ["image.png", "masks/pleural-effusion.png", "meta.json", "preview.jpg"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "no \(name)")
        }
        let meta = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("meta.json"))) as? [String: Any])
        XCTAssertEqual(meta["seed"] as? Int, 9)
        XCTAssertEqual((meta["size"] as? [String: Int])?["height"], 96)
        XCTAssertEqual((meta["labels"] as? [String: Int])?["Pleural Effusion"], 1)
        XCTAssertEqual(try CLI.run(["generate", "x", "--size", "10", "--out", out.path]).status, 2)
    }

    func testNewScaffoldsASiteThatBuilds() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("medsynth-new-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        XCTAssertEqual(try CLI.run(["new", root.path]).status, 0)
        for name in ["medsynth.yaml", "prompts/normal.yaml", "prompts/effusion.md", "templates/index.mustache", "templates/style.css"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path), "no \(name)")
        }
        XCTAssertEqual(try CLI.run(["validate", "--site", root.path]).status, 0)
        XCTAssertEqual(try CLI.run(["new", root.path]).status, 2, "new must not overwrite a site")
    }

    func testExplainPrintsJSON() throws {
        let result = try CLI.run(["explain", "--json", "PA chest radiograph, 67-year-old man, moderate right pleural effusion, no pneumothorax"])
        XCTAssertEqual(result.status, 0, result.output)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["view"] as? String, "PA")
        XCTAssertEqual(json["sex"] as? String, "male")
        XCTAssertEqual(json["age"] as? Int, 67)
        let labels = try XCTUnwrap(json["labels"] as? [String: Int])
        XCTAssertEqual(labels["Pleural Effusion"], 1)
        XCTAssertEqual(labels["Pneumothorax"], 0)
        XCTAssertEqual(labels["No Finding"], 0)
    }

    func testVersionAndHelp() throws {
        let version = try CLI.run(["version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertTrue(version.stdout.hasPrefix("medsynth "))
        let help = try CLI.run(["build", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("Examples:"))
    }
}
