import Foundation
@testable import SynthNumerics
import XCTest

/// The tensor ops on small cases checked by hand, and the fast paths (im2col bands, query
/// chunks, split GEMMs, vector exp/erf) against straightforward loops.
final class TensorOpsTests: XCTestCase {
    func t(_ shape: [Int], _ values: [Float]) -> Tensor { Tensor(shape: shape, storage: values) }

    func testLinearIsXTimesWTransposedPlusBias() {
        let x = t([2, 3], [1, 2, 3, 4, 5, 6])
        let w = t([2, 3], [1, 0, -1, 0.5, 0.5, 0.5])
        let y = linear(x, weight: w, bias: t([2], [10, 20]))
        XCTAssertEqual(y.shape, [2, 2])
        let expected: [Float] = [8, 23, 8, 27.5]  // [1−3+10, 3+20, 4−6+10, 7.5+20]
        XCTAssertEqual(y.storage, expected)
    }

    func testConv3x3PaddedSumsNeighbourhoods() {
        let x = t([1, 1, 3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9])
        let ones = Tensor(shape: [1, 1, 3, 3], repeating: 1)
        let y = conv2d(x, weight: ones, bias: t([1], [0.5]), stride: 1, padding: 1)
        XCTAssertEqual(y.shape, [1, 1, 3, 3])
        let sums: [Float] = [12, 21, 16, 27, 45, 33, 24, 39, 28]
        XCTAssertEqual(y.storage, sums.map { $0 + 0.5 })
    }

    func testConv3x3Stride2() {
        let x = t([1, 1, 4, 4], (1...16).map(Float.init))
        let ones = Tensor(shape: [1, 1, 3, 3], repeating: 1)
        let y = conv2d(x, weight: ones, stride: 2, padding: 1)
        // Output (0,0) covers rows/cols -1…1, (0,1) rows -1…1 cols 1…3, etc.
        XCTAssertEqual(y.shape, [1, 1, 2, 2])
        // 1+2+5+6, 2+3+4+6+7+8, 5+6+9+10+13+14, 6+7+8+10+11+12+14+15+16
        let expected: [Float] = [14, 30, 57, 99]
        XCTAssertEqual(y.storage, expected)
    }

    func testConv1x1IsAChannelMix() {
        let x = t([1, 2, 1, 2], [1, 2, 10, 20])
        let w = t([1, 2, 1, 1], [1, -1])
        XCTAssertEqual(conv2d(x, weight: w).storage, [-9, -18])
    }

    func testConvMatchesDirectLoopsAcrossBandsAndBatches() {
        // A tiny scratch budget forces many bands of a few rows (uneven at odd sizes).
        let saved = ComputeThreading.convolutionScratchFloats
        defer { ComputeThreading.convolutionScratchFloats = saved }
        ComputeThreading.convolutionScratchFloats = 5 * 9 * 16 * 3
        // 2 images × 5 channels, 3×3 and stride 2, odd sizes: exercises band edges and padding;
        // 40 output channels over 2×3×2 pixels takes the joint (all images in one GEMM) path.
        for (stride, height, width, cOut) in [(1, 13, 16, 7), (2, 13, 16, 7), (2, 12, 15, 7), (1, 1, 4, 7), (1, 3, 2, 40), (2, 5, 4, 40)] {
            let x = randomTensor([2, 5, height, width], seed: 1)
            let w = randomTensor([cOut, 5, 3, 3], seed: 2), b = randomTensor([cOut], seed: 3)
            let fast = conv2d(x, weight: w, bias: b, stride: stride, padding: 1)
            let slow = referenceConv(x, w, b, stride: stride, padding: 1)
            XCTAssertLessThan(maxAbsDifference(fast, slow), 1e-4, "stride \(stride) \(height)×\(width) → \(cOut)")
        }
    }

    func testGroupNormNormalizesEachGroup() {
        let x = t([1, 2, 1, 2], [1, 3, 10, 30])
        let y = groupNorm(x, groups: 2, weight: t([2], [1, 2]), bias: t([2], [0, 1]), eps: 0)
        XCTAssertEqual(y.storage[0], -1, accuracy: 1e-6)
        XCTAssertEqual(y.storage[1], 1, accuracy: 1e-6)
        XCTAssertEqual(y.storage[2], -1, accuracy: 1e-6)  // 2·(−1) + 1
        XCTAssertEqual(y.storage[3], 3, accuracy: 1e-6)
        let one = groupNorm(t([1, 2, 1, 2], [1, 2, 3, 4]), groups: 1, weight: t([2], [1, 1]), bias: t([2], [0, 0]), eps: 1e-5)
        let rstd = 1 / (1.25 + 1e-5).squareRoot()
        XCTAssertEqual(one.storage[0], Float(-1.5 * rstd), accuracy: 1e-6)
        let fused = groupNorm(x, groups: 2, weight: t([2], [1, 2]), bias: t([2], [0, 1]), eps: 0, thenSiLU: true)
        XCTAssertLessThan(maxAbsDifference(fused, silu(y)), 1e-6)
    }

