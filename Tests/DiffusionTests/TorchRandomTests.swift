import Diffusion
import XCTest

/// `TorchGenerator` against `torch.randn` values recorded from PyTorch (bit for bit).
final class TorchRandomTests: XCTestCase {
    func testSingleCallsMatchTorchBitForBit() throws {
        let reference = try ReferenceFixtures.load(RandnReference.self, from: "randn-reference.json")
        XCTAssertFalse(reference.single.isEmpty)
        for entry in reference.single {
            var generator = TorchGenerator(seed: entry.seed)
            let values = generator.randn(entry.shape)
            XCTAssertEqual(values.count, entry.values.count, "seed \(entry.seed) shape \(entry.shape)")
            let mismatches = zip(values, entry.values).filter { $0.bitPattern != $1.bitPattern }.count
            XCTAssertEqual(mismatches, 0, "seed \(entry.seed) shape \(entry.shape): \(mismatches) values differ")
        }
    }

    func testConsecutiveCallsContinueTheStream() throws {
        let reference = try ReferenceFixtures.load(RandnReference.self, from: "randn-reference.json")
        XCTAssertFalse(reference.sequences.isEmpty)
        for sequence in reference.sequences {
            var generator = TorchGenerator(seed: sequence.seed)
            for (index, call) in sequence.calls.enumerated() {
                let values = generator.randn(call.shape)
                XCTAssertEqual(values.map(\.bitPattern), call.values.map(\.bitPattern),
                               "seed \(sequence.seed), call \(index) with shape \(call.shape)")
            }
        }
    }

    func testShapeOnlyMattersThroughItsElementCount() {
        var a = TorchGenerator(seed: 99), b = TorchGenerator(seed: 99)
        XCTAssertEqual(a.randn([2, 3, 5]).map(\.bitPattern), b.randn(count: 30).map(\.bitPattern))
        XCTAssertEqual(a.randn([0, 4]), [])
        XCTAssertEqual(a.randn([4]).map(\.bitPattern), b.randn(count: 4).map(\.bitPattern))
    }

    func testValuesLookStandardNormal() {
        var generator = TorchGenerator(seed: 2024)
        let values = generator.randn(count: 1 << 16).map(Double.init)
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)
        XCTAssertEqual(mean, 0, accuracy: 0.02)
        XCTAssertEqual(variance, 1, accuracy: 0.03)
    }
}
