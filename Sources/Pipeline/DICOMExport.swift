import Crypto
import DICOM
import Foundation
import Imaging
import SynthNumerics
import Prompting

/// Builds the DICOM Secondary Capture file of one image. One Study per prompt file, one
/// Series per prompt; UIDs are derived from those names, the image id and the seed, so
/// rebuilds give byte-identical files.
enum DICOMExport {
    /// Physical width of the long side of the image: a 43 cm (17 inch) detector.
    static let detectorMillimetres = 430.0

    /// Written to `url` piece by piece, the pixel data strip by strip from `image`.
    static func write(_ image: GraySource, job: ImageJob, generator: any ImageGenerator, window: DisplayWindow, to url: URL) throws {
        let size = try image.size()
        try DICOMWriter.write(describe(size, job: job, generator: generator, window: window), to: url) { emit in
            try image.forEachStrip { _, pixels in try emit(pixels) }
        }
    }

    private static func describe(_ size: (width: Int, height: Int), job: ImageJob, generator: any ImageGenerator, window: DisplayWindow) -> SecondaryCaptureImage {
        let date = StudyDate.resolve(for: job.spec)
        let studyKey = job.spec.source
        let seriesKey = "\(job.spec.source)#\(job.spec.documentIndex)"
        let view: String? = switch job.reading.view ?? .pa {
        case .pa: "PA"
        case .ap: "AP"
        case .lateral: "LL"
        }
        let description = SecondaryCaptureImage(
            rows: size.height, columns: size.width, pixels: [],
            studyInstanceUID: uid("study", studyKey),
            seriesInstanceUID: uid("series", seriesKey),
            sopInstanceUID: uid("image", "\(job.id)#\(job.seed)"),
            patientName: "SYNTHETIC^\(job.id.prefix(48))",
            patientID: String(job.id.prefix(64)),
            patientSex: job.reading.sex.map { $0 == .male ? "M" : "F" },
            patientAgeYears: job.reading.age,
            studyDate: date.date, studyTime: date.time,
            studyID: String(Hashing.sha256Hex(Data(studyKey.utf8)).prefix(16)),
            studyDescription: "Synthetic chest radiographs from \(job.spec.source)",
            // Only values in the content hash (or in the id) go in, so no file goes stale.
            seriesDescription: String(job.spec.text.prefix(64)),
            seriesNumber: job.spec.documentIndex + 1,
            instanceNumber: Int(job.seed % UInt32(Int32.max)) + 1,
            viewPosition: view,
            imageComments: job.spec.text,
            windows: [WindowPreset(center: window.center.rounded(), width: window.width.rounded(), explanation: "DEFAULT")],
            pixelSpacingMM: detectorMillimetres / Double(max(size.width, size.height)),
            manufacturer: "MedSynth", modelName: "\(generator.id) generator",
            softwareVersion: "medsynth \(MedSynthVersion.string); \(generator.id) \(generator.version)",
            derivationDescription: "Synthetic image generated from a text prompt by the MedSynth \(generator.id) generator, seed \(job.seed)")
        return description
    }

    /// A 2.25 UID from the SHA-256 of a kind and a name.
    private static func uid(_ kind: String, _ name: String) -> String {
        DICOMUID.fromDigest(Array(SHA256.hash(data: Data("medsynth \(kind) \(name)".utf8))))
    }
}
