import Foundation
import XCTest

/// Runs the real `medsynth` executable, as a user or CI would.
enum CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var output: String { stdout + stderr }
    }

    /// The executable built beside the test bundle (SwiftPM builds it for this test target).
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["MEDSYNTH_BIN"] { return URL(fileURLWithPath: path) }
        var folder = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("medsynth")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return Bundle.main.bundleURL.appendingPathComponent("medsynth")
    }

    /// The repository checkout the tests run from (for its scripts).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @discardableResult
    static func run(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        // Files rather than pipes: a chatty process can never block on a full pipe.
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("medsynth-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: capture, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: capture) }
        let outURL = capture.appendingPathComponent("stdout"), errURL = capture.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        let stdoutData = try Data(contentsOf: outURL), stderrData = try Data(contentsOf: errURL)
        return Result(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self))
    }
}

/// A throwaway site folder with helpers to write prompt files.
struct TemporarySite {
    let root: URL

    init(config: String? = "title: Test site\ndefaults:\n  size: 64\n") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("medsynth-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("prompts"), withIntermediateDirectories: true)
        if let config { try write("medsynth.yaml", config) }
    }

    var output: URL { root.appendingPathComponent("output") }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    func manifest() throws -> [String: Any] {
        let data = try Data(contentsOf: output.appendingPathComponent("manifest.json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The manifest if one has been written, without recording a test failure (for polling).
    func currentManifest() -> [String: Any]? {
        guard let data = try? Data(contentsOf: output.appendingPathComponent("manifest.json")) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    func imageIDs() throws -> [String] {
        let images = try XCTUnwrap(try manifest()["images"] as? [[String: Any]])
        return images.compactMap { $0["id"] as? String }
    }

    func build(_ extra: [String] = []) throws -> CLI.Result {
        try CLI.run(["build", "--site", root.path] + extra)
    }

    func delete() { try? FileManager.default.removeItem(at: root) }
}
