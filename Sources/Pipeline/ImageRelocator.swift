import Foundation
import Imaging
import Prompting

/// When a prompt file is renamed or moved, its images get new ids but the same content hash.
/// Instead of generating them again, their folder is moved to the new id and only the files
/// that name the image (DICOM patient and UIDs, `meta.json`) are written anew.
struct ImageRelocator {
    let output: URL

    /// A previous record that `job` can take over, if one will otherwise be removed.
    static func candidate(for job: ImageJob, among orphans: inout [String: [ImageRecord]]) -> ImageRecord? {
        guard var list = orphans[job.contentHash], !list.isEmpty else { return nil }
        let record = list.removeFirst()
        orphans[job.contentHash] = list
        return record
    }

    func relocate(_ old: ImageRecord, to job: ImageJob, generator: any ImageGenerator) throws -> ImageRecord {
        let started = DispatchTime.now()
        let manager = FileManager.default
        let oldFolder = "images/\(old.id)", newFolder = "images/\(job.id)"
        let target = output.appendingPathComponent(newFolder)
        try? manager.removeItem(at: target)
        try manager.moveItem(at: output.appendingPathComponent(oldFolder), to: target)

        var files = old.files.filter { !$0.path.hasSuffix("/image.dcm") && !$0.path.hasSuffix("/meta.json") }.map { file in
            OutputFile(path: newFolder + file.path.dropFirst(oldFolder.count), bytes: file.bytes, sha256: file.sha256)
        }
        func write(_ data: Data, _ name: String) throws {
            try AtomicFile.write(data, to: target.appendingPathComponent(name))
            files.append(OutputFile(path: "\(newFolder)/\(name)", bytes: data.count, sha256: Hashing.sha256Hex(data)))
        }
        let image = GraySource.png(target.appendingPathComponent("image.png"))
        let window = DisplayWindow(histogram: try PixelHistogram(of: image))
        if job.spec.outputs.contains(.dicom) {
            files.append(try OutputFile.write("\(newFolder)/image.dcm", under: output) {
                try DICOMExport.write(image, job: job, generator: generator, window: window, to: $0)
            })
        }
        var record = old
        record.id = job.id
        record.source = job.spec.source
        record.documentIndex = job.spec.documentIndex
        record.title = job.spec.title
        record.tags = job.spec.tags
        record.timings.export = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        record.window = window
        record.files = files
        try write(try ImageMetadata(record: record).encoded(), "meta.json")
        record.files = files
        return record
    }
}
