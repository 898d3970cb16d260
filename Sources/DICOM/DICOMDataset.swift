/// A parsed dataset or sequence item: its elements in file order, looked up by tag.
public struct DICOMDataset: Sendable, Equatable {
    /// The elements in the order they appear in the file.
    public private(set) var elements: [DICOMElement]
    private var index: [DICOMTag: Int]

    init(_ elements: [DICOMElement]) {
        self.elements = elements
        // Keeps the first occurrence if a (malformed) file repeats a tag.
        self.index = Dictionary(elements.enumerated().map { ($1.tag, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The element with `tag`, or nil when absent.
    public subscript(tag: DICOMTag) -> DICOMElement? {
        index[tag].map { elements[$0] }
    }

    /// The tags in file order.
    public var tags: [DICOMTag] { elements.map(\.tag) }
}

/// One data element as read from a file.
public struct DICOMElement: Sendable, Equatable {
    /// What the value field holds.
    public enum Value: Sendable, Equatable {
        /// The raw value field, padding included.
        case bytes([UInt8])
        /// The items of a sequence.
        case sequence([DICOMDataset])
    }

    public var tag: DICOMTag
    public var vr: DICOMVR
    public var value: Value
    /// Byte offset of the element's tag in the file (useful to check group lengths).
    public var offset: Int

    /// The raw value bytes; empty for a sequence.
    public var bytes: [UInt8] {
        if case .bytes(let b) = value { return b }
        return []
    }

    /// The items of a sequence; empty for other elements.
    public var items: [DICOMDataset] {
        if case .sequence(let items) = value { return items }
        return []
    }

    /// The whole value as UTF-8 text without its trailing padding (spaces, NULs). For
    /// multi-valued strings this includes the `\` separators; see `strings`.
    public var string: String {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x00 { end -= 1 }
        return String(decoding: bytes[0..<end], as: UTF8.self)
    }

    /// The values of a string element, split at `\`; empty for a zero-length element.
    /// Free text (LT, ST, UT) is one value.
    public var strings: [String] {
        let whole = string
        if whole.isEmpty { return [] }
        if vr == .LT || vr == .ST || vr == .UT { return [whole] }
        return whole.split(separator: "\\", omittingEmptySubsequences: false).map {
            String($0).trimmingCharacters(in: " ")
        }
    }

    /// The values of a DS or IS element as numbers (nil where a value does not parse).
    public var numbers: [Double?] { strings.map { Double($0) } }

    /// Little-endian 16-bit values (US, OW).
    public var uint16s: [UInt16] {
        let b = bytes
        return stride(from: 0, to: b.count - 1, by: 2).map { UInt16(b[$0]) | UInt16(b[$0 + 1]) << 8 }
    }

    /// Little-endian 32-bit values (UL).
    public var uint32s: [UInt32] {
        let b = bytes
        return stride(from: 0, to: b.count - 3, by: 4).map { i in
            (0..<4).reduce(UInt32(0)) { $0 | UInt32(b[i + $1]) << (8 * UInt32($1)) }
        }
    }
}

extension String {
    /// `self` without leading and trailing `c`.
    fileprivate func trimmingCharacters(in c: Character) -> String {
        String(drop { $0 == c }.reversed().drop { $0 == c }.reversed())
    }
}
