import Foundation
import SynthNumerics

/// Pulmonary vessel trees branching from the hila, confined to the lungs. Each generation is
/// a finer scale band: it is drawn only where the output resolves it.
extension SceneBuilder {
    struct VesselSegment: Sendable {
        var a: Vec3; var b: Vec3; var ra: Double; var rb: Double; var generation: Int
        /// Offset of the segment's midpoint from the straight chord (gentle curvature).
        var bend = Vec3(0, 0, 0)
    }

    /// Grows one tree per lung (deterministic from the patient's vessel stream).
    func vesselTrees(maxGeneration: Int = 11) -> [[VesselSegment]] {
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
                let L0 = len * rng.uniform(id &* 7, in: 0.8...1.2)
                var L = L0
                var end = p + d * L
                var tries = 0
                while !layout.insideLung(side, end, margin: 0.9) && tries < 3 { L *= 0.55; end = p + d * L; tries += 1 }
                if !layout.insideLung(side, end, margin: 0.93) {
                    // Turn towards the open lung (away from the hilum, towards the lung's core) once.
                    let s0 = layout.lungSection(side, p.y)
                    let core = (Vec3(s0.xc, p.y - 0.8, s0.zc) - p).normalized
                    d = (d + core * 1.2).normalized
                    L = L0 * 0.7
                    end = p + d * L
                    if !layout.insideLung(side, end, margin: 0.9) { return }
                }
                let r1 = r * 0.92
                // Bow the segment sideways by up to ~9 % of its length.
                let ax = axes(along: d)
                let psi = rng.uniform(id &* 7 &+ 4) * 2 * Double.pi
                let bendAmount = L * rng.uniform(id &* 7 &+ 5, in: -0.09...0.09)
                let bend = (ax[1] * cos(psi) + ax[2] * sin(psi)) * bendAmount
                segs.append(VesselSegment(a: p, b: end, ra: r, rb: r1, generation: gen, bend: bend))
                if gen >= maxGeneration || r1 < 0.025 { return }
                // Two children in a random plane containing d.
                let phi = rng.uniform(id &* 7 &+ 1) * 2 * Double.pi
                let perp = ax[1] * cos(phi) + ax[2] * sin(phi)
                let spread = rng.uniform(id &* 7 &+ 2, in: 0.35...0.6)
                let asym = rng.uniform(id &* 7 &+ 3, in: 0.3...0.7)
                let a1 = spread * asym, a2 = spread * (1 - asym)
                let d1 = (d * cos(a1) + perp * sin(a1)).normalized
                let d2 = (d * cos(a2) - perp * sin(a2)).normalized
                let rc1 = r1 * (0.76 + 0.14 * (1 - asym)), rc2 = r1 * (0.76 + 0.14 * asym)
                // Children leave along the bowed segment's end tangent.
                let tangent = (end - (p + d * (L * 0.5) + bend)).normalized
                let e1 = (d1 + tangent * 0.5).normalized, e2 = (d2 + tangent * 0.5).normalized
                grow(end, e1, len * 0.78, rc1, gen + 1)
                grow(end, e2, len * 0.78, rc2, gen + 1)
            }
            for (k, t) in trunks.enumerated() {
                let jitter = Vec3(rng.uniform(UInt64(900 + k), in: -0.2...0.2), rng.uniform(UInt64(950 + k), in: -0.2...0.2), 0)
                grow(h, t.0 + jitter, t.1, 0.46, 1)
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
                // A gentle arc (sin profile) through four nodes; thin ones stay straight.
                let pieces = sg.rb >= 2 * minRadius ? 3 : 1
                var nodes: [Tube3.Node] = []
                for k in 0...pieces {
                    let t = Double(k) / Double(pieces)
                    let p = Vec3.lerp(sg.a, sg.b, t) + sg.bend * sin(Double.pi * t)
                    nodes.append(.init(p: p, r: mix(sg.ra, sg.rb, t), depth: 1, w: 1))
                }
                scene.tubes.append(Tube3(nodes: nodes, tag: Tag(channel: side == 0 ? .vesR : .vesL, group: g), maxObliquity: 3.5))
            }
            // Lobulated hilum: a cluster of overlapping vessel and node shadows.
            let h = layout.hilum[side]
            let s = Layout.sign(side)
            let rng = a.rng.stream("hilum").stream(UInt64(side))
            for k in 0..<5 {
                let kk = UInt64(k) &* 4
                let off = Vec3(s * rng.uniform(kk, in: -0.6...1.4), rng.uniform(kk &+ 1, in: -1.8...2.6), rng.uniform(kk &+ 2, in: -1...1))
                let r = rng.uniform(kk &+ 3, in: 0.55...0.95)
                scene.ellipsoids.append(Ellipsoid3(center: h + off, radii: Vec3(r, r * 1.25, r),
                                                   tag: Tag(channel: side == 0 ? .vesR : .vesL, weight: 0.8)))
            }
        }
    }
}
