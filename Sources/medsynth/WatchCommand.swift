import ArgumentParser
import Foundation
import Pipeline
import Prompting
import Server
import Watch

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Build the site, then rebuild what changed whenever prompt files, medsynth.yaml or templates change.",
        discussion: """
        Watches prompts/ (with every subfolder, new ones included), medsynth.yaml and
        templates/. Changes are batched once files have been quiet for 100 ms (20 ms for files
        renamed into place, which are already whole); invalid prompt files show as error cards
        and log lines until they are fixed. A build that is running
        when more changes arrive stops starting images and is followed by a new one. SIGINT and
        SIGTERM finish the images being written and exit 0; after a crash or kill -9, the next
        start completes the interrupted work. With --serve it also serves the gallery, as
        `medsynth serve` does, and open pages reload after every build.

        Examples:
          medsynth watch --site my-site
          medsynth watch --site my-site --serve --port 8000
          medsynth watch --json >> watch.log
        """)

    @OptionGroup var siteOptions: SiteOptions

    @Option(help: ArgumentHelp("Images made at once (default: number of cores).", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Log one JSON object per line instead of text.")
    var json = false

    @Flag(help: "Also serve the gallery over HTTP, with pages that reload after every build.")
    var serve = false

    @Option(help: "Port for --serve (0 picks a free one).")
    var port: Int = 8000

    @Option(help: "Address for --serve; 127.0.0.1 keeps the gallery private to this machine.")
    var host: String = "127.0.0.1"

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0…65535") }
    }

    func run() throws {
        let site = Site(root: siteOptions.siteURL, output: siteOptions.outputURL)
        let log = WatchLog(json: json)
        let stop = CancellationFlag()
        let signals = SignalWatch(on: [SIGINT, SIGTERM]) { signal in
            log.note("received signal \(signal), finishing the images being written")
            stop.set()
        }
        defer { signals.cancel() }

        // Watch before the first build, so nothing saved during it is missed.
        let watcher = FileWatcher(recursive: [site.prompts, site.templates], shallow: [site.root])
        try watcher.start()
        defer { watcher.stop() }
        let batcher = ChangeBatcher()
        let relevant = RelevantPaths(site: site)
        Thread.detachNewThread {
            let pump = DispatchSemaphore(value: 0)
            Task {
                for await event in watcher.events where relevant.matches(event) { batcher.add(event) }
                pump.signal()
            }
            pump.wait()
        }

        if serve {
            let server = GalleryServer(output: site.output, host: host, port: port)
            Task.detached {
                do { try await server.run { log.note($0) } } catch { log.note("serve failed: \(error)") }
            }
        }

        let cache = PlanCache(), gallery = GalleryCache()
        var pendingBatch: ChangeBatcher.Batch? = ChangeBatcher.Batch(paths: [], rescanReasons: ["start"])
        log.note("watching \(site.prompts.path), \(site.templates.path) and \(SiteConfig.fileName); output in \(site.output.path)")
        while !stop.isSet {
            // Short waits keep a signal's stop prompt.
            if pendingBatch == nil { pendingBatch = batcher.waitForBatch(timeout: 0.2) }
            guard let batch = pendingBatch else { continue }
            pendingBatch = nil
            log.batch(batch)
            let thisBuild = CancellationFlag()
            let engine = BuildEngine(site: site, options: BuildOptions(jobs: jobs, cancellation: thisBuild, cache: cache, gallery: gallery))
            let outcome = BuildOutcome()
            let finished = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                outcome.result = Result { try engine.build(observer: log.handle) }
                finished.signal()
            }
            // Newer changes or a signal stop the build from starting more images.
            while finished.wait(timeout: .now() + .milliseconds(20)) == .timedOut {
                if stop.isSet || batcher.isSettled() { thisBuild.set() }
            }
            switch outcome.result {
            case .success(let summary)?: log.summary(summary)
            case .failure(let error)?: log.note("build failed: \(error)")
            case nil: break
            }
        }
        log.note("stopped")
    }
}

/// Paths whose changes matter: prompt files, the site config, the theme.
struct RelevantPaths: Sendable {
    let prompts: String
    let templates: String
    let config: String

    init(site: Site) {
        prompts = site.prompts.path
        templates = site.templates.path
        config = site.root.appendingPathComponent(SiteConfig.fileName).path
    }

    func matches(_ event: WatchEvent) -> Bool {
        guard case .changed(let path, _) = event else { return true }
        return path == config || path == prompts || path.hasPrefix(prompts + "/") || path == templates || path.hasPrefix(templates + "/")
    }
}

private final class BuildOutcome: @unchecked Sendable {
    var result: Result<BuildSummary, Error>?
}

/// Calls `handler` on SIGINT/SIGTERM instead of dying, so in-flight images can finish.
final class SignalWatch {
    private var sources: [DispatchSourceSignal] = []

    init(on signals: [Int32], handler: @escaping @Sendable (Int32) -> Void) {
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { handler(number) }
            source.resume()
            sources.append(source)
        }
    }

    func cancel() { sources.forEach { $0.cancel() } }
}
