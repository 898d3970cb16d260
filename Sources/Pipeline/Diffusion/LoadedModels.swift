import Diffusion
import Foundation

/// Checkpoints loaded in this process, by folder. Loading takes seconds and gigabytes, so
/// every prompt of a build that names the same model shares one copy; and since one run
/// already keeps both cores busy, runs take turns instead of doubling the memory.
enum LoadedModels {
    private static let turn = NSLock()
    /// Only the latest checkpoint is kept: a site rarely alternates, and each may take gigabytes.
    nonisolated(unsafe) private static var latest: (path: String, pipeline: StableDiffusionPipeline)?

    /// Runs `body` with the checkpoint at `folder`, one run at a time.
    static func with<T>(_ folder: URL, _ body: (StableDiffusionPipeline) throws -> T) throws -> T {
        turn.lock()
        defer { turn.unlock() }
        let path = folder.standardizedFileURL.path
        if let latest, latest.path == path { return try body(latest.pipeline) }
        latest = nil
        let pipeline = try StableDiffusionPipeline.load(from: folder)
        latest = (path, pipeline)
        return try body(pipeline)
    }
}
