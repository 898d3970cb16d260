import Foundation
import XCTest

/// The gallery in a real browser (headless Chromium, driven by `scripts/browser-check.py`),
/// opened from disk and through `medsynth serve`, at desktop and phone widths. Screenshots go
/// to `.build/test-artifacts/gallery/` (or `$MEDSYNTH_ARTIFACTS`).
final class GalleryBrowserTests: XCTestCase {
    private static let built: Result<TemporarySite, Error> = Result(catching: {
        let site = try TemporarySite()
        try site.write("prompts/effusion.yaml", """
            title: Right effusion
            prompt: PA chest radiograph, 70-year-old woman, moderate right pleural effusion
            tags: [pleural]
            seeds: [1, 2]
            size: 512
            """)
        try site.write("prompts/normal.prompt", """
            ---
            title: Normal adult
            tags: [normal]
            size: 512x448
            ---
            PA chest radiograph, 40-year-old man, no acute cardiopulmonary abnormality
            """)
        try site.write("prompts/lines.yaml", """
            title: Devices and pneumothorax
            prompt: AP chest radiograph, small left pneumothorax, endotracheal tube and right central line
            size: 512
            """)
        try site.write("prompts/broken.yaml", "title: Broken\nprompt: [unclosed\n")
        let result = try site.build()
        guard result.status == 1 else { throw CLIFailure(description: "expected exit 1 for the broken file: \(result.output)") }
        return site
    })

    override class func tearDown() {
        (try? built.get())?.delete()
        super.tearDown()
    }

    static let artifacts: URL = {
        if let folder = ProcessInfo.processInfo.environment["MEDSYNTH_ARTIFACTS"] { return URL(fileURLWithPath: folder) }
        return CLI.repository.appendingPathComponent(".build/test-artifacts/gallery")
    }()

    /// What the browser saw: load errors and the values of the expressions asked for.
    struct PageReport: Decodable {
        let waited: Bool
        let errors: [String]
        let values: [String: JSONValue]
    }

    enum JSONValue: Decodable, Equatable {
        case number(Double), bool(Bool), text(String), other
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let value = try? container.decode(Bool.self) { self = .bool(value) }
            else if let value = try? container.decode(Double.self) { self = .number(value) }
            else if let value = try? container.decode(String.self) { self = .text(value) }
            else { self = .other }
        }
    }

    /// `eval` runs in order, after `waitFor` holds.
    static func open(_ url: String, waitFor: String? = nil, eval: KeyValuePairs<String, String> = [:], phone: Bool = false,
                     screenshot: String) throws -> PageReport {
        var arguments = [CLI.repository.appendingPathComponent("scripts/browser-check.py").path, url,
                         "--screenshot", artifacts.appendingPathComponent(screenshot).path]
        if phone { arguments += ["--width", "390", "--height", "844", "--mobile"] }
        if let waitFor { arguments += ["--wait-for", waitFor] }
        for (name, expression) in eval { arguments += ["--eval", "\(name)=\(expression)"] }
        _ = try Tool.run("chromium", ["--version"])  // skips (or fails under make test) when it is missing
        let result = try Tool.run("python3", arguments)
        guard result.status == 0, let line = result.output.split(separator: "\n").last(where: { $0.hasPrefix("{") }) else {
            throw CLIFailure(description: "browser check failed: \(result.output)")
        }
        return try JSONDecoder().decode(PageReport.self, from: Data(line.utf8))
    }

    static let thumbnailsLoaded = "(() => { const i = [...document.querySelectorAll('#grid img')]; return i.length > 0 && i.every(x => x.complete && x.naturalWidth > 0); })()"
    static let visibleCards = "document.querySelectorAll('#grid > li.card:not([hidden])').length"
    static let filterEffusion = """
        (() => { const s = document.getElementById('finding'); s.value = 'pleural-effusion'; \
        s.dispatchEvent(new Event('change', {bubbles: true})); \
        return document.querySelectorAll('#grid > li.card:not([hidden])').length; })()
        """
    static let tilesLoaded = "document.querySelectorAll('#viewer img.leaflet-tile-loaded').length"

    private func checkIndex(_ url: String, name: String) throws {
        let report = try Self.open(url, waitFor: Self.thumbnailsLoaded,
                                   eval: ["cards": Self.visibleCards, "errorCards": "document.querySelectorAll('#errors .error-card').length",
                                          "afterFilter": Self.filterEffusion],
                                   screenshot: "\(name)-index-desktop.png")
        XCTAssertEqual(report.errors, [], "\(url): browser errors")
        XCTAssertTrue(report.waited, "\(url): not every thumbnail loaded")
        XCTAssertEqual(report.values["cards"], .number(4))
        XCTAssertEqual(report.values["errorCards"], .number(1), "the broken prompt file shows as an error card")
        XCTAssertEqual(report.values["afterFilter"], .number(2), "filtering by Pleural Effusion keeps its two images")
    }

    private func checkImagePage(_ url: String, name: String) throws {
        let report = try Self.open(url, waitFor: "\(Self.tilesLoaded) > 0",
                                   eval: ["tiles": Self.tilesLoaded, "masks": "document.querySelectorAll('[data-mask]').length"],
                                   screenshot: "\(name)-image-desktop.png")
        XCTAssertEqual(report.errors, [], "\(url): browser errors")
        XCTAssertTrue(report.waited, "\(url): the viewer loaded no tiles")
    }

    func testGalleryFromDisk() throws {
        let output = try Self.built.get().output
        try checkIndex(output.appendingPathComponent("index.html").absoluteString, name: "disk")
        try checkImagePage(output.appendingPathComponent("images/effusion-s1/index.html").absoluteString, name: "disk")
        let compare = try Self.open(output.appendingPathComponent("compare.html").absoluteString, screenshot: "disk-compare-desktop.png")
        XCTAssertEqual(compare.errors, [])
    }

    func testGalleryThroughServe() throws {
        let site = try Self.built.get()
        let server = try ServeTests.Server(site: site)
        defer { server.stop() }
        try checkIndex(server.base, name: "served")
        try checkImagePage(server.base + "images/effusion-s1/", name: "served")
    }

    func testGalleryAtPhoneWidth() throws {
        let output = try Self.built.get().output
        let index = try Self.open(output.appendingPathComponent("index.html").absoluteString, waitFor: Self.thumbnailsLoaded,
                                  eval: ["overflow": "document.documentElement.scrollWidth > window.innerWidth"],
                                  phone: true, screenshot: "disk-index-phone.png")
        XCTAssertEqual(index.errors, [])
        XCTAssertEqual(index.values["overflow"], .bool(false), "the index scrolls sideways on a phone")
        let page = try Self.open(output.appendingPathComponent("images/lines-s0/index.html").absoluteString,
                                 waitFor: "\(Self.tilesLoaded) > 0",
                                 eval: ["overflow": "document.documentElement.scrollWidth > window.innerWidth"],
                                 phone: true, screenshot: "disk-image-phone.png")
        XCTAssertEqual(page.errors, [])
        XCTAssertEqual(page.values["overflow"], .bool(false), "the image page scrolls sideways on a phone")
    }
}
