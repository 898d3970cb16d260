/// Encodes attribute tables as explicit VR little endian data elements (PS3.5 §7.1.2).
///
/// This is the only place that writes element headers, so the two header layouts
/// (16-bit length vs. reserved bytes + 32-bit length), even-length padding and the
/// sort order are decided once for the whole file, sequences included.
enum ElementEncoder {
    /// The elements of one dataset or sequence item, sorted by tag as PS3.5 §7.1 requires.
    static func encode(_ attributes: [DICOMAttribute]) -> [UInt8] {
        var out: [UInt8] = []
        append(attributes, to: &out)
        return out
    }

    /// Appends the elements of `attributes`, sorted by tag, to `out`.
    static func append(_ attributes: [DICOMAttribute], to out: inout [UInt8]) {
        let sorted = attributes.sorted { $0.tag < $1.tag }
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            precondition(a.tag != b.tag, "attribute \(a.tag) listed twice")
        }
        for attribute in sorted {
            guard let value = attribute.value else {
                switch attribute.type {
                case .type1: preconditionFailure("Type 1 attribute \(attribute.tag) has no value")
                case .type2: appendHeader(attribute.tag, attribute.vr, length: 0, to: &out)
                case .type3: break
                }
                continue
            }
            if case .items(let items) = value {
                precondition(attribute.vr == .SQ, "items given for non-SQ attribute \(attribute.tag)")
                appendSequence(attribute.tag, items, to: &out)
            } else {
                let bytes = valueBytes(value, vr: attribute.vr)
                appendHeader(attribute.tag, attribute.vr, length: bytes.count, to: &out)
                out.append(contentsOf: bytes)
            }
        }
    }

    /// A sequence with defined lengths: the simplest form to reproduce byte for byte, and
    /// the one every reader handles.
    private static func appendSequence(_ tag: DICOMTag, _ items: [[DICOMAttribute]], to out: inout [UInt8]) {
        var body: [UInt8] = []
        for item in items {
            let content = encode(item)
            appendUInt16(DICOMTag.item.group, to: &body)
            appendUInt16(DICOMTag.item.element, to: &body)
            appendUInt32(UInt32(content.count), to: &body)
            body.append(contentsOf: content)
        }
        appendHeader(tag, .SQ, length: body.count, to: &out)
        out.append(contentsOf: body)
    }

    /// Tag, VR and length of one element.
    static func appendHeader(_ tag: DICOMTag, _ vr: DICOMVR, length: Int, to out: inout [UInt8]) {
        precondition(length % 2 == 0, "odd value length for \(tag)")
        appendUInt16(tag.group, to: &out)
        appendUInt16(tag.element, to: &out)
        out.append(contentsOf: Array(vr.rawValue.utf8))
        if vr.hasLongLength {
            out.append(contentsOf: [0, 0])
            precondition(length <= Int(UInt32.max - 1), "value of \(tag) too long")
            appendUInt32(UInt32(length), to: &out)
        } else {
            precondition(length <= Int(UInt16.max), "value of \(tag) too long for VR \(vr)")
            appendUInt16(UInt16(length), to: &out)
        }
    }

    /// The value field of a non-sequence element, padded to even length.
    static func valueBytes(_ value: DICOMValue, vr: DICOMVR) -> [UInt8] {
        var bytes: [UInt8]
        switch value {
        case .strings(let values):
            precondition(vr.isString && !vr.isFreeText, "strings given for VR \(vr)")
            bytes = Array(values.map { ValueText.clean($0, vr: vr) }.joined(separator: "\\").utf8)
        case .text(let text):
            precondition(vr.isFreeText, "text given for VR \(vr)")
            bytes = Array(ValueText.clean(text, vr: vr).utf8)
        case .decimals(let values):
            precondition(vr == .DS, "decimals given for VR \(vr)")
            bytes = Array(values.map(ValueText.decimalString).joined(separator: "\\").utf8)
        case .integers(let values):
            precondition(vr == .IS, "integers given for VR \(vr)")
            bytes = Array(values.map(ValueText.integerString).joined(separator: "\\").utf8)
        case .uint16s(let values):
            precondition(vr == .US, "UInt16 values given for VR \(vr)")
            bytes = []
            for v in values { appendUInt16(v, to: &bytes) }
        case .uint32s(let values):
            precondition(vr == .UL, "UInt32 values given for VR \(vr)")
            bytes = []
            for v in values { appendUInt32(v, to: &bytes) }
        case .bytes(let raw):
            precondition(vr == .OB || vr == .UN, "bytes given for VR \(vr)")
            bytes = raw
        case .words(let words):
            precondition(vr == .OW, "words given for VR \(vr)")
            bytes = littleEndianBytes(words)
        case .items:
            preconditionFailure("sequences are encoded by appendSequence")
        }
        if bytes.count % 2 == 1 { bytes.append(vr.paddingByte) }
        return bytes
    }

    /// Pixel words as little-endian bytes; a plain copy on little-endian hosts, which is
    /// every platform Swift runs this tool on, but correct on others too.
    private static func littleEndianBytes(_ words: [UInt16]) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: words.count * 2)
        bytes.withUnsafeMutableBytes { raw in
            for (i, w) in words.enumerated() {
                raw.storeBytes(of: w.littleEndian, toByteOffset: 2 * i, as: UInt16.self)
            }
        }
        return bytes
    }

    static func appendUInt16(_ v: UInt16, to out: inout [UInt8]) {
        out.append(UInt8(truncatingIfNeeded: v))
        out.append(UInt8(truncatingIfNeeded: v >> 8))
    }

    static func appendUInt32(_ v: UInt32, to out: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: v >> UInt32(shift))) }
    }
}
