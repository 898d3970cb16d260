import XCTest
@testable import Phantom
import Prompting
import SynthNumerics

/// The phantom generator: determinism, findings that act only where their masks say,
/// laterality, cardiothoracic ratio, views, demographics and sizes.
final class PhantomTests: XCTestCase {
    let size = 160

    func render(_ findings: [Finding] = [], view: ViewPosition = .pa, seed: UInt64 = 7, age: Int? = nil, sex: Sex? = nil,
                width: Int? = nil, height: Int? = nil) -> PhantomResult {
        PhantomGenerator.render(reading: ClinicalReading(view: view, sex: sex, age: age, findings: findings),
                                seed: seed, width: width ?? size, height: height ?? size)
    }

    func finding(_ o: Observation, _ side: Side? = nil, _ severity: Severity? = .moderate, kind: String? = nil,
                 qualifiers: [String] = [], label: FindingLabel = .positive) -> Finding {
        Finding(observation: o, label: label, side: side, severity: severity, kind: kind, qualifiers: qualifiers)
    }

    /// Pixels that differ between two images.
    func changed(_ a: GrayImage16, _ b: GrayImage16) -> [Int] {
        (0..<a.pixels.count).filter { a.pixels[$0] != b.pixels[$0] }
    }

    /// Fraction of changed pixels covered by the mask.
    func coverage(_ base: PhantomResult, _ with: PhantomResult, _ obs: Observation) -> Double {
        guard let m = with.masks[obs] else { return 0 }
        let ch = changed(base.image, with.image)
        if ch.isEmpty { return 1 }
        let inside = m.pixels
        return Double(ch.filter { inside[$0] > 0 }.count) / Double(ch.count)
    }

    func centroidX(_ m: BitMask) -> Double {
        var sum = 0.0, n = 0.0
        for y in 0..<m.height { for x in 0..<m.width where m[x, y] { sum += Double(x); n += 1 } }
        return n > 0 ? sum / n / Double(m.width) : -1
    }

    func testRendersAreByteIdentical() {
        let f = [finding(.pleuralEffusion, .left), finding(.supportDevices, kind: "pacemaker")]
        let a = render(f), b = render(f)
        XCTAssertEqual(a.image.pixels, b.image.pixels)
        XCTAssertEqual(a.masks[.pleuralEffusion]?.pixels, b.masks[.pleuralEffusion]?.pixels)
        XCTAssertEqual(a.measures, b.measures)
    }

    func testNoiseSettingScalesTheDetectorNoise() {
        func roughness(_ noise: Double) -> Double {
            let image = PhantomGenerator.render(reading: ClinicalReading(view: .pa, findings: []), seed: 7,
                                                width: size, height: size, noise: noise).image
            // Mean absolute difference of horizontal neighbours in the central band of the lungs.
            var total = 0.0, count = 0
            for y in size / 3..<size / 2 { for x in size / 5..<size * 2 / 5 {
                total += abs(Double(image[x, y]) - Double(image[x + 1, y]))
                count += 1
            } }
            return total / Double(count)
        }
        let none = roughness(0), normal = roughness(1), double = roughness(2)
        XCTAssertLessThan(none, normal)
        XCTAssertLessThan(normal, double)
        XCTAssertEqual(render().image.pixels, PhantomGenerator.render(reading: ClinicalReading(view: .pa, findings: []), seed: 7,
                                                                       width: size, height: size, noise: 1).image.pixels)
    }

    func testImageUsesTheRangeAndLooksLikeAChestFilm() {
        let r = render()
        let px = r.image.pixels
        XCTAssertLessThan(px.min()!, 6000, "air outside the body is dark")
        // The densest bone reaches the top fifth of the range; a high-kVp chest film keeps
        // bone over the mediastinum short of full white.
        XCTAssertGreaterThan(px.max()!, 52000, "bone and mediastinum are white")
        // Mid-lung darker than the mediastinum at the same height.
        let y = size * 45 / 100
        XCTAssertLessThan(r.image[size / 4, y], r.image[size / 2, y])
        XCTAssertLessThan(r.image[size * 3 / 4, y], r.image[size / 2, y])
    }

