import Foundation
import XCTest

/// The build engine through `medsynth build`: incremental rebuilds, removals, determinism,
/// atomic outputs and the files a build promises.
final class BuildTests: XCTestCase {
    func testBuildWritesImagesManifestLabelsAndGallery() throws {
        let site = try TemporarySite()
        defer { site.delete() }
        try site.write("prompts/effusion.yaml", "title: Effusion\ntags: [pleural]\nprompt: PA chest radiograph, 60-year-old woman, moderate right pleural effusion\nseeds: [1, 2]\n")
        try site.write("prompts/two.yaml", "prompt: AP chest radiograph, no acute abnormality\n---\nprompt: lateral chest radiograph, cardiomegaly\nseed: 5\n")
        try site.write("prompts/normal.md", "---\nsize: 96x64\n---\nPA chest radiograph, normal.\n")
        try site.write("prompts/notes.json", "{}")  // Not a prompt file: ignored.

        let result = try site.build()
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertEqual(try site.imageIDs(), ["effusion-s1", "effusion-s2", "normal-s0", "two-1-s0", "two-2-s5"])

        let images = try XCTUnwrap(try site.manifest()["images"] as? [[String: Any]])
        let effusion = try XCTUnwrap(images.first { $0["id"] as? String == "effusion-s1" })
        XCTAssertEqual(effusion["title"] as? String, "Effusion")
        XCTAssertEqual((effusion["labels"] as? [String: Int])?["Pleural Effusion"], 1)
        let files = try XCTUnwrap(effusion["files"] as? [[String: Any]]).compactMap { $0["path"] as? String }
        for name in ["image.png", "preview.jpg", "thumb.jpg", "masks/pleural-effusion.png", "meta.json"] {
            XCTAssertTrue(files.contains("images/effusion-s1/\(name)"), "manifest lacks \(name): \(files)")
            XCTAssertTrue(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("images/effusion-s1/\(name)").path))
        }
        let normal = try XCTUnwrap(images.first { $0["id"] as? String == "normal-s0" })
        XCTAssertEqual((normal["size"] as? [String: Int])?["width"], 96)

        let csv = try String(contentsOf: site.output.appendingPathComponent("labels.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n")
        XCTAssertEqual(lines.count, 6)
        XCTAssertTrue(lines[0].hasPrefix("Path,Sex,Age,Frontal/Lateral,AP/PA,No Finding,Enlarged Cardiomediastinum,Cardiomegaly"))
        XCTAssertTrue(csv.contains("images/effusion-s1/image.png,Female,60,Frontal,PA,0.0,"), csv)
        XCTAssertTrue(csv.contains("images/two-2-s5/image.png,Unknown,,Lateral,,0.0,,1.0,"), csv)

        let index = try String(contentsOf: site.output.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(index.contains("images/effusion-s1/thumb.jpg"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("assets/style.css").path))
    }

    func testSecondBuildIsIncrementalAndEditsRebuildOnlyTheirImages() throws {
        let site = try TemporarySite()
        defer { site.delete() }
        try site.write("prompts/a.yaml", "prompt: PA chest radiograph, left pneumothorax\nseeds: [1, 2]\n")
        try site.write("prompts/b.yaml", "prompt: PA chest radiograph, cardiomegaly\n")
        XCTAssertEqual(try site.build().status, 0)
        let pngB = site.output.appendingPathComponent("images/b-s0/image.png")
        let stampB = try FileManager.default.attributesOfItem(atPath: pngB.path)[.modificationDate] as? Date

        let second = try site.build(["--json"])
        XCTAssertEqual(second.status, 0)
        let summary = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(summary["built"] as? Int, 0)
        XCTAssertEqual(summary["skipped"] as? Int, 3)

        // A title is gallery metadata: no image is made again.
        try site.write("prompts/b.yaml", "title: Big heart\nprompt: PA chest radiograph, cardiomegaly\n")
        XCTAssertEqual(try summaryOf(site.build(["--json"]))["built"] as? Int, 0)

        try site.write("prompts/a.yaml", "prompt: PA chest radiograph, right pneumothorax\nseeds: [1, 2]\n")
        let third = try summaryOf(site.build(["--json"]))
        XCTAssertEqual(third["built"] as? Int, 2)
        XCTAssertEqual(third["skipped"] as? Int, 1)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: pngB.path)[.modificationDate] as? Date, stampB)

