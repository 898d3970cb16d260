/// A DICOM value representation (PS3.5 §6.2): the two-letter code written before each
/// element's length in explicit VR transfer syntaxes.
public enum DICOMVR: String, Sendable, CaseIterable {
    case AE, AS, AT, CS, DA, DS, DT, FD, FL, IS, LO, LT, OB, OD, OF, OL, OV, OW,
         PN, SH, SL, SQ, SS, ST, SV, TM, UC, UI, UL, UN, UR, US, UT, UV

    /// VRs written with two reserved bytes and a 32-bit length (PS3.5 §7.1.2);
    /// all others have a 16-bit length.
    public var hasLongLength: Bool {
        switch self {
        case .OB, .OD, .OF, .OL, .OV, .OW, .SQ, .SV, .UC, .UN, .UR, .UT, .UV: true
        default: false
        }
    }

    /// Character-string VRs: padded with a space (UI with NUL) and, except for the
    /// free-text VRs, split into multiple values with `\`.
    var isString: Bool {
        switch self {
        case .AE, .AS, .CS, .DA, .DS, .DT, .IS, .LO, .LT, .PN, .SH, .ST, .TM, .UC, .UI, .UR, .UT: true
        default: false
        }
    }

    /// Free-text VRs hold one value that may itself contain `\` and line breaks.
    var isFreeText: Bool { self == .LT || self == .ST || self == .UT }

    /// Byte used to bring a value to even length (PS3.5 §6.2): NUL for UI and binary
    /// VRs, a space for the other strings.
    var paddingByte: UInt8 { isString && self != .UI ? 0x20 : 0x00 }

    /// Maximum length of one value, in bytes, where PS3.5 sets one. For the VRs whose limit
    /// is in characters (LO, SH, PN, ST, LT) the limit is applied to UTF-8 bytes, which is
    /// never longer than the character count allows and so always conforms.
    var maximumValueLength: Int? {
        switch self {
        case .AE, .CS, .SH: 16
        case .AS: 4
        case .DA: 8
        case .DS: 16
        case .DT: 26
        case .IS: 12
        case .LO, .PN, .UI: 64
        case .ST: 1024
        case .LT: 10240
        case .TM: 14
        default: nil
        }
    }
}