    func testEffusionIsWhiterAndInsideItsMask() {
        let base = render()
        let eff = render([finding(.pleuralEffusion, .right)])
        XCTAssertGreaterThanOrEqual(coverage(base, eff, .pleuralEffusion), 0.95)
        let ch = changed(base.image, eff.image)
        XCTAssertFalse(ch.isEmpty)
        let whiter = ch.filter { eff.image.pixels[$0] > base.image.pixels[$0] }.count
        XCTAssertGreaterThanOrEqual(Double(whiter) / Double(ch.count), 0.95)
        XCTAssertGreaterThan(eff.measures["effusionHeightFractionRight"] ?? 0, 0.2)
    }

    func testEffusionMeniscusClimbsTheLateralWall() {
        // Right effusion on a PA view: the lateral wall is on the image's left.
        let eff = render([finding(.pleuralEffusion, .right)], width: 320, height: 320)
        let mask = eff.masks[.pleuralEffusion]!
        let tops = (0..<mask.width).compactMap { x in (0..<mask.height).first { mask[x, $0] }.map { (x, Double($0)) } }
        let lateral = tops.first!, medial = tops.last!
        let middle = tops[tops.count / 2]
        XCTAssertLessThan(lateral.1, medial.1 - 5, "higher against the lateral wall")
        // Concave upwards: mid-way across, the surface is nearer the medial level than the lateral one.
        XCTAssertGreaterThan(middle.1 - lateral.1, 0.5 * (medial.1 - lateral.1))
    }

    func testPneumothoraxIsDarker() {
        let base = render()
        let ptx = render([finding(.pneumothorax, .left)])
        XCTAssertGreaterThanOrEqual(coverage(base, ptx, .pneumothorax), 0.95)
        let ch = changed(base.image, ptx.image)
        let delta = ch.reduce(0.0) { $0 + Double(ptx.image.pixels[$1]) - Double(base.image.pixels[$1]) }
        XCTAssertLessThan(delta / Double(max(1, ch.count)), 0)
        XCTAssertNotNil(ptx.measures["pneumothoraxRimFractionLeft"])
    }

    func testNonShiftFindingsChangeOnlyTheirMask() {
        let base = render()
        let cases: [Finding] = [
            finding(.consolidation, .right, qualifiers: ["air bronchograms"]), finding(.pneumonia, .left),
            finding(.lungOpacity, .left), finding(.edema, .bilateral), finding(.lungLesion, .right, kind: "mass"),
            finding(.cardiomegaly), finding(.enlargedCardiomediastinum), finding(.pleuralOther, .right),
            finding(.fracture, .left, qualifiers: ["displaced"]), finding(.fracture, .right, qualifiers: ["healed"]),
            finding(.supportDevices, kind: "endotracheal tube"), finding(.supportDevices, kind: "central line"),
            finding(.supportDevices, kind: "nasogastric tube"), finding(.supportDevices, .right, kind: "chest tube"),
            finding(.atelectasis, .left, .mild),
        ]
        for f in cases {
            let r = render([f])
            XCTAssertNotNil(r.masks[f.observation], "\(f.observation)")
            XCTAssertFalse(changed(base.image, r.image).isEmpty, "\(f.observation) \(f.kind ?? "") changes the image")
            XCTAssertGreaterThanOrEqual(coverage(base, r, f.observation), 0.95, "\(f.observation) \(f.kind ?? "")")
        }
    }

    func testAirBronchogramsAreBranchingLucenciesInsideTheConsolidation() {
        let plain = render([finding(.consolidation, .right, .mild)])
        let bronchi = render([finding(.consolidation, .right, .mild, qualifiers: ["air bronchograms"])])
        let ch = changed(plain.image, bronchi.image)
        XCTAssertGreaterThan(ch.count, 20)
        XCTAssertTrue(ch.allSatisfy { bronchi.image.pixels[$0] < plain.image.pixels[$0] }, "air is darker")
        let mask = bronchi.masks[.consolidation]!.pixels
        XCTAssertTrue(ch.allSatisfy { mask[$0] > 0 }, "bronchograms only inside the consolidation")
    }

