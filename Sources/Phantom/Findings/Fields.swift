import Foundation

/// Findings that act as per-pixel fields on the lung envelope (fluid layers, pneumothorax,
/// pleural thickening, airspace opacities, lesions). Each writes air removal (or pneumothorax
/// space) for its side, and marks its mask wherever it acts inside the lung.

struct EffusionSpec: Sendable {
    var side: Int, yTop: Double, meniscus: Double, ramp: Double, strength: Double
    var supine: Bool, apexY: Double, baseY: Double, mask: Int32
}
struct PneumothoraxSpec: Sendable {
    var side: Int, sx: Double, sy: Double, yBase: Double, lineCm: Double, mask: Int32
}
struct ThickeningSpec: Sendable {
    var side: Int, chord: Double, strength: Double, seed: UInt64, apexY: Double, mask: Int32
}
struct BlobSpec: Sendable {
    var side: Int, center: Vec3, radii: Vec3, angle: Double
    var density: Double, sharp: Double, noiseAmp: Double, noiseCell: Double, seed: UInt64
    /// Air bronchograms: tapering tube segments kept aerated inside the blob.
    var bronchi: [BronchialTree.Segment] = []
    static let bronchogramConspicuity: Float = 3.5
    var mask: Int32
}
struct LesionSpec: Sendable {
    var side: Int, center: Vec3, radius: Double
    /// Lobulation: (harmonic, amplitude, phase).
    var lobes: [(Int, Double, Double)]
    var density: Double, mask: Int32
}

enum FieldSpec: Sendable {
    case effusion(EffusionSpec)
    case pneumothorax(PneumothoraxSpec)
    case thickening(ThickeningSpec)
    case blob(BlobSpec)
    case lesion(LesionSpec)
}

/// Everything a field needs for one row.
struct FieldRow {
    let j: Int
    let y: Double
    let frame: Frame
    let width: Int
    /// Lung envelope sections (px) for this row per side.
    let lung: (CylRow, CylRow)
    let ch: UnsafeMutablePointer<Float>
    let masks: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>
    let cylinders: UnsafeBufferPointer<GenCyl3>
    let lungCyl: (Int, Int)

    @inline(__always) func env(_ side: Int) -> UnsafeMutablePointer<Float> {
        ch + Int(side == 0 ? Channel.lungR.rawValue : Channel.lungL.rawValue) * width
    }
    @inline(__always) func rem(_ side: Int) -> UnsafeMutablePointer<Float> {
        ch + Int(side == 0 ? Channel.remR.rawValue : Channel.remL.rawValue) * width
    }
    @inline(__always) func ptx(_ side: Int) -> UnsafeMutablePointer<Float> {
        ch + Int(side == 0 ? Channel.ptxR.rawValue : Channel.ptxL.rawValue) * width
    }
    @inline(__always) func section(_ side: Int) -> CylRow { side == 0 ? lung.0 : lung.1 }
    /// +1 where image u grows towards the lateral wall of this lung (posterior on the lateral view).
    @inline(__always) func lateralSign(_ side: Int) -> Float { frame.lateral ? 1 : (side == 0 ? -1 : 1) }
    /// Columns where this lung's envelope is positive.
    @inline(__always) func span(_ side: Int) -> ClosedRange<Int>? {
        let s = section(side)
        guard s.e > 0 && s.peak > 0 else { return nil }
        let lo = max(0, Int((s.c - s.e).rounded(.up))), hi = min(width - 1, Int((s.c + s.e).rounded(.down)))
        return lo <= hi ? lo...hi : nil
    }
}

/// A finding field projected for one frame.
struct Field2D: Sendable {
    var spec: FieldSpec
    // Projected blob/lesion geometry (px).
    var cu: Float = 0, cv: Float = 0, qa: Float = 0, qb: Float = 0, qc: Float = 0
    var vmin: Float = -.greatestFiniteMagnitude, vmax: Float = .greatestFiniteMagnitude
    var radiusPx: Float = 0, chordCm: Float = 0
    /// Projected bronchi: end points and lumen radii at each end in pixels, and the obliquity
    /// (chord through the lumen over its diameter) of a bronchus running partly along the rays.
    var bronchi: [(Float, Float, Float, Float, Float, Float, Float)] = []
    var lobes: [(Int, Float, Float, Float)] = []   // (k, a·cosφ, a·sinφ, unused)

