import Foundation

/// Reads DICOM Part 10 files in Explicit VR Little Endian — enough to check what
/// `DICOMWriter` writes, and to read sequences with defined or undefined lengths.
public enum DICOMReader {
    /// Why a file could not be read.
    public enum Error: Swift.Error, Equatable, CustomStringConvertible {
        /// No 128-byte preamble followed by `DICM`.
        case notPart10
        /// The file ends inside the element at this offset.
        case truncated(offset: Int)
        /// An unknown VR code at this offset.
        case unknownVR(String, offset: Int)
        /// Only Explicit VR Little Endian is read.
        case unsupportedTransferSyntax(String)
        /// Something this reader does not handle, such as encapsulated pixel data.
        case unsupported(String, offset: Int)

        public var description: String {
            switch self {
            case .notPart10: "not a DICOM Part 10 file (no DICM after the preamble)"
            case .truncated(let o): "file ends inside the element at byte \(o)"
            case .unknownVR(let vr, let o): "unknown VR '\(vr)' at byte \(o)"
            case .unsupportedTransferSyntax(let ts): "transfer syntax \(ts) is not Explicit VR Little Endian"
            case .unsupported(let what, let o): "\(what) at byte \(o) is not supported"
            }
        }
    }

    /// All elements of the file, File Meta Information (group 0002) included.
    public static func parse(_ data: Data) throws -> DICOMDataset {
        var cursor = Cursor(bytes: [UInt8](data), position: 128)
        guard cursor.bytes.count >= 132, cursor.bytes[128..<132].elementsEqual("DICM".utf8) else {
            throw Error.notPart10
        }
        cursor.position = 132
        var elements: [DICOMElement] = []
        // File Meta Information first, to learn the transfer syntax of the rest.
        while cursor.position + 2 <= cursor.bytes.count, try cursor.peekUInt16() == 0x0002 {
            elements.append(try readElement(&cursor))
        }
        let syntax = DICOMDataset(elements)[.transferSyntaxUID]?.string ?? "(none)"
        guard syntax == DICOMUID.explicitVRLittleEndian else { throw Error.unsupportedTransferSyntax(syntax) }
        elements += try readElements(&cursor, end: cursor.bytes.count)
        return DICOMDataset(elements)
    }

    /// Elements up to byte `end`, or, when `end` is nil, up to an Item Delimitation Item.
    private static func readElements(_ cursor: inout Cursor, end: Int?) throws -> [DICOMElement] {
        var elements: [DICOMElement] = []
        while end.map({ cursor.position < $0 }) ?? true {
            if end == nil, try cursor.peekTag() == .itemDelimitationItem {
                cursor.position += 8  // tag + zero length
                return elements
            }
            elements.append(try readElement(&cursor))
        }
        return elements
    }

    private static func readElement(_ cursor: inout Cursor) throws -> DICOMElement {
        let offset = cursor.position
        let tag = try cursor.readTag()
        let code = String(decoding: try cursor.read(2), as: UTF8.self)
        guard let vr = DICOMVR(rawValue: code) else { throw Error.unknownVR(code, offset: offset) }
        let length: UInt32
        if vr.hasLongLength {
            _ = try cursor.read(2)  // reserved
            length = try cursor.readUInt32()
        } else {
            length = UInt32(try cursor.readUInt16())
        }
        let undefined = length == 0xFFFF_FFFF
        if vr == .SQ {
            let items = try readItems(&cursor, end: undefined ? nil : cursor.position + Int(length))
            return DICOMElement(tag: tag, vr: vr, value: .sequence(items), offset: offset)
        }
        if undefined { throw Error.unsupported("undefined-length \(vr) element \(tag)", offset: offset) }
        let value = try cursor.read(Int(length))
        return DICOMElement(tag: tag, vr: vr, value: .bytes(value), offset: offset)
    }

    /// Items up to byte `end`, or, when `end` is nil, up to a Sequence Delimitation Item.
    private static func readItems(_ cursor: inout Cursor, end: Int?) throws -> [DICOMDataset] {
        var items: [DICOMDataset] = []
        while end.map({ cursor.position < $0 }) ?? true {
            let offset = cursor.position
            let tag = try cursor.readTag()
            let length = try cursor.readUInt32()
            if tag == .sequenceDelimitationItem, end == nil { return items }
            guard tag == .item else { throw Error.unsupported("\(tag) where an item was expected", offset: offset) }
            let itemEnd = length == 0xFFFF_FFFF ? nil : cursor.position + Int(length)
            items.append(DICOMDataset(try readElements(&cursor, end: itemEnd)))
        }
        return items
    }
}

/// A read position in the file's bytes; every read checks bounds.
private struct Cursor {
    let bytes: [UInt8]
    var position: Int

    mutating func read(_ count: Int) throws -> [UInt8] {
        guard count >= 0, position + count <= bytes.count else {
            throw DICOMReader.Error.truncated(offset: position)
        }
        defer { position += count }
        return Array(bytes[position..<position + count])
    }

    mutating func readUInt16() throws -> UInt16 {
        let b = try read(2)
        return UInt16(b[0]) | UInt16(b[1]) << 8
    }

    mutating func readUInt32() throws -> UInt32 {
        let b = try read(4)
        return UInt32(b[0]) | UInt32(b[1]) << 8 | UInt32(b[2]) << 16 | UInt32(b[3]) << 24
    }

    mutating func readTag() throws -> DICOMTag {
        let group = try readUInt16()
        return DICOMTag(group, try readUInt16())
    }

    func peekUInt16() throws -> UInt16 {
        var copy = self
        return try copy.readUInt16()
    }

    func peekTag() throws -> DICOMTag {
        var copy = self
        return try copy.readTag()
    }
}
