import Foundation

/// Writes DICOM Part 10 files (PS3.10 §7.1): a 128-byte preamble, `DICM`, the File Meta
/// Information, then the dataset in Explicit VR Little Endian.
public enum DICOMWriter {
    /// Implementation Version Name in File Meta Information (SH, at most 16 characters).
    public static let implementationVersionName = "MEDSYNTH_1"

    /// The complete file for `image`. Deterministic: equal images give equal bytes.
    ///
    /// Invalid input — a pixel count that is not `rows × columns`, a malformed UID, date
    /// or time — is a programming error and stops the program with a message.
    public static func encode(_ image: SecondaryCaptureImage) -> Data {
        checkPixelCount(image)
        var file = head(image)
        file.reserveCapacity(file.count + image.pixels.count * 2)
        for word in image.pixels { ElementEncoder.appendUInt16(word, to: &file) }
        return Data(file)
    }

    /// The same bytes as `encode`, written to `url` piece by piece.
    public static func write(_ image: SecondaryCaptureImage, to url: URL) throws {
        checkPixelCount(image)
        try write(image, to: url) { emit in
            try image.pixels.withUnsafeBufferPointer { pixels in
                let piece = 1 << 19  // words per write: 1 MiB
                for start in stride(from: 0, to: pixels.count, by: piece) {
                    try emit(UnsafeBufferPointer(rebasing: pixels[start..<min(start + piece, pixels.count)]))
                }
            }
        }
    }

    /// The same bytes as `encode`, written to `url` piece by piece, with the pixel data (the
    /// last and by far the largest element) streamed: `pixelData` hands its argument successive
    /// runs of row-major samples, `rows × columns` in all; `image.pixels` is not read.
    public static func write(_ image: SecondaryCaptureImage, to url: URL,
                             pixelData: (_ emit: (UnsafeBufferPointer<UInt16>) throws -> Void) throws -> Void) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: Data(head(image))) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        var written = 0
        try pixelData { words in
            written += words.count
            #if _endian(little)
            try handle.write(contentsOf: UnsafeRawBufferPointer(words))
            #else
            var bytes: [UInt8] = []
            for word in words { ElementEncoder.appendUInt16(word, to: &bytes) }
            try handle.write(contentsOf: bytes)
            #endif
        }
        guard written == image.rows * image.columns else {
            throw DICOMWriteError(message: "\(written) pixels streamed for a \(image.columns)×\(image.rows) image")
        }
    }

    /// Everything before the pixel data's value: preamble, `DICM`, File Meta Information, and
    /// the dataset up to the Pixel Data header. Pixel Data has the highest tag, so it is last.
    static func head(_ image: SecondaryCaptureImage) -> [UInt8] {
        validate(image)
        let attributes = SecondaryCaptureModules.attributes(for: image)
        precondition(attributes.allSatisfy { $0.tag <= .pixelData }, "an attribute sorts after Pixel Data")
        var file = [UInt8](repeating: 0, count: 128)  // preamble: unused, all zero
        file.append(contentsOf: Array("DICM".utf8))
        file.append(contentsOf: fileMetaInformation(sopInstanceUID: image.sopInstanceUID))
        file.append(contentsOf: ElementEncoder.encode(attributes.filter { $0.tag != .pixelData }))
        ElementEncoder.appendHeader(.pixelData, .OW, length: image.rows * image.columns * 2, to: &file)
        return file
    }

    /// Group 0002, always Explicit VR Little Endian, led by its own group length: the byte
    /// count of the elements after (0002,0000) up to the end of the group.
    static func fileMetaInformation(sopInstanceUID: String) -> [UInt8] {
        let body = ElementEncoder.encode([
            .init(.fileMetaInformationVersion, .OB, .type1, .bytes([0x00, 0x01])),
            .init(.mediaStorageSOPClassUID, .UI, .type1, .string(DICOMUID.secondaryCaptureImageStorage)),
            .init(.mediaStorageSOPInstanceUID, .UI, .type1, .string(sopInstanceUID)),
            .init(.transferSyntaxUID, .UI, .type1, .string(DICOMUID.explicitVRLittleEndian)),
            .init(.implementationClassUID, .UI, .type1, .string(DICOMUID.implementationClass)),
            .init(.implementationVersionName, .SH, .type3, .string(implementationVersionName)),
        ])
        let length = DICOMAttribute(.fileMetaInformationGroupLength, .UL, .type1, .uint32s([UInt32(body.count)]))
        return ElementEncoder.encode([length]) + body
    }

    private static func checkPixelCount(_ image: SecondaryCaptureImage) {
        precondition(image.pixels.count == image.rows * image.columns,
                     "\(image.pixels.count) pixels for a \(image.columns)×\(image.rows) image")
    }

    private static func validate(_ image: SecondaryCaptureImage) {
        precondition((1...65535).contains(image.rows) && (1...65535).contains(image.columns),
                     "image size \(image.columns)×\(image.rows) out of range")
        for uid in [image.studyInstanceUID, image.seriesInstanceUID, image.sopInstanceUID] {
            precondition(DICOMUID.isValid(uid), "invalid UID '\(uid)'")
        }
        precondition(ValueText.isDate(image.studyDate), "study date '\(image.studyDate)' is not YYYYMMDD")
        precondition(ValueText.isTime(image.studyTime), "study time '\(image.studyTime)' is not HHMMSS")
        precondition(image.windows.allSatisfy { $0.width >= 1 }, "window width must be at least 1")
        precondition(image.pixelSpacingMM.map { $0 > 0 } ?? true, "pixel spacing must be positive")
    }
}

/// A streamed image whose pixel data did not have the size its header announced.
public struct DICOMWriteError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { "DICOM file not written: \(message)" }
}
