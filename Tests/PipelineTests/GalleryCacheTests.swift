import Foundation
import XCTest
@testable import Pipeline
import Prompting

/// The caches `watch` keeps between builds must never change what is written: every file
/// they help write has the bytes a full render of the same manifest gives.
final class GalleryCacheTests: XCTestCase {
    private var folders: [URL] = []

    override func tearDown() {
        folders.forEach { try? FileManager.default.removeItem(at: $0) }
    }

    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gallery-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        folders.append(url)
        return url
    }

    /// A site of small phantom images; `files` maps prompt file names to their YAML.
    private func makeSite(_ files: [String: String], templates: [String: String] = [:]) throws -> Site {
        let root = try temporaryFolder()
        try "title: Cache test\ndefaults:\n  size: 64\n  outputs: []\n".write(to: root.appendingPathComponent("medsynth.yaml"), atomically: true, encoding: .utf8)
        for (folder, contents) in [("prompts", files), ("templates", templates)] where !contents.isEmpty {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            for (name, text) in contents {
                try text.write(to: root.appendingPathComponent("\(folder)/\(name)"), atomically: true, encoding: .utf8)
            }
        }
        return Site(root: root)
    }

    private func read(_ site: Site, _ name: String) throws -> String {
        try String(contentsOf: site.output.appendingPathComponent(name), encoding: .utf8)
    }

    func testCachedBuildsWriteWhatAFullRenderWrites() throws {
        let site = try makeSite([
            "a.yaml": "prompt: PA chest radiograph, small right pleural effusion\nseeds: [1, 2]\n",
            "b.yaml": "prompt: PA chest radiograph, cardiomegaly\nseeds: [1]\ntags: [heart]\n",
            "c.yaml": "prompt: AP chest radiograph, left pneumothorax\n",
        ])
        let options = BuildOptions(jobs: 2, cache: PlanCache(), gallery: GalleryCache())
        _ = try BuildEngine(site: site, options: options).build()
        // An edited title, a new file and a removed one: cards and entries change in place.
        try "prompt: PA chest radiograph, cardiomegaly\nseeds: [1]\ntitle: Big heart\n".write(
            to: site.prompts.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        try "prompt: PA chest radiograph, no acute findings\nseeds: [2]\n".write(
            to: site.prompts.appendingPathComponent("0-new.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: site.prompts.appendingPathComponent("c.yaml"))
        let summary = try BuildEngine(site: site, options: options).build()
        XCTAssertEqual(summary.built, 1, "only the new file is generated")

        let manifest = try XCTUnwrap(Manifest.load(from: site.output))
        XCTAssertEqual(manifest.images.map(\.id), ["0-new-s2", "a-s1", "a-s2", "b-s1"])
        XCTAssertEqual(manifest.images.last?.title, "Big heart")
        let fresh = Site(root: site.root, output: try temporaryFolder())
        try SiteWriter(site: fresh).write(manifest, previous: nil)
        for name in ["index.html", "compare.html", "labels.csv", Manifest.fileName] {
            XCTAssertEqual(try read(site, name), try read(fresh, name), "\(name) differs from a full render")
        }
        XCTAssertTrue(try read(site, "index.html").contains("Big heart"))
    }

    func testSplicedManifestEqualsWholeEncoding() throws {
        let site = try makeSite(["a.yaml": "prompt: PA chest radiograph, moderate left pleural effusion, ETT in place\nseeds: [3, 4]\n"])
        _ = try BuildEngine(site: site).build()
        var manifest = try XCTUnwrap(Manifest.load(from: site.output))
        manifest.errors = [PromptFileError(file: "prompts/bad.yaml", line: 2, column: 5, message: "expected \"images\" : [ here")]
        let cache = GalleryCache()
        XCTAssertEqual(try manifest.encoded(cache: cache), try manifest.encoded())
        manifest.images[0].title = "changed"
        XCTAssertEqual(try manifest.encoded(cache: cache), try manifest.encoded(), "a changed record is encoded again")
    }

    func testRememberedManifestIsIgnoredOnceTheFileChanges() throws {
        let site = try makeSite(["a.yaml": "prompt: PA chest radiograph\n"])
        let gallery = GalleryCache()
        _ = try BuildEngine(site: site, options: BuildOptions(gallery: gallery)).build()
        let url = site.output.appendingPathComponent(Manifest.fileName)
        XCTAssertEqual(gallery.manifest(at: url)?.images.count, 1)
        var other = try XCTUnwrap(Manifest.load(from: site.output))
        other.title = "Written by another build"
        try AtomicFile.write(try other.encoded(), to: url)
        XCTAssertNil(gallery.manifest(at: url))
        XCTAssertEqual(Manifest.load(from: site.output, cache: gallery)?.title, "Written by another build")
    }

    func testThemesThatIterateImagesStillSeeEveryCard() throws {
        let site = try makeSite(["a.yaml": "prompt: PA chest radiograph\n", "b.yaml": "prompt: AP chest radiograph\n"],
                                templates: ["index.mustache": "{{#images}}{{order}}={{id}};{{/images}}|{{imageCount}}"])
        _ = try BuildEngine(site: site, options: BuildOptions(gallery: GalleryCache())).build()
        XCTAssertEqual(try read(site, "index.html"), "0=a-s0;1=b-s0;|2")
    }
}
