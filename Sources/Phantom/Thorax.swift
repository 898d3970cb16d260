import Foundation
import Prompting

/// Builds the soft-tissue anatomy: body outline, lungs, diaphragm, stomach, heart, great
/// vessels, airways, breasts and shoulders.
struct SceneBuilder {
    var scene = Scene3D()
    let layout: Layout
    var nextGroup: Int32 = 0
    /// Heart parts (indices into scene.ellipsoids) used for the cardiothoracic ratio.
    var heartParts: [Int] = []
    var heartBorderParts: [Int] = []

    init(layout: Layout) { self.layout = layout }

    mutating func newGroup() -> Int32 { defer { nextGroup += 1 }; return nextGroup }

    var a: PatientAnatomy { layout.anatomy }

    // MARK: body outline

    mutating func addBody() {
        let hab = a.habitus
        let wf = 1 + 0.11 * hab, df = 1 + 0.16 * hab
        let child = a.child
        let aCurve = Curve1D([(-14, 5.6), (-5, 6.0), (-3.5, 7.0), (-2, 9.2), (-0.5, 12.2), (1.0, 14.8), (3.0, 16.7), (6, 17.5), (14, 17.4), (22, 16.9), (30, 16.2), (46, 15.9)])
        let bCurve = Curve1D([(-14, 5.6), (-5, 6.0), (-2, 7.4), (1, 9.0), (5, 10.2), (12, 11.0), (22, 11.4), (30, 11.3), (46, 11.0)])
        let zCurve = Curve1D([(-14, -1.5), (-4, -1.2), (4, 0), (30, 0), (46, 0.2)])
        let shoulderWidth = a.sex == .male ? 1.04 : 0.97
        let c = GenCyl3(y0: -16, y1: 48, dy: 0.05, tag: Tag(channel: .soft), exponent: 4) { y in
            var hw = aCurve(y) * wf
            hw *= 1 + (shoulderWidth - 1) * smoothstep(-3, 1, y) * (1 - smoothstep(3, 8, y))
            var hd = bCurve(y) * df * (child ? 1.04 : 1)
            if y > 24 && hab > 0 { hd *= 1 + 0.06 * hab * smoothstep(24, 40, y) }
            return (0, zCurve(y), hw, hd)
        }
        scene.cylinders.append(c)
        // Shoulders (deltoid and trapezius) and arms.
        for side in 0..<2 {
            let s = Layout.sign(side)
            if layout.view != .lateral {
                scene.ellipsoids.append(Ellipsoid3(center: Vec3(s * 18.5, 2.0, -2.0), radii: Vec3(5.5 * wf, 7.5, 6.0 * df), tag: Tag(channel: .soft, weight: 0.45)))
            } else {
                // Arms raised: the shoulder girdle's soft tissue overlies the upper thorax.
                scene.ellipsoids.append(Ellipsoid3(center: Vec3(s * 16.5, 0.5, -2.5), radii: Vec3(5.0 * wf, 8.0, 7.0 * df), tag: Tag(channel: .soft, weight: 0.5)))
            }
            let arm = Tube3(nodes: [
                .init(p: Vec3(s * 21.0 * wf, -7, -2), r: 3.6 * wf, depth: 1, w: 1),
                .init(p: Vec3(s * 21.8 * wf, 1, -2), r: 4.4 * wf, depth: 1, w: 1),
                .init(p: Vec3(s * 22.6 * wf, 20, -2), r: 4.1 * wf, depth: 1, w: 1),
                .init(p: Vec3(s * 23.2 * wf, 46, -2), r: 3.8 * wf, depth: 1, w: 1),
            ], tag: Tag(channel: .soft, group: newGroup()), maxObliquity: 1)
            if layout.view != .lateral { scene.tubes.append(arm) }
        }
        // Breasts.
        if a.breastSize > 0 {
            let b = a.breastSize
            let sag = a.elderly ? 2.0 : 0.6
            for side in 0..<2 {
                let s = Layout.sign(side)
                let yc = layout.domeY[1] - 2.0 + sag * b
                var e = Ellipsoid3(center: Vec3(s * 9.8 * wf, yc, 11.5 * df + 2.0 * b), radii: Vec3(6.4 * b * wf, 5.8 * b, 4.0 * b),
                                   tag: Tag(channel: .soft, weight: 0.75))
                // Attached to the chest wall: only the lower and lateral margins show.
                e.fadeFrom = yc - 5.8 * b
                e.fadeLength = 6.5 * b
                // The inframammary fold fades over the upper abdomen instead of drawing an arc.
                e.fadeOutFrom = yc + 0.5 * b
                e.fadeOutLength = 5.3 * b
                scene.ellipsoids.append(e)
            }
        }
        // Thymus in infants.
        if a.age < 3 {
            scene.ellipsoids.append(Ellipsoid3(center: Vec3(0.5, 8.5, 3.5), radii: Vec3(4.6, 4.2, 3.0),
                                               tag: Tag(channel: .solidB)))
        }
    }

