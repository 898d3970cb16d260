import Foundation
import SynthNumerics

/// Attenuation coefficients (per cm at an effective ~60 keV).
enum Attenuation {
    static let soft: Float = 0.20
    /// Lung parenchyma: fraction of soft-tissue density inside aerated lung.
    static let lungTissue: Float = 0.24
    /// Cortical bone over soft tissue.
    static let bone: Float = 0.40
    static let metal: Float = 3.2
    static let vesselBoost: Float = 2.2
}

/// Scatter (a heavily blurred fraction of the primary intensity) on a coarse grid, plus the
/// display calibration read off the same coarse image. Both come from the finding-free patient.
struct ScatterField: Sendable {
    var gw: Int, gh: Int
    var u0: Double, v0: Double, step: Double
    var values: [Float]

    /// Bilinear sample at patient image coordinates (cm).
    func sample(u: Double, v: Double) -> Float {
        let gx = clamp((u - u0) / step - 0.5, 0, Double(gw - 1)), gy = clamp((v - v0) / step - 0.5, 0, Double(gh - 1))
        let ix = min(Int(gx), gw - 2), iy = min(Int(gy), gh - 2)
        let tx = Float(gx - Double(ix)), ty = Float(gy - Double(iy))
        let a = values[iy * gw + ix], b = values[iy * gw + ix + 1]
        let c = values[(iy + 1) * gw + ix], d = values[(iy + 1) * gw + ix + 1]
        return (a + (b - a) * tx) * (1 - ty) + (c + (d - c) * tx) * ty
    }
}

struct Display: Sendable {
    var aLung: Float
    var aMed: Float
    var noiseSigma: Float
    var noiseSeed: UInt64

    /// The tone curve over t = (a − aLung)/(aMed − aLung), shaped like a film's: a toe below the
    /// lung level, the steepest rise through the lungs, and a shoulder whose gradient only falls
    /// from the heart on, so bone over the mediastinum shows faintly and the upper abdomen stays
    /// a light grey instead of a flat white.
    static let knots: [(Double, Double)] = [
        (-2.2, 0.004), (-1.35, 0.012), (-0.6, 0.06), (0, 0.185), (0.3, 0.38), (0.75, 0.60), (1.0, 0.69),
        (1.3, 0.79), (1.6, 0.88), (2.2, 0.945), (3.4, 0.985),
    ]
    static let tMin: Float = -2.2, tMax: Float = 3.4
    static let lutSize = 2048
    static let lut: [Float] = {
        let c = Curve1D(knots)
        var out = [Float](repeating: 0, count: lutSize + 1)
        var prev = 0.0
        for i in 0...lutSize {
            let t = Double(tMin) + Double(tMax - tMin) * Double(i) / Double(lutSize)
            prev = max(prev, min(1, c(t)))
            out[i] = Float(prev)
        }
        return out
    }()

    @inline(__always) func value(_ a: Float) -> UInt16 {
        let t = (a - aLung) / (aMed - aLung)
        let f = clampf((t - Display.tMin) / (Display.tMax - Display.tMin), 0, 1) * Float(Display.lutSize)
        let i = min(Int(f), Display.lutSize - 1)
        let n = Display.lut.withUnsafeBufferPointer { l in l[i] + (l[i + 1] - l[i]) * (f - Float(i)) }
        return UInt16(clampf(n * 65535, 0, 65535).rounded())
    }
}

/// Row renderer: every pixel is a pure function of the plan and its coordinates.
struct Renderer {
    let plan: RenderPlan
    let bands: DetailBands?
    let muScale: Float
    let bothWeights: (Float, Float)

    init(plan: RenderPlan, bands: DetailBands?, muScale: Double) {
        self.plan = plan
        self.bands = bands
        self.muScale = Float(muScale)
        bothWeights = plan.frame.lateral ? (0.45, 0.55) : (1, 1)
    }

    /// Per-band scratch buffers.
    final class Workspace {
        let width: Int
        var ch: [Float]
        var tmp: [Float]
        var cyl: [CylRow]
        var maskRows: [UnsafeMutablePointer<UInt8>?]
        var texLung: [Float], texBone: [Float], texSoft: [Float]
        var att: [Float]
        /// The scatter field sampled along the current row.
        var scatter: [Float]
        var cache: DetailRowCache?
        /// One byte row per mask, packed into the mask's bits once the row is done.
        let maskScratch: UnsafeMutablePointer<UInt8>
        let maskScratchCount: Int
        init(width: Int, cylinders: Int, masks: Int, bands: DetailBands?, frame: Frame) {
            self.width = width
            maskScratchCount = max(1, masks) * width
            maskScratch = .allocate(capacity: maskScratchCount)
            maskScratch.initialize(repeating: 0, count: maskScratchCount)
            ch = [Float](repeating: 0, count: Channel.count * width)
            tmp = [Float](repeating: 0, count: width)
            cyl = [CylRow](repeating: CylRow(c: 0, e: 0, peak: 0), count: max(1, cylinders))
            maskRows = [UnsafeMutablePointer<UInt8>?](repeating: nil, count: max(1, masks))
            texLung = [Float](repeating: 0, count: width)
            texBone = [Float](repeating: 0, count: width)
            texSoft = [Float](repeating: 0, count: width)
            att = [Float](repeating: 0, count: width)
            scatter = [Float](repeating: 0, count: width)
            cache = bands.map { DetailRowCache(bands: $0, frame: frame) }
        }
        deinit { maskScratch.deallocate() }
    }