    func testLayerNormOverLastDimension() {
        let y = layerNorm(t([2, 2], [1, 3, -2, 2]), weight: t([2], [1, 1]), bias: t([2], [0, 0.5]), eps: 0)
        XCTAssertEqual(y.storage, [-1, 1.5, -1, 1.5])
    }

    func testActivationsAtKnownPoints() {
        let x = t([4], [0, 1, -1, 3])
        let s = silu(x).storage, g = gelu(x).storage, q = quickGELU(x).storage
        let expectedSiLU: [Float] = [0, 0.731_058_6, -0.268_941_4, 2.857_722_6]
        let expectedGELU: [Float] = [0, 0.841_344_7, -0.158_655_3, 2.995_950_3]
        for i in 0..<4 {
            XCTAssertEqual(s[i], expectedSiLU[i], accuracy: 1e-6)
            XCTAssertEqual(g[i], expectedGELU[i], accuracy: 1e-6)
            XCTAssertEqual(q[i], Float(Double(x.storage[i]) / (1 + Foundation.exp(-1.702 * Double(x.storage[i])))), accuracy: 1e-6)
        }
    }

    func testGEGLUGatesTheFirstHalfByGELUOfTheSecond() {
        let y = geglu(t([1, 4], [2, 3, 1, 0]))
        XCTAssertEqual(y.shape, [1, 2])
        XCTAssertEqual(y.storage[0], 2 * 0.841_344_7, accuracy: 1e-6)
        XCTAssertEqual(y.storage[1], 0, accuracy: 1e-7)
    }

    func testVectorExpAndErfAreAccurate() {
        var worstExp = 0.0, worstErf = 0.0
        for i in 0..<20_000 {
            let x = Float(-87 + Double(i) * 175 / 20_000)
            let e = VectorMath.exp(SIMD8(repeating: x))[0]
            worstExp = max(worstExp, abs(Double(e) - Foundation.exp(Double(x))) / Foundation.exp(Double(x)))
            let z = Float(-6 + Double(i) * 12 / 20_000)
            worstErf = max(worstErf, abs(Double(VectorMath.erf(SIMD8(repeating: z))[0]) - Foundation.erf(Double(z))))
        }
        XCTAssertLessThan(worstExp, 4e-7)
        XCTAssertLessThan(worstErf, 5e-7)
        XCTAssertEqual(VectorMath.exp(SIMD8(repeating: -.infinity))[0], 0)
    }

    func testSoftmax() {
        let y = softmax(t([2, 3], [1, 2, 3, 0, 0, -Float.infinity]))
        let expected: [Float] = [0.090_030_57, 0.244_728_47, 0.665_240_96, 0.5, 0.5, 0]
        for i in 0..<6 { XCTAssertEqual(y.storage[i], expected[i], accuracy: 1e-6) }
    }

    func testAttentionWithOneKeyReturnsItsValue() {
        let q = t([1, 2, 2], [1, 0, 0, 1]), k = t([1, 1, 2], [5, 5]), v = t([1, 1, 2], [7, -7])
        XCTAssertEqual(scaledDotProductAttention(query: q, key: k, value: v, heads: 1).storage, [7, -7, 7, -7])
    }

    func testAttentionMatchesDirectLoopsWithChunksHeadsAndMask() {
        // A small score budget makes several (uneven) query chunks run.
        let saved = ComputeThreading.attentionScoreFloats
        defer { ComputeThreading.attentionScoreFloats = saved }
        ComputeThreading.attentionScoreFloats = 7 * 77
        for (sq, skv, causal) in [(60, 60, false), (40, 77, false), (77, 77, true), (1, 5, false)] {
            let heads = 3, d = 4
            let q = randomTensor([2, sq, heads * d], seed: 10), k = randomTensor([2, skv, heads * d], seed: 11)
            let v = randomTensor([2, skv, heads * d], seed: 12)
            let fast = scaledDotProductAttention(query: q, key: k, value: v, heads: heads, causal: causal)
            let slow = referenceAttention(q, k, v, heads: heads, causal: causal)
            XCTAssertLessThan(maxAbsDifference(fast, slow), 1e-5, "sq \(sq) skv \(skv) causal \(causal)")
        }
    }

    func testNearestUpsampleAndConcat() {
        let x = t([1, 1, 2, 2], [1, 2, 3, 4])
        XCTAssertEqual(upsampleNearest2x(x).storage, [1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4])
        XCTAssertEqual(upsampleNearest(t([1, 1, 1, 3], [1, 2, 3]), height: 1, width: 5).storage, [1, 1, 2, 2, 3])
        let c = concatChannels(t([2, 1, 1, 2], [1, 2, 3, 4]), t([2, 2, 1, 2], [5, 6, 7, 8, 9, 10, 11, 12]))
        XCTAssertEqual(c.shape, [2, 3, 1, 2])
        XCTAssertEqual(c.storage, [1, 2, 5, 6, 7, 8, 3, 4, 9, 10, 11, 12])
    }

