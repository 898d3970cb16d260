import Foundation

/// Projects the 3-D scene onto the detector for one output size: pixel frame, 2-D primitives.

/// Maps patient centimetres to pixels for one view and output size.
struct Frame: Sendable {
    let width: Int, height: Int
    /// Image coordinates (cm) of the top-left pixel corner, and cm per pixel.
    let u0: Double, v0: Double, pix: Double
    let lateral: Bool
    let rotation: Double
    let cosR: Float, sinR: Float, pixF: Float, u0F: Float, v0F: Float

    init(width: Int, height: Int, centerU: Double, centerV: Double, roi: (w: Double, h: Double),
         lateral: Bool, rotation: Double) {
        self.width = width; self.height = height
        // Fit the region of interest into the frame, keeping the anatomy's aspect.
        let p = max(roi.w / Double(width), roi.h / Double(height))
        pix = p
        u0 = centerU - p * Double(width) / 2
        v0 = centerV - p * Double(height) / 2
        self.lateral = lateral
        self.rotation = rotation
        cosR = Float(cos(rotation)); sinR = Float(sin(rotation))
        pixF = Float(p); u0F = Float(u0); v0F = Float(v0)
    }

    /// A frame with an explicit pixel size centred on (centerU, centerV).
    init(width: Int, height: Int, centerU: Double, centerV: Double, pixel p: Double, lateral: Bool, rotation: Double) {
        self.width = width; self.height = height
        pix = p
        u0 = centerU - p * Double(width) / 2
        v0 = centerV - p * Double(height) / 2
        self.lateral = lateral
        self.rotation = rotation
        cosR = Float(cos(rotation)); sinR = Float(sin(rotation))
        pixF = Float(p); u0F = Float(u0); v0F = Float(v0)
    }

    @inline(__always) func uPx(_ u: Float) -> Float { (u - u0F) / pixF - 0.5 }
    @inline(__always) func uPx(_ u: Double) -> Double { (u - u0) / pix - 0.5 }
    @inline(__always) func vPx(_ y: Double) -> Double { (y - v0) / pix - 0.5 }
    /// Patient height y (cm) of pixel row j's centre.
    @inline(__always) func y(row j: Int) -> Double { v0 + (Double(j) + 0.5) * pix }
    @inline(__always) func u(col i: Int) -> Double { u0 + (Double(i) + 0.5) * pix }

    /// Image-plane unit vector (patient coords), vertical unit vector and ray direction.
    var eu: Vec3 { lateral ? Vec3(sin(rotation), 0, -cos(rotation)) : Vec3(cos(rotation), 0, sin(rotation)) }
    var ev: Vec3 { Vec3(0, 1, 0) }
    var ray: Vec3 { lateral ? Vec3(cos(rotation), 0, sin(rotation)) : Vec3(-sin(rotation), 0, cos(rotation)) }

    /// Image coordinates (cm) of a patient point.
    func project(_ p: Vec3) -> (u: Double, v: Double) { (p.dot(eu), p.y) }
    /// Pixel coordinates of a patient point.
    func projectPx(_ p: Vec3) -> (u: Double, v: Double) { let q = project(p); return (uPx(q.u), vPx(q.v)) }
}

/// The per-size render description: projected primitives plus projected finding fields.
struct RenderPlan: Sendable {
    var frame: Frame
    var prims: [Prim]
    var cylinders: [GenCyl3]
    var lungCyl: [Int]
    var fields: [Field2D]
    var maskCount: Int
}

enum Projector {
    /// Minimum drawn half-width in pixels for thin tubes; thinner ones keep their integral.
    static let minHalfWidthPx = 0.75

