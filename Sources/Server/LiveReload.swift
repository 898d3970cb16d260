import Foundation
import Hummingbird
import ServiceLifecycle

/// Server-sent events that tell open pages to reload after a rebuild.
enum LiveReload {
    /// The snippet added before `</body>` of served HTML pages.
    static let snippet = """
        <script>/* medsynth serve: reload after each rebuild */
        (function () { var s = new EventSource("\(GalleryServer.eventsPath)");
          s.addEventListener("rebuilt", function () { location.reload(); }); })();
        </script>
        """

    /// A stream that sends `rebuilt` whenever the build stamp changes (checked every 250 ms).
    /// It ends when the server shuts down, which otherwise waits for every open page, and a
    /// comment every few seconds ends it for pages that have gone away.
    static func events(from stamp: BuildStamp) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-store"
        let body = ResponseBody { writer in
            var last = stamp.current
            try await writer.write(ByteBuffer(string: "retry: 1000\n: connected\n\n"))
            var ticks = 0
            while !Task.isCancelled && !Task.isShuttingDownGracefully {
                try await Task.sleep(for: .milliseconds(250))
                ticks += 1
                let now = stamp.current
                if now != last {
                    last = now
                    try await writer.write(ByteBuffer(string: "event: rebuilt\ndata: \(now)\n\n"))
                } else if ticks % 20 == 0 {
                    try await writer.write(ByteBuffer(string: ": alive\n\n"))
                }
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }
}

/// Serves HTML pages with the live-reload snippet; everything else falls through to the
/// file middleware. Paths are resolved inside the output folder only.
struct ReloadingPages<Context: RequestContext>: RouterMiddleware {
    let root: URL

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head, let file = Self.page(for: request.uri.path, in: root) else {
            return try await next(request, context)
        }
        guard let data = FileManager.default.contents(atPath: file.path) else { return try await next(request, context) }
        var html = String(decoding: data, as: UTF8.self)
        if let end = html.range(of: "</body>", options: .backwards) {
            html.insert(contentsOf: LiveReload.snippet, at: end.lowerBound)
        } else {
            html += LiveReload.snippet
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// The HTML file a URL path names (`/` → `index.html`), or nil when it is not a page or
    /// would leave the output folder.
    static func page(for path: String, in root: URL) -> URL? {
        let decoded = path.removingPercentEncoding ?? path
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.contains(where: { $0 == ".." || $0 == "." || $0.contains("\0") }) else { return nil }
        var file = parts.reduce(root) { $0.appendingPathComponent(String($1)) }
        if decoded.hasSuffix("/") || parts.isEmpty { file = file.appendingPathComponent("index.html") }
        guard file.pathExtension == "html" else { return nil }
        let resolved = file.resolvingSymlinksInPath().path
        let base = root.resolvingSymlinksInPath().path
        guard resolved.hasPrefix(base + "/") else { return nil }
        return file
    }
}