    func testResidualAddAndChannelBroadcast() {
        let a = t([1, 2, 1, 2], [1, 2, 3, 4])
        XCTAssertEqual((a + a).storage, [2, 4, 6, 8])
        var b = a
        b.add(a)
        XCTAssertEqual(b.storage, [2, 4, 6, 8])
        XCTAssertEqual(addChannelwise(a, t([1, 2], [10, 20])).storage, [11, 12, 23, 24])
    }

    func testTokenPermutesRoundTrip() {
        let x = randomTensor([2, 5, 7, 9], seed: 4)
        let tokens = channelsToTokens(x)
        XCTAssertEqual(tokens.shape, [2, 63, 5])
        XCTAssertEqual(tokens.storage[(1 * 63 + 10) * 5 + 3], x.storage[((1 * 5 + 3) * 7 + 1) * 9 + 1])
        XCTAssertEqual(tokensToChannels(tokens, height: 7, width: 9), x)
    }

    func testTimestepEmbeddingMatchesDiffusersFormula() {
        // dim 4: frequencies exp(−ln(10⁴)·i/2) = 1, 0.01; flip puts cos first.
        let e = timestepEmbedding([1, 500], dimension: 4, flipSinToCos: true, downscaleFreqShift: 0)
        XCTAssertEqual(e.shape, [2, 4])
        let expected: [Double] = [cos(1), cos(0.01), sin(1), sin(0.01), cos(500), cos(5), sin(500), sin(5)]
        for i in 0..<8 { XCTAssertEqual(Double(e.storage[i]), expected[i], accuracy: 2e-5) }
        let shifted = timestepEmbedding([1], dimension: 4, flipSinToCos: false, downscaleFreqShift: 1)
        XCTAssertEqual(Double(shifted.storage[1]), sin(1e-4), accuracy: 1e-7)  // exp(−ln(10⁴)·1/(2−1))
    }

    func testSplitGEMMMatchesSingleCall() {
        let a = randomTensor([300, 200], seed: 5), b = randomTensor([200, 500], seed: 6)
        let saved = ComputeThreading.strategy
        defer { ComputeThreading.strategy = saved }
        var results: [Tensor] = []
        for strategy in [ComputeThreading.Strategy.blasThreads, .parallelLoops] {
            ComputeThreading.strategy = strategy
            results.append(linear(a, weight: Tensor(shape: [500, 200], storage: transpose(b.storage, rows: 200, columns: 500))))
        }
        XCTAssertLessThan(maxAbsDifference(results[0], results[1]), 1e-4)
    }

    // MARK: - Straightforward references

    func transpose(_ m: [Float], rows: Int, columns: Int) -> [Float] {
        var out = [Float](repeating: 0, count: m.count)
        for i in 0..<rows { for j in 0..<columns { out[j * rows + i] = m[i * columns + j] } }
        return out
    }

    func referenceConv(_ x: Tensor, _ w: Tensor, _ b: Tensor, stride: Int, padding: Int) -> Tensor {
        let (n, ci, h, wd) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let (co, kh, kw) = (w.shape[0], w.shape[2], w.shape[3])
        let ho = (h + 2 * padding - kh) / stride + 1, wo = (wd + 2 * padding - kw) / stride + 1
        var out = [Float](repeating: 0, count: n * co * ho * wo)
        for img in 0..<n { for o in 0..<co { for oy in 0..<ho { for ox in 0..<wo {
            var acc = Double(b.storage[o])
            for c in 0..<ci { for ky in 0..<kh { for kx in 0..<kw {
                let iy = oy * stride - padding + ky, ix = ox * stride - padding + kx
                guard iy >= 0, iy < h, ix >= 0, ix < wd else { continue }
                acc += Double(x.storage[((img * ci + c) * h + iy) * wd + ix]) * Double(w.storage[((o * ci + c) * kh + ky) * kw + kx])
            } } }
            out[((img * co + o) * ho + oy) * wo + ox] = Float(acc)
        } } } }
        return Tensor(shape: [n, co, ho, wo], storage: out)
    }

    func referenceAttention(_ q: Tensor, _ k: Tensor, _ v: Tensor, heads: Int, causal: Bool) -> Tensor {
        let (b, sq, f) = (q.shape[0], q.shape[1], q.shape[2]), skv = k.shape[1], d = f / heads
        var out = [Float](repeating: 0, count: b * sq * f)
        for n in 0..<b { for h in 0..<heads { for i in 0..<sq {
            var scores = [Double](repeating: -.infinity, count: skv)
            for j in 0..<skv where !causal || j <= i {
                var s = 0.0
                for c in 0..<d { s += Double(q.storage[(n * sq + i) * f + h * d + c]) * Double(k.storage[(n * skv + j) * f + h * d + c]) }
                scores[j] = s / Double(d).squareRoot()
            }
            let m = scores.max()!
            let e = scores.map { Foundation.exp($0 - m) }
            let total = e.reduce(0, +)
            for c in 0..<d {
                var acc = 0.0
                for j in 0..<skv { acc += e[j] / total * Double(v.storage[(n * skv + j) * f + h * d + c]) }
                out[(n * sq + i) * f + h * d + c] = Float(acc)
            }
        } } }
        return Tensor(shape: [b, sq, f], storage: out)
    }
}
