import Foundation
import Numerics

/// Pulmonary vessel trees branching from the hila, confined to the lungs. Each generation is
/// a finer scale band: it is drawn only where the output resolves it.
extension SceneBuilder {
    struct VesselSegment: Sendable { var a: Vec3; var b: Vec3; var ra: Double; var rb: Double; var generation: Int }

    /// Grows one tree per lung (deterministic from the patient's vessel stream).
    func vesselTrees(maxGeneration: Int = 8) -> [[VesselSegment]] {
        var trees: [[VesselSegment]] = []
        for side in 0..<2 {
            let s = Layout.sign(side)
            let rng = a.rng.stream("vessels").stream(UInt64(side))
            var segs: [VesselSegment] = []
            let h = layout.hilum[side]
            // Primary trunks: upper, middle/lingula, lower lateral, lower posterior, lower medial.
            let trunks: [(Vec3, Double)] = [
                (Vec3(s * 0.35, -1, -0.15), 4.2), (Vec3(s * 1, -0.1, 0.35), 3.6), (Vec3(s * 0.8, 0.7, -0.1), 3.8),
                (Vec3(s * 0.35, 1, -0.55), 4.2), (Vec3(s * 0.15, 1, 0.3), 3.6),
            ]
            var counter: UInt64 = 0
            func grow(_ p: Vec3, _ dir: Vec3, _ len: Double, _ r: Double, _ gen: Int) {
                counter &+= 1
                let id = counter
                var d = dir.normalized
                // Bias away from the hilum so branches fan out to fill the lung.
                let away = (p - h).normalized
                d = (d + away * 0.35).normalized
                var L = len * rng.uniform(id &* 7, in: 0.8...1.2)
                var end = p + d * L
                var tries = 0
                while !layout.insideLung(side, end, margin: 0.9) && tries < 3 { L *= 0.55; end = p + d * L; tries += 1 }
                if !layout.insideLung(side, end, margin: 0.93) { return }
                let r1 = r * 0.86
                segs.append(VesselSegment(a: p, b: end, ra: r, rb: r1, generation: gen))
                if gen >= maxGeneration || r1 < 0.03 { return }
                // Two children in a random plane containing d.
                let ax = axes(along: d)
                let phi = rng.uniform(id &* 7 &+ 1) * 2 * Double.pi
                let perp = ax[1] * cos(phi) + ax[2] * sin(phi)
                let spread = rng.uniform(id &* 7 &+ 2, in: 0.35...0.6)
                let asym = rng.uniform(id &* 7 &+ 3, in: 0.3...0.7)
                let a1 = spread * asym, a2 = spread * (1 - asym)
                let d1 = (d * cos(a1) + perp * sin(a1)).normalized
                let d2 = (d * cos(a2) - perp * sin(a2)).normalized
                let rc1 = r1 * (0.72 + 0.12 * (1 - asym)), rc2 = r1 * (0.72 + 0.12 * asym)
                grow(end, d1, len * 0.8, rc1, gen + 1)
                grow(end, d2, len * 0.8, rc2, gen + 1)
            }
            for (k, t) in trunks.enumerated() {
                let jitter = Vec3(rng.uniform(UInt64(900 + k), in: -0.2...0.2), rng.uniform(UInt64(950 + k), in: -0.2...0.2), 0)
                grow(h, t.0 + jitter, t.1, 0.5, 1)
            }
            trees.append(segs)
        }
        return trees
    }

    /// Adds the vessel trees, each one max-group, keeping only generations whose radius is at
    /// least a fraction of the output pixel (`minRadius`, cm) — finer bands for larger outputs.
    mutating func addVessels(_ trees: [[VesselSegment]], minRadius: Double) {
        for (side, segs) in trees.enumerated() {
            let g = newGroup()
            for sg in segs where sg.rb >= minRadius {
                let t = Tube3(nodes: [.init(p: sg.a, r: sg.ra, depth: 1, w: 1), .init(p: sg.b, r: sg.rb, depth: 1, w: 1)],
                              tag: Tag(channel: side == 0 ? .vesR : .vesL, group: g), maxObliquity: 3.5)
                scene.tubes.append(t)
            }
        }
    }
}
