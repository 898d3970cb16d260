import Foundation

/// Text forms of values: cleaning caller-supplied strings so they obey their VR's
/// character repertoire and length, and formatting numbers as DS and IS.
enum ValueText {
    /// `s` with the characters its VR forbids removed and cut to the VR's maximum length.
    ///
    /// Free text (LT, ST, UT) keeps `\`, CR, LF and FF; a TAB, which PS3.5 does not allow,
    /// becomes a space. Other string VRs lose `\` (the value delimiter) and all control
    /// characters. Cutting happens at a Unicode scalar boundary so UTF-8 stays valid.
    static func clean(_ s: String, vr: DICOMVR) -> String {
        var scalars = String.UnicodeScalarView()
        var byteCount = 0
        let limit = vr.maximumValueLength ?? Int.max
        for scalar in s.unicodeScalars {
            var kept = scalar
            let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            if vr.isFreeText {
                if scalar == "\t" { kept = " " }
                else if isControl && ![0x0A, 0x0C, 0x0D].contains(scalar.value) { continue }
            } else if isControl || scalar == "\\" {
                continue
            }
            let size = String(kept).utf8.count
            if byteCount + size > limit { break }
            byteCount += size
            scalars.append(kept)
        }
        return String(scalars)
    }

    /// A DS value of at most 16 characters: integers without a decimal point, other
    /// values in Swift's shortest round-trip form, falling back to fewer significant digits.
    static func decimalString(_ x: Double) -> String {
        precondition(x.isFinite, "DS values must be finite")
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        let shortest = "\(x)"
        if shortest.utf8.count <= 16 { return shortest }
        for digits in stride(from: 15, through: 1, by: -1) {
            let s = String(format: "%.\(digits)g", x)
            if s.utf8.count <= 16 { return s }
        }
        preconditionFailure("cannot format \(x) as DS")
    }

    /// An IS value; PS3.5 limits IS to the signed 32-bit range.
    static func integerString(_ n: Int) -> String {
        precondition(n >= Int(Int32.min) && n <= Int(Int32.max), "IS value \(n) out of range")
        return String(n)
    }

    /// `YYYYMMDD`, the DA form.
    static func isDate(_ s: String) -> Bool {
        s.utf8.count == 8 && s.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// `HHMMSS` with an optional `.FFFFFF` fraction, the TM form this writer accepts.
    static func isTime(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts[0].utf8.count == 6 else { return false }
        if parts.count == 2, !(1...6).contains(parts[1].utf8.count) { return false }
        return parts.allSatisfy { $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }
    }

    /// An AS value such as `067Y`, or nil when the age does not fit three digits.
    static func ageString(years: Int) -> String? {
        guard (0...999).contains(years) else { return nil }
        let digits = String(years)
        return String(repeating: "0", count: 3 - digits.count) + digits + "Y"
    }
}
