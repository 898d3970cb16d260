import Foundation
import Prompting

/// Builds the bones: spine, ribs (curved tubes with cortex), clavicles, scapulae, humeri, sternum.
extension SceneBuilder {
    /// Cortex-to-cancellous density: the core of a bone is this fraction as dense as its cortex.
    static let cancellous = 0.42

    /// y of vertebral level n (1 = T1; 0 = C7; 13 = L1).
    func vertebraY(_ n: Int) -> Double { layout.apexY[0] - 1.2 + Double(n - 1) * a.vertebralSpacing }

    mutating func addSpine() {
        let bd = a.boneDensity
        let sp = a.vertebralSpacing
        let kyph = a.elderly ? 1.8 : 1.2
        for n in -3...15 {
            let yc = vertebraY(n)
            let th = Double(min(max(n, 0), 14))
            let w = n < 1 ? 1.3 + 0.05 * Double(n + 3) : 1.5 + 0.055 * th
            let d = n < 1 ? 0.9 : 1.15 + 0.05 * th
            let zc: Double = n < 1 ? -4.6 - 0.3 * Double(n + 3) : (n <= 12 ? -6.0 - kyph * sin(Double.pi * Double(n - 1) / 12) : -5.6 + 0.2 * Double(n - 12))
            // A child's vertebral bodies are shorter, with thick cartilaginous discs between them.
            let h = sp * (n < 1 ? 0.76 : 0.84) * (a.child ? 0.86 : 1)
            // Low-contrast bodies: a thin cortex over dense cancellous bone, so the column is only
            // faintly visible through the heart and the endplates stay subtle.
            for (scale, weight) in [(1.0, bd * 0.18), (0.88, -bd * 0.18 * 0.3)] {
                let c = GenCyl3(y0: yc - h / 2, y1: yc + h / 2, dy: 0.02, tag: Tag(channel: .bone, weight: weight), exponent: 2) { y in
                    let t = (y - yc) / (h / 2)
                    let t2 = t * t, t4 = t2 * t2
                    let cap = max(0, 1 - t4).squareRoot()
                    let waist = 1 - 0.07 * (1 - t2)
                    return (0, zc, w * scale * cap * waist, d * scale * cap)
                }
                scene.cylinders.append(c)
            }
            // Pedicles (seen end-on as cortical rings), transverse and spinous processes.
            for side in 0..<2 {
                let s = Layout.sign(side)
                scene.ellipsoids.append(Ellipsoid3(center: Vec3(s * (w - 0.35), yc - 0.18 * h, zc - d - 0.6), radii: Vec3(0.34, 0.5, 0.8),
                                                   tag: Tag(channel: .bone, weight: bd * 0.26), innerScale: 0.55, innerLoss: 0.3))
                if n >= 1 {
                    let lumbar = n > 12
                    let tw = lumbar ? 1.9 : 1.3
                    scene.ellipsoids.append(Ellipsoid3(center: Vec3(s * (w + tw), yc - 0.12 * h, zc - d - 1.6),
                                                       radii: Vec3(tw, 0.42, 0.55), axes: coronalAxes(s * (lumbar ? 0 : -0.25)),
                                                       tag: Tag(channel: .bone, weight: bd * 0.4), innerScale: 0.55, innerLoss: 0.4))
                }
            }
            scene.ellipsoids.append(Ellipsoid3(center: Vec3(0, yc + 0.4 * sp, zc - d - 3.3), radii: Vec3(0.3, 0.75, 1.7),
                                               axes: [Vec3(1, 0, 0), Vec3(0, 0.8, 0.6), Vec3(0, -0.6, 0.8)],
                                               tag: Tag(channel: .bone, weight: bd * 0.22), innerScale: 0.55, innerLoss: 0.4))
        }
        // Sternum: manubrium and body.
        let g = newGroup()
        scene.ellipsoids.append(Ellipsoid3(center: Vec3(layout.shift * 0.3, vertebraY(3) + 0.5, 9.6), radii: Vec3(2.7, 2.4, 0.7),
                                           tag: Tag(channel: .bone, weight: bd * 0.9, group: g), innerScale: 0.7, innerLoss: 0.5))
        scene.ellipsoids.append(Ellipsoid3(center: Vec3(layout.shift * 0.3, vertebraY(3) + 8.6, 10.0), radii: Vec3(1.6, 5.8, 0.6),
                                           axes: [Vec3(1, 0, 0), Vec3(0, 0.97, 0.24), Vec3(0, -0.24, 0.97)],
                                           tag: Tag(channel: .bone, weight: bd * 0.9, group: g), innerScale: 0.7, innerLoss: 0.5))
    }

