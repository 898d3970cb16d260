import Diffusion
import Foundation

/// Checkpoints loaded in this process, by folder. Loading takes seconds and gigabytes, so
/// every prompt of a build that names the same model shares one copy; and since one run
/// already keeps both cores busy, runs take turns instead of doubling the memory.
enum LoadedModels {
    private static let lock = NSLock()
    private static let turn = NSLock()
    nonisolated(unsafe) private static var pipelines: [String: StableDiffusionPipeline] = [:]

    /// Runs `body` with the checkpoint at `folder`, one run at a time.
    static func with<T>(_ folder: URL, _ body: (StableDiffusionPipeline) throws -> T) throws -> T {
        turn.lock()
        defer { turn.unlock() }
        let key = folder.standardizedFileURL.path
        if let pipeline = lock.withLock({ pipelines[key] }) { return try body(pipeline) }
        let pipeline = try StableDiffusionPipeline.load(from: folder)
        lock.withLock {
            // Keep only the latest checkpoint: a site rarely alternates, and each may take gigabytes.
            pipelines = [key: pipeline]
        }
        return try body(pipeline)
    }
}
