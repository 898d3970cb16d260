/// Lane-by-lane equivalents of the Cephes-style `log256_ps` and `sincos256_ps`
/// that PyTorch's AVX2 `normal_fill` uses (ATen's avx_mathfun.h).
///
/// They are not correctly rounded, so matching torch bit for bit means repeating
/// their polynomial steps exactly, including where GCC fuses a multiply and an
/// add into one FMA when it builds ATen's AVX2 kernels (checked against the
/// disassembly and against torch's output): every `addingProduct` below is such
/// a fused step, every plain `*` and `+` is a separately rounded instruction.
enum CephesVectorMath {
    private static let minNormalPositive = Float(bitPattern: 0x0080_0000)
    private static let sqrtHalf: Float = 0.707106781186547524
    private static let logP: [Float] = [
        7.0376836292E-2, -1.1514610310E-1, 1.1676998740E-1, -1.2420140846E-1,
        1.4249322787E-1, -1.6668057665E-1, 2.0000714765E-1, -2.4999993993E-1,
        3.3333331174E-1,
    ]
    private static let logQ1: Float = -2.12194440e-4
    private static let logQ2: Float = 0.693359375

    private static let minusDP1: Float = -0.78515625
    private static let minusDP2: Float = -2.4187564849853515625e-4
    private static let minusDP3: Float = -3.77489497744594108e-8
    private static let sinP0: Float = -1.9515295891E-4
    private static let sinP1: Float = 8.3321608736E-3
    private static let sinP2: Float = -1.6666654611E-1
    private static let cosP0: Float = 2.443315711809948E-005
    private static let cosP1: Float = -1.388731625493765E-003
    private static let cosP2: Float = 4.166664568298827E-002
    private static let fourOverPi: Float = 1.27323954473516

    /// Natural logarithm as `log256_ps` computes it (NaN for x <= 0).
    static func log(_ input: Float) -> Float {
        if !(input > 0) { return .nan }
        var x = max(input, minNormalPositive)
        let bits = x.bitPattern
        var e = Float(Int32(bitPattern: bits >> 23) - 0x7f)
        // Keep the mantissa, with the exponent of 0.5: x in [0.5, 1).
        x = Float(bitPattern: (bits & ~UInt32(0x7f80_0000)) | Float(0.5).bitPattern)
        e = e + 1
        let below = x < sqrtHalf
        let tmp: Float = below ? x : 0
        x = x - 1
        e = e - (below ? 1 : 0)
        x = x + tmp

        let z = x * x
        var y = logP[1].addingProduct(logP[0], x)
        for k in 2..<logP.count {
            y = logP[k].addingProduct(y, x)
        }
        y = y * x
        y = (e * logQ1).addingProduct(y, z)
        y = y.addingProduct(-z, 0.5)
        x = x + y
        x = x.addingProduct(e, logQ2)
        return x
    }

    /// Sine and cosine together as `sincos256_ps` computes them.
    static func sincos(_ input: Float) -> (sin: Float, cos: Float) {
        let signBitMask: UInt32 = 0x8000_0000
        var signSin = input.bitPattern & signBitMask
        var x = Float(bitPattern: input.bitPattern & ~signBitMask)

        // Octant: j = (int(x * 4/pi) + 1) & ~1, then x reduced by j * pi/4 in three parts.
        var j = Int32(truncatingIfNeeded: Int64(x * fourOverPi)) &+ 1
        j &= ~1
        let y = Float(j)
        let swapSignSin = UInt32(bitPattern: (j & 4) << 29)
        let useSinePolynomialForSine = (j & 2) == 0
        x = x.addingProduct(y, minusDP1)
        x = x.addingProduct(y, minusDP2)
        x = x.addingProduct(y, minusDP3)
        let signCos = UInt32(bitPattern: (~(j &- 2) & 4) << 29)
        signSin ^= swapSignSin

        let z = x * x
        var c = cosP1.addingProduct(cosP0, z)
        c = cosP2.addingProduct(c, z)
        c = c * z
        c = (-(z * 0.5)).addingProduct(c, z)
        c = c + 1

        var s = sinP1.addingProduct(sinP0, z)
        s = sinP2.addingProduct(s, z)
        s = s * z
        s = x.addingProduct(s, x)

        // The vector code selects with masks and then adds or subtracts zeros;
        // doing the same arithmetic keeps the signs of zero results identical.
        let ysin2: Float = useSinePolynomialForSine ? s : 0
        let ysin1: Float = useSinePolynomialForSine ? 0 : c
        let restSin = s - ysin2
        let restCos = c - ysin1
        let sine = ysin1 + ysin2
        let cosine = restCos + restSin
        return (Float(bitPattern: sine.bitPattern ^ signSin), Float(bitPattern: cosine.bitPattern ^ signCos))
    }
}
