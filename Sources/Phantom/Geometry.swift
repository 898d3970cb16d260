import Foundation

/// A 3-D point or direction in patient coordinates, in centimetres:
/// x towards the patient's left, y downwards (head to feet), z anterior.
struct Vec3: Sendable, Equatable {
    var x: Double, y: Double, z: Double
    init(_ x: Double, _ y: Double, _ z: Double) { self.x = x; self.y = y; self.z = z }
    static func + (a: Vec3, b: Vec3) -> Vec3 { Vec3(a.x + b.x, a.y + b.y, a.z + b.z) }
    static func - (a: Vec3, b: Vec3) -> Vec3 { Vec3(a.x - b.x, a.y - b.y, a.z - b.z) }
    static func * (a: Vec3, s: Double) -> Vec3 { Vec3(a.x * s, a.y * s, a.z * s) }
    var length: Double { (x * x + y * y + z * z).squareRoot() }
    var normalized: Vec3 { let l = length; return l > 0 ? self * (1 / l) : Vec3(0, 1, 0) }
    func dot(_ o: Vec3) -> Double { x * o.x + y * o.y + z * o.z }
    func cross(_ o: Vec3) -> Vec3 { Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x) }
    static func lerp(_ a: Vec3, _ b: Vec3, _ t: Double) -> Vec3 { a + (b - a) * t }
}

/// A symmetric 3×3 matrix (quadratic forms of ellipsoids).
struct Sym3: Sendable {
    var xx: Double, yy: Double, zz: Double, xy: Double, xz: Double, yz: Double

    /// The quadratic form of an ellipsoid with semi-axes `r` along the columns of rotation `axes`.
    static func ellipsoid(radii r: Vec3, axes: [Vec3]) -> Sym3 {
        var m = Sym3(xx: 0, yy: 0, zz: 0, xy: 0, xz: 0, yz: 0)
        let inv = [1 / (r.x * r.x), 1 / (r.y * r.y), 1 / (r.z * r.z)]
        for k in 0..<3 {
            let a = axes[k], w = inv[k]
            m.xx += w * a.x * a.x; m.yy += w * a.y * a.y; m.zz += w * a.z * a.z
            m.xy += w * a.x * a.y; m.xz += w * a.x * a.z; m.yz += w * a.y * a.z
        }
        return m
    }
}

/// Rotation axes for an ellipsoid turned by `angle` radians in the coronal (x-y) plane.
func coronalAxes(_ angle: Double) -> [Vec3] {
    [Vec3(cos(angle), sin(angle), 0), Vec3(-sin(angle), cos(angle), 0), Vec3(0, 0, 1)]
}

/// Axis-aligned axes.
let identityAxes = [Vec3(1, 0, 0), Vec3(0, 1, 0), Vec3(0, 0, 1)]

/// Orthonormal axes whose first axis is `d` (the others chosen stably).
func axes(along d: Vec3) -> [Vec3] {
    let a = d.normalized
    let helper = abs(a.z) < 0.9 ? Vec3(0, 0, 1) : Vec3(1, 0, 0)
    let b = a.cross(helper).normalized
    let c = a.cross(b).normalized
    return [a, b, c]
}

/// A smooth 1-D curve through knots (Catmull–Rom, clamped at the ends).
struct Curve1D: Sendable {
    let xs: [Double]
    let ys: [Double]
    init(_ knots: [(Double, Double)]) {
        xs = knots.map { $0.0 }
        ys = knots.map { $0.1 }
    }
    func callAsFunction(_ x: Double) -> Double {
        let n = xs.count
        if x <= xs[0] { return ys[0] }
        if x >= xs[n - 1] { return ys[n - 1] }
        var i = 0
        while i < n - 2 && x > xs[i + 1] { i += 1 }
        let x0 = xs[i], x1 = xs[i + 1]
        let t = (x - x0) / (x1 - x0)
        let y1 = ys[i], y2 = ys[i + 1]
        let y0 = i > 0 ? ys[i - 1] : 2 * y1 - y2
        let y3 = i + 2 < n ? ys[i + 2] : 2 * y2 - y1
        // Scale the tangents for uneven knot spacing.
        let m1 = i > 0 ? (y2 - y0) / (x1 - xs[i - 1]) * (x1 - x0) : (y2 - y1)
        let m2 = i + 2 < n ? (y3 - y1) / (xs[i + 2] - x0) * (x1 - x0) : (y2 - y1)
        let t2 = t * t, t3 = t2 * t
        return (2 * t3 - 3 * t2 + 1) * y1 + (t3 - 2 * t2 + t) * m1 + (-2 * t3 + 3 * t2) * y2 + (t3 - t2) * m2
    }
}

/// Catmull–Rom spline through 3-D control points, sampled into `perSpan` pieces per span.
func spline(_ pts: [Vec3], perSpan: Int) -> [Vec3] {
    guard pts.count >= 2 else { return pts }
    var out: [Vec3] = []
    for i in 0..<(pts.count - 1) {
        let p0 = i > 0 ? pts[i - 1] : pts[i] * 2 - pts[i + 1]
        let p1 = pts[i], p2 = pts[i + 1]
        let p3 = i + 2 < pts.count ? pts[i + 2] : pts[i + 1] * 2 - pts[i]
        for k in 0..<perSpan {
            let t = Double(k) / Double(perSpan)
            let t2 = t * t, t3 = t2 * t
            let a = p1 * 2
            let b = (p2 - p0) * t
            let c = (p0 * 2 - p1 * 5 + p2 * 4 - p3) * t2
            let d = (p1 * 3 - p0 - p2 * 3 + p3) * t3
            out.append((a + b + c + d) * 0.5)
        }
    }
    out.append(pts[pts.count - 1])
    return out
}

@inline(__always) func clamp(_ x: Double, _ a: Double, _ b: Double) -> Double { min(max(x, a), b) }
@inline(__always) func clampf(_ x: Float, _ a: Float, _ b: Float) -> Float { min(max(x, a), b) }
@inline(__always) func smoothstep(_ e0: Double, _ e1: Double, _ x: Double) -> Double {
    let t = clamp((x - e0) / (e1 - e0), 0, 1); return t * t * (3 - 2 * t)
}
@inline(__always) func mix(_ a: Double, _ b: Double, _ t: Double) -> Double { a + (b - a) * t }
