@testable import DICOM

/// Images the tests write: every optional field set, nothing known, and a lateral view.
enum SampleImages {
    /// A non-square image with every optional field set, and Unicode in names and prompt.
    static func complete(rows: Int = 20, columns: Int = 30) -> SecondaryCaptureImage {
        SecondaryCaptureImage(
            rows: rows, columns: columns, pixels: gradient(rows: rows, columns: columns),
            studyInstanceUID: DICOMUID.fromDigest([UInt8](repeating: 0x11, count: 32)),
            seriesInstanceUID: DICOMUID.fromDigest([UInt8](repeating: 0x22, count: 32)),
            sopInstanceUID: DICOMUID.fromDigest([UInt8](repeating: 0x33, count: 32)),
            patientName: "Synthetic^Ångström", patientID: "SYN-0042",
            patientSex: "F", patientAgeYears: 67,
            studyDate: "20240131", studyTime: "093000", studyID: "MS0042",
            studyDescription: "Synthetic chest", seriesDescription: "PA chest",
            seriesNumber: 3, instanceNumber: 7,
            viewPosition: "PA",
            imageComments: "71-year-old woman — effusion ≥ 2 cm\\right side",
            windows: [WindowPreset(center: 2048, width: 4096, explanation: "FULL"),
                      WindowPreset(center: 1500.5, width: 1200, explanation: "LUNG")],
            pixelSpacingMM: 0.139,
            manufacturer: "MedSynth", modelName: "medsynth", softwareVersion: "1.2.3",
            derivationDescription: "Rendered from a text prompt")
    }

    /// No sex, age, view, descriptions, windows or spacing.
    static func minimal(rows: Int = 200, columns: Int = 300) -> SecondaryCaptureImage {
        SecondaryCaptureImage(
            rows: rows, columns: columns, pixels: gradient(rows: rows, columns: columns),
            studyInstanceUID: DICOMUID.fromDigest([UInt8](repeating: 0x44, count: 32)),
            seriesInstanceUID: DICOMUID.fromDigest([UInt8](repeating: 0x55, count: 32)),
            sopInstanceUID: DICOMUID.fromDigest([UInt8](repeating: 0x66, count: 32)),
            patientName: "Synthetic^Patient", patientID: "SYN-0001",
            studyDate: "19700101", studyTime: "000000", studyID: "MS0001",
            imageComments: "No finding. 日本語",
            manufacturer: "MedSynth", modelName: "medsynth", softwareVersion: "1.2.3")
    }

    /// A left lateral, male, DX modality.
    static func lateral() -> SecondaryCaptureImage {
        var image = complete(rows: 64, columns: 48)
        image.viewPosition = "LL"
        image.patientSex = "M"
        image.patientAgeYears = 5
        image.modality = "DX"
        return image
    }

    /// A diagonal ramp over the full 16-bit range.
    static func gradient(rows: Int, columns: Int) -> [UInt16] {
        (0..<rows * columns).map { i in
            let (r, c) = i.quotientAndRemainder(dividingBy: columns)
            return UInt16((r * 65535 / max(rows - 1, 1) + c * 7) % 65536)
        }
    }
}
