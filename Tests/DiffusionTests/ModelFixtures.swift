import Diffusion
import Foundation
import SynthNumerics
import XCTest

/// Locates the Python-generated fixtures in `Tests/DiffusionTests/Fixtures/`: tiny random-weight
/// pipelines in diffusers layout (`sd1-tiny/`, `sd2-tiny/`) and, beside each, the tensors
/// diffusers computed from them (`<model>-reference.safetensors`).
enum ModelFixtures {
    /// The fixtures folder, found from this source file's path so tests run from any directory.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The pipeline folder of a fixture model (e.g. "sd1-tiny").
    static func pipeline(_ model: String) -> URL { directory.appendingPathComponent(model) }

    /// One component folder of a fixture pipeline, skipping the test when the fixtures are absent.
    static func component(_ model: String, _ name: String) throws -> URL {
        let url = pipeline(model).appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.appendingPathComponent("config.json").path) else {
            throw XCTSkip("fixture \(model)/\(name) not generated (scripts/diffusion/make_fixtures.py)")
        }
        return url
    }

    /// The reference tensors diffusers computed for a fixture model, skipping when absent.
    static func reference(_ model: String) throws -> SafeTensorsFile {
        let url = directory.appendingPathComponent("\(model)-reference.safetensors")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw XCTSkip("reference \(url.lastPathComponent) not generated (scripts/diffusion/make_fixtures.py)")
        }
        return try SafeTensorsFile(contentsOf: url)
    }

    /// A fresh empty temporary folder, removed when the test ends.
    static func temporaryDirectory(_ test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("diffusion-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}

/// Deterministic pseudo-random tensors for tests that need arbitrary data.
func randomTensor(_ shape: [Int], seed: UInt64, scale: Float = 1) -> Tensor {
    let rng = CounterRNG(seed: seed)
    let n = Tensor.elementCount(shape)
    return Tensor(shape: shape, storage: (0..<n).map { Float(rng.uniform(UInt64($0), in: -1...1)) * scale })
}

/// Fails unless `actual` matches `expected` in shape and to within `tolerance` everywhere;
/// returns the largest difference for reporting.
@discardableResult
func assertClose(_ actual: Tensor, _ expected: Tensor, tolerance: Float, _ what: String,
                 file: StaticString = #filePath, line: UInt = #line) -> Float {
    guard actual.shape == expected.shape else {
        XCTFail("\(what): shape \(actual.shape), expected \(expected.shape)", file: file, line: line)
        return .infinity
    }
    let error = maxAbsDifference(actual, expected)
    XCTAssertLessThanOrEqual(error, tolerance, "\(what): max abs error \(error)", file: file, line: line)
    return error
}