    init(spec: FieldSpec, frame: Frame) {
        self.spec = spec
        switch spec {
        case .blob(let b):
            let e = Ellipsoid3(center: b.center, radii: b.radii, axes: coronalAxes(b.angle), tag: Tag(channel: .maskOnly))
            let q = projectEllipse(e, frame: frame)
            cu = q.cu; cv = q.cv; qa = q.qa; qb = q.qb; qc = q.qc
            let grow = Float(1 + b.noiseAmp / b.sharp)
            let det = qa * qc - qb * qb
            let hv = (qa / det).squareRoot() * grow.squareRoot()
            vmin = cv - hv - 1; vmax = cv + hv + 1
            for s in b.bronchi {
                let a = frame.projectPx(s.a), c = frame.projectPx(s.b)
                let inPlane = ((c.u - a.u) * (c.u - a.u) + (c.v - a.v) * (c.v - a.v)).squareRoot() * frame.pix
                let obliquity = 1 / max(1.0 / 3, min(1, inPlane / max(1e-6, (s.b - s.a).length)))
                bronchi.append((Float(a.u), Float(a.v), Float(c.u), Float(c.v),
                                Float(max(s.ra / frame.pix, 0.8)), Float(max(s.rb / frame.pix, 0.8)), Float(obliquity)))
            }
        case .lesion(let l):
            let c = frame.projectPx(l.center)
            cu = Float(c.u); cv = Float(c.v)
            var amp = 0.0
            for (k, a, ph) in l.lobes { lobes.append((k, Float(a * cos(ph)), Float(a * sin(ph)), 0)); amp += abs(a) }
            radiusPx = Float(l.radius / frame.pix)
            chordCm = Float(2 * l.radius * l.density)
            let rmax = radiusPx * Float(1 + amp) + 1
            vmin = cv - rmax; vmax = cv + rmax
            qa = rmax  // reused as the bounding radius
        default:
            break
        }
    }

    func apply(_ r: FieldRow) {
        let v = Float(r.j)
        if v < vmin || v > vmax { return }
        switch spec {
        case .effusion(let e): applyEffusion(e, r)
        case .pneumothorax(let p): applyPneumothorax(p, r)
        case .thickening(let t): applyThickening(t, r)
        case .blob(let b): applyBlob(b, r)
        case .lesion(let l): applyLesion(l, r)
        }
    }

    private func applyEffusion(_ e: EffusionSpec, _ r: FieldRow) {
        guard let span = r.span(e.side) else { return }
        let sec = r.section(e.side)
        let env = r.env(e.side), rem = r.rem(e.side)
        let mask = r.masks[Int(e.mask)]
        let ls = r.lateralSign(e.side)
        let inv = 1 / sec.e
        let y = Float(r.y)
        if e.supine {
            // Layering posteriorly: a veil over the hemithorax, denser towards the base.
            let base = Float(e.strength * (0.12 + 0.5 * smoothstep(e.apexY, e.baseY, r.y)))
            for i in span where env[i] > 0 {
                let fu = clampf(0.5 + 0.5 * ls * (Float(i) - sec.c) * inv, 0, 1)
                rem[i] += env[i] * base * (0.7 + 0.3 * fu)
                mask?[i] = 255
            }
            return
        }
        let yTop = Float(e.yTop), M = Float(e.meniscus), invRamp = Float(1 / e.ramp), s = Float(e.strength)
        if y <= yTop { return }
        for i in span where env[i] > 0 {
            let fu = clampf(0.5 + 0.5 * ls * (Float(i) - sec.c) * inv, 0, 1)
            // The meniscus: concave upwards, nearly level medially and climbing steeply along
            // the lateral chest wall, where the fluid is seen tangentially.
            let yf = yTop + M * (1 - fu * fu * fu.squareRoot())
            let dy = y - yf
            if dy <= 0 { continue }
            let t = min(1, dy * invRamp)
            rem[i] += env[i] * s * t * (2 - t)
            mask?[i] = 255
        }
    }

