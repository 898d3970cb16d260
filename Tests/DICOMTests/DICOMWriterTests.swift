import Foundation
import XCTest
@testable import DICOM

final class DICOMWriterTests: XCTestCase {
    private func sampleImage() -> SecondaryCaptureImage { SampleImages.complete() }

    private func parsed(_ image: SecondaryCaptureImage) throws -> (Data, DICOMDataset) {
        let data = DICOMWriter.encode(image)
        return (data, try DICOMReader.parse(data))
    }

    // MARK: Round trip

    func testEveryAttributeReadsBack() throws {
        let image = sampleImage()
        let (_, ds) = try parsed(image)
        let expected: [(DICOMTag, [String])] = [
            (.mediaStorageSOPClassUID, ["1.2.840.10008.5.1.4.1.1.7"]),
            (.mediaStorageSOPInstanceUID, [image.sopInstanceUID]),
            (.transferSyntaxUID, ["1.2.840.10008.1.2.1"]),
            (.implementationClassUID, [DICOMUID.implementationClass]),
            (.implementationVersionName, [DICOMWriter.implementationVersionName]),
            (.specificCharacterSet, ["ISO_IR 192"]),
            (.imageType, ["DERIVED", "SECONDARY"]),
            (.sopClassUID, ["1.2.840.10008.5.1.4.1.1.7"]),
            (.sopInstanceUID, [image.sopInstanceUID]),
            (.syntheticData, ["YES"]),
            (.studyDate, ["20240131"]), (.studyTime, ["093000"]),
            (.seriesDate, ["20240131"]), (.seriesTime, ["093000"]),
            (.contentDate, ["20240131"]), (.contentTime, ["093000"]),
            (.instanceCreationDate, ["20240131"]), (.instanceCreationTime, ["093000"]),
            (.accessionNumber, []), (.referringPhysicianName, []), (.patientBirthDate, []),
            (.modality, ["OT"]), (.conversionType, ["SYN"]),
            (.manufacturer, ["MedSynth"]), (.manufacturerModelName, ["medsynth"]), (.softwareVersions, ["1.2.3"]),
            (.secondaryCaptureDeviceManufacturer, ["MedSynth"]),
            (.secondaryCaptureDeviceManufacturerModelName, ["medsynth"]),
            (.secondaryCaptureDeviceSoftwareVersions, ["1.2.3"]),
            (.studyDescription, ["Synthetic chest"]), (.seriesDescription, ["PA chest"]),
            (.derivationDescription, ["Rendered from a text prompt"]),
            (.patientName, ["Synthetic^Ångström"]), (.patientID, ["SYN-0042"]),
            (.patientSex, ["F"]), (.patientAge, ["067Y"]),
            (.bodyPartExamined, ["CHEST"]), (.viewPosition, ["PA"]),
            (.dateOfSecondaryCapture, ["20240131"]), (.timeOfSecondaryCapture, ["093000"]),
            (.studyInstanceUID, [image.studyInstanceUID]), (.seriesInstanceUID, [image.seriesInstanceUID]),
            (.studyID, ["MS0042"]), (.seriesNumber, ["3"]), (.instanceNumber, ["7"]),
            (.patientOrientation, ["L", "F"]),
            (.imageComments, ["71-year-old woman — effusion ≥ 2 cm\\right side"]),
            (.photometricInterpretation, ["MONOCHROME2"]),
            (.pixelSpacing, ["0.139", "0.139"]),
            (.burnedInAnnotation, ["NO"]), (.recognizableVisualFeatures, ["NO"]),
            (.windowCenter, ["2048", "1500.5"]), (.windowWidth, ["4096", "1200"]),
            (.windowCenterWidthExplanation, ["FULL", "LUNG"]),
            (.lossyImageCompression, ["00"]),
        ]
        for (tag, values) in expected {
            let element = try XCTUnwrap(ds[tag], "missing \(tag)")
            XCTAssertEqual(element.strings, values, "\(tag)")
        }
        let us: [(DICOMTag, UInt16)] = [
            (.samplesPerPixel, 1), (.rows, 20), (.columns, 30), (.bitsAllocated, 16),
            (.bitsStored, 16), (.highBit, 15), (.pixelRepresentation, 0),
        ]
        for (tag, value) in us {
            XCTAssertEqual(ds[tag]?.vr, .US, "\(tag)")
            XCTAssertEqual(ds[tag]?.uint16s, [value], "\(tag)")
        }
        XCTAssertEqual(ds[.fileMetaInformationVersion]?.bytes, [0x00, 0x01])
        XCTAssertEqual(ds[.pixelData]?.vr, .OW)
        XCTAssertEqual(ds[.pixelData]?.uint16s, image.pixels)
    }

