/// One row of an attribute table: the tag, its VR, the module's type for it, and the value.
///
/// The attribute tables in `SecondaryCaptureModules` are lists of these; the encoder turns
/// them into bytes. A `nil` value means "not known": Type 1 forbids that, Type 2 writes the
/// element with zero length, and Type 3 leaves it out.
struct DICOMAttribute: Sendable {
    var tag: DICOMTag
    var vr: DICOMVR
    var type: AttributeType
    var value: DICOMValue?

    init(_ tag: DICOMTag, _ vr: DICOMVR, _ type: AttributeType, _ value: DICOMValue?) {
        self.tag = tag
        self.vr = vr
        self.type = type
        self.value = value
    }
}

/// Attribute types of PS3.3 §7.4. Conditional types (1C, 2C) are written as 1 or 2 by the
/// table when their condition holds, and as 3 (absent when unknown) when it does not.
enum AttributeType: Sendable {
    case type1, type2, type3
}

/// A value before encoding. Each case matches the VRs it may be written as.
enum DICOMValue: Sendable {
    /// Multi-valued strings (AE, AS, CS, DA, DT, LO, PN, SH, TM, UI, …), joined with `\`.
    case strings([String])
    /// One free-text value (LT, ST, UT); `\` is kept as text.
    case text(String)
    /// Decimal strings (DS), formatted to at most 16 characters.
    case decimals([Double])
    /// Integer strings (IS).
    case integers([Int])
    /// Unsigned shorts (US).
    case uint16s([UInt16])
    /// Unsigned longs (UL).
    case uint32s([UInt32])
    /// Raw bytes (OB).
    case bytes([UInt8])
    /// 16-bit words (OW), written little endian.
    case words([UInt16])
    /// Sequence items (SQ), each a list of attributes.
    case items([[DICOMAttribute]])

    /// A single string value.
    static func string(_ s: String) -> DICOMValue { .strings([s]) }
}
