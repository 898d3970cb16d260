/// 2-D projected primitives in pixel coordinates and their analytic ray integrals.
/// Each one adds, for one image row, its chord length (cm) over the span of columns it covers.

struct Prim: Sendable {
    enum Kind: UInt8, Sendable { case ellipse, capsule, cylinder, plate }
    var kind: Kind
    var channel: Int32
    var group: Int32
    var mask: Int32
    var weight: Float
    /// Bounding box in pixel coordinates (pixel centres are integers).
    var umin: Float, umax: Float, vmin: Float, vmax: Float
    // Shape parameters (meaning depends on kind, see the make functions).
    var p0: Float = 0, p1: Float = 0, p2: Float = 0, p3: Float = 0
    var p4: Float = 0, p5: Float = 0, p6: Float = 0, p7: Float = 0
    var p8: Float = 0, p9: Float = 0, p10: Float = 0, p11: Float = 0
    var p12: Float = 0, p13: Float = 0, p14: Float = 0, p15: Float = 0
    var index: Int = 0
}

/// Per-row section of a projected generalized cylinder: centre and half extent (px), peak chord (cm).
struct CylRow: Sendable { var c: Float; var e: Float; var peak: Float }

/// Projects a cylinder's cross-section at height y for the frame (rotation about y, then a ray
/// along z for frontal views or along x for the lateral view).
@inline(__always)
func projectSection(_ s: (xc: Float, zc: Float, hw: Float, hd: Float), frame: Frame) -> CylRow {
    let cs = frame.cosR, sn = frame.sinR
    if !frame.lateral {
        let c = s.xc * cs + s.zc * sn
        let e = (s.hw * s.hw * cs * cs + s.hd * s.hd * sn * sn).squareRoot()
        let peak = e > 0 ? 2 * s.hw * s.hd / e : 0
        return CylRow(c: frame.uPx(c), e: e / frame.pixF, peak: peak)
    } else {
        // u = −z' with z' = −x sinψ + z cosψ
        let c = s.xc * sn - s.zc * cs
        let e = (s.hw * s.hw * sn * sn + s.hd * s.hd * cs * cs).squareRoot()
        let peak = e > 0 ? 2 * s.hw * s.hd / e : 0
        return CylRow(c: frame.uPx(c), e: e / frame.pixF, peak: peak)
    }
}

