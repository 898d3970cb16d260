import Foundation
import Prompting

/// How a build runs.
public struct BuildOptions: Sendable {
    /// Images made at once.
    public var jobs: Int
    /// Remake every image even when its outputs are up to date.
    public var force: Bool
    /// Set to stop starting new images (SIGTERM, a newer change); images already being made
    /// are finished, the rest are left for the next build.
    public var cancellation: CancellationFlag?
    /// Parsed prompt files kept between builds (`watch`).
    public var cache: PlanCache?
    /// The manifest, cards and manifest entries kept between builds (`watch`).
    public var gallery: GalleryCache?

    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, force: Bool = false,
                cancellation: CancellationFlag? = nil, cache: PlanCache? = nil, gallery: GalleryCache? = nil) {
        self.jobs = max(1, jobs)
        self.force = force
        self.cancellation = cancellation
        self.cache = cache
        self.gallery = gallery
    }
}

/// Progress of a build, for progress bars and logs.
public enum BuildEvent: Sendable {
    case planned(files: Int, images: Int, toBuild: Int)
    case invalid(PromptFileError)
    case started(ImageJob)
    /// A generator that works in steps (diffusion) finished step `done` of `total`.
    case step(ImageJob, done: Int, total: Int)
    case built(ImageRecord)
    case failed(ImageJob, PromptFileError)
    case removed(id: String)
    /// A renamed prompt file's image moved to its new id without being generated again.
    case relocated(from: String, to: ImageRecord)
}

/// What a build did; `medsynth build --json` prints it.
public struct BuildSummary: Codable, Sendable {
    public var files: Int
    public var images: Int
    public var built: Int
    public var skipped: Int
    /// Images of renamed prompt files moved to their new ids instead of being generated.
    public var relocated: Int
    /// Images not started because the build was cancelled.
    public var cancelled: Int
    public var removed: Int
    public var errors: [PromptFileError]
    public var seconds: Double
    public var output: String
    public var succeeded: Bool { errors.isEmpty }
}

/// The one build engine behind `build` (and later `watch`): plans jobs from the prompt
/// files, skips those whose outputs are complete, makes the rest on a bounded pool, removes
/// what no prompt asks for any more, and writes the manifest, labels and gallery.
public struct BuildEngine: Sendable {
    public let site: Site
    public let options: BuildOptions

    public init(site: Site, options: BuildOptions = BuildOptions()) {
        self.site = site
        self.options = options
    }

    public func build(observer: @escaping @Sendable (BuildEvent) -> Void = { _ in }) throws -> BuildSummary {
        let started = DispatchTime.now()
        try OutputGuard.prepare(site)
        AtomicFile.sweepLeftovers(under: site.output)
        let plan = try BuildPlanner.plan(site, cache: options.cache)
        let previous = Manifest.load(from: site.output, cache: options.gallery)
        let previousByID = Dictionary((previous?.images ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        var records: [String: ImageRecord] = [:]
        var pending: [ImageJob] = []
        var relocated = 0
        for job in plan.jobs {
            if !options.force, var record = previousByID[job.id], isComplete(record, for: job) {
                record.title = job.spec.title
                record.tags = job.spec.tags
                records[job.id] = record
            } else {
                pending.append(job)
            }
        }
        // Renamed prompt files: take over the images of ids that are going away.
        let plannedIDs = Set(plan.jobs.map(\.id))
        var orphans = Dictionary(grouping: (previous?.images ?? []).filter { !plannedIDs.contains($0.id) }, by: \.contentHash)
        let relocator = ImageRelocator(output: site.output)
        pending = pending.filter { job in
            guard !options.force, let old = ImageRelocator.candidate(for: job, among: &orphans),
                  let generator = try? Generators.generator(for: job),
                  let moved = try? relocator.relocate(old, to: job, generator: generator) else { return true }
            records[job.id] = moved
            relocated += 1
            observer(.relocated(from: old.id, to: moved))
            return false
        }
        observer(.planned(files: plan.fileCount, images: plan.jobs.count, toBuild: pending.count))
        plan.errors.forEach { observer(.invalid($0)) }

        let cancellation = options.cancellation
        let results = JobRunner(width: options.jobs).run(pending) { job -> Result<ImageRecord, PromptFileError>? in
            if cancellation?.isSet == true { return nil }
            observer(.started(job))
            do {
                let record = try make(job) { done, total in observer(.step(job, done: done, total: total)) }
                observer(.built(record))
                return .success(record)
            } catch {
                let failure = PromptFileError(file: job.spec.source, line: job.spec.line, column: 1,
                                              message: "image \(job.id) failed: \(error)")
                observer(.failed(job, failure))
                return .failure(failure)
            }
        }
        var errors = plan.errors
        var built = 0
        for result in results {
            switch result {
            case nil: break  // Cancelled before it started: the next build makes it.
            case .success(let record)?:
                records[record.id] = record
                built += 1
            case .failure(let failure)?: errors.append(failure)
            }
        }

        let removed = removeStaleImages(keeping: Set(plan.jobs.map(\.id)))
        removed.forEach { observer(.removed(id: $0)) }
        let manifest = Manifest(title: plan.config.title,
                                images: records.values.sorted { $0.id < $1.id },
                                errors: errors.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) })
        try SiteWriter(site: site, cache: options.gallery).write(manifest, previous: previous)
        return BuildSummary(files: plan.fileCount, images: manifest.images.count, built: built,
                            skipped: plan.jobs.count - pending.count - relocated, relocated: relocated, cancelled: results.filter { $0 == nil }.count, removed: removed.count, errors: manifest.errors,
                            seconds: Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9,
                            output: site.output.path)
    }

    /// Generates and exports one job into `output/images/<id>/`.
    func make(_ job: ImageJob, progress: (Int, Int) -> Void) throws -> ImageRecord {
        try Self.make(job, output: site.output, folder: "images/\(job.id)", progress: progress)
    }

    /// Generates and exports one job into `folder` (relative to `output`); `generate` uses
    /// this directly, so one-off images and site builds share every step.
    public static func make(_ job: ImageJob, output: URL, folder: String,
                            progress: (Int, Int) -> Void = { _, _ in }) throws -> ImageRecord {
        let generator = try Generators.generator(for: job)
        let started = DispatchTime.now()
        let generated = try generator.generate(job, progress: progress)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return try ImageExporter.export(generated, job: job, generator: generator, output: output, folder: folder, generateSeconds: seconds)
    }

    /// Up to date: same content hash and every recorded file still there at its recorded size.
    private func isComplete(_ record: ImageRecord, for job: ImageJob) -> Bool {
        guard record.contentHash == job.contentHash else { return false }
        let root = site.output.path + "/"
        return record.files.allSatisfy { file in
            var info = stat()
            guard stat(root + file.path, &info) == 0 else { return false }
            // Folders (the tile pyramid) are entered whole; their presence is what counts.
            return (info.st_mode & S_IFMT) == S_IFDIR || Int(info.st_size) == file.bytes
        }
    }

    /// Deletes image folders no prompt asks for any more (removed files, seeds, documents).
    private func removeStaleImages(keeping ids: Set<String>) -> [String] {
        let images = site.output.appendingPathComponent("images")
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: images.path)) ?? []
        var removed: [String] = []
        for name in existing.sorted() where !ids.contains(name) {
            if (try? FileManager.default.removeItem(at: images.appendingPathComponent(name))) != nil { removed.append(name) }
        }
        return removed
    }
}

/// A thread-safe flag to stop a build from starting more images.
public final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    public init() {}

    public var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    public func set() {
        lock.lock()
        value = true
        lock.unlock()
    }
}
