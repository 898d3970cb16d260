import Foundation
import Prompting

/// Rib and clavicle fractures: a cortical break, displaced (step + gap) or healed (callus).
struct FractureGeometry: Sendable {
    var clavicle: Bool
    var side: Int
    var rib: Int
    /// Node index of the break along the bone.
    var at: Int
    var displaced: Bool
    var healed: Bool
    var strength: Double
    var mask: Int32
    var seed: UInt64
}

extension SceneBuilder {
    static func fractures(_ fs: [FindingInstance]) -> [FractureGeometry] {
        var out: [FractureGeometry] = []
        for f in fs {
            let clav = f.kind == "clavicle"
            let count = clav ? 1 : max(1, min(f.finding.count ?? 1, 4))
            for side in f.sides {
                let r = f.rng.stream(UInt64(side))
                let first = 4 + Int(r.uniform(0) * 4)
                for n in 0..<count {
                    out.append(FractureGeometry(clavicle: clav, side: side, rib: min(10, first + n),
                                                at: clav ? 12 + Int(r.uniform(1) * 4) : 9 + Int(r.uniform(UInt64(2 + n)) * 5),
                                                displaced: f.has("displaced"), healed: f.has("healed"),
                                                strength: f.strength, mask: f.mask, seed: r.bits(UInt64(10 + n))))
                }
            }
        }
        return out
    }

    /// Splits a bone's nodes at a fracture: returns the new pieces and adds the callus and the
    /// mask-only outlines of the old and new bone around the break.
    mutating func fracture(_ nodes: [Tube3.Node], _ g: FractureGeometry) -> [[Tube3.Node]] {
        let i = max(2, min(nodes.count - 3, g.at))
        let lo = max(0, i - 4), hi = min(nodes.count - 1, i + 5)
        let rad = nodes[i].r
        var pieces: [[Tube3.Node]]
        if g.healed {
            pieces = [nodes]
            let pa = nodes[i - 1].p, pb = nodes[i + 1].p
            let c = Vec3.lerp(pa, pb, 0.5)
            let along = (pb - pa).normalized
            let ax = axes(along: along)
            scene.ellipsoids.append(Ellipsoid3(center: c, radii: Vec3(rad * 2.4, rad * 1.6, rad * 1.3), axes: ax,
                                               tag: Tag(channel: .bone, weight: 0.75 * g.strength * a.boneDensity, mask: g.mask),
                                               innerScale: 0.7, innerLoss: 0.5))
        } else {
            // Gap: the break point splits the bone; displaced fragments step and gap further.
            let gap = (g.displaced ? 0.32 : 0.1) * (g.clavicle ? 1.5 : 1)
            let step = g.displaced ? (g.clavicle ? 0.9 : 0.45) * g.strength : 0
            let dir = (nodes[i + 1].p - nodes[i].p).normalized
            var first = Array(nodes[0...i])
            var second = Array(nodes[i...])
            first[first.count - 1].p = nodes[i].p - dir * (gap * 0.5)
            first[first.count - 1].r *= 0.85
            second[0].p = nodes[i].p + dir * (gap * 0.5)
            second[0].r *= 0.85
            if step > 0 {
                // Distal fragment displaced downwards (and overriding), decaying over a few nodes.
                let offset = Vec3(0, step, 0) - dir * (g.clavicle ? 0.5 : 0.1)
                let span = g.clavicle ? second.count : 5
                for k in 0..<min(span, second.count) {
                    let f = 1 - Double(k) / Double(span)
                    second[k].p = second[k].p + offset * f
                }
            }
            pieces = [first, second]
            // Mask: old outline and new pieces near the break.
            let hiNew = g.clavicle && step > 0 ? second.count - 1 : min(second.count - 1, 6)
            for piece in [Array(nodes[lo...hi]), Array(first[max(0, first.count - 5)...]), Array(second[0...hiNew])] where piece.count >= 2 {
                var wide = piece
                for k in wide.indices { wide[k].r *= 1.15 }
                scene.tubes.append(Tube3(nodes: wide, tag: Tag(channel: .maskOnly, group: newGroup(), mask: g.mask)))
            }
        }
        return pieces
    }
}
