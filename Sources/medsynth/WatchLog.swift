import Foundation
import Pipeline
import Watch

/// Log lines of `watch`: one per batch of changes, per image and per build, as text or as
/// JSON objects (one per line, on standard output) for machines.
final class WatchLog: @unchecked Sendable {
    private let json: Bool
    private let lock = NSLock()

    init(json: Bool) { self.json = json }

    func note(_ message: String) {
        emit(["event": "note", "message": message], text: message)
    }

    func batch(_ batch: ChangeBatcher.Batch) {
        let shown = batch.paths.prefix(5).joined(separator: ", ") + (batch.paths.count > 5 ? ", …" : "")
        let text = batch.rescanReasons.isEmpty ? "\(batch.paths.count) changed: \(shown)" : "full scan (\(batch.rescanReasons.joined(separator: "; ")))"
        emit(["event": "batch", "paths": batch.paths, "rescan": batch.rescanReasons], text: text)
    }

    func handle(_ event: BuildEvent) {
        switch event {
        case .built(let record):
            let seconds = record.timings.generate + record.timings.export
            emit(["event": "built", "id": record.id, "source": record.source, "seconds": seconds],
                 text: String(format: "built %@ (%@) in %.2f s", record.id, record.source, seconds))
        case .invalid(let error), .failed(_, let error):
            emit(["event": "error", "file": error.file, "line": error.line, "column": error.column, "message": error.message],
                 text: error.description)
        case .removed(let id):
            emit(["event": "removed", "id": id], text: "removed \(id)")
        case .relocated(let old, let record):
            emit(["event": "renamed", "from": old, "id": record.id, "source": record.source],
                 text: "renamed \(old) → \(record.id) (\(record.source)), not generated again")
        case .planned, .started, .step:
            break
        }
    }

    func summary(_ summary: BuildSummary) {
        emit(["event": "build", "built": summary.built, "skipped": summary.skipped, "removed": summary.removed, "relocated": summary.relocated,
              "cancelled": summary.cancelled, "errors": summary.errors.count, "images": summary.images, "seconds": summary.seconds],
             text: String(format: "build: %d built, %d up to date, %d removed, %d errors, %d postponed in %.3f s",
                          summary.built, summary.skipped, summary.removed, summary.errors.count, summary.cancelled, summary.seconds))
    }

    private func emit(_ object: [String: Any], text: String) {
        var line = text
        var stream = FileHandle.standardError
        if json, let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) {
            line = String(decoding: data, as: UTF8.self)
            stream = FileHandle.standardOutput
        }
        lock.lock()
        stream.write(Data((line + "\n").utf8))
        lock.unlock()
    }
}