    func testBronchialTreeTapersAndStaysInItsOpacity() {
        let center = Vec3(-8, 14, 0)
        let segments = BronchialTree.segments(center: center, radius: 4.6, hilum: Vec3(-5, 9, -1), roots: 3,
                                              rng: CounterRNG(seed: 9))
        XCTAssertGreaterThan(segments.count, 3 * 3 * 7, "three roots of at least three generations")
        for s in segments {
            XCTAssertLessThanOrEqual(s.rb, s.ra)
            XCTAssertGreaterThan(s.rb, 0.05)
            XCTAssertLessThan((s.b - center).length, 4.6 * 1.6)
        }
        // Every piece but a root's first starts where another ends.
        let ends = Set(segments.map { "\($0.b.x),\($0.b.y),\($0.b.z)" })
        XCTAssertEqual(segments.filter { !ends.contains("\($0.a.x),\($0.a.y),\($0.a.z)") }.count, 3)
    }

    func testUncertainFindingsAreSubtler() {
        let base = render()
        let pos = render([finding(.consolidation, .right)])
        let unc = render([finding(.consolidation, .right, label: .uncertain)])
        func total(_ r: PhantomResult) -> Double {
            changed(base.image, r.image).reduce(0.0) { $0 + abs(Double(r.image.pixels[$1]) - Double(base.image.pixels[$1])) }
        }
        XCTAssertLessThan(total(unc), total(pos) * 0.7)
        XCTAssertGreaterThan(total(unc), 0)
    }

    func testNegativeFindingsAreAbsent() {
        let base = render()
        let neg = render([finding(.pleuralEffusion, .right, label: .negative)])
        XCTAssertEqual(base.image.pixels, neg.image.pixels)
        XCTAssertTrue(neg.masks.isEmpty)
    }

    func testLateralizedFindingsAppearOnTheirSide() {
        // PA/AP: the patient's right is on the image's left.
        let obs: [(Observation, String?)] = [(.pleuralEffusion, nil), (.pneumothorax, nil), (.consolidation, nil),
                                             (.lungLesion, nil), (.pleuralOther, nil), (.atelectasis, nil), (.fracture, nil)]
        for (o, kind) in obs {
            for view in [ViewPosition.pa, .ap] {
                let right = render([finding(o, .right, kind: kind)], view: view)
                let left = render([finding(o, .left, kind: kind)], view: view)
                XCTAssertLessThan(centroidX(right.masks[o]!), 0.5, "\(o) right on \(view)")
                XCTAssertGreaterThan(centroidX(left.masks[o]!), 0.5, "\(o) left on \(view)")
            }
        }
    }

    func testCardiothoracicRatio() {
        for seed in UInt64(1)...6 {
            let normal = render(seed: seed)
            XCTAssertLessThan(normal.measures["cardiothoracicRatio"]!, 0.5, "seed \(seed)")
            XCTAssertGreaterThan(normal.measures["cardiothoracicRatio"]!, 0.38)
            let big = render([finding(.cardiomegaly, nil, .mild)], seed: seed)
            XCTAssertGreaterThan(big.measures["cardiothoracicRatio"]!, 0.5, "seed \(seed)")
        }
        let child = render(age: 5)
        XCTAssertLessThan(child.measures["cardiothoracicRatio"]!, 0.5)
    }

    func testSamePatientAcrossFindings() {
        // A device in the upper chest leaves the lung bases untouched.
        let base = render()
        let ett = render([finding(.supportDevices, kind: "endotracheal tube")])
        let m = ett.masks[.supportDevices]!
        for y in (size * 3 / 4)..<size { for x in 0..<size where !m[x, y] {
            XCTAssertEqual(base.image[x, y], ett.image[x, y])
        } }
    }

    func testTensionPneumothoraxShiftsTheMediastinum() {
        let r = render([finding(.pneumothorax, .right, .severe, qualifiers: ["tension"])])
        XCTAssertGreaterThan(r.measures["mediastinalShiftCm"] ?? 0, 1, "shift towards the patient's left")
    }

