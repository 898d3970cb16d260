import Foundation
import SynthNumerics
import Prompting

/// The coarse scale: the finding-free patient rendered on a ~4 mm grid. Its blurred primary
/// intensity is the scatter field; its lung and mediastinum levels calibrate the display (an
/// automatic exposure control that does not depend on the findings).
enum CoarsePass {
    struct Output: Sendable { var scatter: ScatterField; var aLung: Float; var aMed: Float }

    static let scatterFraction: Float = 0.10
    static let scatterSigmaCm = 3.5

    static func run(anatomy: PatientAnatomy, layout: Layout, frame: Frame) -> Output {
        let extentU = frame.pix * Double(frame.width), extentV = frame.pix * Double(frame.height)
        let step = max(0.4, max(extentU, extentV) / 200)
        let gw = max(4, Int((extentU / step).rounded(.up)) + 2), gh = max(4, Int((extentV / step).rounded(.up)) + 2)
        let cu = frame.u0 + extentU / 2, cv = frame.v0 + extentV / 2
        let cf = Frame(width: gw, height: gh, centerU: cu, centerV: cv, pixel: step, lateral: frame.lateral, rotation: frame.rotation)
        var m: [String: Double] = [:]
        let scene = SceneAssembly.build(layout: layout, findings: FindingPlan.empty, supine: false, pixelCm: step, measures: &m)
        let plan = Projector.plan(scene: scene, frame: cf, maskCount: 0)
        let att = Renderer(plan: plan, bands: nil, muScale: anatomy.scale).attenuationImage()
        // Primary intensity, blurred.
        var inten = att.map { expf(-$0) }
        blur(&inten, gw, gh, sigma: Float(scatterSigmaCm / step))
        let values = inten.map { $0 * scatterFraction }
        let scatter = ScatterField(gw: gw, gh: gh, u0: cf.u0, v0: cf.v0, step: step, values: values)

        // Effective attenuation with scatter, averaged over reference boxes.
        func aEff(_ u: Double, _ v: Double, _ r: Double) -> Float {
            var sum: Float = 0, n: Float = 0
            var y = v - r
            while y <= v + r {
                var x = u - r
                while x <= u + r {
                    let gx = Int(((x - cf.u0) / step).rounded(.down)), gy = Int(((y - cf.v0) / step).rounded(.down))
                    if gx >= 0 && gx < gw && gy >= 0 && gy < gh {
                        let k = gy * gw + gx
                        sum += -logf(expf(-att[k]) + values[k]); n += 1
                    }
                    x += step
                }
                y += step
            }
            return n > 0 ? sum / n : 2
        }
        let aLung: Float, aMed: Float
        if frame.lateral {
            // Retrosternal clear space and the heart.
            // A lateral film is exposed through ~35 cm: widen the window below the lung level.
            let lung = aEff(-5.0, layout.heartCenter.y - 9.0, 1.2)
            let heart = aEff(-2.0, layout.heartCenter.y + 1, 1.5)
            aLung = lung - 0.9
            aMed = heart + 0.6
        } else {
            let pr = layout.lungPoint(0, fu: 0.62, fv: 0.42), pl = layout.lungPoint(1, fu: 0.62, fv: 0.42)
            aLung = (aEff(pr.x, pr.y, 2.0) + aEff(pl.x, pl.y, 2.0)) / 2
            aMed = aEff(0, layout.heartCenter.y + 1, 1.0)
        }
        return Output(scatter: scatter, aLung: aLung - Float(anatomy.exposure), aMed: aMed - Float(anatomy.exposure))
    }

    /// Separable Gaussian blur with clamped edges.
    static func blur(_ img: inout [Float], _ w: Int, _ h: Int, sigma: Float) {
        let r = max(1, Int((3 * sigma).rounded(.up)))
        var k = [Float](repeating: 0, count: 2 * r + 1)
        var sum: Float = 0
        for i in -r...r { let v = expf(-Float(i * i) / (2 * sigma * sigma)); k[i + r] = v; sum += v }
        for i in k.indices { k[i] /= sum }
        var tmp = [Float](repeating: 0, count: w * h)
        for y in 0..<h {
            for x in 0..<w {
                var acc: Float = 0
                for i in -r...r { acc += k[i + r] * img[y * w + min(max(x + i, 0), w - 1)] }
                tmp[y * w + x] = acc
            }
        }
        for y in 0..<h {
            for x in 0..<w {
                var acc: Float = 0
                for i in -r...r { acc += k[i + r] * tmp[min(max(y + i, 0), h - 1) * w + x] }
                img[y * w + x] = acc
            }
        }
    }
}

extension FindingPlan {
    /// No findings.
    static var empty: FindingPlan { FindingPlan(reading: ClinicalReading(), seed: 0) }
}