    /// The nodes of rib k (1…12) of a side, posterior head to costochondral junction.
    func ribNodes(side: Int, k: Int) -> [Tube3.Node] {
        let s = Layout.sign(side)
        let yk = vertebraY(k) - 0.3 + a.ribJitter[k] * (side == 0 ? 1 : 0.7)
        let kk = Double(k)
        let shape = a.ribShapes[side][k]
        // Posterior and anterior drops grow for lower ribs.
        let dp = (a.ribDropPosterior * (0.7 + 0.06 * kk) + (k == 1 ? 0.5 : 0)) * shape.posteriorDrop
        let da = a.ribDropAnterior * (k == 1 ? 0.45 : (0.75 + 0.04 * kk)) * shape.anteriorDrop
        let yLat = yk + dp
        let W = (k == 1 ? layout.lateralEdge(side, yk + 1.6) + 0.4 : layout.lateralEdge(side, yLat) + 0.75)
        let D = k == 1 ? 5.5 : 7.5 + 0.35 * min(kk, 7)
        let z0 = k == 1 ? -1.6 : -0.4
        let floating = k >= 11
        let theta0 = asin(min(0.9, (k == 1 ? 1.6 : 2.3) / W))
        let theta1: Double = floating ? (k == 11 ? 1.85 : 1.55) : (k == 1 ? 2.45 : (k <= 7 ? 2.32 : 2.15))
        let n = 30
        var nodes: [Tube3.Node] = []
        for i in 0...n {
            let f = Double(i) / Double(n)
            let th = theta0 + (theta1 - theta0) * f
            var y: Double
            if th <= Double.pi / 2 {
                let q = (th - theta0) / (Double.pi / 2 - theta0)
                y = yk + dp * pow(q, 1.5) - 0.25 * sin(q * Double.pi)
            } else {
                let q = (th - Double.pi / 2) / max(0.1, 2.35 - Double.pi / 2)
                y = yLat + da * pow(q, 1.15)
            }
            y += shape.bow * sin(Double.pi * f) + shape.wave * sin(3 * Double.pi * f)
            let x = s * W * sin(th)
            let z = z0 - D * cos(th)
            // Half-height grows towards the front; the anterior rib is thinner and fades.
            let ant = min(1, max(0, (th - Double.pi / 2) / max(0.2, theta1 - Double.pi / 2)))
            var r = (k == 1 ? 0.5 : 0.4) + 0.14 * min(1, f * 2.2) + 0.1 * ant
            if floating { r *= 0.75 + 0.25 * (1 - f) }
            let depth = 0.62 - 0.2 * ant
            let w = (1 - 0.45 * ant) * (i == n ? 0.6 : 1)
            nodes.append(.init(p: Vec3(x, y, z), r: r * shape.thickness, depth: depth, w: w))
        }
        return nodes
    }

    /// Adds all ribs; `modify` may replace the nodes of a rib (fractures) and add extra tubes.
    mutating func addRibs(modify: (Int, Int, [Tube3.Node]) -> (nodes: [[Tube3.Node]], masked: Bool) = { _, _, n in ([n], false) },
                          mask: Int32 = -1) {
        let bd = a.boneDensity
        for side in 0..<2 {
            for k in 1...12 {
                let nodes = ribNodes(side: side, k: k)
                let mod = modify(side, k, nodes)
                for piece in mod.nodes where piece.count >= 2 {
                    scene.tubes.append(Tube3(nodes: piece, tag: Tag(channel: .bone, weight: bd, group: newGroup()),
                                             innerScale: 0.62, innerLoss: 1 - SceneBuilder.cancellous, maxObliquity: 2.6))
                }
            }
        }
    }

    /// Clavicle nodes of a side (medial to lateral).
    func clavicleNodes(side: Int) -> [Tube3.Node] {
        let s = Layout.sign(side)
        let ap = layout.view == .ap
        let y0 = vertebraY(3) + 0.2 - (ap ? 2.4 : 0) + (a.child ? -1.0 : 0)
        let slope = ap || a.child ? 0.35 : 1.0
        let pts: [(Double, Double, Double, Double)] = [
            (1.6, 0, 7.6, 1.1), (4.5, -0.6, 8.0, 0.85), (8.5, -1.3, 6.4, 0.72), (12.0, -1.9, 3.6, 0.72),
            (14.8, -2.4, 0.6, 0.8), (16.8, -2.7, -1.8, 0.9),
        ]
        return smoothNodes(pts.map { .init(p: Vec3(s * $0.0, y0 + $0.1 * slope * 1.1, $0.2), r: $0.3, depth: 1.0, w: 1) }, 5)
    }

