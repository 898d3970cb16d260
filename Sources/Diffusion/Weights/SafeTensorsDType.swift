/// Element types a safetensors file can hold that this reader understands.
public enum SafeTensorsDType: String, Sendable, CaseIterable {
    case f32 = "F32", f16 = "F16", bf16 = "BF16", f64 = "F64"
    case i64 = "I64", i32 = "I32"

    /// Bytes per element.
    public var size: Int {
        switch self {
        case .f16, .bf16: 2
        case .f32, .i32: 4
        case .f64, .i64: 8
        }
    }

    /// Whether values convert to Float32 weights (integers are read with `integers(_:)`).
    public var isFloatingPoint: Bool { self != .i64 && self != .i32 }
}

/// Conversion of stored elements to Float32.
enum ElementConversion {
    /// Float32 value of every half-precision bit pattern: conversion becomes one load per
    /// element, faster than software conversion on CPUs targeted without F16C.
    static let halfTable: [Float] = (0...UInt16.max).map { halfToFloat($0) }

    /// IEEE binary16 → binary32, exact (subnormals, infinities and NaN included).
    static func halfToFloat(_ h: UInt16) -> Float {
        let sign = UInt32(h & 0x8000) << 16
        let exponent = Int(h >> 10) & 0x1f
        let mantissa = UInt32(h & 0x3ff)
        if exponent == 0 {
            // Zero or subnormal: mantissa · 2⁻²⁴.
            let magnitude = Float(mantissa) * 0x1p-24
            return sign == 0 ? magnitude : -magnitude
        }
        if exponent == 31 { return Float(bitPattern: sign | 0x7f80_0000 | (mantissa << 13)) }
        return Float(bitPattern: sign | UInt32(exponent + 112) << 23 | mantissa << 13)
    }

    /// Converts `count` elements at `src` (any alignment) into `dst`.
    static func toFloat(_ dtype: SafeTensorsDType, _ src: UnsafeRawPointer, count: Int, into dst: UnsafeMutablePointer<Float>) {
        switch dtype {
        case .f32:
            UnsafeMutableRawPointer(dst).copyMemory(from: src, byteCount: count * 4)
        case .f16:
            halfTable.withUnsafeBufferPointer { table in
                for i in 0..<count { dst[i] = table[Int(src.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))] }
            }
        case .bf16:
            for i in 0..<count {
                dst[i] = Float(bitPattern: UInt32(src.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)) << 16)
            }
        case .f64:
            for i in 0..<count { dst[i] = Float(src.loadUnaligned(fromByteOffset: 8 * i, as: Double.self)) }
        case .i64:
            for i in 0..<count { dst[i] = Float(src.loadUnaligned(fromByteOffset: 8 * i, as: Int64.self)) }
        case .i32:
            for i in 0..<count { dst[i] = Float(src.loadUnaligned(fromByteOffset: 4 * i, as: Int32.self)) }
        }
    }
}
