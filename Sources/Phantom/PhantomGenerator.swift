import SynthNumerics
import Prompting

/// The phantom generator: a deterministic multi-scale anatomical model of a chest radiograph
/// with pixel-exact ground-truth masks per finding.
public enum PhantomGenerator {
    /// Bumped whenever output pixels change for the same input.
    public static let version: String = "1.2.0"

    /// Lays out one radiograph (the patient, its findings and the coarse scale) without
    /// rendering its pixels: the returned rendering computes rows on demand, so the image is
    /// streamed to its encoder. The same inputs always give byte-identical pixels.
    /// - Parameters:
    ///   - reading: findings, view (nil = PA), sex and age (nil = chosen by the seed).
    ///   - seed: fixes the patient (anatomy, positioning, exposure) and the findings' details.
    ///   - width, height: output size, 64…16384 per side, any aspect.
    ///   - noise: multiplies the detector's quantum noise (0 = none).
    public static func prepare(reading: ClinicalReading, seed: UInt64, width: Int, height: Int, noise: Double = 1) -> PhantomRendering {
        let w = min(max(width, 64), 16384), h = min(max(height, 64), 16384)
        let view = reading.view ?? .pa
        let anatomy = PatientAnatomy.make(seed: seed, sex: reading.sex, age: reading.age)
        let findings = FindingPlan(reading: reading, seed: seed)
        let consequences = findings.consequences(normalCTR: anatomy.normalCTR)

        // The detector frame: the thorax region fitted into the output, centred.
        let baseLayout = Layout(anatomy: anatomy, view: view, consequences: Consequences())
        let roi = regionOfInterest(baseLayout)
        let frame = Frame(width: w, height: h, centerU: roi.cu, centerV: roi.cv, roi: (roi.w, roi.h),
                          lateral: view == .lateral, rotation: anatomy.rotation)

        // Coarse pass on the finding-free patient: scatter field and display calibration.
        let coarse = CoarsePass.run(anatomy: anatomy, layout: baseLayout, frame: frame)

        // The scene with findings, projected for this output size.
        var measures: [String: Double] = [:]
        let layout = Layout(anatomy: anatomy, view: view, consequences: consequences)
        let scene = SceneAssembly.build(layout: layout, findings: findings, supine: reading.supine,
                                        pixelCm: frame.pix, measures: &measures)
        let plan = Projector.plan(scene: scene, frame: frame, maskCount: findings.maskObservations.count)
        let bands = DetailBands(rng: anatomy.rng.stream("detail"), pixelCm: frame.pix, scale: 1)
        let renderer = Renderer(plan: plan, bands: bands, muScale: anatomy.scale)
        let display = Display(aLung: coarse.aLung, aMed: coarse.aMed,
                              noiseSigma: Float(min(0.03, 0.0065 * (0.04 / frame.pix)) * noise),
                              noiseSeed: CounterRNG(seed: seed).stream("detector").bits(0))
        Measures.finish(&measures, anatomy: anatomy, layout: layout, frame: frame, view: view)
        return PhantomRendering(renderer: renderer, scatter: coarse.scatter, display: display,
                                maskObservations: findings.maskObservations, measures: measures)
    }

    /// Renders one radiograph whole, in memory (`prepare` streams it instead).
    public static func render(reading: ClinicalReading, seed: UInt64, width: Int, height: Int, noise: Double = 1) -> PhantomResult {
        let rendering = prepare(reading: reading, seed: seed, width: width, height: height, noise: noise)
        let image = rendering.materialize()
        return PhantomResult(image: image, masks: rendering.masks(), measures: rendering.measures)
    }

    /// The thorax region (adult cm) the frame must contain.
    static func regionOfInterest(_ l: Layout) -> (cu: Double, cv: Double, w: Double, h: Double) {
        let top = l.apexY[0] - 7.5, bottom = l.domeY[1] + 10
        if l.view == .lateral { return (0.5, (top + bottom) / 2, 34, bottom - top) }
        return (0, (top + bottom) / 2, 39, bottom - top)
    }
}

/// The result of one render.
public struct PhantomResult: Sendable {
    /// MONOCHROME2: bone and fluid whiter (higher), air darker.
    public var image: GrayImage16
    /// One mask per drawn positive/uncertain observation, same size as the image.
    public var masks: [Observation: BitMask]
    /// Measurements as drawn, camelCase keys (e.g. `cardiothoracicRatio`).
    public var measures: [String: Double]

    public init(image: GrayImage16, masks: [Observation: BitMask], measures: [String: Double]) {
        self.image = image
        self.masks = masks
        self.measures = measures
    }
}
