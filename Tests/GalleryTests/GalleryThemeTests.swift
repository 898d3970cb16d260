import Foundation
import XCTest
@testable import Gallery

final class GalleryThemeTests: XCTestCase {
    /// The theme compiled into the binary must be exactly `templates/`
    /// (run scripts/embed-theme.py after editing the templates).
    func testBuiltInThemeEqualsTemplatesFolder() throws {
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("templates")
        let onDisk = try FileManager.default.subpathsOfDirectory(atPath: templates.path).filter {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: templates.appendingPathComponent($0).path, isDirectory: &isFolder)
            return !isFolder.boolValue
        }
        XCTAssertEqual(Set(onDisk), Set(defaultThemeFiles.keys), "run scripts/embed-theme.py")
        for path in onDisk {
            let text = try String(contentsOf: templates.appendingPathComponent(path), encoding: .utf8)
            XCTAssertEqual(text, defaultThemeFiles[path], "\(path) differs from the built-in theme; run scripts/embed-theme.py")
        }
    }

    func testTextIsHTMLEscaped() throws {
        let theme = try GalleryTheme.builtIn
        let html = theme.render("index", ["title": "<script>alert(1)</script>", "images": [] as [Any]])
        XCTAssertFalse(html.contains("<script>alert"))
        XCTAssertTrue(html.contains("&lt;script&gt;"))
    }

    func testBrokenTemplateIsLocated() {
        XCTAssertThrowsError(try GalleryTheme(files: ["index.mustache": Data("line\n{{#open}}".utf8)])) { error in
            XCTAssertTrue("\(error)".hasPrefix("templates/index.mustache:"), "\(error)")
        }
    }
}
