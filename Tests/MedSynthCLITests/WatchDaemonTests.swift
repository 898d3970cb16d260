import Foundation
import XCTest

/// `medsynth watch` as a running daemon: real file operations on a temporary site, each
/// checked against the manifest and the files on disk.
final class WatchDaemonTests: XCTestCase {
    /// A `medsynth watch` subprocess.
    final class Daemon {
        let process = Process()
        let log: URL

        init(site: TemporarySite, extra: [String] = []) throws {
            log = site.root.appendingPathComponent("watch.log")
            FileManager.default.createFile(atPath: log.path, contents: nil)
            process.executableURL = CLI.executable
            process.arguments = ["watch", "--site", site.root.path, "--json", "--jobs", "2"] + extra
            process.standardOutput = try FileHandle(forWritingTo: log)
            process.standardError = FileHandle.nullDevice
            try process.run()
        }

        var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

        func terminate() -> Int32 {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    func testServeAlongsideReloadsPagesAndStopsOnSIGTERM() throws {
        let site = try TemporarySite()
        defer { site.delete() }
        try site.write("prompts/a.yaml", "title: Watched\nprompt: PA chest radiograph\nsize: 64\n")
        let daemon = try Daemon(site: site, extra: ["--serve", "--port", "0"])
        var base: String?
        eventually("serving") {
            let text = daemon.logText
            base = text.range(of: #"http://127\.0\.0\.1:[0-9]+/"#, options: .regularExpression).map { String(text[$0]) }
            return base != nil && ids(site) == ["a-s0"]
        }
        let url = try XCTUnwrap(base)
        let index = try ServeTests.get(url)
        XCTAssertEqual(index.status, 200)
        XCTAssertTrue(index.body.contains("Watched") && index.body.contains("EventSource"), index.body)
        // An open live-reload stream must not keep the daemon from stopping.
        let events = CLIAsync { try ServeTests.get(url + "_medsynth/events", maxTime: 8) }
        Thread.sleep(forTimeInterval: 0.5)
        let started = Date()
        XCTAssertEqual(daemon.terminate(), 0, "SIGTERM exits 0")
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        _ = try? events.value()
    }

    /// Polls until `condition` holds (the daemon reacts in well under a second).
    func eventually(_ what: String, timeout: TimeInterval = 20, _ condition: () throws -> Bool) {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if (try? condition()) == true { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("timed out waiting for: \(what)")
    }

    func ids(_ site: TemporarySite) -> [String] {
        (site.currentManifest()?["images"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
    }

    func errorFiles(_ site: TemporarySite) -> [String] {
        (site.currentManifest()?["errors"] as? [[String: Any]])?.compactMap { $0["file"] as? String } ?? []
    }

    func testDaemonFollowsEveryKindOfChange() throws {
        let site = try TemporarySite()
        defer { site.delete() }
        try site.write("prompts/first.yaml", "prompt: PA chest radiograph, left pleural effusion\n")
        let daemon = try Daemon(site: site)
        defer { _ = daemon.terminate() }
        eventually("initial build") { ids(site) == ["first-s0"] }

        // Drop by rename, as editors save.
        let staged = site.root.appendingPathComponent("staged.yaml")
        try Data("prompt: PA chest radiograph, cardiomegaly\n".utf8).write(to: staged)
        try FileManager.default.moveItem(at: staged, to: site.root.appendingPathComponent("prompts/renamed-in.yaml"))
        eventually("file moved in") { ids(site).contains("renamed-in-s0") }

        // A slow writer: the file is valid only when complete.
        let slow = try FileHandle(forWritingTo: { let u = site.root.appendingPathComponent("prompts/slow.yaml"); FileManager.default.createFile(atPath: u.path, contents: nil); return u }())
        for piece in ["prom", "pt: PA chest ", "radiograph, right ", "pneumothorax\n"] {
            slow.write(Data(piece.utf8))
            Thread.sleep(forTimeInterval: 0.05)
        }
        try slow.close()
        eventually("slow write") { ids(site).contains("slow-s0") && errorFiles(site).isEmpty }

        // A burst of 50 files.
        for index in 0..<50 { try site.write("prompts/burst/b\(index).yaml", "prompt: AP chest radiograph\nsize: 64\n") }
        eventually("burst of 50") { ids(site).filter { $0.hasPrefix("burst-") }.count == 50 }

        // Edit: the image is made again (new hash).
        let before = try site.manifest()["images"] as? [[String: Any]]
        let oldHash = before?.first { $0["id"] as? String == "first-s0" }?["contentHash"] as? String
        try site.write("prompts/first.yaml", "prompt: PA chest radiograph, right pleural effusion\n")
        eventually("edit") {
            let images = site.currentManifest()?["images"] as? [[String: Any]]
            let hash = images?.first { $0["id"] as? String == "first-s0" }?["contentHash"] as? String
            return hash != nil && hash != oldHash
        }

        // Rename and delete.
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("prompts/slow.yaml"), to: site.root.appendingPathComponent("prompts/fast.yaml"))
        eventually("rename") { ids(site).contains("fast-s0") && !ids(site).contains("slow-s0") }
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("images/slow-s0").path))
        try site.remove("prompts/renamed-in.yaml")
        eventually("delete") { !ids(site).contains("renamed-in-s0") }

        // Malformed, then fixed.
        try site.write("prompts/broken.yaml", "prompt: PA chest\nsedes: [1]\n")
        eventually("error card") { errorFiles(site) == ["prompts/broken.yaml"] }
        let index = try String(contentsOf: site.output.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(index.contains("prompts/broken.yaml:2:1"))
        try site.write("prompts/broken.yaml", "prompt: PA chest\nseeds: [1]\n")
        eventually("error cleared") { errorFiles(site).isEmpty && ids(site).contains("broken-s1") }

        // A new subfolder holding a file already when it arrives.
        let folder = site.root.appendingPathComponent("incoming")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("prompt: lateral chest radiograph\nsize: 64\n".utf8).write(to: folder.appendingPathComponent("x.yaml"))
        try FileManager.default.moveItem(at: folder, to: site.root.appendingPathComponent("prompts/incoming"))
        eventually("new subfolder") { ids(site).contains("incoming-x-s0") }

        XCTAssertEqual(daemon.terminate(), 0, "SIGTERM exits 0")
        XCTAssertTrue(daemon.logText.contains("\"event\":\"built\""), daemon.logText)
        XCTAssertEqual(try leftovers(site.output), [])
    }

    func testKillDashNineMidBuildThenRestartCompletes() throws {
        let site = try TemporarySite()
        defer { site.delete() }
        for index in 0..<6 { try site.write("prompts/big\(index).yaml", "prompt: PA chest radiograph, edema\nsize: 1024\n") }
        let first = try Daemon(site: site)
        eventually("first image written", timeout: 60) {
            (try? FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("images").path).count) ?? 0 >= 1
        }
        kill(first.process.processIdentifier, SIGKILL)
        first.process.waitUntilExit()

        let second = try Daemon(site: site)
        eventually("all six images after restart", timeout: 120) { ids(site).count == 6 }
        let started = Date()
        XCTAssertEqual(second.terminate(), 0)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "SIGTERM exits within a few seconds")
        XCTAssertEqual(try leftovers(site.output), [], "no temporary files after the restart")
        for id in ids(site) {
            XCTAssertTrue(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("images/\(id)/meta.json").path))
        }
    }

    private func leftovers(_ output: URL) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: output.path).filter { $0.contains(".medsynth-tmp-") }
    }
}