    /// Indices of the primitives overlapping rows j0...j1 (in plan order).
    func bandList(_ j0: Int, _ j1: Int) -> [Int32] {
        var out: [Int32] = []
        for (k, p) in plan.prims.enumerated() where p.vmax >= Float(j0) - 1 && p.vmin <= Float(j1) + 1 {
            out.append(Int32(k))
        }
        return out
    }

    /// Total attenuation ∑μL for row j into ws.att (masks written when mask pointers are set).
    func attenuationRow(_ j: Int, list: [Int32], ws: Workspace, texture: Bool) {
        let w = plan.frame.width
        let frame = plan.frame
        let y = frame.y(row: j)
        ws.ch.withUnsafeMutableBufferPointer { chb in
            let ch = chb.baseAddress!
            for i in 0..<chb.count { ch[i] = 0 }
            // Cylinder sections for this row.
            for (k, c) in plan.cylinders.enumerated() {
                if let s = c.section(y) { ws.cyl[k] = projectSection(s, frame: frame) } else { ws.cyl[k] = CylRow(c: 0, e: 0, peak: 0) }
            }
            ws.cyl.withUnsafeBufferPointer { cyl in
                ws.tmp.withUnsafeMutableBufferPointer { tmp in
                    ws.maskRows.withUnsafeMutableBufferPointer { mr in
                        plan.prims.withUnsafeBufferPointer { prims in
                            RowRaster.run(prims: prims, list: list, row: j, width: w, cyl: cyl, ch: ch,
                                          tmp: tmp.baseAddress!, masks: mr.baseAddress!)
                        }
                        if !plan.fields.isEmpty {
                            plan.cylinders.withUnsafeBufferPointer { cb in
                                let fr = FieldRow(j: j, y: y, frame: frame, width: w,
                                                  lung: (cyl[plan.lungCyl[0]], cyl[plan.lungCyl[1]]), ch: ch,
                                                  masks: mr.baseAddress!, cylinders: cb,
                                                  lungCyl: (plan.lungCyl[0], plan.lungCyl[1]))
                                for f in plan.fields { f.apply(fr) }
                            }
                        }
                    }
                }
            }
            if texture, let b = bands {
                ws.texLung.withUnsafeMutableBufferPointer { tl in
                    ws.texBone.withUnsafeMutableBufferPointer { tb in
                        ws.texSoft.withUnsafeMutableBufferPointer { ts in
                            ws.cache!.fill(row: j, bands: b, frame: frame, lung: tl.baseAddress!, bone: tb.baseAddress!, soft: ts.baseAddress!)
                        }
                    }
                }
            }
            combine(ch: ch, ws: ws, texture: texture && bands != nil)
        }
    }

    /// Combines channels into attenuation.
    @inline(__always)
    private func combine(ch: UnsafeMutablePointer<Float>, ws: Workspace, texture: Bool) {
        let w = plan.frame.width
        func c(_ k: Channel) -> UnsafeMutablePointer<Float> { ch + Int(k.rawValue) * w }
        let soft = c(.soft), gas = c(.gas), lR = c(.lungR), lL = c(.lungL)
        let sR = c(.solidR), sL = c(.solidL), sB = c(.solidB), vR = c(.vesR), vL = c(.vesL)
        let bone = c(.bone), metal = c(.metal), rR = c(.remR), rL = c(.remL), pR = c(.ptxR), pL = c(.ptxL)
        let (wbR, wbL) = bothWeights
        let ms = Attenuation.soft * muScale, mt = Attenuation.soft * Attenuation.lungTissue * muScale
        let mb = Attenuation.bone * muScale, mm = Attenuation.metal * muScale
        let vb = Attenuation.vesselBoost
        ws.att.withUnsafeMutableBufferPointer { att in
            ws.texLung.withUnsafeBufferPointer { tl in
                ws.texBone.withUnsafeBufferPointer { tb in
                    ws.texSoft.withUnsafeBufferPointer { ts in
                        for i in 0..<w {
                            let kR = 1 - pR[i], kL = 1 - pL[i]
                            let airR = max(0, lR[i] - sR[i] - sB[i] * wbR - vR[i] * kR * vb - rR[i])
                            let airL = max(0, lL[i] - sL[i] - sB[i] * wbL - vL[i] * kL * vb - rL[i])
                            let tissue = airR * kR + airL * kL
                            let st = max(0, soft[i] - airR - airL - gas[i])
                            if texture {
                                att[i] = ms * st * (1 + ts[i]) + mt * tissue * (1 + tl[i]) + mb * bone[i] * (1 + tb[i]) + mm * metal[i]
                            } else {
                                att[i] = ms * st + mt * tissue + mb * bone[i] + mm * metal[i]
                            }
                        }
                    }
                }
            }
        }
    }

