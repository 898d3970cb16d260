import Foundation
import XCTest
@testable import DICOM

/// Checks written files with the tools the DICOM community trusts: dicom3tools' dciodvfy
/// (IOD conformance), DCMTK's dcmdump (parsing) and pydicom (pixel decoding). `make test`
/// installs them (into `.venv/` and from Debian) and sets `MEDSYNTH_REQUIRE_VALIDATORS=1`, so a
/// missing tool fails there; a bare `swift test` skips what is missing. Set `DCIODVFY` to use
/// a dciodvfy that is not on PATH.
final class ExternalValidatorTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("dicom-validator-\(ProcessInfo.processInfo.processIdentifier)-\(name.hashValue)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private var samples: [(String, SecondaryCaptureImage)] {
        [("complete", SampleImages.complete(rows: 512, columns: 512)),
         ("minimal", SampleImages.minimal()),
         ("lateral", SampleImages.lateral())]
    }

    /// Writes the samples and returns their paths.
    private func writeSamples() throws -> [(path: String, image: SecondaryCaptureImage)] {
        try samples.map { name, image in
            let url = directory.appendingPathComponent("\(name).dcm")
            try DICOMWriter.encode(image).write(to: url)
            return (url.path, image)
        }
    }

    func testDciodvfyReportsNoErrors() throws {
        let dciodvfy = try tool(ProcessInfo.processInfo.environment["DCIODVFY"] ?? "dciodvfy")
        for (path, _) in try writeSamples() {
            let result = try run(dciodvfy, [path])
            let errors = result.output.split(separator: "\n").filter { line in
                line.contains("Error")
            }
            XCTAssertEqual(errors, [], "dciodvfy \(path):\n\(result.output)")
        }
    }

    func testDcmdumpParsesTheFile() throws {
        let dcmdump = try tool("dcmdump")
        for (path, image) in try writeSamples() {
            let result = try run(dcmdump, [path])
            XCTAssertEqual(result.status, 0, result.output)
            XCTAssertFalse(result.output.contains("E: "), result.output)
            XCTAssertTrue(result.output.contains("Synthesizing Equipment"), result.output)
            XCTAssertTrue(result.output.contains(image.sopInstanceUID), result.output)
        }
    }

    func testPydicomDecodesThePixels() throws {
        let python = try tool("python3")
        guard try run(python, ["-c", "import pydicom, numpy"]).status == 0 else {
            throw missing("pydicom and numpy")
        }
        let script = """
            import sys, numpy, pydicom
            d = pydicom.dcmread(sys.argv[1])
            a = d.pixel_array
            expected = numpy.fromfile(sys.argv[2], dtype="<u2").reshape(d.Rows, d.Columns)
            assert a.dtype == numpy.uint16, a.dtype
            assert numpy.array_equal(a, expected), "pixels differ"
            print(d.SyntheticData, d.ImageComments)
            """
        for (path, image) in try writeSamples() {
            let raw = path + ".raw"
            try image.pixels.withUnsafeBytes { Data($0) }.write(to: URL(fileURLWithPath: raw))
            let result = try run(python, ["-c", script, path, raw])
            XCTAssertEqual(result.status, 0, result.output)
            XCTAssertEqual(result.output.trimmingCharacters(in: .whitespacesAndNewlines),
                           "YES \(image.imageComments)")
        }
    }

    // MARK: Helpers

    /// The executable `name` (a path, or looked up on PATH); skips the test when absent.
    private func tool(_ name: String) throws -> String {
        let candidates = name.contains("/") ? [name]
            : (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(name)" }
        guard let path = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw missing(name)
        }
        return path
    }

    /// A skip for a bare `swift test`, a failure under `make test`, which installs every tool.
    private func missing(_ what: String) -> Error {
        if ProcessInfo.processInfo.environment["MEDSYNTH_REQUIRE_VALIDATORS"] == "1" {
            return ValidatorMissing(description: "\(what) not installed; `make test` should have installed it")
        }
        return XCTSkip("\(what) not installed")
    }

    /// Runs `executable` and returns its exit status and its stdout and stderr together.
    private func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}

private struct ValidatorMissing: Error, CustomStringConvertible {
    var description: String
}