    private func applyPneumothorax(_ p: PneumothoraxSpec, _ r: FieldRow) {
        guard let span = r.span(p.side) else { return }
        let env = r.env(p.side), rem = r.rem(p.side), ptx = r.ptx(p.side)
        let mask = r.masks[Int(p.mask)]
        let ls = r.lateralSign(p.side)
        let cyl = r.cylinders[p.side == 0 ? r.lungCyl.0 : r.lungCyl.1]
        let yMapped = p.yBase - (p.yBase - r.y) / p.sy
        let dy = r.frame.pix * 0.5
        func sec(_ y: Double) -> CylRow? {
            guard let s = cyl.section(y) else { return nil }
            let c = projectSection(s, frame: r.frame)
            return c.e > 0.01 && c.peak > 0 ? c : nil
        }
        let thCm = max(0.045, 0.8 * r.frame.pix)
        let thPx = Float(thCm / r.frame.pix)
        let amp = Float(p.lineCm * 0.045 / thCm)
        guard let s0 = sec(yMapped) else {
            // Above the collapsed apex: all pleural air.
            for i in span where env[i] > 0 { ptx[i] = 1; mask?[i] = 255 }
            return
        }
        let sa = sec(yMapped - dy) ?? s0, sb = sec(yMapped + dy) ?? s0
        let dvp = Float(2 * dy / r.frame.pix)  // rows of v' between sa and sb
        let dc = (sb.c - sa.c) / dvp, de = (sb.e - sa.e) / dvp
        let cur = r.section(p.side)
        let anchor = s0.c - ls * s0.e
        let danchor = dc - ls * de
        let sx = Float(p.sx), sy = Float(p.sy)
        let invSx = 1 / sx
        for i in span where env[i] > 0 {
            let u = Float(i)
            // Medial to the anchor the lung stays, except around the collapsed apex.
            if ls * (u - anchor) < 0 && s0.e >= 0.5 * cur.e { continue }
            let up = anchor + (u - anchor) * invSx
            let q = (up - s0.c) / s0.e
            let g = 1 - q * q
            var touched = false
            if g <= 0 { ptx[i] = 1; touched = true }
            let gu = -2 * q / s0.e * invSx
            let dN = danchor * (1 - invSx) - dc
            let gv = (-2 * q / s0.e * dN + 2 * q * q / s0.e * de) / sy
            let dist = g / max(1e-6, (gu * gu + gv * gv).squareRoot())
            if abs(dist) < thPx {
                let f = dist / thPx
                rem[i] += amp * (1 - f * f)
                touched = true
            }
            if touched { mask?[i] = 255 }
        }
    }

    private func applyThickening(_ t: ThickeningSpec, _ r: FieldRow) {
        guard let span = r.span(t.side) else { return }
        let sec = r.section(t.side)
        let env = r.env(t.side), rem = r.rem(t.side)
        let mask = r.masks[Int(t.mask)]
        let ls = r.lateralSign(t.side)
        let inv = 1 / sec.e
        let aw = Float(1 - smoothstep(t.apexY + 2.5, t.apexY + 6, r.y))
        let lt = Float(t.chord * (1 + 0.35 * Double(valueNoise(t.seed, Float(r.y * 0.45), 0.5))))
        let strength = Float(t.strength)
        for i in span where env[i] > 0 && env[i] < lt {
            let fu = clampf(0.5 + 0.5 * ls * (Float(i) - sec.c) * inv, 0, 1)
            let lw = smooth01(clampf((fu - 0.55) / 0.25, 0, 1))
            let w = max(lw, aw)
            if w <= 0 { continue }
            let s = clampf((lt - env[i]) / (0.45 * lt), 0, 1)
            rem[i] += env[i] * s * w * strength
            mask?[i] = 255
        }
    }

