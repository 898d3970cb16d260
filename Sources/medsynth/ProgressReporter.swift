import Foundation
import Pipeline

/// Shows build progress: a progress bar (done/total, current file, ETA) on a terminal,
/// plain log lines otherwise. Events arrive from several worker threads.
final class ProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private let quiet: Bool
    private let bar = Log.isTerminal
    private var total = 0
    private var done = 0
    private var started = Date()
    private var current = ""

    init(quiet: Bool) { self.quiet = quiet }

    func handle(_ event: BuildEvent) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .planned(let files, let images, let toBuild):
            total = toBuild
            started = Date()
            line("\(files) prompt files, \(images) images, \(toBuild) to build")
        case .invalid(let error):
            line(error.description)
        case .started(let job):
            current = job.id
            if !bar { line("building \(job.id) (\(job.spec.source))") }
        case .step(let job, let step, let steps):
            current = "\(job.id) step \(step)/\(steps)"
            if !bar && (step == steps || step % 10 == 0) { line("\(job.id): denoising step \(step)/\(steps)") }
        case .built(let record):
            done += 1
            if !bar { line(String(format: "built %@ in %.2f s", record.id, record.timings.generate + record.timings.export)) }
        case .failed(_, let error):
            done += 1
            line(error.description)
        case .removed(let id):
            line("removed \(id)")
        case .relocated(let old, let record):
            line("renamed \(old) → \(record.id) (\(record.source)), not generated again")
        }
        drawBar()
    }

    /// Clears the bar so the summary starts on a clean line.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if bar && total > 0 && !quiet { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }

    private func line(_ text: String) {
        guard !quiet || text.contains("error") else { return }
        let prefix = bar ? "\r\u{1B}[2K" : ""
        FileHandle.standardError.write(Data((prefix + text + "\n").utf8))
    }

    /// `[#####.....]`: `done` of `total` as a bar `width` characters wide.
    static func barText(_ done: Int, of total: Int, width: Int = 24) -> String {
        let filled = width * min(done, total) / max(total, 1)
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
    }

    private func drawBar() {
        guard bar, !quiet, total > 0 else { return }
        let elapsed = Date().timeIntervalSince(started)
        let eta = done > 0 ? String(format: "ETA %.0f s", elapsed / Double(done) * Double(total - done)) : "ETA …"
        let text = "\(Self.barText(done, of: total)) \(done)/\(total)  \(current)  \(eta)"
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text).utf8))
    }
}
