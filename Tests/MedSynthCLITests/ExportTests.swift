import Foundation
import XCTest

/// The exports of one image, built by `medsynth build` and checked with the tools users
/// load them into: dciodvfy, dcmdump and pydicom for DICOM, and structural checks of the
/// tile pyramid, the TIFF pyramid and the previews.
final class ExportTests: XCTestCase {
    static let width = 700, height = 520

    private static let built: Result<TemporarySite, Error> = Result(catching: {
        let site = try TemporarySite()
        try site.write("prompts/exports.yaml", """
            title: Exports
            prompt: PA chest radiograph, 66-year-old woman, moderate right pleural effusion — ≥ 2 cm nodule
            seeds: [5]
            size: \(width)x\(height)
            date: 2024-03-15
            """)
        let result = try site.build()
        guard result.status == 0 else { throw CLIFailure(description: result.output) }
        return site
    })

    override class func tearDown() {
        (try? built.get())?.delete()
        super.tearDown()
    }

    private func file(_ name: String) throws -> URL {
        try Self.built.get().output.appendingPathComponent("images/exports-s5/\(name)")
    }

    func testDICOMPassesDciodvfyAndDcmdump() throws {
        let dicom = try file("image.dcm").path
        let verify = try Tool.run("dciodvfy", [dicom])
        let errors = verify.output.split(separator: "\n").filter { $0.contains("Error") }
        XCTAssertEqual(errors, [], verify.output)
        let dump = try Tool.run("dcmdump", ["+L", dicom])  // +L: long values in full
        XCTAssertEqual(dump.status, 0, dump.output)
        for expected in ["(0008,001c) CS [YES]", "(0008,0064) CS [SYN]", "DERIVED\\SECONDARY", "Synthesizing Equipment",
                         "(0028,0100) US 16", "MONOCHROME2", "[20240315]", "moderate right pleural effusion", "(0010,0040) CS [F]", "[066Y]"] {
            XCTAssertTrue(dump.output.contains(expected), "dcmdump lacks \(expected):\n\(dump.output)")
        }
    }

    func testPydicomPixelsEqualThePNGMaster() throws {
        let script = """
            import sys, numpy, png, pydicom
            d = pydicom.dcmread(sys.argv[1])
            w, h, rows, info = png.Reader(filename=sys.argv[2]).read()
            master = numpy.vstack([numpy.asarray(r, dtype=numpy.uint16) for r in rows])
            assert info["bitdepth"] == 16 and info["greyscale"], info
            assert d.pixel_array.shape == master.shape, (d.pixel_array.shape, master.shape)
            assert numpy.array_equal(d.pixel_array, master), "DICOM pixels differ from image.png"
            print("equal", master.shape, int(master.min()), int(master.max()))
            """
        let result = try Tool.run("python3", ["-c", script, try file("image.dcm").path, try file("image.png").path])
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.output.hasPrefix("equal (\(Self.height), \(Self.width))"), result.output)
    }

    func testWindowComesFromTheMasterPNGsHistogram() throws {
        // The phantom's rows stream into the PNG; the window is taken from them on the way.
        let script = """
            import json, sys, numpy, png
            meta = json.load(open(sys.argv[1]))
            w, h, rows, info = png.Reader(filename=sys.argv[2]).read()
            values = numpy.sort(numpy.vstack([numpy.asarray(r, dtype=numpy.uint16) for r in rows]).ravel())
            low, high = int(values[int(len(values) * 0.005)]), int(values[int(len(values) * 0.995)])
            expected = {"center": (low + high) / 2, "width": max(high - low, 1)}
            assert meta["window"] == expected, (meta["window"], expected)
            print("window", expected)
            """
        let result = try Tool.run("python3", ["-c", script, try file("meta.json").path, try file("image.png").path])
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.output.hasPrefix("window"), result.output)
    }

    func testTilePyramidIsComplete() throws {
        let tiles = try file("tiles")
        let levels = try FileManager.default.contentsOfDirectory(atPath: tiles.path).compactMap(Int.init).sorted()
        let top = Int((log2(Double(max(Self.width, Self.height)) / 256)).rounded(.up))
        XCTAssertEqual(levels, Array(0...top))
        for level in levels {
            let scale = Double(1 << (top - level))
            let columns = Int((Double(Self.width) / scale / 256).rounded(.up))
            let rows = Int((Double(Self.height) / scale / 256).rounded(.up))
            for y in 0..<rows {
                for x in 0..<columns {
                    XCTAssertTrue(FileManager.default.fileExists(atPath: tiles.appendingPathComponent("\(level)/\(y)/\(x).jpg").path),
                                  "tile \(level)/\(y)/\(x) missing")
                }
            }
            let rowFolders = try FileManager.default.contentsOfDirectory(atPath: tiles.appendingPathComponent("\(level)").path)
            XCTAssertEqual(rowFolders.count, rows, "level \(level)")
        }
    }

    func testTIFFHasOnePagePerPyramidLevel() throws {
        let data = try Data(contentsOf: try file("image.tif"))
        let pages = try TIFF.pageSizes(data)
        XCTAssertEqual(pages.first?.width, Self.width)
        XCTAssertEqual(pages.first?.height, Self.height)
        XCTAssertGreaterThanOrEqual(pages.count, 2)
        for (larger, smaller) in zip(pages, pages.dropFirst()) {
            XCTAssertEqual(smaller.width, larger.width / 2, "each page halves the one before: \(pages)")
        }
    }

    func testPreviewsAreEightBitJPEGsOfTheRightSize() throws {
        for (name, long) in [("preview.jpg", 1024), ("thumb.jpg", 256)] {
            let frame = try JPEG.frame(Data(contentsOf: try file(name)))
            XCTAssertEqual(frame.precision, 8, name)
            let expectedLong = min(long, max(Self.width, Self.height))
            XCTAssertEqual(max(frame.width, frame.height), expectedLong, name)
            XCTAssertEqual(Double(frame.width) / Double(frame.height), Double(Self.width) / Double(Self.height), accuracy: 0.02, name)
        }
    }

    func testMasksAreEightBitPNGsOfImageSize() throws {
        let png = try Data(contentsOf: try file("masks/pleural-effusion.png"))
        XCTAssertEqual(png[24], 8)
        XCTAssertEqual(Int(png[16]) << 24 | Int(png[17]) << 16 | Int(png[18]) << 8 | Int(png[19]), Self.width)
    }
}