    private func applyBlob(_ b: BlobSpec, _ r: FieldRow) {
        let env = r.env(b.side), rem = r.rem(b.side)
        let mask = r.masks[Int(b.mask)]
        let v = Float(r.j)
        let dv = v - cv
        let qmax = Float(1 + b.noiseAmp / b.sharp)
        // Row span of q ≤ qmax.
        let disc = qb * qb * dv * dv - qa * (qc * dv * dv - qmax)
        if disc <= 0 { return }
        let sq = disc.squareRoot()
        let lo = max(0, Int((cu + (-qb * dv - sq) / qa).rounded(.up)))
        let hi = min(r.width - 1, Int((cu + (-qb * dv + sq) / qa).rounded(.down)))
        if hi < lo { return }
        let sharp = Float(b.sharp), amp = Float(b.noiseAmp), dens = Float(b.density)
        let cell = Float(b.noiseCell)
        let pix = r.frame.pixF
        let u0 = Float(r.frame.u0) + 0.5 * pix
        let vcm = Float(r.y)
        for i in lo...hi where env[i] > 0 {
            let du = Float(i) - cu
            let q = qa * du * du + 2 * qb * du * dv + qc * dv * dv
            let base = (1 - q) * sharp
            if base + amp <= 0 { continue }
            let n = fbm3(b.seed, u0 + Float(i) * pix, vcm, cell: cell)
            let w = min(1, base + amp * n)
            if w <= 0 { continue }
            // The widest chord (cm) through an aerated bronchus on this ray stays air, scaled up
            // for the edge enhancement of a digital radiograph's processing, which makes real
            // air bronchograms stand out more than their chord alone would.
            var air: Float = 0
            for (ax, ay, bx, by, ra, rb, obliquity) in bronchi {
                let ex = bx - ax, ey = by - ay
                let px = Float(i) - ax, py = v - ay
                let t = clampf((px * ex + py * ey) / max(1e-6, ex * ex + ey * ey), 0, 1)
                let dx = px - t * ex, dy = py - t * ey
                let rr = ra + (rb - ra) * t
                let f = (dx * dx + dy * dy) / (rr * rr)
                if f < 1 { air = max(air, 2 * rr * pix * (1 - f).squareRoot() * obliquity * BlobSpec.bronchogramConspicuity) }
            }
            rem[i] += max(0, env[i] - air) * dens * w
            mask?[i] = 255
        }
    }

    private func applyLesion(_ l: LesionSpec, _ r: FieldRow) {
        let rem = r.rem(l.side)
        let mask = r.masks[Int(l.mask)]
        let dv = Float(r.j) - cv
        let rb = qa
        if abs(dv) > rb { return }
        let half = (rb * rb - dv * dv).squareRoot()
        let lo = max(0, Int((cu - half).rounded(.up))), hi = min(r.width - 1, Int((cu + half).rounded(.down)))
        if hi < lo { return }
        for i in lo...hi {
            let du = Float(i) - cu
            let d2 = du * du + dv * dv
            let d = d2.squareRoot()
            var rad = radiusPx
            if d > 1e-3 {
                let c1 = du / d, s1 = dv / d
                var ck = c1, sk = s1, k = 1
                var mod: Float = 0
                for (h, ac, asn, _) in lobes {
                    while k < h { let nc = ck * c1 - sk * s1; sk = sk * c1 + ck * s1; ck = nc; k += 1 }
                    mod += ac * ck + asn * sk
                }
                rad *= 1 + mod
            }
            if d >= rad { continue }
            let f = d / rad
            rem[i] += chordCm * (1 - f * f).squareRoot()
            mask?[i] = 255
        }
    }
}

/// A 3-D ellipsoid projected to a 2-D quadratic form in pixels, with its peak chord (cm).
func projectEllipse(_ e: Ellipsoid3, frame: Frame) -> (cu: Float, cv: Float, qa: Float, qb: Float, qc: Float, peak: Float) {
    let M = e.form
    let eu = frame.eu, ev = frame.ev, d = frame.ray, pix = frame.pix
    func mv(_ a: Vec3) -> Vec3 {
        Vec3(M.xx * a.x + M.xy * a.y + M.xz * a.z, M.xy * a.x + M.yy * a.y + M.yz * a.z, M.xz * a.x + M.yz * a.y + M.zz * a.z)
    }
    let Md = mv(d)
    let mdd = d.dot(Md)
    let mu = eu.dot(Md), mvv = ev.dot(Md)
    let Mu = mv(eu), Mv = mv(ev)
    let qa = (eu.dot(Mu) - mu * mu / mdd) * pix * pix
    let qb = (eu.dot(Mv) - mu * mvv / mdd) * pix * pix
    let qc = (ev.dot(Mv) - mvv * mvv / mdd) * pix * pix
    let c = frame.projectPx(e.center)
    return (Float(c.u), Float(c.v), Float(qa), Float(qb), Float(qc), Float(2 / mdd.squareRoot()))
}
