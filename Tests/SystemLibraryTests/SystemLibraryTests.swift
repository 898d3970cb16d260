import Foundation
import CBLAS
import CInotify
import Imaging
import SynthNumerics
import XCTest

/// Proves the system libraries `make deps` installs are found, linked and working.
final class SystemLibraryTests: XCTestCase {
    func testOpenBLASComputesADotProduct() {
        let x: [Float] = [1, 2, 3], y: [Float] = [4, 5, 6]
        XCTAssertEqual(cblas_sdot(3, x, 1, y, 1), 32)
    }

    func testInotifyToolsInitializes() {
        XCTAssertEqual(inotifytools_initialize(), 1, "libinotifytools could not start an inotify instance")
    }

    func testMaskPNGHasEveryBitAsAPixel() throws {
        // 70 px wide: rows span two words, the second one partly.
        var mask = BitMask(width: 70, height: 3)
        for (x, y) in [(0, 0), (1, 0), (63, 0), (64, 1), (69, 1), (5, 2), (66, 2)] { mask[x, y] = true }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("medsynth-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: url) }
        try ImageEncoders.png8(mask, to: url)
        let decoded = try ImageDecoders.png8(at: url)
        XCTAssertEqual([decoded.width, decoded.height], [70, 3])
        XCTAssertEqual(decoded.pixels, mask.pixels)
    }

    func testLibvipsKeepsSixteenBitsInPNG() throws {
        let image = GrayImage16(width: 3, height: 1, pixels: [0, 0x1234, 0xFFFF])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("medsynth-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: url) }
        try ImageEncoders.png16(.memory(image), to: url)
        let png = try Data(contentsOf: url)
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // IHDR: width, height, then bit depth 16 and colour type 0 (grey).
        XCTAssertEqual(png[24], 16, "libvips saved the master with fewer than 16 bits")
        XCTAssertEqual(png[25], 0)
    }
}
