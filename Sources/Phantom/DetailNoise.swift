import SynthNumerics

/// Fine-scale detail: lattice value noise from the counter RNG, one octave per scale level,
/// anchored in patient centimetres so the same patient looks the same at every output size.

/// A hash of a lattice point to [−1, 1).
@inline(__always)
func latticeValue(_ seed: UInt64, _ i: Int, _ j: Int) -> Float {
    let key = UInt64(bitPattern: Int64(i)) &* 0x9e37_79b9_7f4a_7c15 ^ UInt64(bitPattern: Int64(j)) &* 0xc2b2_ae3d_27d4_eb4f
    let h = CounterRNG.mix(seed ^ CounterRNG.mix(key))
    return Float(h >> 40) * 0x1.0p-23 - 1
}

@inline(__always) func smooth01(_ t: Float) -> Float { t * t * (3 - 2 * t) }

/// Smooth value noise at a point (cm coordinates scaled by `invCell`), in [−1, 1].
@inline(__always)
func valueNoise(_ seed: UInt64, _ x: Float, _ y: Float) -> Float {
    let fx = x.rounded(.down), fy = y.rounded(.down)
    let i = Int(fx), j = Int(fy)
    let tx = smooth01(x - fx), ty = smooth01(y - fy)
    let a = latticeValue(seed, i, j), b = latticeValue(seed, i + 1, j)
    let c = latticeValue(seed, i, j + 1), d = latticeValue(seed, i + 1, j + 1)
    let top = a + (b - a) * tx, bot = c + (d - c) * tx
    return top + (bot - top) * ty
}

/// Three-octave fractal noise in [−1, 1] at patient coordinates (cm) with base cell `cell`.
@inline(__always)
func fbm3(_ seed: UInt64, _ u: Float, _ v: Float, cell: Float) -> Float {
    let s = 1 / cell
    let n0 = valueNoise(seed, u * s, v * s)
    let n1 = valueNoise(seed &+ 1, u * s * 2.03 + 17.1, v * s * 2.03 + 3.7)
    let n2 = valueNoise(seed &+ 2, u * s * 4.01 + 5.3, v * s * 4.01 + 11.9)
    return (n0 * 0.57 + n1 * 0.29 + n2 * 0.14)
}

/// The octave ladder used for parenchymal, trabecular and soft-tissue texture.
struct DetailBands: Sendable {
    struct Octave: Sendable {
        var cell: Double      // lattice spacing, cm
        var seed: UInt64
        var offU: Double, offV: Double
        var lung: Float, bone: Float, soft: Float
    }
    var octaves: [Octave]

    /// Octaves from 4 cm down to two pixels of the output: one per scale level.
    init(rng: CounterRNG, pixelCm: Double, scale: Double) {
        let lungW: [Float] = [0.05, 0.08, 0.11, 0.13, 0.13, 0.11, 0.08, 0.06, 0.04, 0.03, 0.02, 0.015, 0.01]
        let boneW: [Float] = [0.0, 0.0, 0.02, 0.04, 0.07, 0.10, 0.11, 0.10, 0.08, 0.06, 0.04, 0.03, 0.02]
        let softW: [Float] = [0.025, 0.015, 0.008, 0.004, 0.002, 0, 0, 0, 0, 0, 0, 0, 0]
        var o: [Octave] = []
        var cell = 4.0 * scale
        var k = 0
        while cell >= 2 * pixelCm && k < lungW.count {
            let r = rng.stream(UInt64(k))
            o.append(Octave(cell: cell, seed: r.bits(0), offU: r.uniform(1) * 97, offV: r.uniform(2) * 89,
                            lung: lungW[k], bone: boneW[k], soft: softW[k]))
            cell /= 2
            k += 1
        }
        octaves = o
    }
}

/// Per-thread cache for evaluating the octave ladder one row at a time: lattice rows are
/// hashed once and interpolated vertically per lattice column, so coarse octaves cost one
/// lerp per pixel.
struct DetailRowCache {
    var top: [[Float]]
    var bot: [[Float]]
    var col: [[Float]]
    var latRow: [Int]
    var colStart: [Int]

    init(bands: DetailBands, frame: Frame) {
        top = []; bot = []; col = []; latRow = []; colStart = []
        for o in bands.octaves {
            let first = Int(((frame.u0 + o.offU) / o.cell).rounded(.down)) - 1
            let last = Int(((frame.u0 + Double(frame.width) * frame.pix + o.offU) / o.cell).rounded(.down)) + 2
            let n = last - first + 1
            top.append([Float](repeating: 0, count: n))
            bot.append([Float](repeating: 0, count: n))
            col.append([Float](repeating: 0, count: n))
            latRow.append(Int.min)
            colStart.append(first)
        }
    }

    /// Fills lung/bone/soft texture rows (values around 0) for pixel row j.
    mutating func fill(row j: Int, bands: DetailBands, frame: Frame,
                       lung: UnsafeMutablePointer<Float>, bone: UnsafeMutablePointer<Float>,
                       soft: UnsafeMutablePointer<Float>) {
        let w = frame.width
        for i in 0..<w { lung[i] = 0; bone[i] = 0; soft[i] = 0 }
        let y = frame.y(row: j)
        for (k, o) in bands.octaves.enumerated() {
            let ly = (y + o.offV) / o.cell
            let jj = Int(ly.rounded(.down))
            let ty = smooth01(Float(ly - Double(jj)))
            let first = colStart[k]
            let n = top[k].count
            if latRow[k] != jj {
                if latRow[k] == jj - 1 {
                    swap(&top[k], &bot[k])
                } else {
                    for c in 0..<n { top[k][c] = latticeValue(o.seed, first + c, jj) }
                }
                for c in 0..<n { bot[k][c] = latticeValue(o.seed, first + c, jj + 1) }
                latRow[k] = jj
            }
            top[k].withUnsafeBufferPointer { t in
                bot[k].withUnsafeBufferPointer { b in
                    col[k].withUnsafeMutableBufferPointer { cv in
                        for c in 0..<n { cv[c] = t[c] + (b[c] - t[c]) * ty }
                        // Horizontal pass.
                        let step = frame.pix / o.cell
                        let start = (frame.u0 + 0.5 * frame.pix + o.offU) / o.cell - Double(first)
                        let wl = o.lung, wb = o.bone, ws = o.soft
                        let stepF = Float(step)
                        // Accumulate in double-free float steps from exact integer origins to stay drift-free.
                        var i = 0
                        while i < w {
                            let blockEnd = min(w, i + 256)
                            let base = start + Double(i) * step
                            var lx = Float(base)
                            for p in i..<blockEnd {
                                let fl = lx.rounded(.down)
                                let ci = Int(fl)
                                let tx = smooth01(lx - fl)
                                let a = cv[ci], bb = cv[ci + 1]
                                let val = a + (bb - a) * tx
                                lung[p] += wl * val
                                bone[p] += wb * val
                                soft[p] += ws * val
                                lx += stepF
                            }
                            i = blockEnd
                        }
                    }
                }
            }
        }
    }
}

/// Approximately standard-normal detector noise for a pixel (sum of three uniforms).
@inline(__always)
func pixelNoise(_ seed: UInt64, _ index: UInt64) -> Float {
    let h = CounterRNG.mix(seed ^ CounterRNG.mix(index &* 0x9e37_79b9_7f4a_7c15 &+ 1))
    let a = Float(h & 0x1fffff), b = Float((h >> 21) & 0x1fffff), c = Float((h >> 42) & 0x1fffff)
    return ((a + b + c) * 0x1.0p-21 - 1.5) * 2
}
