import Foundation
import Prompting

/// Support devices: radio-opaque tubes, lines and a pacemaker, drawn along anatomical paths.
extension SceneBuilder {
    enum DeviceKind: String, CaseIterable, Sendable {
        case endotrachealTube = "endotracheal tube", centralLine = "central line", nasogastricTube = "nasogastric tube"
        case chestTube = "chest tube", pacemaker = "pacemaker"
    }

    static func deviceKind(_ kind: String?) -> DeviceKind {
        guard let k = kind?.lowercased() else { return .endotrachealTube }
        if let d = DeviceKind(rawValue: k) { return d }
        if k.contains("pace") || k.contains("icd") { return .pacemaker }
        if k.contains("chest") || k.contains("pleural") { return .chestTube }
        if k.contains("gastric") || k.contains("ng") || k.contains("feeding") { return .nasogastricTube }
        if k.contains("line") || k.contains("catheter") || k.contains("picc") { return .centralLine }
        return .endotrachealTube
    }

    /// Adds a radio-opaque wire/stripe along a path.
    mutating func addWire(_ pts: [Vec3], radius: Double, weight: Double, mask: Int32, per: Int = 6) {
        let nodes = spline(pts, perSpan: per).map { Tube3.Node(p: $0, r: radius, depth: 1, w: 1) }
        scene.tubes.append(Tube3(nodes: nodes, tag: Tag(channel: .metal, weight: weight, group: newGroup(), mask: mask), maxObliquity: 1.5))
    }

    /// Adds a plastic tube wall (faint) along a path.
    mutating func addPlasticTube(_ pts: [Vec3], radius: Double, mask: Int32, per: Int = 6) {
        let nodes = spline(pts, perSpan: per).map { Tube3.Node(p: $0, r: radius, depth: 1, w: 1) }
        scene.tubes.append(Tube3(nodes: nodes, tag: Tag(channel: .soft, weight: 0.9, group: newGroup(), mask: mask),
                                 innerScale: 0.8, innerLoss: 1, maxObliquity: 1.5))
    }

    mutating func addDevice(_ f: FindingInstance) {
        let kind = SceneBuilder.deviceKind(f.kind)
        let hc = layout.heartCenter
        let carinaY = layout.hilum[0].y - 3.0
        let sh = layout.shift
        let m = f.mask
        let r = f.rng
        switch kind {
        case .endotrachealTube:
            let tip = Vec3(sh * 0.5 + 0.1, carinaY - r.uniform(0, in: 3.5...5.5), 0.2)
            let path = [Vec3(0.6, -18, 4.0), Vec3(0.3, -9, 2.6), Vec3(0.05, -2, 1.5), Vec3(sh * 0.3, tip.y - 3, 0.6), tip]
            addPlasticTube(path, radius: 0.5, mask: m)
            addWire(path.map { $0 + Vec3(0.32, 0, 0.1) }, radius: 0.05, weight: 0.9, mask: m)
        case .centralLine:
            let tip = Vec3(sh - 2.5, hc.y - r.uniform(1, in: 3.0...4.5), 1.0)
            let jugular = r.uniform(0) < 0.5
            let path: [Vec3] = jugular
                ? [Vec3(-4.6, -16, 2.0), Vec3(-3.6, -6, 1.8), Vec3(-2.6, 1.0, 1.2), Vec3(sh - 2.6, 6.5, 1.0), tip]
                : [Vec3(14, -0.5, 4.0), Vec3(9, 0.8, 3.0), Vec3(4.0, 2.6, 1.8), Vec3(sh - 1.0, 4.6, 1.2), Vec3(sh - 2.5, 8.0, 1.0), tip]
            addWire(path, radius: 0.075, weight: 0.7, mask: m)
        case .nasogastricTube:
            let dl = layout.domeY[1]
            let path = [Vec3(0.8, -18, 3.0), Vec3(0.5, -6, -2.0), Vec3(0.6, carinaY, -3.6), Vec3(1.6, hc.y, -4.0),
                        Vec3(2.6, dl - 0.5, -3.2), Vec3(4.6, dl + 2.8, -2.0), Vec3(7.2, dl + 4.0, -1.0), Vec3(8.4, dl + 3.2, -0.5)]
            addWire(path, radius: 0.1, weight: 0.65, mask: m)
        case .chestTube:
            let side = f.finding.side == .left ? 1 : (f.finding.side == .right ? 0 : (r.uniform(2) < 0.5 ? 0 : 1))
            let s = Layout.sign(side)
            let y0 = layout.domeY[side] - 2.5
            let entry = Vec3(s * 21, y0 + 1.5, 1.0)
            let wall = Vec3(s * (layout.lateralEdge(side, y0) + 1.0), y0, -0.5)
            let mid = Vec3(s * (layout.lateralEdge(side, 10) - 1.0), 10, -2.5)
            let tip = Vec3(s * 6.5, 3.0, -3.0)
            let path = [entry, wall, mid, tip]
            addPlasticTube(path, radius: 0.55, mask: m)
            // Radio-opaque stripe, interrupted at the side hole near the tip.
            let pts = spline(path, perSpan: 8)
            let n = pts.count
            let hole = n - 6
            addWire(Array(pts[0..<hole]), radius: 0.07, weight: 0.9, mask: m, per: 1)
            addWire(Array(pts[(hole + 1)...]), radius: 0.07, weight: 0.9, mask: m, per: 1)
        case .pacemaker:
            let cy = clavicleNodes(side: 1)[10].p.y + 3.6
            let gen = Vec3(9.8, cy, 8.6)
            let yTop = cy - 2.2, yBot = cy + 2.2
            let can = GenCyl3(y0: yTop, y1: yBot, dy: 0.02, tag: Tag(channel: .metal, weight: 0.32, mask: m), exponent: 4) { y in
                let t = (y - cy) / 2.2
                let t2 = t * t
                let cap = max(0, 1 - t2 * t2 * t2).squareRoot()
                return (gen.x, gen.z, 2.6 * cap, 0.42 * cap)
            }
            scene.cylinders.append(can)
            scene.ellipsoids.append(Ellipsoid3(center: gen + Vec3(-0.5, -2.6, 0), radii: Vec3(1.8, 0.8, 0.5),
                                               tag: Tag(channel: .soft, weight: 1.4, mask: m)))
            let ven = [gen + Vec3(-1.0, -2.8, -0.4), Vec3(6.5, cy - 4.0, 4.0), Vec3(2.5, cy - 3.0, 2.0), Vec3(sh - 2.2, 4.5, 1.2),
                       Vec3(sh - 2.6, hc.y - 4.0, 1.0), Vec3(hc.x - 2.6, hc.y - 0.5, 1.5)]
            addWire(ven + [Vec3(hc.x + 0.5, hc.y + 2.4, 3.5), Vec3(hc.x + 3.6, hc.y + 3.6, 3.8)], radius: 0.08, weight: 1.0, mask: m)
            addWire(ven + [Vec3(hc.x - 2.4, hc.y - 2.6, 2.5), Vec3(hc.x - 1.4, hc.y - 3.6, 3.0)], radius: 0.08, weight: 1.0, mask: m)
        }
    }
}