    /// Renders `rows` into `pixels` (the first of these rows) and their mask bits into `masks`,
    /// which holds `plan.maskCount` bit masks of `BitMask.wordsPerRow(width:)` words per row,
    /// one after another. Callers on different threads pass their own workspaces.
    func render(rows: Range<Int>, ws: Workspace, scatter: ScatterField, display: Display,
                pixels: UnsafeMutablePointer<UInt16>, masks: UnsafeMutablePointer<UInt64>) {
        guard !rows.isEmpty else { return }
        let frame = plan.frame
        let w = frame.width, h = frame.height
        let list = bandList(rows.lowerBound, rows.upperBound - 1)
        let wordsPerRow = BitMask.wordsPerRow(width: w)
        for j in rows {
            ws.maskScratch.update(repeating: 0, count: ws.maskScratchCount)
            for m in 0..<plan.maskCount { ws.maskRows[m] = ws.maskScratch + m * w }
            attenuationRow(j, list: list, ws: ws, texture: true)
            for m in 0..<plan.maskCount {
                BitMask.pack(ws.maskScratch + m * w, width: w, into: masks + (m * h + j) * wordsPerRow)
            }
            scatterRow(scatter, v: frame.y(row: j), into: &ws.scatter)
            let out = pixels + (j - rows.lowerBound) * w
            let rowBase = UInt64(j) &* UInt64(w)
            ws.att.withUnsafeBufferPointer { att in
                ws.scatter.withUnsafeBufferPointer { sRow in
                    for i in 0..<w {
                        let prim = expf(-att[i])
                        let aEff = -logf(prim + sRow[i])
                        let n = pixelNoise(display.noiseSeed, rowBase &+ UInt64(i))
                        let aN = aEff + display.noiseSigma * expf(0.5 * (aEff - display.aLung)) * n
                        out[i] = display.value(aN)
                    }
                }
            }
        }
    }

    func makeWorkspace() -> Workspace {
        Workspace(width: plan.frame.width, cylinders: plan.cylinders.count, masks: plan.maskCount, bands: bands, frame: plan.frame)
    }

    func scatterRow(_ s: ScatterField, v: Double, into row: inout [Float]) {
        let frame = plan.frame
        let gy = clamp((v - s.v0) / s.step - 0.5, 0, Double(s.gh - 1))
        let iy = min(Int(gy), s.gh - 2)
        let ty = Float(gy - Double(iy))
        for i in 0..<frame.width {
            let u = frame.u(col: i)
            let gx = clamp((u - s.u0) / s.step - 0.5, 0, Double(s.gw - 1))
            let ix = min(Int(gx), s.gw - 2)
            let tx = Float(gx - Double(ix))
            let a = s.values[iy * s.gw + ix], b = s.values[iy * s.gw + ix + 1]
            let c = s.values[(iy + 1) * s.gw + ix], d = s.values[(iy + 1) * s.gw + ix + 1]
            row[i] = (a + (b - a) * tx) * (1 - ty) + (c + (d - c) * tx) * ty
        }
    }

    /// Attenuation image without texture or noise (for the coarse scatter/calibration pass).
    func attenuationImage() -> [Float] {
        let frame = plan.frame
        let w = frame.width, h = frame.height
        var out = [Float](repeating: 0, count: w * h)
        let list = bandList(0, h - 1)
        let ws = Workspace(width: w, cylinders: plan.cylinders.count, masks: plan.maskCount, bands: nil, frame: frame)
        var scratch = [UInt8](repeating: 0, count: w)
        scratch.withUnsafeMutableBufferPointer { sp in
            for m in 0..<plan.maskCount { ws.maskRows[m] = sp.baseAddress! }
            for j in 0..<h {
                attenuationRow(j, list: list, ws: ws, texture: false)
                for i in 0..<w { out[j * w + i] = ws.att[i] }
            }
        }
        return out
    }
}
