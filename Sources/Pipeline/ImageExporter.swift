import Foundation
import Imaging
import SynthNumerics
import Prompting

/// Writes one image's files into a folder (`output/images/<id>/` in a build), each atomically,
/// and describes them for the manifest. `meta.json` is written last: a folder without it is
/// incomplete.
enum ImageExporter {
    /// Bumped when exported bytes change for the same pixels; part of the content hash.
    static let version = "1"

    static func export(_ generated: GeneratedImage, job: ImageJob, generator: any ImageGenerator,
                       output: URL, folder: String, generateSeconds: Double) throws -> ImageRecord {
        let started = DispatchTime.now()
        var files: [OutputFile] = []
        func write(_ data: Data, _ name: String) throws {
            let path = folder.isEmpty ? name : "\(folder)/\(name)"
            try AtomicFile.write(data, to: output.appendingPathComponent(path))
            files.append(OutputFile(path: path, bytes: data.count, sha256: Hashing.sha256Hex(data)))
        }
        func write(_ name: String, using encode: (URL) throws -> Void) throws {
            files.append(try OutputFile.write(folder.isEmpty ? name : "\(folder)/\(name)", under: output, using: encode))
        }
        let folderURL = output.appendingPathComponent(folder, isDirectory: true)
        let wanted = Set(job.spec.outputs)
        // Exports dropped from `outputs` must not linger from an earlier build.
        for (export, names) in [(ExportKind.preview, ["preview.jpg", "thumb.jpg"]), (.tiles, ["tiles"]), (.tiff, ["image.tif"]),
                                (.dicom, ["image.dcm"]), (.masks, ["masks"])] where !wanted.contains(export) || export == .masks {
            for name in names { try? FileManager.default.removeItem(at: folderURL.appendingPathComponent(name)) }
        }

        var seconds: [String: Double] = [:]
        func timed(_ name: String, _ body: () throws -> Void) rethrows {
            let start = DispatchTime.now()
            try body()
            seconds[name] = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        }

        var histogram = PixelHistogram()
        try timed("png") { try write("image.png") { histogram = try ImageEncoders.png16(generated.image, to: $0) } }
        let window = DisplayWindow(histogram: histogram)
        // A streamed image exists whole only in its master PNG: the other exports decode it.
        let master: GraySource
        if case .rendered = generated.image { master = .png(folderURL.appendingPathComponent("image.png")) } else { master = generated.image }
        if wanted.contains(.preview) {
            try timed("preview") {
                try write("preview.jpg") { try ImageEncoders.jpegPreview(master, window: window, longSide: 1024, to: $0) }
                try write("thumb.jpg") { try ImageEncoders.jpegPreview(master, window: window, longSide: 256, to: $0) }
            }
        }
        if wanted.contains(.tiles) {
            try timed("tiles") { files += try TileExport.write(master, window: window, into: folderURL, relativePath: folder) }
        }
        if wanted.contains(.tiff) {
            try timed("tiff") { try write("image.tif") { try ImageEncoders.tiffPyramid(master, to: $0) } }
        }
        if wanted.contains(.dicom) {
            try timed("dicom") { try write("image.dcm") { try DICOMExport.write(master, job: job, generator: generator, window: window, to: $0) } }
        }
        if wanted.contains(.masks) {
            try timed("masks") {
                let masks = generated.masks()
                for observation in Observation.allCases {
                    guard let mask = masks[observation] else { continue }
                    try write("masks/\(observation.slug).png") { try ImageEncoders.png8(mask, to: $0) }
                }
            }
        }
        let exportSeconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let record = ImageRecord(
            id: job.id, source: job.spec.source, documentIndex: job.spec.documentIndex,
            title: job.spec.title, tags: job.spec.tags, prompt: job.spec.text, seed: job.seed,
            size: job.spec.size, generator: generator.id, generatorVersion: generator.version,
            contentHash: job.contentHash, view: job.reading.view, sex: job.reading.sex, age: job.reading.age,
            supine: job.reading.supine, findings: job.reading.findings,
            labels: Dictionary(uniqueKeysWithValues: job.reading.labels.map { ($0.key.rawValue, $0.value.rawValue) }),
            unparsed: job.reading.unparsed, measures: generated.measures, window: window,
            files: files, timings: .init(generate: generateSeconds, export: exportSeconds, exports: seconds),
            diffusion: generated.diffusion)
        try write(try ImageMetadata(record: record).encoded(), "meta.json")
        var complete = record
        complete.files = files
        return complete
    }
}

/// `meta.json` beside each image: everything known about how it was made (the manifest's
/// record without the gallery-only title and tags, so editing those rewrites no image file).
struct ImageMetadata: Encodable {
    var record: ImageRecord

    enum Hidden: String, CaseIterable { case title, tags }

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var object = try JSONSerialization.jsonObject(with: try encoder.encode(record)) as? [String: Any] ?? [:]
        for key in Hidden.allCases { object.removeValue(forKey: key.rawValue) }
        return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    func encode(to encoder: Encoder) throws { try record.encode(to: encoder) }
}

extension OutputFile {
    /// Writes the file at `path` (relative to `output`) atomically with an encoder that writes
    /// files itself, and checksums it from disk: large files are never held whole in memory.
    static func write(_ path: String, under output: URL, using encode: (URL) throws -> Void) throws -> OutputFile {
        let url = output.appendingPathComponent(path)
        try AtomicFile.write(to: url, using: encode)
        let (sha256, bytes) = try Hashing.sha256Hex(fileAt: url)
        return OutputFile(path: path, bytes: bytes, sha256: sha256)
    }
}