    // MARK: lungs, diaphragm, stomach

    mutating func addLungs() {
        for side in 0..<2 {
            let l = layout
            // Seen from the side the lungs reach the sternum and the spine as a full-width band
            // (retrosternal and retrocardiac clear spaces): a squarer cross-section there.
            let c = GenCyl3(y0: l.apexY[side] - 0.01, y1: l.domeY[side] + 8, dy: 0.04,
                            tag: Tag(channel: side == 0 ? .lungR : .lungL), exponent: l.view == .lateral ? 4 : 2) { y in l.lungSection(side, y) }
            scene.lungIndex[side] = scene.cylinders.count
            scene.cylinders.append(c)
            let d = l.dome(side)
            // A flat chord profile: the lung ends sharply on the dome in every view.
            var dome = Ellipsoid3(center: d.center, radii: d.radii, tag: Tag(channel: side == 0 ? .solidR : .solidL,
                                                                              weight: l.view == .lateral ? 1.6 : 1))
            dome.flat = true
            scene.ellipsoids.append(dome)
        }
        // Gastric air bubble under the left dome, with a flat fluid level (erect) or rounder (supine/AP).
        let r = a.rng.stream("stomach")
        let d = layout.dome(1)
        let bx = 6.5 * a.lungWidth + r.uniform(0, in: -0.8...0.8)
        let dx = (bx - d.center.x) / d.radii.x
        let domeAt = d.center.y - d.radii.y * max(0, 1 - dx * dx).squareRoot()
        let size = r.uniform(1, in: 0.7...1.25)
        let top = domeAt + 0.9
        let bubble = Ellipsoid3(center: Vec3(bx, top + 1.7 * size, -1.5), radii: Vec3(3.3 * size, 1.7 * size, 3.0 * size),
                                tag: Tag(channel: .gas))
        scene.ellipsoids.append(bubble)
        // Splenic flexure gas.
        if r.uniform(2) < 0.7 {
            scene.ellipsoids.append(Ellipsoid3(center: Vec3(bx + 4.0, top + 5.5, 1.0), radii: Vec3(2.0, 1.3, 1.6),
                                               tag: Tag(channel: .gas, weight: 0.8)))
        }
    }

    // MARK: heart and great vessels

    /// Heart ellipsoids (before CTR scaling): (centre offset from heart centre, radii, coronal angle).
    static let heartModel: [(Vec3, Vec3, Double)] = [
        (Vec3(2.0, 0.2, -0.3), Vec3(7.0, 5.0, 5.2), 0.55),  // left ventricle (long axis down-left)
        (Vec3(-2.6, 0.4, -0.6), Vec3(2.9, 4.8, 3.8), 0.05), // right atrium
        (Vec3(0.0, 1.0, 1.5), Vec3(5.0, 4.0, 4.2), 0.25),   // right ventricle
        (Vec3(2.6, -3.6, -1.5), Vec3(2.0, 1.8, 2.5), 0.2),  // left atrial appendage
        (Vec3(2.2, -5.2, 0.5), Vec3(1.7, 2.0, 1.8), -0.3),  // pulmonary trunk
        (Vec3(0.5, -2.5, -4.0), Vec3(3.0, 2.2, 2.2), 0.0),  // left atrium
    ]

    /// Forward tilt (radians, about the patient's x axis) of the heart chambers.
    static let heartTilt = 0.42

