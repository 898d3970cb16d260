/// Everything the writer needs to produce one synthetic chest radiograph as a DICOM
/// Secondary Capture image. Values are taken as given: no clock, no randomness, so the
/// same image gives the same bytes.
public struct SecondaryCaptureImage: Sendable {
    /// Image height in pixels (1…65535).
    public var rows: Int
    /// Image width in pixels (1…65535).
    public var columns: Int
    /// `rows × columns` 16-bit samples, row-major, MONOCHROME2 (0 is black).
    public var pixels: [UInt16]

    /// Study, series and image UIDs, e.g. from `DICOMUID.fromDigest`.
    public var studyInstanceUID: String
    public var seriesInstanceUID: String
    public var sopInstanceUID: String

    /// Made-up patient name in PN form, e.g. `Synthetic^Patient 0042`.
    public var patientName: String
    /// Made-up patient ID.
    public var patientID: String
    /// `"M"` or `"F"`; anything else, or nil, is written as `O` (other).
    public var patientSex: String?
    /// Age in years, written as Patient's Age (e.g. `067Y`) when known.
    public var patientAgeYears: Int?

    /// Study date, `YYYYMMDD`; also used for series, content and creation dates.
    public var studyDate: String
    /// Study time, `HHMMSS`; also used for series, content and creation times.
    public var studyTime: String
    /// Study ID (SH, up to 16 characters).
    public var studyID: String
    public var studyDescription: String?
    public var seriesDescription: String?
    public var seriesNumber: Int
    public var instanceNumber: Int

    /// General Series Modality. `OT` is what Secondary Capture uses by default; `DX` also
    /// validates if downstream tools should treat the image as a radiograph.
    public var modality: String
    /// `PA`, `AP`, `LL` or `RL`; other values are dropped. Sets View Position and the
    /// default Patient Orientation.
    public var viewPosition: String?
    /// Patient Orientation (row direction, column direction), e.g. `["L", "F"]`. When nil it
    /// follows from `viewPosition` (see `SecondaryCaptureModules.patientOrientation`).
    public var patientOrientation: [String]?
    /// The prompt text, written to Image Comments (LT, cut to 10240 bytes of UTF-8).
    public var imageComments: String
    /// Window presets, written as multi-valued Window Center / Width / Explanation.
    public var windows: [WindowPreset]
    /// Physical size of one pixel (square pixels), in millimetres; nil leaves it out.
    public var pixelSpacingMM: Double?

    /// The generator, recorded as Contributing Equipment (Synthesizing Equipment) and as
    /// Secondary Capture device.
    public var manufacturer: String
    public var modelName: String
    public var softwareVersion: String
    /// How the image was made, e.g. `Rendered from a text prompt by …` (ST).
    public var derivationDescription: String?

    /// Creates an image description; the optional fields default to unknown.
    public init(
        rows: Int, columns: Int, pixels: [UInt16],
        studyInstanceUID: String, seriesInstanceUID: String, sopInstanceUID: String,
        patientName: String, patientID: String, patientSex: String? = nil, patientAgeYears: Int? = nil,
        studyDate: String, studyTime: String, studyID: String,
        studyDescription: String? = nil, seriesDescription: String? = nil,
        seriesNumber: Int = 1, instanceNumber: Int = 1,
        modality: String = "OT", viewPosition: String? = nil, patientOrientation: [String]? = nil,
        imageComments: String, windows: [WindowPreset] = [], pixelSpacingMM: Double? = nil,
        manufacturer: String, modelName: String, softwareVersion: String,
        derivationDescription: String? = nil
    ) {
        self.rows = rows
        self.columns = columns
        self.pixels = pixels
        self.studyInstanceUID = studyInstanceUID
        self.seriesInstanceUID = seriesInstanceUID
        self.sopInstanceUID = sopInstanceUID
        self.patientName = patientName
        self.patientID = patientID
        self.patientSex = patientSex
        self.patientAgeYears = patientAgeYears
        self.studyDate = studyDate
        self.studyTime = studyTime
        self.studyID = studyID
        self.studyDescription = studyDescription
        self.seriesDescription = seriesDescription
        self.seriesNumber = seriesNumber
        self.instanceNumber = instanceNumber
        self.modality = modality
        self.viewPosition = viewPosition
        self.patientOrientation = patientOrientation
        self.imageComments = imageComments
        self.windows = windows
        self.pixelSpacingMM = pixelSpacingMM
        self.manufacturer = manufacturer
        self.modelName = modelName
        self.softwareVersion = softwareVersion
        self.derivationDescription = derivationDescription
    }
}

/// One VOI window: the grey range a viewer maps to black…white, and its name.
public struct WindowPreset: Sendable, Equatable {
    /// Window Center, in stored pixel values.
    public var center: Double
    /// Window Width (≥ 1), in stored pixel values.
    public var width: Double
    /// Shown by viewers as the preset's name, e.g. `LUNG`.
    public var explanation: String

    public init(center: Double, width: Double, explanation: String) {
        self.center = center
        self.width = width
        self.explanation = explanation
    }
}
