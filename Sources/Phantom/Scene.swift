/// The coarse, size-independent description of one radiograph: 3-D attenuating objects in
/// patient centimetres, plus the 2-D-defined fields of findings. Computed once per image.

/// What an object's chord length adds to. Lung envelopes and "solids" combine per pixel:
/// air = max(0, lung − solids − vessels − finding removal).
enum Channel: Int32, Sendable {
    case soft = 0      // soft-tissue envelope (body, breasts, shoulders)
    case gas           // air outside the lungs (trachea, bronchi, stomach)
    case lungR, lungL  // lung envelopes
    case solidR, solidL, solidB  // structures that displace lung air (B: both lungs)
    case vesR, vesL    // pulmonary vessels
    case bone          // cortical-bone-equivalent chord
    case metal         // radio-opaque devices
    case remR, remL    // air removed by findings (fluid, tissue)
    case ptxR, ptxL    // pneumothorax space fraction (no lung tissue)
    case maskOnly      // draws nothing; only marks its mask
    static let count = 15
}

/// Shared fields of every 3-D object.
struct Tag: Sendable {
    var channel: Channel
    var weight: Double = 1
    /// Objects of one group (≥ 0, consecutive in the list) are united by maximum, not summed.
    var group: Int32 = -1
    /// Index of the finding mask this object marks where its chord is positive, or −1.
    var mask: Int32 = -1
}

/// An ellipsoid {p : (p−c)ᵀM(p−c) ≤ 1}, optionally a shell of cortex around a cancellous core.
struct Ellipsoid3: Sendable {
    var center: Vec3
    var form: Sym3
    var tag: Tag
    /// Inner core scale (0 = solid) and the weight the core loses relative to the cortex.
    var innerScale: Double = 0
    var innerLoss: Double = 0
    /// Flatter chord profile (fourth root): dense right up to the border (heart).
    var flat: Bool = false
    /// Density fades in from y = fadeFrom over fadeLength cm (0 = no fade).
    var fadeFrom: Double = 0
    var fadeLength: Double = 0
    /// Density fades out from y = fadeOutFrom over fadeOutLength cm (0 = no fade).
    var fadeOutFrom: Double = 0
    var fadeOutLength: Double = 0

    init(center: Vec3, radii: Vec3, axes ax: [Vec3] = identityAxes, tag: Tag,
         innerScale: Double = 0, innerLoss: Double = 0) {
        self.center = center
        self.form = Sym3.ellipsoid(radii: radii, axes: ax)
        self.tag = tag
        self.innerScale = innerScale
        self.innerLoss = innerLoss
    }
}

/// A tube along a polyline; nodes carry radius (in the image plane), the half-depth ratio of
/// its cross-section and a density weight. The whole tube is one max-group.
struct Tube3: Sendable {
    struct Node: Sendable { var p: Vec3; var r: Double; var depth: Double; var w: Double }
    var nodes: [Node]
    var tag: Tag
    var innerScale: Double = 0
    var innerLoss: Double = 0
    /// Ignore the obliquity boost (for devices drawn as flat stripes).
    var maxObliquity: Double = 3
}

/// A generalized cylinder with vertical axis: at height y the cross-section is a (super)ellipse
/// centred (xc, zc) with half-widths (hw, hd); sampled every `dy` cm from `y0`.
struct GenCyl3: Sendable {
    var y0: Double
    var dy: Double
    var xc: [Float], zc: [Float], hw: [Float], hd: [Float]
    var tag: Tag
    /// 2: ellipse; 4: rounded box.
    var exponent: Int = 2

    var y1: Double { y0 + dy * Double(xc.count - 1) }

    init(y0: Double, y1: Double, dy: Double, tag: Tag, exponent: Int = 2,
         _ f: (Double) -> (xc: Double, zc: Double, hw: Double, hd: Double)) {
        self.y0 = y0; self.dy = dy; self.tag = tag; self.exponent = exponent
        let n = max(2, Int(((y1 - y0) / dy).rounded(.up)) + 1)
        var a = [Float](), b = [Float](), c = [Float](), d = [Float]()
        a.reserveCapacity(n); b.reserveCapacity(n); c.reserveCapacity(n); d.reserveCapacity(n)
        for i in 0..<n {
            let s = f(y0 + dy * Double(i))
            a.append(Float(s.xc)); b.append(Float(s.zc)); c.append(Float(max(0, s.hw))); d.append(Float(max(0, s.hd)))
        }
        xc = a; zc = b; hw = c; hd = d
    }

    /// Cross-section at height y (linear interpolation), or nil outside.
    @inline(__always)
    func section(_ y: Double) -> (xc: Float, zc: Float, hw: Float, hd: Float)? {
        let f = (y - y0) / dy
        if f < 0 || f > Double(xc.count - 1) { return nil }
        let i = min(Int(f), xc.count - 2)
        let t = Float(f - Double(i))
        let s = 1 - t
        return (xc[i] * s + xc[i + 1] * t, zc[i] * s + zc[i + 1] * t, hw[i] * s + hw[i + 1] * t, hd[i] * s + hd[i + 1] * t)
    }
}

/// A flat bony plate (scapula body) given by a convex polygon in 3-D and a thickness.
struct Plate3: Sendable {
    var vertices: [Vec3]
    var thickness: Double
    var edgeRamp: Double
    var tag: Tag
}

/// Everything a render needs, independent of output size.
struct Scene3D: Sendable {
    var ellipsoids: [Ellipsoid3] = []
    var tubes: [Tube3] = []
    var cylinders: [GenCyl3] = []
    var plates: [Plate3] = []
    /// Indices into `cylinders` of the right and left lung envelopes.
    var lungIndex: [Int] = [0, 0]
    /// Fields of findings evaluated per pixel (effusion, pneumothorax, opacities...).
    var fields: [FieldSpec] = []
    /// Patient rotation about the vertical axis (radians).
    var rotation: Double = 0
}