    static func plan(scene: Scene3D, frame: Frame, maskCount: Int) -> RenderPlan {
        var prims: [Prim] = []
        prims.reserveCapacity(scene.tubes.reduce(0) { $0 + $1.nodes.count } + scene.ellipsoids.count + 64)
        let eu = frame.eu, ev = frame.ev, d = frame.ray
        let pix = frame.pix

        // Generalized cylinders: body, lungs, vertebrae.
        for (k, c) in scene.cylinders.enumerated() {
            var p = Prim(kind: .cylinder, channel: c.tag.channel.rawValue, group: c.tag.group, mask: c.tag.mask,
                         weight: Float(c.tag.weight), umin: 0, umax: Float(frame.width - 1),
                         vmin: Float(frame.vPx(c.y0)), vmax: Float(frame.vPx(c.y1)))
            p.p0 = Float(c.exponent)
            p.index = k
            prims.append(p)
        }
        // Ellipsoids.
        for e in scene.ellipsoids {
            let M = e.form
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
            let peak = 2 / mdd.squareRoot()
            let (cu, cv) = frame.projectPx(e.center)
            let det = qa * qc - qb * qb
            guard det > 0, qa > 0 else { continue }
            let hu = (qc / det).squareRoot(), hv = (qa / det).squareRoot()
            var p = Prim(kind: .ellipse, channel: e.tag.channel.rawValue, group: e.tag.group, mask: e.tag.mask,
                         weight: Float(e.tag.weight), umin: Float(cu - hu), umax: Float(cu + hu),
                         vmin: Float(cv - hv), vmax: Float(cv + hv))
            p.p0 = Float(cu); p.p1 = Float(cv); p.p2 = Float(qa); p.p3 = Float(qb); p.p4 = Float(qc)
            p.p5 = Float(peak); p.p6 = Float(e.innerScale); p.p7 = Float(e.innerLoss); p.p8 = e.flat ? 1 : 0
            if e.fadeLength > 0 { p.p9 = Float(frame.vPx(e.fadeFrom)); p.p10 = Float(frame.pix / e.fadeLength) }
            if e.fadeOutLength > 0 { p.p11 = Float(frame.vPx(e.fadeOutFrom)); p.p12 = Float(frame.pix / e.fadeOutLength) }
            prims.append(p)
        }
        // Tubes: one capsule per polyline segment.
        for t in scene.tubes {
            appendTube(t, frame: frame, into: &prims)
        }
        // Plates.
        for pl in scene.plates {
            let pts = pl.vertices.map { frame.projectPx($0) }
            guard pts.count >= 3 && pts.count <= 4 else { continue }
            let n3 = (pl.vertices[1] - pl.vertices[0]).cross(pl.vertices[2] - pl.vertices[0]).normalized
            let peak = pl.thickness / max(abs(n3.dot(d)), 0.25)
            var area = 0.0
            for i in 0..<pts.count { let a = pts[i], b = pts[(i + 1) % pts.count]; area += a.u * b.v - b.u * a.v }
            let sgn = area > 0 ? 1.0 : -1.0
            var edges: [Float] = []
            for i in 0..<pts.count {
                let a = pts[i], b = pts[(i + 1) % pts.count]
                var nx = -(b.v - a.v) * sgn, ny = (b.u - a.u) * sgn
                let l = (nx * nx + ny * ny).squareRoot()
                nx /= l; ny /= l
                edges += [Float(nx), Float(ny), Float(-(nx * a.u + ny * a.v))]
            }
            while edges.count < 12 { edges += [0, 0, 1e9] }
            let us = pts.map { $0.u }, vs = pts.map { $0.v }
            var p = Prim(kind: .plate, channel: pl.tag.channel.rawValue, group: pl.tag.group, mask: pl.tag.mask,
                         weight: Float(pl.tag.weight), umin: Float(us.min()!), umax: Float(us.max()!),
                         vmin: Float(vs.min()!), vmax: Float(vs.max()!))
            p.p0 = edges[0]; p.p1 = edges[1]; p.p2 = edges[2]; p.p3 = edges[3]; p.p4 = edges[4]; p.p5 = edges[5]
            p.p6 = edges[6]; p.p7 = edges[7]; p.p8 = edges[8]; p.p9 = edges[9]; p.p10 = edges[10]; p.p11 = edges[11]
            p.p12 = Float(peak); p.p13 = Float(pix / max(pl.edgeRamp, pix))
            prims.append(p)
        }
        let fields = scene.fields.map { Field2D(spec: $0, frame: frame) }
        return RenderPlan(frame: frame, prims: prims, cylinders: scene.cylinders, lungCyl: scene.lungIndex,
                          fields: fields, maskCount: maskCount)
    }

    /// Appends the capsules of one tube.
    static func appendTube(_ t: Tube3, frame: Frame, into prims: inout [Prim]) {
        let pix = frame.pix
        guard t.nodes.count >= 2 else { return }
        for s in 0..<(t.nodes.count - 1) {
            let n0 = t.nodes[s], n1 = t.nodes[s + 1]
            let a = frame.projectPx(n0.p), b = frame.projectPx(n1.p)
            let l3 = (n1.p - n0.p).length
            let l2 = (((b.u - a.u) * (b.u - a.u) + (b.v - a.v) * (b.v - a.v)).squareRoot()) * pix
            let obl = l3 > 1e-9 ? min(l3 / max(l2, 1e-9), t.maxObliquity) : 1
            var r0 = n0.r / pix, r1 = n1.r / pix
            var k0 = 2 * n0.r * n0.depth * obl * n0.w, k1 = 2 * n1.r * n1.depth * obl * n1.w
            if r0 < minHalfWidthPx { k0 *= r0 / minHalfWidthPx; r0 = minHalfWidthPx }
            if r1 < minHalfWidthPx { k1 *= r1 / minHalfWidthPx; r1 = minHalfWidthPx }
            let rmax = max(r0, r1)
            var p = Prim(kind: .capsule, channel: t.tag.channel.rawValue, group: t.tag.group, mask: t.tag.mask,
                         weight: Float(t.tag.weight),
                         umin: Float(min(a.u, b.u) - rmax), umax: Float(max(a.u, b.u) + rmax),
                         vmin: Float(min(a.v, b.v) - rmax), vmax: Float(max(a.v, b.v) + rmax))
            p.p0 = Float(a.u); p.p1 = Float(a.v); p.p2 = Float(b.u); p.p3 = Float(b.v)
            p.p4 = Float(r0); p.p5 = Float(r1); p.p6 = Float(k0); p.p7 = Float(k1)
            p.p8 = Float(t.innerScale); p.p9 = Float(t.innerLoss)
            let ex = b.u - a.u, ey = b.v - a.v
            let l2px = ex * ex + ey * ey
            p.p10 = l2px > 1e-12 ? Float(1 / l2px) : 0
            if abs(ey) > 0.05 * abs(ex) && abs(ey) > 1e-9 {
                let slope = ex / ey
                p.p12 = Float(a.u - a.v * slope); p.p13 = Float(slope)
                p.p11 = Float(rmax * (1 + slope * slope).squareRoot() + 1)
                p.p14 = 1
            }
            prims.append(p)
        }
    }
}