/// Rasterizes the primitives that touch one row into channel buffers.
struct RowRaster {
    /// Adds all `prims[list]` for row `j` (pixel-centre v = j).
    @inline(__always)
    static func run(prims: UnsafeBufferPointer<Prim>, list: [Int32], row j: Int, width: Int,
                    cyl: UnsafeBufferPointer<CylRow>,
                    ch: UnsafeMutablePointer<Float>, tmp: UnsafeMutablePointer<Float>,
                    masks: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>) {
        let v = Float(j)
        var curGroup: Int32 = -1
        var gLo = Int.max, gHi = -1
        var gChannel: Int32 = 0
        var gMask: Int32 = -1
        var gWeight: Float = 1

        @inline(__always) func flush() {
            if curGroup >= 0 && gHi >= gLo {
                let mrow = gMask >= 0 ? masks[Int(gMask)] : nil
                if gChannel != Channel.maskOnly.rawValue {
                    let dst = ch + Int(gChannel) * width
                    for i in gLo...gHi { dst[i] += gWeight * tmp[i] }
                }
                if let m = mrow { for i in gLo...gHi where tmp[i] > 0 { m[i] = 255 } }
                for i in gLo...gHi { tmp[i] = 0 }
            }
            curGroup = -1; gLo = Int.max; gHi = -1
        }

        for idx in list {
            let p = prims[Int(idx)]
            if v < p.vmin || v > p.vmax { continue }
            if p.group != curGroup { flush() }
            let grouped = p.group >= 0
            if grouped && curGroup < 0 {
                curGroup = p.group; gChannel = p.channel; gMask = p.mask; gWeight = p.weight
            }
            // Destination: tmp (max) for grouped, channel (add) otherwise.
            let dst: UnsafeMutablePointer<Float> = grouped ? tmp
                : (p.channel == Channel.maskOnly.rawValue ? tmp : ch + Int(p.channel) * width)
            let maskRow = (!grouped && p.mask >= 0) ? masks[Int(p.mask)] : nil
            let w = grouped ? 1 : p.weight
            let maskOnly = !grouped && p.channel == Channel.maskOnly.rawValue
            var lo = 0, hi = -1

            switch p.kind {
            case .ellipse:
                // p0,p1 centre; p2,p3,p4 quadratic form a,b,c; p5 peak; p6 inner scale; p7 inner loss; p8 > 0: flat (4th-root) profile
                let dv = v - p.p1
                // Row span: a du² + 2b du dv + c dv² ≤ 1
                let a = p.p2, b = p.p3, c = p.p4
                let disc = b * b * dv * dv - a * (c * dv * dv - 1)
                if disc <= 0 { continue }
                let sq = disc.squareRoot()
                let u1 = p.p0 + (-b * dv - sq) / a, u2 = p.p0 + (-b * dv + sq) / a
                lo = max(0, Int((u1).rounded(.up))); hi = min(width - 1, Int((u2).rounded(.down)))
                if hi < lo { continue }
                let k = p.p6, k2 = k * k, loss = p.p7 * p.p5 * k
                var fade: Float = p.p10 > 0 ? clampf((v - p.p9) * p.p10, 0, 1) : 1
                if p.p12 > 0 { let f = clampf(1 - (v - p.p11) * p.p12, 0, 1); fade *= f * f * (3 - 2 * f) }
                if fade <= 0 { continue }
                for i in lo...hi {
                    let du = Float(i) - p.p0
                    let q = a * du * du + 2 * b * du * dv + c * dv * dv
                    if q >= 1 { continue }
                    var val = p.p5 * (p.p8 > 0 ? (1 - q).squareRoot().squareRoot() : (1 - q).squareRoot())
                    if k > 0 && q < k2 { val -= loss * (1 - q / k2).squareRoot() }
                    val *= w * fade
                    if maskOnly { if let m = maskRow { m[i] = 255 }; continue }
                    if grouped { dst[i] = max(dst[i], val) } else { dst[i] += val }
                    if let m = maskRow, val != 0 { m[i] = 255 }
                }
            case .capsule:
                // p0,p1 a; p2,p3 b; p4,p5 r0,r1; p6,p7 k0,k1; p8 inner scale; p9 inner loss;
                // p10 = 1/len²; p11 slab half-width factor; p12 = line u at v: u = p12 + p13*v (if not horizontal)
                let ax = p.p0, ay = p.p1, bx = p.p2, by = p.p3
                let rmax = max(p.p4, p.p5)
                var ulo = p.umin, uhi = p.umax
                if p.p14 > 0 {  // not near-horizontal: slab around the line crossing this row
                    let uc = p.p12 + p.p13 * v
                    ulo = max(ulo, uc - p.p11); uhi = min(uhi, uc + p.p11)
                }
                lo = max(0, Int(ulo.rounded(.up))); hi = min(width - 1, Int(uhi.rounded(.down)))
                if hi < lo { continue }
                let ex = bx - ax, ey = by - ay
                let invL2 = p.p10
                let k = p.p8, lossK = p.p9 * k
                _ = rmax
                for i in lo...hi {
                    let px = Float(i) - ax, py = v - ay
                    var t = (px * ex + py * ey) * invL2
                    t = min(max(t, 0), 1)
                    let dx = px - t * ex, dy = py - t * ey
                    let d2 = dx * dx + dy * dy
                    let r = p.p4 + (p.p5 - p.p4) * t
                    let r2 = r * r
                    if d2 >= r2 { continue }
                    let kk = p.p6 + (p.p7 - p.p6) * t
                    let f = d2 / r2
                    var val = kk * (1 - f).squareRoot()
                    if k > 0 {
                        let k2 = k * k
                        if f < k2 { val -= lossK * kk * (1 - f / k2).squareRoot() }
                    }
                    val *= w
                    if maskOnly { if let m = maskRow { m[i] = 255 }; continue }
                    if grouped { dst[i] = max(dst[i], val) } else { dst[i] += val }
                    if let m = maskRow, val != 0 { m[i] = 255 }
                }
            case .cylinder:
                // index: cylinder number (its section for this row is in `cyl`); p0 exponent
                let r = cyl[p.index]
                if r.e <= 0 || r.peak <= 0 { continue }
                lo = max(0, Int((r.c - r.e).rounded(.up))); hi = min(width - 1, Int((r.c + r.e).rounded(.down)))
                if hi < lo { continue }
                let inv = 1 / r.e
                let boxy = p.p0 > 3
                for i in lo...hi {
                    let t = (Float(i) - r.c) * inv
                    var s = 1 - t * t
                    if s <= 0 { continue }
                    if boxy { let t2 = t * t; s = (1 - t2 * t2).squareRoot() }
                    let val = w * r.peak * s.squareRoot()
                    if maskOnly { if let m = maskRow { m[i] = 255 }; continue }
                    if grouped { dst[i] = max(dst[i], val) } else { dst[i] += val }
                    if let m = maskRow, val != 0 { m[i] = 255 }
                }
            case .plate:
                // 4 edges (p0..p11 as nx,ny,c; distances in px, positive inside), p12 peak, p13 1/ramp
                lo = max(0, Int(p.umin.rounded(.up))); hi = min(width - 1, Int(p.umax.rounded(.down)))
                if hi < lo { continue }
                // unused edges are (0, 0, +big)
                let c0 = p.p1 * v + p.p2, c1 = p.p4 * v + p.p5, c2 = p.p7 * v + p.p8, c3 = p.p10 * v + p.p11
                for i in lo...hi {
                    let u = Float(i)
                    let dmin = min(min(p.p0 * u + c0, p.p3 * u + c1), min(p.p6 * u + c2, p.p9 * u + c3))
                    if dmin <= 0 { continue }
                    let val = w * p.p12 * min(1, dmin * p.p13).squareRoot()
                    if maskOnly { if let m = maskRow { m[i] = 255 }; continue }
                    if grouped { dst[i] = max(dst[i], val) } else { dst[i] += val }
                    if let m = maskRow { m[i] = 255 }
                }
            }
            if grouped { gLo = min(gLo, lo); gHi = max(gHi, hi) }
        }
        flush()
    }
}
