import Prompting

/// Physical consequences of findings that move anatomy (not drawn as findings themselves).
struct Consequences: Sendable {
    /// Mediastinal shift in cm, positive towards the patient's left.
    var mediastinalShift: Double = 0
    /// Dome displacement per side (0 right, 1 left), cm, positive = lower.
    var domeShift: [Double] = [0, 0]
    /// Dome flattening factor per side (1 = normal; >1 flatter).
    var domeFlatten: [Double] = [1, 1]
    /// Target cardiothoracic ratio (PA-equivalent); nil = patient's normal.
    var targetCTR: Double? = nil
}

/// The global anatomy in patient centimetres (adult-sized; `scale` is applied at the end),
/// shared by every builder so ribs follow lungs, heart sits on the diaphragm, and so on.
struct Layout: Sendable {
    let anatomy: PatientAnatomy
    let view: ViewPosition
    let consequences: Consequences
    /// y of the lung apices and of the dome tops, per side (0 right, 1 left).
    let apexY: [Double]
    let domeY: [Double]
    let shift: Double
    let heartCenter: Vec3
    let hilum: [Vec3]
    let archY: Double

    init(anatomy a: PatientAnatomy, view: ViewPosition, consequences c: Consequences) {
        self.anatomy = a
        self.view = view
        self.consequences = c
        let apR = a.rng.stream("layout").uniform(0, in: -0.3...0.3)
        apexY = [apR, apR - 0.2]
        let h = a.lungHeight - (view == .ap ? 1.2 : 0)
        let dR = h + apR
        domeY = [dR + c.domeShift[0], dR + a.domeDifference + c.domeShift[1]]
        shift = c.mediastinalShift
        // Heart rests on the left dome; its centre is ~5 cm above it (normal dome position).
        let baseDome = dR + a.domeDifference
        heartCenter = Vec3(0.8 + a.heartShiftX + shift, baseDome - 5.6 + max(0, c.domeShift[1]) * 0.5, 2.6)
        hilum = [Vec3(-5.3 + shift * 0.8, heartCenter.y - 4.4, -1.0), Vec3(5.4 + shift * 0.8, heartCenter.y - 6.3, -2.0)]
        archY = a.archHeight - a.aorticUnfolding * 0.9
    }

    /// Patient-left sign of a side index (0 right → −1, 1 left → +1).
    @inline(__always) static func sign(_ side: Int) -> Double { side == 0 ? -1 : 1 }

    /// Normalised height τ (0 apex, 1 dome top) of y for a side.
    func tau(_ side: Int, _ y: Double) -> Double { (y - apexY[side]) / (domeY[side] - apexY[side]) }

    /// Lateral and medial lung margins (|x|, cm) of a side at height y, before apex/base caps.
    func lungMargins(_ side: Int, _ y: Double) -> (lat: Double, med: Double) {
        let t = tau(side, y)
        let lat = Layout.latCurve(t) * anatomy.lungWidth
        var med = Layout.medCurve(t)
        // Mediastinal shift moves the medial margins (tapering off towards the apex).
        let taper = smoothstep(-0.05, 0.35, t)
        med -= Layout.sign(side) * shift * taper
        return (lat, max(0.6, med))
    }

    static let latCurve = Curve1D([(0, 8.0), (0.12, 9.7), (0.25, 11.8), (0.45, 13.4), (0.7, 14.2), (1.0, 14.6), (1.2, 14.4), (1.4, 12.6)])
    static let medCurve = Curve1D([(0, 2.9), (0.12, 2.4), (0.3, 2.0), (0.6, 1.8), (1.0, 2.1), (1.4, 3.0)])
    static let depthCurve = Curve1D([(0, 6.0), (0.3, 7.6), (0.7, 8.5), (1.0, 8.9), (1.2, 7.5), (1.4, 6.0)])
    static let zCurve = Curve1D([(0, -2.6), (0.4, -1.0), (1.0, -1.0), (1.25, -3.0), (1.45, -3.8)])