    /// Adds the heart scaled to a target cardiothoracic ratio; returns the ratio as drawn in PA.
    @discardableResult
    mutating func addHeart(targetCTR: Double, thoracicWidth: Double, mask: Int32, group: Int32? = nil) -> Double {
        let hc = layout.heartCenter
        let angleJitter = a.heartAngle - 0.6
        var parts: [Ellipsoid3] = []
        for (off, radii, ang) in SceneBuilder.heartModel {
            // Long axis tilted forward too: the apex points down, left and anterior.
            let ax = coronalAxes(ang + angleJitter).map { v in
                Vec3(v.x, v.y * cos(SceneBuilder.heartTilt) - v.z * sin(SceneBuilder.heartTilt),
                     v.y * sin(SceneBuilder.heartTilt) + v.z * cos(SceneBuilder.heartTilt))
            }
            parts.append(Ellipsoid3(center: hc + off, radii: radii, axes: ax, tag: Tag(channel: .solidB)))
        }
        // Width as drawn from the three border-forming chambers.
        func extents(_ ps: [Ellipsoid3]) -> (lo: Double, hi: Double) {
            var lo = Double.infinity, hi = -Double.infinity
            for e in ps[0..<3] {
                let ex = inverseXX(e.form).squareRoot()
                lo = min(lo, e.center.x - ex); hi = max(hi, e.center.x + ex)
            }
            return (lo, hi)
        }
        let e0 = extents(parts)
        let w0 = e0.hi - e0.lo
        let kx = targetCTR * thoracicWidth / w0
        let ky = 1 + 0.55 * (kx - 1), kz = 1 + 0.6 * (kx - 1)
        let anchor = Vec3(e0.lo + 0.3 * w0, hc.y + 4.5, hc.z)
        // AP: the heart is farther from the detector and magnified ~15%.
        let mag = layout.view == .ap ? 1.15 : 1.0
        let g = group ?? newGroup()
        for var e in parts {
            e.center = anchor + Vec3((e.center.x - anchor.x) * kx, (e.center.y - anchor.y) * ky, (e.center.z - anchor.z) * kz)
            e.form = scaleForm(e.form, kx, ky, kz)
            if mag != 1 {
                let m = Vec3(hc.x, hc.y + 2, hc.z)
                e.center = m + Vec3((e.center.x - m.x) * mag, (e.center.y - m.y) * mag, e.center.z - m.z)
                e.form = scaleForm(e.form, mag, mag, 1)
            }
            e.tag.group = g
            e.tag.mask = mask
            // The lungs wrap around the heart: it displaces more air than its own chord.
            e.tag.weight = 1.15
            e.flat = layout.view != .lateral
            heartParts.append(scene.ellipsoids.count)
            scene.ellipsoids.append(e)
        }
        let drawn = extents(heartParts.suffix(SceneBuilder.heartModel.count).map { scene.ellipsoids[$0] })
        return (drawn.hi - drawn.lo) / thoracicWidth
    }

    /// The mediastinal soft tissue between the lungs (displaces the medial lung).
    mutating func addMediastinum() {
        let l = layout
        let top = l.apexY[0] - 1, bottom = l.domeY[0] + 2
        let hy = l.heartCenter.y
        // Narrower than the vessels that border it (SVC, aortic knob, pulmonary trunk), which
        // shape the mediastinal contours; elliptical, so no straight edge runs down behind the heart.
        let w = Curve1D([(top, 2.0), (top + 4, 2.2), (l.archY, 2.4), (hy - 4, 2.5), (hy, 2.4), (bottom, 2.2)])
        let c = GenCyl3(y0: top, y1: bottom, dy: 0.05, tag: Tag(channel: .solidB), exponent: 2) { y in
            let taper = smoothstep(top, top + 3, y) * (1 - smoothstep(bottom - 4, bottom, y))
            let sh = l.shift * smoothstep(l.apexY[0], l.apexY[0] + 6, y)
            // Full depth above the heart (retrosternal lung stays in front of it); only the
            // posterior mediastinum (aorta, oesophagus) behind the heart.
            let low = smoothstep(hy - 6, hy - 2, y)
            let zc = mix(-1.2, -4.2, low), hd = mix(5.2, 2.8, low)
            return (sh + 0.2, zc, w(y) * taper, hd * taper)
        }
        scene.cylinders.append(c)
    }