    func testContributingEquipmentRecordsTheGenerator() throws {
        let (_, ds) = try parsed(sampleImage())
        let items = try XCTUnwrap(ds[.contributingEquipmentSequence]).items
        XCTAssertEqual(items.count, 1)
        let equipment = items[0]
        XCTAssertEqual(equipment[.manufacturer]?.string, "MedSynth")
        XCTAssertEqual(equipment[.manufacturerModelName]?.string, "medsynth")
        XCTAssertEqual(equipment[.softwareVersions]?.string, "1.2.3")
        XCTAssertEqual(equipment[.contributionDateTime]?.string, "20240131093000")
        let purpose = try XCTUnwrap(equipment[.purposeOfReferenceCodeSequence]).items
        XCTAssertEqual(purpose.count, 1)
        XCTAssertEqual(purpose[0][.codeValue]?.string, "109100")
        XCTAssertEqual(purpose[0][.codingSchemeDesignator]?.string, "DCM")
        XCTAssertEqual(purpose[0][.codeMeaning]?.string, "Synthesizing Equipment")
    }

    func testUnknownValuesAreEmptyOrAbsent() throws {
        var image = sampleImage()
        image.patientSex = nil
        image.patientAgeYears = nil
        image.viewPosition = nil
        image.studyDescription = nil
        image.windows = []
        image.pixelSpacingMM = nil
        let (_, ds) = try parsed(image)
        XCTAssertEqual(ds[.patientSex]?.string, "O")
        XCTAssertNil(ds[.patientAge])
        XCTAssertNil(ds[.viewPosition])
        XCTAssertNil(ds[.studyDescription])
        XCTAssertNil(ds[.windowCenter])
        XCTAssertNil(ds[.pixelSpacing])
        // Type 2C: present, zero length, when the layout is unknown.
        XCTAssertEqual(ds[.patientOrientation]?.bytes, [])
    }

    func testPatientOrientationFollowsView() throws {
        var image = sampleImage()
        for (view, orientation) in [("PA", ["L", "F"]), ("AP", ["L", "F"]), ("LL", ["P", "F"]), ("ap", ["L", "F"])] {
            image.viewPosition = view
            let (_, ds) = try parsed(image)
            XCTAssertEqual(ds[.patientOrientation]?.strings, orientation, view)
            XCTAssertEqual(ds[.viewPosition]?.string, view.uppercased())
        }
        image.patientOrientation = ["A", "F"]
        XCTAssertEqual(try parsed(image).1[.patientOrientation]?.strings, ["A", "F"])
    }

    // MARK: Bytes on disk

    func testPreambleAndMagic() {
        let data = [UInt8](DICOMWriter.encode(sampleImage()))
        XCTAssertEqual(Array(data[0..<128]), [UInt8](repeating: 0, count: 128))
        XCTAssertEqual(Array(data[128..<132]), Array("DICM".utf8))
        // (0002,0000) UL, length 4, comes first.
        XCTAssertEqual(Array(data[132..<140]), [0x02, 0x00, 0x00, 0x00, 0x55, 0x4C, 0x04, 0x00])
    }

    func testFileMetaGroupLengthCoversTheGroup() throws {
        let (data, ds) = try parsed(sampleImage())
        let lengthElement = try XCTUnwrap(ds[.fileMetaInformationGroupLength])
        XCTAssertEqual(lengthElement.offset, 132)
        let groupLength = try XCTUnwrap(lengthElement.uint32s.first)
        let firstDatasetElement = try XCTUnwrap(ds.elements.first { $0.tag.group != 0x0002 })
        XCTAssertEqual(Int(groupLength), firstDatasetElement.offset - (132 + 12))
        XCTAssertEqual(firstDatasetElement.tag, .specificCharacterSet)
        XCTAssertLessThan(firstDatasetElement.offset, data.count)
    }

