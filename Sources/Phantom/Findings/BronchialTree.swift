import Foundation
import SynthNumerics

/// Air bronchograms: the aerated bronchi that a consolidation makes visible. Each root enters
/// the opacity from the hilar side and divides dichotomously, its branches tapering, bending
/// gently and fanning out towards the periphery, as a bronchial tree does.
struct BronchialTree {
    /// A straight piece of a bronchus: ends and lumen radii (cm) at each end.
    struct Segment: Sendable { var a: Vec3; var b: Vec3; var ra: Double; var rb: Double }

    /// Segments of `roots` trees inside a blob at `center` with radius `radius`, entering from
    /// the direction of `hilum`.
    static func segments(center: Vec3, radius: Double, hilum: Vec3, roots: Int, rng: CounterRNG) -> [Segment] {
        let inward = (center - hilum).normalized
        var out: [Segment] = []
        for k in 0..<roots {
            let r = rng.stream(UInt64(k))
            let frame = axes(along: inward)
            let phi = r.uniform(0) * 2 * Double.pi
            let spread = r.uniform(1, in: 0.15...0.45)
            let direction = (inward + (frame[1] * cos(phi) + frame[2] * sin(phi)) * spread).normalized
            // Enter near the hilar margin, a little off the axis.
            let offset = (frame[1] * cos(phi + 1.7) + frame[2] * sin(phi + 1.7)) * (radius * 0.25)
            let start = center - inward * (radius * 0.8) + offset
            grow(from: start, direction: direction, length: radius * r.uniform(2, in: 0.5...0.7), lumen: r.uniform(3, in: 0.35...0.45),
                 generation: 0, rng: r.stream("branch"), into: &out)
        }
        return out
    }

    /// One branch as a few bending pieces, then two daughters until the lumen is too narrow.
    private static func grow(from start: Vec3, direction: Vec3, length: Double, lumen: Double, generation: Int,
                             rng: CounterRNG, into out: inout [Segment]) {
        let pieces = 3
        var p = start, d = direction
        let end = lumen * 0.8
        for i in 0..<pieces {
            let frame = axes(along: d)
            let bend = rng.uniform(UInt64(10 + i), in: -0.18...0.18), twist = rng.uniform(UInt64(20 + i), in: -0.18...0.18)
            d = (d + frame[1] * bend + frame[2] * twist).normalized
            let q = p + d * (length / Double(pieces))
            let ra = lumen + (end - lumen) * Double(i) / Double(pieces)
            let rb = lumen + (end - lumen) * Double(i + 1) / Double(pieces)
            out.append(Segment(a: p, b: q, ra: ra, rb: rb))
            p = q
        }
        guard generation < 3, end > 0.07 else { return }
        let frame = axes(along: d)
        let plane = rng.uniform(30) * 2 * Double.pi
        let normal = frame[1] * cos(plane) + frame[2] * sin(plane)
        for (k, sign) in [1.0, -1.0].enumerated() {
            let angle = rng.uniform(UInt64(40 + k), in: 0.3...0.6)
            let daughter = (d * cos(angle) + normal * (sign * sin(angle))).normalized
            grow(from: p, direction: daughter, length: length * rng.uniform(UInt64(50 + k), in: 0.65...0.85),
                 lumen: end * 0.82, generation: generation + 1, rng: rng.stream(UInt64(k)), into: &out)
        }
    }
}