    mutating func addGreatVessels() {
        let hc = layout.heartCenter
        let u = a.aorticUnfolding
        let sh = layout.shift
        let yA = layout.archY
        let mag = layout.view == .ap ? 1.08 : 1.0
        func m(_ x: Double) -> Double { x * mag + sh }
        let rr = 1 + 0.15 * u
        // Aorta: root, ascending (bulging right when unfolded), arch (knob), descending along the spine.
        let aorta: [Tube3.Node] = [
            .init(p: Vec3(m(0.3), hc.y - 2.5, 2.4), r: 1.4 * rr, depth: 1, w: 1),
            .init(p: Vec3(m(-1.1 - 1.3 * u), hc.y - 5.8, 2.4), r: 1.5 * rr, depth: 1, w: 1),
            .init(p: Vec3(m(-0.6 - 0.8 * u), yA + 1.3, 1.5), r: 1.4 * rr, depth: 1, w: 1),
            .init(p: Vec3(m(1.6), yA - 0.1, -0.8), r: 1.3 * rr, depth: 1, w: 1),
            .init(p: Vec3(m(3.0 + 1.0 * u), yA + 1.1, -3.2), r: 1.25 * rr, depth: 1, w: 1),
            .init(p: Vec3(m(2.8 + 0.9 * u), yA + 4.5, -5.0), r: 1.2 * rr, depth: 1, w: 1),
            .init(p: Vec3(m(2.4 + 1.1 * u), layout.domeY[1] - 4, -5.8), r: 1.15 * rr, depth: 1, w: 1),
            .init(p: Vec3(m(1.5), layout.domeY[1] + 8, -5.6), r: 1.1 * rr, depth: 1, w: 1),
        ]
        scene.tubes.append(Tube3(nodes: smoothNodes(aorta, 6), tag: Tag(channel: .solidB, group: newGroup()), maxObliquity: 1.6))
        // Calcified rim of the aortic knob in the elderly.
        if a.elderly {
            let k = Vec3(m(3.0 + 1.0 * u), yA + 1.1, -3.2)
            scene.tubes.append(Tube3(nodes: [
                .init(p: k + Vec3(0.4, -1.3, 0), r: 0.08, depth: 1.5, w: 1),
                .init(p: k + Vec3(1.25 * rr, -0.3, 0), r: 0.08, depth: 1.5, w: 1),
                .init(p: k + Vec3(1.2 * rr, 0.6, 0), r: 0.08, depth: 1.5, w: 1),
            ], tag: Tag(channel: .bone, weight: 0.6, group: newGroup())))
        }
        // Superior vena cava (right superior mediastinal border) and left subclavian artery.
        scene.tubes.append(Tube3(nodes: smoothNodes([
            .init(p: Vec3(m(-2.3), -0.5, 0.5), r: 0.9, depth: 1, w: 1),
            .init(p: Vec3(m(-2.7), 5.5, 1.0), r: 1.0, depth: 1, w: 1),
            .init(p: Vec3(m(-2.8), hc.y - 4.5, 1.0), r: 1.1, depth: 1, w: 1),
        ], 4), tag: Tag(channel: .solidB, group: newGroup()), maxObliquity: 1.5))
        scene.tubes.append(Tube3(nodes: smoothNodes([
            .init(p: Vec3(m(1.8), yA - 0.3, -1.2), r: 0.7, depth: 1, w: 1),
            .init(p: Vec3(m(2.6), 2.0, -1.5), r: 0.65, depth: 1, w: 1),
            .init(p: Vec3(m(3.4), -2.0, -1.0), r: 0.6, depth: 1, w: 1),
        ], 4), tag: Tag(channel: .solidB, group: newGroup()), maxObliquity: 1.5))
        // Inferior vena cava.
        scene.tubes.append(Tube3(nodes: [
            .init(p: Vec3(m(-2.4), hc.y + 3.0, -1.0), r: 1.2, depth: 1, w: 1),
            .init(p: Vec3(-2.2, layout.domeY[0] + 9, -1.5), r: 1.2, depth: 1, w: 1),
        ], tag: Tag(channel: .solidB, group: newGroup()), maxObliquity: 1.5))
        // Pulmonary arteries to the hila.
        let hR = layout.hilum[0], hL = layout.hilum[1]
        scene.tubes.append(Tube3(nodes: smoothNodes([
            .init(p: Vec3(m(1.0), hc.y - 5.6, 1.0), r: 1.25, depth: 1, w: 1),
            .init(p: Vec3(m(-2.8), hc.y - 5.0, -0.4), r: 1.15, depth: 1, w: 1),
            .init(p: hR, r: 1.0, depth: 1, w: 1),
            .init(p: hR + Vec3(-0.7, 2.8, -0.3), r: 0.75, depth: 1, w: 1),
        ], 4), tag: Tag(channel: .solidR, group: newGroup()), maxObliquity: 1.5))
        scene.tubes.append(Tube3(nodes: smoothNodes([
            .init(p: Vec3(m(2.2), hc.y - 6.6, 1.0), r: 1.15, depth: 1, w: 1),
            .init(p: Vec3(m(4.0), hc.y - 7.3, -1.0), r: 1.05, depth: 1, w: 1),
            .init(p: hL, r: 0.95, depth: 1, w: 1),
            .init(p: hL + Vec3(0.5, 2.6, -0.4), r: 0.7, depth: 1, w: 1),
        ], 4), tag: Tag(channel: .solidL, group: newGroup()), maxObliquity: 1.5))
    }