    func testEveryValueHasEvenLengthAndCorrectPadding() throws {
        let (data, ds) = try parsed(sampleImage())
        XCTAssertEqual(data.count % 2, 0)
        func check(_ set: DICOMDataset) {
            for element in set.elements {
                XCTAssertEqual(element.bytes.count % 2, 0, "\(element.tag) has odd length")
                element.items.forEach(check)
            }
        }
        check(ds)
        // UIDs pad with NUL, other strings with a space.
        let sopClass = try XCTUnwrap(ds[.sopClassUID]).bytes
        XCTAssertEqual(sopClass.count, 26)
        XCTAssertEqual(sopClass.last, 0x00)
        XCTAssertEqual(ds[.conversionType]?.bytes, Array("SYN ".utf8))
        XCTAssertEqual(ds[.patientID]?.bytes, Array("SYN-0042".utf8))  // already even: no padding
        // UTF-8 text is padded by byte count, not character count.
        let comments = try XCTUnwrap(ds[.imageComments]).bytes
        XCTAssertEqual(comments.count % 2, 0)
    }

    func testElementsAreSortedByTag() throws {
        let (_, ds) = try parsed(sampleImage())
        func check(_ set: DICOMDataset) {
            XCTAssertEqual(set.tags, set.tags.sorted())
            XCTAssertEqual(Set(set.tags).count, set.tags.count)
            set.elements.forEach { $0.items.forEach(check) }
        }
        check(ds)
    }

