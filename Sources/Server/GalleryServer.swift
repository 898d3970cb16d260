import Foundation
import Hummingbird

/// `medsynth serve`: the output folder over HTTP, with pages that reload themselves when a
/// build rewrites the gallery. The reload snippet is added to HTML responses only; the files
/// on disk stay exactly what `build` wrote, so the gallery still works from `file://`.
public struct GalleryServer: Sendable {
    public let output: URL
    public let host: String
    public let port: Int

    /// URL path of the server-sent events stream that announces rebuilds.
    static let eventsPath = "/_medsynth/events"

    public init(output: URL, host: String = "127.0.0.1", port: Int = 8000) {
        self.output = output.standardizedFileURL
        self.host = host
        self.port = port
    }

    public func run(onStart: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        let router = Router()
        let watch = BuildStamp(output: output)
        router.get(RouterPath(Self.eventsPath)) { _, _ -> Response in
            LiveReload.events(from: watch)
        }
        router.add(middleware: ReloadingPages(root: output))
        // HTML, JSON and images are rewritten under the same names: revalidate (ETags make it cheap).
        router.add(middleware: FileMiddleware(output.path, cacheControl: CacheControl([(MediaType(type: .any), [.noCache])]),
                                              searchForIndexHtml: true))
        var configuration = ApplicationConfiguration(address: .hostname(host, port: port), serverName: "medsynth")
        configuration.reuseAddress = true
        let app = Application(router: router, configuration: configuration, onServerRunning: { channel in
            onStart("serving \(output.path) at http://\(host):\(channel.localAddress?.port ?? port)/")
        })
        try await app.runService()
    }
}

/// When the gallery was last rebuilt: the build engine rewrites `manifest.json` last.
struct BuildStamp: Sendable {
    let manifest: URL

    init(output: URL) { manifest = output.appendingPathComponent("manifest.json") }

    var current: String {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: manifest.path) else { return "none" }
        let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(date)-\(attributes[.size] as? Int ?? 0)"
    }
}