    mutating func addShoulderGirdle(modifyClavicle: (Int, [Tube3.Node]) -> [[Tube3.Node]] = { _, n in [n] }) {
        let bd = a.boneDensity
        let ap = layout.view == .ap
        let shell = 1 - SceneBuilder.cancellous
        for side in 0..<2 {
            let s = Layout.sign(side)
            for piece in modifyClavicle(side, clavicleNodes(side: side)) where piece.count >= 2 {
                scene.tubes.append(Tube3(nodes: piece, tag: Tag(channel: .bone, weight: bd, group: newGroup()),
                                         innerScale: 0.55, innerLoss: 0.45, maxObliquity: 2))
            }
            // Scapula: in PA the scapulae are rotated off the lungs; in AP they overlie them.
            let dx = ap ? -3.6 : 0.0
            let yS = vertebraY(1) + 0.2
            func P(_ x: Double, _ y: Double, _ z: Double) -> Vec3 { Vec3(s * (x + (x < 15 ? dx : dx * 0.4)), yS + y, z) }
            let sup = P(10.6, -1.2, -9.4), supLat = P(15.0, 0.6, -6.6), glenInf = P(16.0, 4.4, -5.6), inf = P(13.2, 15.2, -9.0)
            scene.plates.append(Plate3(vertices: [sup, supLat, glenInf, inf], thickness: 0.28, edgeRamp: 0.9,
                                       tag: Tag(channel: .bone, weight: bd)))
            scene.tubes.append(Tube3(nodes: smoothNodes([
                .init(p: glenInf, r: 0.5, depth: 0.7, w: 1),
                .init(p: Vec3.lerp(glenInf, inf, 0.5) + Vec3(s * 0.3, 0, -0.5), r: 0.42, depth: 0.7, w: 1),
                .init(p: inf, r: 0.35, depth: 0.7, w: 1),
            ], 4), tag: Tag(channel: .bone, weight: bd, group: newGroup()), innerScale: 0.5, innerLoss: shell))
            scene.tubes.append(Tube3(nodes: [
                .init(p: sup, r: 0.22, depth: 0.8, w: 1),
                .init(p: inf, r: 0.22, depth: 0.8, w: 1),
            ], tag: Tag(channel: .bone, weight: bd * 0.8, group: newGroup())))
            // Spine of the scapula to the acromion.
            scene.tubes.append(Tube3(nodes: smoothNodes([
                .init(p: P(10.9, 1.6, -10.0), r: 0.3, depth: 0.9, w: 1),
                .init(p: P(14.5, 0.2, -7.5), r: 0.45, depth: 0.9, w: 1),
                .init(p: Vec3(s * 17.4, yS - 1.1, -3.6), r: 0.55, depth: 0.7, w: 1),
            ], 4), tag: Tag(channel: .bone, weight: bd, group: newGroup()), innerScale: 0.55, innerLoss: shell))
            // Glenoid and coracoid.
            scene.ellipsoids.append(Ellipsoid3(center: Vec3(s * 16.4, yS + 2.6, -4.6), radii: Vec3(0.8, 1.9, 1.5),
                                               tag: Tag(channel: .bone, weight: bd), innerScale: 0.6, innerLoss: shell))
            scene.tubes.append(Tube3(nodes: [
                .init(p: Vec3(s * 15.2, yS + 1.2, -2.5), r: 0.45, depth: 0.9, w: 1),
                .init(p: Vec3(s * 14.0, yS + 2.4, 1.5), r: 0.4, depth: 0.9, w: 1),
            ], tag: Tag(channel: .bone, weight: bd, group: newGroup()), innerScale: 0.5, innerLoss: shell))
            // Humerus: head and shaft (thick cortex around the medullary cavity); raised out of a lateral view.
            if layout.view == .lateral { continue }
            let head = Vec3(s * 18.6, yS + 2.9, -3.4)
            scene.ellipsoids.append(Ellipsoid3(center: head, radii: Vec3(2.5, 2.6, 2.5),
                                               tag: Tag(channel: .bone, weight: bd), innerScale: 0.86, innerLoss: 0.55))
            // A child's proximal humeral growth plate: a lucent cartilage band under the head.
            if a.age < 16 {
                scene.ellipsoids.append(Ellipsoid3(center: head + Vec3(s * 0.5, 1.7, 0), radii: Vec3(1.55, 0.14, 1.55),
                                                   axes: coronalAxes(s * 0.25), tag: Tag(channel: .bone, weight: -bd * 0.5)))
            }
            scene.tubes.append(Tube3(nodes: smoothNodes([
                .init(p: head + Vec3(s * 0.7, 1.8, 0.2), r: 1.6, depth: 1, w: 1),
                .init(p: head + Vec3(s * 2.0, 8.5, 0.4), r: 1.3, depth: 1, w: 1),
                .init(p: head + Vec3(s * 3.2, 40, 0.4), r: 1.2, depth: 1, w: 1),
            ], 4), tag: Tag(channel: .bone, weight: bd, group: newGroup()), innerScale: 0.62, innerLoss: 0.8))
        }
    }
}