struct CLIFailure: Error, CustomStringConvertible { var description: String }

/// Runs an external tool from PATH (`make test` puts `.venv/bin` first).
enum Tool {
    static func run(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(name)" }
        guard let path = paths.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            if ProcessInfo.processInfo.environment["MEDSYNTH_REQUIRE_VALIDATORS"] == "1" {
                throw CLIFailure(description: "\(name) is not installed; `make test` installs it")
            }
            throw XCTSkip("\(name) is not installed (make test installs it)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
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

/// Just enough TIFF to list the pages of a little-endian file.
enum TIFF {
    static func pageSizes(_ data: Data) throws -> [(width: Int, height: Int)] {
        let bytes = [UInt8](data)
        guard bytes.count > 8, bytes[0] == 0x49, bytes[1] == 0x49, bytes[2] == 42 else { throw CLIFailure(description: "not a little-endian TIFF") }
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        var pages: [(Int, Int)] = []
        var offset = u32(4)
        while offset != 0 && offset + 2 <= bytes.count && pages.count < 64 {
            let count = u16(offset)
            var width = 0, height = 0
            for entry in 0..<count {
                let at = offset + 2 + entry * 12
                let value = u16(at + 2) == 3 ? u16(at + 8) : u32(at + 8)
                if u16(at) == 256 { width = value }
                if u16(at) == 257 { height = value }
            }
            pages.append((width, height))
            offset = u32(offset + 2 + count * 12)
        }
        return pages
    }
}

/// Just enough JPEG to read the frame header.
enum JPEG {
    static func frame(_ data: Data) throws -> (precision: Int, width: Int, height: Int) {
        let bytes = [UInt8](data)
        var at = 2
        while at + 9 < bytes.count {
            guard bytes[at] == 0xFF else { break }
            let marker = bytes[at + 1]
            let length = Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
            if (0xC0...0xC3).contains(marker) {
                return (Int(bytes[at + 4]), Int(bytes[at + 7]) << 8 | Int(bytes[at + 8]), Int(bytes[at + 5]) << 8 | Int(bytes[at + 6]))
            }
            at += 2 + length
        }
        throw CLIFailure(description: "no JPEG frame header")
    }
}
