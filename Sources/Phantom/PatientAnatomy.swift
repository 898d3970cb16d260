import SynthNumerics
import Prompting

/// The patient fixed by the seed and demographics: body habitus, lung and heart shape, rib
/// spacing, positioning and exposure. Derived only from streams that findings never touch, so
/// the same seed, view and demographics always give the same patient.
struct PatientAnatomy: Sendable {
    var sex: Sex
    var age: Double
    /// Overall linear size (1 = average adult); children are smaller.
    var scale: Double
    var child: Bool { age < 12 }
    var elderly: Bool { age >= 65 }
    /// −1 thin … +1 obese.
    var habitus: Double
    /// Lung field width factor and apex-to-dome height (cm, before `scale`).
    var lungWidth: Double
    var lungHeight: Double
    var lungDepth: Double
    /// How much higher the right dome is than the left (cm).
    var domeDifference: Double
    var normalCTR: Double
    var heartAngle: Double
    var heartShiftX: Double
    /// Drop (cm) of a posterior rib from the spine to the lateral wall, and of the anterior rib after.
    var ribDropPosterior: Double
    var ribDropAnterior: Double
    var ribJitter: [Double]
    /// Each rib's own shape, per side (0 right, 1 left) and rib (index 1…12).
    var ribShapes: [[RibShape]]
    var vertebralSpacing: Double
    /// Rotation about the vertical axis (radians) — slight patient obliquity.
    var rotation: Double
    var exposure: Double
    var aorticUnfolding: Double
    var archHeight: Double
    var breastSize: Double
    var boneDensity: Double
    var rng: CounterRNG

    static func make(seed: UInt64, sex: Sex?, age: Int?) -> PatientAnatomy {
        let root = CounterRNG(seed: seed).stream("patient")
        let r = root.stream("body")
        let chosenSex: Sex = sex ?? (r.uniform(0) < 0.5 ? .male : .female)
        let chosenAge: Double = age.map { Double(max(0, min($0, 110))) } ?? r.uniform(1, in: 24...78).rounded()
        let a = chosenAge
        var scale = 1.0
        if a < 18 { scale = min(1, 0.45 + 0.031 * a) }
        if chosenSex == .female { scale *= a < 12 ? 1 : 0.94 }
        scale *= r.uniform(2, in: 0.96...1.04)
        let child = a < 12
        let elderly = a >= 65
        let habitus = child ? r.uniform(3, in: -0.8...0.2) : r.uniform(3, in: -0.9...0.9)
        let lungHeight = (child ? 18.8 : 21.3) * r.uniform(4, in: 0.94...1.06) * (elderly ? 1.03 : 1)
        let normalCTR = child ? r.uniform(5, in: 0.455...0.49) : r.uniform(5, in: 0.42...0.48)
        let youth = child ? 0.45 : 1.0
        var jitter: [Double] = []
        for k in 0..<13 { jitter.append(r.stream("rib").uniform(UInt64(k), in: -0.18...0.18)) }
        let shapes = (0..<2).map { side in (0..<13).map { k in RibShape(r.stream("rib shape").stream(UInt64(side * 16 + k))) } }
        return PatientAnatomy(
            sex: chosenSex, age: a, scale: scale, habitus: habitus,
            lungWidth: r.uniform(6, in: 0.94...1.06) * (child ? 1.05 : 1),
            lungHeight: lungHeight,
            lungDepth: r.uniform(7, in: 0.93...1.07) * (elderly ? 1.06 : 1),
            domeDifference: r.uniform(8, in: 0.6...1.8),
            normalCTR: normalCTR,
            heartAngle: r.uniform(9, in: 0.5...0.7),
            heartShiftX: r.uniform(10, in: -0.5...0.5),
            ribDropPosterior: r.uniform(11, in: 2.0...3.0) * youth,
            ribDropAnterior: r.uniform(12, in: 5.0...6.5) * (child ? 0.55 : 1),
            ribJitter: jitter,
            ribShapes: shapes,
            vertebralSpacing: r.uniform(13, in: 2.35...2.55) * (lungHeight / 21.3),
            rotation: r.uniform(14, in: -0.045...0.045),
            exposure: r.uniform(15, in: -0.06...0.06),
            aorticUnfolding: elderly ? r.uniform(16, in: 0.5...1.0) : (a > 50 ? r.uniform(16, in: 0...0.4) : 0),
            archHeight: r.uniform(17, in: 5.8...6.8),
            breastSize: (chosenSex == .female && a >= 14) ? r.uniform(18, in: 0.75...1.3) * min(1, (a - 12) / 6) : 0,
            boneDensity: child ? 0.82 : (elderly ? 0.8 : 1.0),
            rng: root)
    }
}

/// How one rib departs from the regular cage: no two ribs of a real patient have quite the same
/// slope, thickness or curve, and the two sides are not mirror images.
struct RibShape: Sendable {
    /// Factors on the posterior and anterior drop, and on the rib's thickness.
    var posteriorDrop: Double
    var anteriorDrop: Double
    var thickness: Double
    /// A gentle bow (cm) along the rib, largest mid-way, and a second, shorter wave.
    var bow: Double
    var wave: Double

    init(_ r: CounterRNG) {
        posteriorDrop = r.uniform(0, in: 0.88...1.12)
        anteriorDrop = r.uniform(1, in: 0.9...1.1)
        thickness = r.uniform(2, in: 0.88...1.12)
        bow = r.uniform(3, in: -0.3...0.3)
        wave = r.uniform(4, in: -0.12...0.12)
    }
}
