import Foundation
import Prompting

/// Airspace and interstitial findings: consolidation/pneumonia (with air bronchograms), patchy
/// ground-glass opacity, perihilar edema with Kerley B lines, atelectasis, nodules and masses.
extension SceneBuilder {
    /// (lateral fraction, height fraction) of a zone inside the lung field.
    static func zonePosition(_ zone: Zone) -> (fu: Double, fv: Double) {
        switch zone {
        case .apical: return (0.5, 0.1)
        case .upper: return (0.55, 0.25)
        case .middle: return (0.58, 0.5)
        case .lower: return (0.55, 0.72)
        case .basal: return (0.55, 0.85)
        case .hilar: return (0.18, 0.43)
        case .perihilar: return (0.3, 0.43)
        case .retrocardiac: return (0.12, 0.8)
        }
    }

    func severityScale(_ s: Severity) -> Double { s == .mild ? 0.65 : (s == .moderate ? 1 : 1.35) }

    /// Consolidation and pneumonia: lobar/zone airspace opacity with air bronchograms.
    mutating func addConsolidation(_ f: FindingInstance, pneumonia: Bool) {
        let zone = f.finding.zone ?? .lower
        let k = severityScale(f.severity)
        for side in f.sides {
            let r = f.rng.stream(UInt64(side))
            let z = SceneBuilder.zonePosition(zone)
            let c = layout.lungPoint(side, fu: z.fu + r.uniform(0, in: -0.05...0.05), fv: z.fv + r.uniform(1, in: -0.04...0.04))
            let radii = Vec3(4.6 * k, 4.4 * k, 4.8 * k)
            var bronchi: [BronchialTree.Segment] = []
            let wantBronchi = f.has("air bronchograms") || (f.strength == 1 && f.severity >= .moderate && !pneumonia) ||
                (pneumonia && f.severity == .severe)
            if wantBronchi {
                bronchi = BronchialTree.segments(center: c, radius: radii.x, hilum: layout.hilum[side], roots: 3,
                                                 rng: r.stream("bronchi"))
            }
            let spec = BlobSpec(side: side, center: c, radii: radii, angle: r.uniform(2, in: -0.4...0.4),
                                density: (pneumonia ? 0.85 : 0.92) * f.strength, sharp: pneumonia ? 1.3 : 1.6,
                                noiseAmp: pneumonia ? 1.0 : 0.85, noiseCell: pneumonia ? 2.0 : 2.8, seed: r.bits(3),
                                bronchi: bronchi, mask: f.mask)
            scene.fields.append(.blob(spec))
        }
    }

    /// Lung opacity: patchy ground-glass.
    mutating func addLungOpacity(_ f: FindingInstance) {
        let k = severityScale(f.severity)
        for side in f.sides {
            let r = f.rng.stream(UInt64(side))
            let zone = f.finding.zone ?? (r.uniform(0) < 0.5 ? .lower : .middle)
            let z = SceneBuilder.zonePosition(zone)
            let patches = f.severity == .severe ? 3 : 2
            for p in 0..<patches {
                let c = layout.lungPoint(side, fu: z.fu + r.uniform(UInt64(10 + p), in: -0.12...0.12),
                                         fv: z.fv + r.uniform(UInt64(20 + p), in: -0.1...0.1))
                let rad = 3.6 * k * r.uniform(UInt64(30 + p), in: 0.8...1.2)
                scene.fields.append(.blob(BlobSpec(side: side, center: c, radii: Vec3(rad, rad * 0.9, rad),
                                                   angle: 0, density: 0.42 * f.strength, sharp: 1.3, noiseAmp: 0.85,
                                                   noiseCell: 1.4, seed: r.bits(UInt64(40 + p)), mask: f.mask)))
            }
        }
    }