    /// The lung envelope cross-section of a side at y, or zero outside the lung.
    func lungSection(_ side: Int, _ y: Double) -> (xc: Double, zc: Double, hw: Double, hd: Double) {
        let s = Layout.sign(side)
        let top = apexY[side]
        let H = domeY[side] - top
        let t = y - top
        let bottomStart = H + 1.5, bottomEnd = H + 7.5 * (consequences.domeFlatten[side] > 1 ? 0.8 : 1)
        guard t > 0 && t < bottomEnd else { return (s * 5, -1, 0, 0) }
        let m = lungMargins(side, y)
        // Elliptical apex cap (3 cm high) and a rounded posterior recess at the base.
        let capW = t < 3 ? (1 - ((3 - t) / 3) * ((3 - t) / 3)).squareRoot() : 1
        let capD = t < 4 ? (1 - ((4 - t) / 4) * ((4 - t) / 4)).squareRoot() : 1
        var capB = 1.0
        // The posterior recess thins out smoothly (no edge over the upper abdomen).
        if t > bottomStart { let q = min(1, (t - bottomStart) / (bottomEnd - bottomStart)); capB = (1 - q * q) * (1 - q * q) }
        let tau = t / H
        let hw = (m.lat - m.med) / 2 * capW * (0.55 + 0.45 * capB)
        let xc = s * (m.lat + m.med) / 2 + s * (1 - capW) * 0.4
        let hd = Layout.depthCurve(tau) * anatomy.lungDepth * capD * capB
        return (xc, Layout.zCurve(tau), hw, hd)
    }

    /// Lateral lung margin |x| at y (the inner rib margin).
    func lateralEdge(_ side: Int, _ y: Double) -> Double {
        let s = lungSection(side, y)
        return abs(s.xc) + s.hw
    }

    /// Dome ellipsoid per side: centre and radii.
    func dome(_ side: Int) -> (center: Vec3, radii: Vec3) {
        let s = Layout.sign(side)
        let f = consequences.domeFlatten[side]
        let rx = 9.6 * anatomy.lungWidth * (f > 1 ? 1.12 : 1)
        let ry = 9.5 * f
        // Centred forward of the lungs: seen from the side each hemidiaphragm is highest in front
        // and curves down into the deep posterior costophrenic sulcus.
        return (Vec3(s * 7.8 * anatomy.lungWidth, domeY[side] + ry, 2.5), Vec3(rx, ry, 14.0))
    }

    /// Whether a point lies inside a lung (envelope shrunk by `margin` and above the dome).
    func insideLung(_ side: Int, _ p: Vec3, margin: Double = 0.85) -> Bool {
        let s = lungSection(side, p.y)
        guard s.hw > 0.3, s.hd > 0.3 else { return false }
        let qx = (p.x - s.xc) / s.hw, qz = (p.z - s.zc) / s.hd
        if qx * qx + qz * qz > margin { return false }
        let d = dome(side)
        let dx = (p.x - d.center.x) / d.radii.x, dy = (p.y - d.center.y) / d.radii.y, dz = (p.z - d.center.z) / d.radii.z
        return dx * dx + dy * dy + dz * dz > 1.05
    }

    /// A point in the lung field of a side at normalised lateral fraction fu (0 medial, 1 lateral)
    /// and height fraction fv (0 apex, 1 costophrenic level).
    func lungPoint(_ side: Int, fu: Double, fv: Double, fz: Double = 0) -> Vec3 {
        let y = apexY[side] + fv * (domeY[side] + 2.5 - apexY[side])
        let s = lungSection(side, y)
        let sg = Layout.sign(side)
        let med = abs(s.xc) - s.hw, lat = abs(s.xc) + s.hw
        return Vec3(sg * (med + fu * (lat - med)), y, s.zc + fz * s.hd)
    }
}
