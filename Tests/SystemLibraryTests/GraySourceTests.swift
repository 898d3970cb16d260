import Foundation
@testable import Imaging
import SynthNumerics
import XCTest

/// A rendering with a value for every pixel that tells its row and column apart.
private final class Pattern: RowRendering {
    let width = 301, height = 203
    func makeRowWriter() -> RowWriter {
        { [width] rows, pixels in
            for (k, j) in rows.enumerated() {
                for i in 0..<width { pixels[k * width + i] = UInt16(truncatingIfNeeded: (i &* 2_654_435_761 &+ j &* 40_503) >> 5) }
            }
        }
    }
}

/// Images streamed into libvips from a renderer give the bytes of the same image in memory.
final class GraySourceTests: XCTestCase {
    private func temporary(_ suffix: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("medsynth-\(UUID().uuidString).\(suffix)")
    }

    func testRenderedPNGEqualsThePNGOfTheSamePixelsInMemory() throws {
        let rendering = Pattern()
        let memory = rendering.materialize()
        let streamed = temporary("png"), whole = temporary("png")
        defer { [streamed, whole].forEach { try? FileManager.default.removeItem(at: $0) } }
        let streamedHistogram = try ImageEncoders.png16(.rendered(rendering), to: streamed)
        let wholeHistogram = try ImageEncoders.png16(.memory(memory), to: whole)
        XCTAssertEqual(try Data(contentsOf: streamed), try Data(contentsOf: whole))
        XCTAssertEqual(streamedHistogram, wholeHistogram)
        XCTAssertEqual(streamedHistogram.total, 301 * 203)
        XCTAssertEqual(try ImageDecoders.png16(at: streamed).pixels, memory.pixels)
    }

    func testStripsOfAPNGAreItsRowsInOrder() throws {
        let memory = Pattern().materialize()
        let url = temporary("png")
        defer { try? FileManager.default.removeItem(at: url) }
        try ImageEncoders.png16(.memory(memory), to: url)
        var pixels: [UInt16] = [], next = 0
        try GraySource.png(url).forEachStrip { rows, strip in
            XCTAssertEqual(rows.lowerBound, next)
            XCTAssertEqual(strip.count, rows.count * 301)
            next = rows.upperBound
            pixels += strip
        }
        XCTAssertEqual(pixels, memory.pixels)
        XCTAssertEqual(try GraySource.png(url).size().width, 301)
        XCTAssertEqual(try PixelHistogram(of: .png(url)), try PixelHistogram(of: .memory(memory)))
    }

    func testDerivedExportsOfAPNGEqualThoseOfMemory() throws {
        let memory = Pattern().materialize()
        let master = temporary("png"), fromFile = temporary("tif"), fromMemory = temporary("tif")
        defer { [master, fromFile, fromMemory].forEach { try? FileManager.default.removeItem(at: $0) } }
        try ImageEncoders.png16(.memory(memory), to: master)
        try ImageEncoders.tiffPyramid(.png(master), to: fromFile)
        try ImageEncoders.tiffPyramid(.memory(memory), to: fromMemory)
        XCTAssertEqual(try Data(contentsOf: fromFile), try Data(contentsOf: fromMemory))
    }

    func testTapGivesNoHistogramUnlessEveryRowPassedOnce() {
        let tap = RenderedRowsTap(Pattern())
        tap.record(0..<203)
        var histogram = PixelHistogram()
        Pattern().materialize().pixels.withUnsafeBufferPointer { histogram.add($0) }
        tap.merge(histogram)
        XCTAssertNotNil(tap.histogram)
        tap.record(5..<6)
        XCTAssertNil(tap.histogram, "a row rendered twice is counted twice")
        XCTAssertNil(RenderedRowsTap(Pattern()).histogram, "no row rendered")
    }

    func testWindowSpansTheMiddleOfTheHistogram() {
        var histogram = PixelHistogram()
        let values = (0..<1000).map { UInt16($0 * 10) }
        values.withUnsafeBufferPointer { histogram.add($0) }
        let window = DisplayWindow(histogram: histogram)
        XCTAssertEqual(window.center - window.width / 2, 50)
        XCTAssertEqual(window.center + window.width / 2, 9950)
    }
}