    /// Edema: perihilar bat-wing haze (bilateral) and Kerley B lines at the bases.
    mutating func addEdema(_ f: FindingInstance) {
        let k = severityScale(f.severity)
        let sides = f.sides.count == 1 && f.finding.side == nil ? [0, 1] : f.sides
        for side in sides {
            let s = Layout.sign(side)
            let r = f.rng.stream(UInt64(side))
            let c = layout.hilum[side] + Vec3(s * 1.8, 0.8, 0)
            scene.fields.append(.blob(BlobSpec(side: side, center: c, radii: Vec3(6.2 * k, 7.0 * k, 6.0),
                                               angle: s * 0.25, density: (0.35 + 0.2 * k) * f.strength, sharp: 1.25,
                                               noiseAmp: 0.4, noiseCell: 2.2, seed: r.bits(1), mask: f.mask)))
            let wantKerley = f.has("kerley b lines") || f.severity >= .moderate
            if wantKerley && layout.view != .lateral {
                let n = f.severity == .severe ? 9 : 6
                for i in 0..<n {
                    let y = layout.domeY[side] - 6.0 + 7.0 * (Double(i) + r.uniform(UInt64(100 + i), in: 0...0.8)) / Double(n)
                    let edge = layout.lateralEdge(side, y)
                    let len = r.uniform(UInt64(200 + i), in: 1.0...2.0)
                    let tilt = r.uniform(UInt64(300 + i), in: -0.15...0.15)
                    let sec = layout.lungSection(side, y)
                    let p0 = Vec3(s * (edge - 0.15), y, sec.zc), p1 = Vec3(s * (edge - 0.15 - len), y + tilt, sec.zc)
                    scene.tubes.append(Tube3(nodes: [.init(p: p0, r: 0.045, depth: 14, w: f.strength),
                                                     .init(p: p1, r: 0.045, depth: 14, w: f.strength)],
                                             tag: Tag(channel: side == 0 ? .remR : .remL, group: newGroup(), mask: f.mask),
                                             maxObliquity: 1))
                }
            }
        }
    }

    /// Atelectasis: plate-like bands (mild/moderate) or a dense segmental wedge (severe).
    mutating func addAtelectasis(_ f: FindingInstance) {
        let zone = f.finding.zone ?? .basal
        for side in f.sides {
            let s = Layout.sign(side)
            let r = f.rng.stream(UInt64(side))
            let z = SceneBuilder.zonePosition(zone)
            if f.severity == .severe {
                let c = layout.lungPoint(side, fu: max(0.15, z.fu - 0.3), fv: min(0.85, z.fv + 0.05))
                scene.fields.append(.blob(BlobSpec(side: side, center: c, radii: Vec3(3.0, 5.0, 4.0), angle: -s * 0.35,
                                                   density: 0.95 * f.strength, sharp: 4, noiseAmp: 0.3, noiseCell: 3,
                                                   seed: r.bits(1), mask: f.mask)))
            }
            let bands = f.severity == .mild ? 1 : 2
            for b in 0..<bands {
                let fv = min(0.88, z.fv + 0.06 * Double(b) + r.uniform(UInt64(10 + b), in: -0.03...0.03))
                let pa = layout.lungPoint(side, fu: 0.3 + r.uniform(UInt64(20 + b), in: 0...0.1), fv: fv)
                let pb = layout.lungPoint(side, fu: 0.75 + r.uniform(UInt64(30 + b), in: 0...0.1), fv: fv - 0.02)
                let pm = Vec3.lerp(pa, pb, 0.5) + Vec3(0, r.uniform(UInt64(40 + b), in: -0.4...0.4), 0)
                let th = 0.22 + 0.1 * r.uniform(UInt64(50 + b))
                let nodes: [Tube3.Node] = smoothNodes([
                    .init(p: pa, r: th * 0.6, depth: 8, w: f.strength),
                    .init(p: pm, r: th, depth: 9, w: f.strength),
                    .init(p: pb, r: th * 0.6, depth: 8, w: f.strength),
                ], 4)
                scene.tubes.append(Tube3(nodes: nodes, tag: Tag(channel: side == 0 ? .remR : .remL, group: newGroup(), mask: f.mask),
                                         maxObliquity: 1))
            }
        }
    }

