/// A DICOM data element tag: (group, element).
///
/// Tags order the way the standard requires elements to be written — by group, then by
/// element — so sorting a list of tags gives the on-disk order.
public struct DICOMTag: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Group number, e.g. `0x0010` for patient attributes.
    public var group: UInt16
    /// Element number within the group.
    public var element: UInt16

    /// Creates a tag from its group and element numbers.
    public init(_ group: UInt16, _ element: UInt16) {
        self.group = group
        self.element = element
    }

    /// The tag as one 32-bit number, `gggg eeee`.
    public var value: UInt32 { UInt32(group) << 16 | UInt32(element) }

    public static func < (a: DICOMTag, b: DICOMTag) -> Bool { a.value < b.value }

    /// `(GGGG,EEEE)` in upper-case hex, the form dcmdump and the standard print.
    public var description: String {
        func hex(_ v: UInt16) -> String {
            let s = String(v, radix: 16, uppercase: true)
            return String(repeating: "0", count: 4 - s.count) + s
        }
        return "(\(hex(group)),\(hex(element)))"
    }
}

/// Named tags for every attribute the writer emits (PS3.6 keywords, lower camel case).
extension DICOMTag {
    // File Meta Information (group 0002).
    public static let fileMetaInformationGroupLength = DICOMTag(0x0002, 0x0000)
    public static let fileMetaInformationVersion = DICOMTag(0x0002, 0x0001)
    public static let mediaStorageSOPClassUID = DICOMTag(0x0002, 0x0002)
    public static let mediaStorageSOPInstanceUID = DICOMTag(0x0002, 0x0003)
    public static let transferSyntaxUID = DICOMTag(0x0002, 0x0010)
    public static let implementationClassUID = DICOMTag(0x0002, 0x0012)
    public static let implementationVersionName = DICOMTag(0x0002, 0x0013)

    // Group 0008: identification.
    public static let specificCharacterSet = DICOMTag(0x0008, 0x0005)
    public static let imageType = DICOMTag(0x0008, 0x0008)
    public static let instanceCreationDate = DICOMTag(0x0008, 0x0012)
    public static let instanceCreationTime = DICOMTag(0x0008, 0x0013)
    public static let sopClassUID = DICOMTag(0x0008, 0x0016)
    public static let sopInstanceUID = DICOMTag(0x0008, 0x0018)
    public static let syntheticData = DICOMTag(0x0008, 0x001C)
    public static let studyDate = DICOMTag(0x0008, 0x0020)
    public static let seriesDate = DICOMTag(0x0008, 0x0021)
    public static let contentDate = DICOMTag(0x0008, 0x0023)
    public static let studyTime = DICOMTag(0x0008, 0x0030)
    public static let seriesTime = DICOMTag(0x0008, 0x0031)
    public static let contentTime = DICOMTag(0x0008, 0x0033)
    public static let accessionNumber = DICOMTag(0x0008, 0x0050)
    public static let modality = DICOMTag(0x0008, 0x0060)
    public static let conversionType = DICOMTag(0x0008, 0x0064)
    public static let manufacturer = DICOMTag(0x0008, 0x0070)
    public static let referringPhysicianName = DICOMTag(0x0008, 0x0090)
    public static let codeValue = DICOMTag(0x0008, 0x0100)
    public static let codingSchemeDesignator = DICOMTag(0x0008, 0x0102)
    public static let codeMeaning = DICOMTag(0x0008, 0x0104)
    public static let studyDescription = DICOMTag(0x0008, 0x1030)
    public static let seriesDescription = DICOMTag(0x0008, 0x103E)
    public static let manufacturerModelName = DICOMTag(0x0008, 0x1090)
    public static let derivationDescription = DICOMTag(0x0008, 0x2111)

    // Group 0010: patient.
    public static let patientName = DICOMTag(0x0010, 0x0010)
    public static let patientID = DICOMTag(0x0010, 0x0020)
    public static let patientBirthDate = DICOMTag(0x0010, 0x0030)
    public static let patientSex = DICOMTag(0x0010, 0x0040)
    public static let patientAge = DICOMTag(0x0010, 0x1010)

    // Group 0018: acquisition and equipment.
    public static let bodyPartExamined = DICOMTag(0x0018, 0x0015)
    public static let dateOfSecondaryCapture = DICOMTag(0x0018, 0x1012)
    public static let timeOfSecondaryCapture = DICOMTag(0x0018, 0x1014)
    public static let secondaryCaptureDeviceManufacturer = DICOMTag(0x0018, 0x1016)
    public static let secondaryCaptureDeviceManufacturerModelName = DICOMTag(0x0018, 0x1018)
    public static let secondaryCaptureDeviceSoftwareVersions = DICOMTag(0x0018, 0x1019)
    public static let softwareVersions = DICOMTag(0x0018, 0x1020)
    public static let viewPosition = DICOMTag(0x0018, 0x5101)
    public static let contributingEquipmentSequence = DICOMTag(0x0018, 0xA001)
    public static let contributionDateTime = DICOMTag(0x0018, 0xA002)
    public static let contributionDescription = DICOMTag(0x0018, 0xA003)

    // Group 0020: relationship.
    public static let studyInstanceUID = DICOMTag(0x0020, 0x000D)
    public static let seriesInstanceUID = DICOMTag(0x0020, 0x000E)
    public static let studyID = DICOMTag(0x0020, 0x0010)
    public static let seriesNumber = DICOMTag(0x0020, 0x0011)
    public static let instanceNumber = DICOMTag(0x0020, 0x0013)
    public static let patientOrientation = DICOMTag(0x0020, 0x0020)
    public static let imageComments = DICOMTag(0x0020, 0x4000)

    // Group 0028: image presentation.
    public static let samplesPerPixel = DICOMTag(0x0028, 0x0002)
    public static let photometricInterpretation = DICOMTag(0x0028, 0x0004)
    public static let rows = DICOMTag(0x0028, 0x0010)
    public static let columns = DICOMTag(0x0028, 0x0011)
    public static let pixelSpacing = DICOMTag(0x0028, 0x0030)
    public static let bitsAllocated = DICOMTag(0x0028, 0x0100)
    public static let bitsStored = DICOMTag(0x0028, 0x0101)
    public static let highBit = DICOMTag(0x0028, 0x0102)
    public static let pixelRepresentation = DICOMTag(0x0028, 0x0103)
    public static let burnedInAnnotation = DICOMTag(0x0028, 0x0301)
    public static let recognizableVisualFeatures = DICOMTag(0x0028, 0x0302)
    public static let windowCenter = DICOMTag(0x0028, 0x1050)
    public static let windowWidth = DICOMTag(0x0028, 0x1051)
    public static let windowCenterWidthExplanation = DICOMTag(0x0028, 0x1055)
    public static let lossyImageCompression = DICOMTag(0x0028, 0x2110)

    // Group 0040: coded entries.
    public static let purposeOfReferenceCodeSequence = DICOMTag(0x0040, 0xA170)

    // Pixel data and sequence delimiters.
    public static let pixelData = DICOMTag(0x7FE0, 0x0010)
    public static let item = DICOMTag(0xFFFE, 0xE000)
    public static let itemDelimitationItem = DICOMTag(0xFFFE, 0xE00D)
    public static let sequenceDelimitationItem = DICOMTag(0xFFFE, 0xE0DD)
}
