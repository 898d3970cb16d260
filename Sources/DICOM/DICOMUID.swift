/// UIDs under the `2.25` root (PS3.5 §B.2), which turns a 128-bit number — normally a
/// UUID, here the head of a content digest — into a UID with no registered org root.
public enum DICOMUID {
    /// Secondary Capture Image Storage SOP Class.
    public static let secondaryCaptureImageStorage = "1.2.840.10008.5.1.4.1.1.7"
    /// Explicit VR Little Endian Transfer Syntax.
    public static let explicitVRLittleEndian = "1.2.840.10008.1.2.1"
    /// Identifies this writer in File Meta Information; a fixed random 128-bit value.
    public static let implementationClass = "2.25.300064840261333530254252373913493294858"

    /// `"2.25."` followed by the decimal value of the first 16 bytes of `bytes` read as a
    /// big-endian unsigned 128-bit integer, e.g. a SHA-256 digest of the image's inputs.
    /// The result has at most 44 characters, well under the 64 a UID may have.
    public static func fromDigest(_ bytes: [UInt8]) -> String {
        precondition(bytes.count >= 16, "a 2.25 UID needs 16 bytes, got \(bytes.count)")
        var high: UInt64 = 0, low: UInt64 = 0
        for b in bytes[0..<8] { high = high << 8 | UInt64(b) }
        for b in bytes[8..<16] { low = low << 8 | UInt64(b) }
        return "2.25." + decimal(high: high, low: low)
    }

    /// Decimal digits of the 128-bit number `high·2⁶⁴ + low`, by long division by ten over
    /// the two 64-bit limbs (at most 39 rounds).
    static func decimal(high: UInt64, low: UInt64) -> String {
        var high = high, low = low
        var digits: [UInt8] = []
        repeat {
            let (qHigh, r) = high.quotientAndRemainder(dividingBy: 10)
            // r < 10, so (r, low) / 10 fits in 64 bits.
            let (qLow, digit) = UInt64(10).dividingFullWidth((high: r, low: low))
            digits.append(UInt8(digit) + 0x30)
            high = qHigh
            low = qLow
        } while high != 0 || low != 0
        return String(decoding: digits.reversed(), as: UTF8.self)
    }

    /// Whether `uid` is a syntactically valid UID: at most 64 characters, dot-separated
    /// numeric components, none empty and none with a leading zero.
    public static func isValid(_ uid: String) -> Bool {
        guard (1...64).contains(uid.utf8.count) else { return false }
        return uid.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part.utf8.allSatisfy { (0x30...0x39).contains($0) }
                && (part == "0" || part.utf8.first != 0x30)
        }
    }
}