    mutating func addAirways() {
        let sh = layout.shift
        let carina = Vec3(0.0 + sh * 0.7, layout.hilum[0].y - 3.0, -0.8)
        scene.tubes.append(Tube3(nodes: smoothNodes([
            .init(p: Vec3(0, -16, 2.2), r: 1.0, depth: 1.1, w: 1),
            .init(p: Vec3(0.1, -3, 1.6), r: 1.0, depth: 1.1, w: 1),
            .init(p: Vec3(-0.25 + sh * 0.4, 3.5, 0.4), r: 0.95, depth: 1.1, w: 1),
            .init(p: carina, r: 0.85, depth: 1.1, w: 1),
        ], 5), tag: Tag(channel: .gas, weight: 1, group: newGroup())))
        let right = Tube3(nodes: smoothNodes([
            .init(p: carina, r: 0.75, depth: 1, w: 1),
            .init(p: carina + Vec3(-2.5, 1.5, -0.2), r: 0.68, depth: 1, w: 1),
            .init(p: carina + Vec3(-4.0, 3.4, -0.3), r: 0.52, depth: 1, w: 1),
        ], 4), tag: Tag(channel: .gas, weight: 0.8, group: newGroup()))
        let left = Tube3(nodes: smoothNodes([
            .init(p: carina, r: 0.72, depth: 1, w: 1),
            .init(p: carina + Vec3(2.8, 1.2, -0.4), r: 0.64, depth: 1, w: 1),
            .init(p: carina + Vec3(4.7, 2.9, -0.8), r: 0.5, depth: 1, w: 1),
        ], 4), tag: Tag(channel: .gas, weight: 0.8, group: newGroup()))
        scene.tubes.append(right)
        scene.tubes.append(left)
    }

    /// Maximum inner thoracic width (lateral lung margins) in the frontal projection.
    func thoracicWidth() -> Double {
        var best = 0.0
        var y = layout.apexY[0]
        while y < layout.domeY[0] + 6 {
            best = max(best, layout.lateralEdge(0, y) + layout.lateralEdge(1, y))
            y += 0.1
        }
        return best
    }
}

/// (M⁻¹)ₓₓ of a symmetric matrix: the squared half-extent of its ellipsoid along x.
func inverseXX(_ m: Sym3) -> Double {
    let det = m.xx * (m.yy * m.zz - m.yz * m.yz) - m.xy * (m.xy * m.zz - m.yz * m.xz) + m.xz * (m.xy * m.yz - m.yy * m.xz)
    return (m.yy * m.zz - m.yz * m.yz) / det
}

/// The form of an ellipsoid stretched by (kx, ky, kz) along the axes.
func scaleForm(_ m: Sym3, _ kx: Double, _ ky: Double, _ kz: Double) -> Sym3 {
    Sym3(xx: m.xx / (kx * kx), yy: m.yy / (ky * ky), zz: m.zz / (kz * kz),
         xy: m.xy / (kx * ky), xz: m.xz / (kx * kz), yz: m.yz / (ky * kz))
}

/// Spline-smoothed tube nodes (positions by Catmull–Rom, attributes linearly).
func smoothNodes(_ t: Tube3, _ per: Int) -> [Tube3.Node] { smoothNodes(t.nodes, per) }
func smoothNodes(_ nodes: [Tube3.Node], _ per: Int) -> [Tube3.Node] {
    let pts = spline(nodes.map { $0.p }, perSpan: per)
    var out: [Tube3.Node] = []
    for (k, p) in pts.enumerated() {
        let f = Double(k) / Double(per)
        let i = min(Int(f), nodes.count - 2)
        let t = f - Double(i)
        let a = nodes[i], b = nodes[i + 1]
        out.append(.init(p: p, r: mix(a.r, b.r, t), depth: mix(a.depth, b.depth, t), w: mix(a.w, b.w, t)))
    }
    return out
}