    func testLateralViewRenders() {
        let r = render([finding(.pleuralEffusion, .right)], view: .lateral)
        let px = r.image.pixels
        XCTAssertGreaterThan(Int(px.max()!) - Int(px.min()!), 30000)
        XCTAssertNil(r.measures["cardiothoracicRatio"])
        XCTAssertNotNil(r.masks[.pleuralEffusion])
        XCTAssertNotEqual(px, render().image.pixels)
    }

    func testChildAndAdultDiffer() {
        let adult = render(seed: 3, age: 40), child = render(seed: 3, age: 4)
        XCTAssertNotEqual(adult.image.pixels, child.image.pixels)
        XCTAssertLessThan(child.measures["pixelSpacingMm"]!, adult.measures["pixelSpacingMm"]!)
        XCTAssertEqual(child.measures["patientAgeYears"], 4)
    }

    func testSexAndAgeDefaultsComeFromTheSeed() {
        let a = render(seed: 11), b = render(seed: 11)
        XCTAssertEqual(a.measures["patientAgeYears"], b.measures["patientAgeYears"])
        XCTAssertGreaterThanOrEqual(a.measures["patientAgeYears"]!, 18)
    }

    func testNonSquareSizesAndMaskSizes() {
        for (w, h) in [(200, 96), (64, 180), (257, 131)] {
            let r = render([finding(.lungLesion, .left), finding(.supportDevices, kind: "pacemaker")], width: w, height: h)
            XCTAssertEqual(r.image.width, w)
            XCTAssertEqual(r.image.height, h)
            XCTAssertEqual(r.image.pixels.count, w * h)
            for (_, m) in r.masks {
                XCTAssertEqual(m.width, w)
                XCTAssertEqual(m.height, h)
            }
            XCTAssertTrue(r.masks[.lungLesion]!.pixels.contains(255))
            XCTAssertEqual(r.masks[.lungLesion]!.count, r.masks[.lungLesion]!.pixels.filter { $0 == 255 }.count,
                           "bits past the width of a row stay clear")
        }
    }

    func testVersionIsSet() {
        XCTAssertFalse(PhantomGenerator.version.isEmpty)
    }
}

/// The streamed rendering: rows in any order, strip size and thread give the image and masks
/// of a whole render.
final class PhantomRenderingTests: XCTestCase {
    let reading = ClinicalReading(view: .pa, findings: [
        Finding(observation: .pleuralEffusion, label: .positive, side: .right, severity: .moderate),
        Finding(observation: .supportDevices, label: .positive, kind: "endotracheal tube"),
    ])

    func testRowsInAnyOrderGiveTheWholeRender() {
        let whole = PhantomGenerator.render(reading: reading, seed: 4, width: 150, height: 130)
        let rendering = PhantomGenerator.prepare(reading: reading, seed: 4, width: 150, height: 130)
        var pixels = [UInt16](repeating: 0, count: 150 * 130)
        let write = rendering.makeRowWriter()
        // Strips of 7 rows, bottom to top, then the first rows again with a second writer.
        pixels.withUnsafeMutableBufferPointer { buffer in
            for top in stride(from: 126, through: 0, by: -7) {
                let rows = max(0, top)..<min(130, top + 7)
                write(rows, buffer.baseAddress! + rows.lowerBound * 150)
            }
            rendering.makeRowWriter()(0..<5, buffer.baseAddress!)
        }
        XCTAssertEqual(pixels, whole.image.pixels)
        XCTAssertEqual(rendering.masks(), whole.masks)
        XCTAssertEqual(rendering.measures, whole.measures)
    }

    func testMasksRenderTheRowsNoWriterRendered() {
        let whole = PhantomGenerator.render(reading: reading, seed: 4, width: 120, height: 120)
        let rendering = PhantomGenerator.prepare(reading: reading, seed: 4, width: 120, height: 120)
        var rows = [UInt16](repeating: 0, count: 120 * 40)
        rows.withUnsafeMutableBufferPointer { rendering.makeRowWriter()(40..<80, $0.baseAddress!) }
        XCTAssertEqual(rendering.masks(), whole.masks)
        XCTAssertEqual(Array(whole.image.pixels[40 * 120 ..< 80 * 120]), rows)
    }
}