    /// Lung lesions: nodules (default 1.5 cm) or masses (default 4 cm), count and placement.
    mutating func addLesions(_ f: FindingInstance, measures: inout [String: Double]) {
        let isMass = f.kind == "mass" || (f.finding.sizeCm ?? 0) > 3
        let size = f.finding.sizeCm ?? (isMass ? 4.0 : 1.5)
        let count = max(1, min(f.finding.count ?? 1, 12))
        for n in 0..<count {
            let r = f.rng.stream(UInt64(100 + n))
            let side = f.sides[n % f.sides.count]
            var fu = r.uniform(0, in: 0.4...0.8), fv = r.uniform(1, in: 0.2...0.72)
            if let zone = f.finding.zone {
                let z = SceneBuilder.zonePosition(zone)
                fu = max(0.35, z.fu) + r.uniform(0, in: -0.08...0.08) * Double(min(count - 1, 3))
                fv = z.fv + r.uniform(1, in: -0.07...0.07) * Double(min(count, 3))
            }
            let c = layout.lungPoint(side, fu: fu, fv: clamp(fv, 0.12, 0.85), fz: r.uniform(2, in: -0.3...0.3))
            let radius = size / 2 * (count > 1 ? r.uniform(3, in: 0.75...1.1) : 1)
            var lobes: [(Int, Double, Double)] = [(2, r.uniform(4, in: 0.02...0.07), r.uniform(5) * 6.28),
                                                  (3, r.uniform(6, in: 0.02...0.06), r.uniform(7) * 6.28)]
            if isMass { lobes.append((5, r.uniform(8, in: 0.04...0.08), r.uniform(9) * 6.28)); lobes[0].1 *= 1.6 }
            scene.fields.append(.lesion(LesionSpec(side: side, center: c, radius: radius, lobes: lobes,
                                                   density: 0.95 * f.strength, mask: f.mask)))
            if isMass {
                // Spiculations radiating from the margin.
                for k in 0..<8 {
                    let ang = Double(k) / 8 * 2 * Double.pi + r.uniform(UInt64(20 + k), in: -0.3...0.3)
                    let dir = Vec3(cos(ang), sin(ang), 0)
                    let len = radius * r.uniform(UInt64(40 + k), in: 0.25...0.6)
                    scene.tubes.append(Tube3(nodes: [.init(p: c + dir * (radius * 0.85), r: 0.08, depth: 5, w: f.strength),
                                                     .init(p: c + dir * (radius * 0.85 + len), r: 0.03, depth: 5, w: f.strength)],
                                             tag: Tag(channel: side == 0 ? .remR : .remL, group: newGroup(), mask: f.mask),
                                             maxObliquity: 1))
                }
            }
        }
        measures["lesionCount"] = (measures["lesionCount"] ?? 0) + Double(count)
        measures["lesionDiameterCm"] = max(measures["lesionDiameterCm"] ?? 0, size)
    }

    /// Enlarged cardiomediastinum: widened superior mediastinum.
    mutating func addWideMediastinum(_ f: FindingInstance, measures: inout [String: Double]) {
        let w: Double = (f.severity == .mild ? 0.9 : (f.severity == .moderate ? 1.7 : 2.7)) * f.strength
        let y = layout.archY + 1.0
        let sh = layout.shift
        // Flat chord profiles: like the normal mediastinum, the widened one meets the lung at a
        // crisp, convex border.
        var right = Ellipsoid3(center: Vec3(sh - 2.4 - w * 0.5, y + 0.5, 0.5), radii: Vec3(1.2 + w, 5.2, 3.2),
                               tag: Tag(channel: .solidR, mask: f.mask))
        var left = Ellipsoid3(center: Vec3(sh + 2.6 + w * 0.5, y, 0), radii: Vec3(1.2 + w, 4.6, 3.2),
                              tag: Tag(channel: .solidL, mask: f.mask))
        right.flat = layout.view != .lateral
        left.flat = layout.view != .lateral
        scene.ellipsoids += [right, left]
        measures["superiorMediastinalWidenCm"] = 2 * w
    }
}