    func testWrittenFileEqualsEncodedBytes() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("medsynth-\(UUID().uuidString).dcm")
        defer { try? FileManager.default.removeItem(at: url) }
        try DICOMWriter.write(sampleImage(), to: url)
        XCTAssertEqual(try Data(contentsOf: url), DICOMWriter.encode(sampleImage()))
    }

    func testStreamedPixelDataGivesTheSameBytes() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("medsynth-\(UUID().uuidString).dcm")
        defer { try? FileManager.default.removeItem(at: url) }
        let image = sampleImage()
        var header = image
        header.pixels = []
        // Runs of 3 samples: pieces need not follow rows.
        try DICOMWriter.write(header, to: url) { emit in
            try image.pixels.withUnsafeBufferPointer { pixels in
                for start in stride(from: 0, to: pixels.count, by: 3) {
                    try emit(UnsafeBufferPointer(rebasing: pixels[start..<min(start + 3, pixels.count)]))
                }
            }
        }
        XCTAssertEqual(try Data(contentsOf: url), DICOMWriter.encode(image))
    }

    func testStreamedPixelDataOfTheWrongSizeIsAnError() {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("medsynth-\(UUID().uuidString).dcm")
        defer { try? FileManager.default.removeItem(at: url) }
        let image = sampleImage()
        XCTAssertThrowsError(try DICOMWriter.write(image, to: url) { emit in
            try image.pixels.dropLast().withUnsafeBufferPointer { try emit($0) }
        })
    }

    func testEncodingIsDeterministic() {
        let a = DICOMWriter.encode(sampleImage())
        let b = DICOMWriter.encode(sampleImage())
        XCTAssertEqual(a, b)
        var changed = sampleImage()
        changed.imageComments += "."
        XCTAssertNotEqual(DICOMWriter.encode(changed), a)
    }

    // MARK: Values

    func testUIDFromDigest() {
        XCTAssertEqual(DICOMUID.fromDigest([UInt8](repeating: 0xFF, count: 32)),
                       "2.25.340282366920938463463374607431768211455")
        XCTAssertEqual(DICOMUID.fromDigest([UInt8](repeating: 0, count: 16)), "2.25.0")
        // Low limb only, high limb only, and the UUID example of PS3.5 §B.2.
        XCTAssertEqual(DICOMUID.fromDigest([UInt8](repeating: 0, count: 15) + [1]), "2.25.1")
        XCTAssertEqual(DICOMUID.fromDigest([UInt8](repeating: 0, count: 7) + [1] + [UInt8](repeating: 0, count: 8)),
                       "2.25.18446744073709551616")
        let uuid: [UInt8] = [0xf8, 0x1d, 0x4f, 0xae, 0x7d, 0xec, 0x11, 0xd0,
                             0xa7, 0x65, 0x00, 0xa0, 0xc9, 0x1e, 0x6b, 0xf6]
        XCTAssertEqual(DICOMUID.fromDigest(uuid + [9, 9, 9]), "2.25.329800735698586629295641978511506172918")
        let longest = DICOMUID.fromDigest([UInt8](repeating: 0xFF, count: 16))
        XCTAssertLessThanOrEqual(longest.utf8.count, 64)
        XCTAssertTrue(DICOMUID.isValid(longest))
        XCTAssertFalse(DICOMUID.isValid("2.25.01"))
        XCTAssertFalse(DICOMUID.isValid("2..25"))
    }

    func testDecimalStringsFitSixteenCharacters() {
        XCTAssertEqual(ValueText.decimalString(32768), "32768")
        XCTAssertEqual(ValueText.decimalString(-40), "-40")
        XCTAssertEqual(ValueText.decimalString(0.139), "0.139")
        XCTAssertEqual(ValueText.decimalString(0.1 + 0.2), "0.3")
        for x in [1.0 / 3.0, -2.0 / 3.0, 1e-7, 123456789.123456789, 1e300] {
            let s = ValueText.decimalString(x)
            XCTAssertLessThanOrEqual(s.utf8.count, 16, s)
            XCTAssertEqual(Double(s)!, x, accuracy: abs(x) * 1e-9, s)
        }
    }

    func testTextIsCleanedAndCut() throws {
        var image = sampleImage()
        image.imageComments = "tab\there " + String(repeating: "≥", count: 5000)  // 15000+ bytes
        image.patientID = "A\\B\nC"
        let (_, ds) = try parsed(image)
        let comments = try XCTUnwrap(ds[.imageComments])
        XCTAssertLessThanOrEqual(comments.bytes.count, 10240)
        XCTAssertTrue(comments.string.hasPrefix("tab here ≥"))
        // Cut at a scalar boundary: decoding replaces nothing.
        XCTAssertTrue(String(decoding: comments.bytes, as: UTF8.self).utf8.elementsEqual(comments.bytes))
        XCTAssertEqual(ds[.patientID]?.string, "ABC")
        XCTAssertEqual(ValueText.ageString(years: 5), "005Y")
        XCTAssertNil(ValueText.ageString(years: 1000))
    }

    // MARK: Reader

    func testReaderHandlesUndefinedLengthSequences() throws {
        var bytes = [UInt8](repeating: 0, count: 128) + Array("DICM".utf8)
        bytes += DICOMWriter.fileMetaInformation(sopInstanceUID: "2.25.1")
        // (0018,A001) SQ, undefined length; one item of undefined length; then (0020,0013).
        ElementEncoder.appendHeader(.contributingEquipmentSequence, .SQ, length: 0, to: &bytes)
        bytes.removeLast(4)
        bytes += [0xFF, 0xFF, 0xFF, 0xFF]
        bytes += [0xFE, 0xFF, 0x00, 0xE0, 0xFF, 0xFF, 0xFF, 0xFF]  // item, undefined length
        bytes += ElementEncoder.encode([.init(.manufacturer, .LO, .type1, .string("X"))])
        bytes += [0xFE, 0xFF, 0x0D, 0xE0, 0, 0, 0, 0]  // item delimitation
        bytes += [0xFE, 0xFF, 0xDD, 0xE0, 0, 0, 0, 0]  // sequence delimitation
        bytes += ElementEncoder.encode([.init(.instanceNumber, .IS, .type2, .integers([5]))])
        let ds = try DICOMReader.parse(Data(bytes))
        let items = try XCTUnwrap(ds[.contributingEquipmentSequence]).items
        XCTAssertEqual(items.count, 1)
        XCTAssertEqual(items[0][.manufacturer]?.string, "X")
        XCTAssertEqual(ds[.instanceNumber]?.string, "5")
    }

    func testReaderRejectsOtherFiles() {
        XCTAssertThrowsError(try DICOMReader.parse(Data(repeating: 0, count: 200))) { error in
            XCTAssertEqual(error as? DICOMReader.Error, .notPart10)
        }
        let truncated = DICOMWriter.encode(sampleImage()).dropLast(3)
        XCTAssertThrowsError(try DICOMReader.parse(Data(truncated)))
    }
}