        // A renamed file keeps its images: moved to the new id, not generated again.
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("prompts/b.yaml"), to: site.root.appendingPathComponent("prompts/heart.yaml"))
        let renamed = try summaryOf(site.build(["--json"]))
        XCTAssertEqual(renamed["built"] as? Int, 0)
        XCTAssertEqual(renamed["relocated"] as? Int, 1)
        XCTAssertEqual(try site.imageIDs(), ["a-s1", "a-s2", "heart-s0"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("images/b-s0").path))
        let dump = try Tool.run("dcmdump", [site.output.appendingPathComponent("images/heart-s0/image.dcm").path])
        XCTAssertTrue(dump.output.contains("SYNTHETIC^heart-s0"), "the DICOM names the new id:\n\(dump.output)")
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("prompts/heart.yaml"), to: site.root.appendingPathComponent("prompts/b.yaml"))
        XCTAssertEqual(try summaryOf(site.build(["--json"]))["relocated"] as? Int, 1)

        // Fewer seeds and a removed file remove their images.
        try site.write("prompts/a.yaml", "prompt: PA chest radiograph, right pneumothorax\nseeds: [2]\n")
        try site.remove("prompts/b.yaml")
        let fourth = try summaryOf(site.build(["--json"]))
        XCTAssertEqual(fourth["removed"] as? Int, 2)
        XCTAssertEqual(try site.imageIDs(), ["a-s2"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("images/b-s0").path))

        // A missing output file is noticed and made again.
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("images/a-s2/thumb.jpg"))
        XCTAssertEqual(try summaryOf(site.build(["--json"]))["built"] as? Int, 1)
        XCTAssertEqual(try summaryOf(site.build(["--json", "--force"]))["built"] as? Int, 1)
    }

    func testTwoBuildsIntoTwoFoldersAreByteIdentical() throws {
        let site = try TemporarySite()
        defer { site.delete() }
        try site.write("prompts/a.yaml", "prompt: PA chest radiograph, moderate left pleural effusion, ETT in place\nseeds: [4]\nsize: 128\n")
        let other = site.root.appendingPathComponent("second-output")
        XCTAssertEqual(try site.build(["--jobs", "1"]).status, 0)
        XCTAssertEqual(try site.build(["--output", other.path, "--jobs", "2"]).status, 0)
        let folder = "images/a-s4"
        let names = try FileManager.default.subpathsOfDirectory(atPath: site.output.appendingPathComponent(folder).path)
            .filter { [".png", ".jpg", ".tif", ".dcm"].contains(where: $0.hasSuffix) }.sorted()
        for expected in ["image.png", "image.tif", "image.dcm", "masks/pleural-effusion.png", "tiles/0/0/0.jpg"] {
            XCTAssertTrue(names.contains(expected), "no \(expected) in \(names)")
        }
        for name in names {
            let first = try Data(contentsOf: site.output.appendingPathComponent("\(folder)/\(name)"))
            let second = try Data(contentsOf: other.appendingPathComponent("\(folder)/\(name)"))
            XCTAssertEqual(first, second, "\(name) differs between two builds")
        }
        XCTAssertEqual(try Data(contentsOf: site.output.appendingPathComponent("labels.csv")),
                       try Data(contentsOf: other.appendingPathComponent("labels.csv")))
    }

    func testLeftoversOfACrashAreSweptAndForeignFoldersRefused() throws {
        let site = try TemporarySite()
        defer { site.delete() }
        try site.write("prompts/a.yaml", "prompt: PA chest radiograph\n")
        XCTAssertEqual(try site.build().status, 0)
        let leftover = site.output.appendingPathComponent("images/a-s0/.medsynth-tmp-1234-image.png")
        try Data("partial".utf8).write(to: leftover)
        XCTAssertEqual(try site.build().status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: leftover.path))

        let foreign = site.root.appendingPathComponent("documents")
        try site.write("documents/thesis.txt", "keep me")
        let refused = try site.build(["--output", foreign.path])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("already holds files that medsynth did not make"), refused.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: foreign.appendingPathComponent("thesis.txt").path))
        XCTAssertEqual(try site.build(["--output", site.root.path]).status, 2)
    }

    private func summaryOf(_ result: CLI.Result) throws -> [String: Any] {
        XCTAssertEqual(result.status, 0, result.output)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }
}
