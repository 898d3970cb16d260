import Foundation
import XCTest

/// `medsynth serve` as a user runs it: a subprocess on a free loopback port, asked with curl.
final class ServeTests: XCTestCase {
    /// A running `medsynth serve` and the base URL it printed.
    final class Server {
        let process = Process()
        let base: String

        init(site: TemporarySite) throws {
            let log = site.root.appendingPathComponent("serve.log")
            FileManager.default.createFile(atPath: log.path, contents: nil)
            process.executableURL = CLI.executable
            process.arguments = ["serve", "--site", site.root.path, "--port", "0"]
            process.standardError = try FileHandle(forWritingTo: log)
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(20)
            var found: String?
            while found == nil && Date() < deadline {
                let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                found = text.range(of: #"http://127\.0\.0\.1:[0-9]+/"#, options: .regularExpression).map { String(text[$0]) }
                if found == nil { Thread.sleep(forTimeInterval: 0.05) }
            }
            guard let found else {
                process.terminate()
                throw CLIFailure(description: "serve did not start: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
            }
            base = found
        }

        func stop() {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// Status, headers and body of a GET, with curl (no redirects, path sent as given).
    static func get(_ url: String, maxTime: Double = 5) throws -> (status: Int, headers: String, body: String) {
        let result = try Tool.run("curl", ["-s", "-i", "--path-as-is", "--max-time", "\(maxTime)", url])
        let parts = result.output.components(separatedBy: "\r\n\r\n")
        let headers = parts.first ?? ""
        let status = Int(headers.split(separator: " ").dropFirst().first ?? "") ?? 0
        return (status, headers.lowercased(), parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    func testServesTheGalleryWithReloadAndRefusesPathsOutside() throws {
        let site = try TemporarySite()
        defer { site.delete() }
        try site.write("prompts/a.yaml", "title: Served\nprompt: PA chest radiograph, left pleural effusion\n")
        XCTAssertEqual(try site.build().status, 0)
        let onDisk = try String(contentsOf: site.output.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertFalse(onDisk.contains("EventSource"), "the reload snippet must not be written into static files")

        let server = try Server(site: site)
        defer { server.stop() }
        let index = try Self.get(server.base)
        XCTAssertEqual(index.status, 200)
        XCTAssertTrue(index.headers.contains("content-type: text/html"), index.headers)
        XCTAssertTrue(index.body.contains("Served") && index.body.contains("EventSource"), index.body)

        let css = try Self.get(server.base + "assets/style.css")
        XCTAssertEqual(css.status, 200)
        XCTAssertTrue(css.headers.contains("content-type: text/css"), css.headers)
        XCTAssertTrue(css.headers.contains("cache-control: no-cache"), css.headers)
        let png = try Self.get(server.base + "images/a-s0/image.png")
        XCTAssertTrue(png.headers.contains("content-type: image/png"), png.headers)
        XCTAssertTrue(png.headers.contains("etag"), png.headers)

        for escape in ["../medsynth.yaml", "images/../../medsynth.yaml", "%2e%2e/medsynth.yaml", "..%2fmedsynth.yaml"] {
            let response = try Self.get(server.base + escape)
            XCTAssertNotEqual(response.status, 200, "\(escape) was served")
            XCTAssertFalse(response.body.contains("defaults"), escape)
        }

        // A rebuild announces itself to open pages.
        let eventsURL = server.base + "_medsynth/events"
        let events = CLIAsync { try ServeTests.get(eventsURL, maxTime: 3) }
        Thread.sleep(forTimeInterval: 0.5)
        try site.write("prompts/a.yaml", "title: Served again\nprompt: PA chest radiograph, left pleural effusion\n")
        XCTAssertEqual(try site.build().status, 0)
        let stream = try events.value()
        XCTAssertTrue(stream.headers.contains("content-type: text/event-stream"), stream.headers)
        XCTAssertTrue(stream.body.contains("event: rebuilt"), stream.body)
    }

    func testBindsToLoopbackByDefault() throws {
        let help = try CLI.run(["serve", "--help"])
        XCTAssertTrue(help.stdout.contains("127.0.0.1"), help.stdout)
        let site = try TemporarySite()
        defer { site.delete() }
        let refused = try CLI.run(["serve", "--site", site.root.path])
        XCTAssertEqual(refused.status, 2, "no gallery yet: \(refused.output)")
    }
}

/// Runs a throwing closure on another thread and hands back its result.
final class CLIAsync<T>: @unchecked Sendable {
    private var result: Result<T, Error>?
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping @Sendable () throws -> T) {
        Thread.detachNewThread { [self] in
            result = Result(catching: body)
            done.signal()
        }
    }

    func value() throws -> T {
        done.wait()
        return try result!.get()
    }
}
