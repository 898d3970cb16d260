import ArgumentParser
import Foundation
import Pipeline
import Server

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the gallery over HTTP; open pages reload when a build rewrites it.",
        discussion: """
        Serves <site>/output (or --output) on 127.0.0.1 unless told otherwise. Pages reload
        after every build, whether run by `medsynth watch` or `medsynth build`.

        Examples:
          medsynth serve --site my-site --port 8000
          medsynth watch --site my-site & medsynth serve --site my-site
        """)

    @OptionGroup var siteOptions: SiteOptions

    @Option(help: "Port to listen on (0 picks a free one).")
    var port: Int = 8000

    @Option(help: "Address to bind; 127.0.0.1 keeps the gallery private to this machine.")
    var host: String = "127.0.0.1"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0…65535") }
    }

    func run() async throws {
        let site = Site(root: siteOptions.siteURL, output: siteOptions.outputURL)
        guard FileManager.default.fileExists(atPath: site.output.appendingPathComponent("index.html").path) else {
            throw ValidationError("\(site.output.path) has no gallery yet; run `medsynth build` first")
        }
        try await GalleryServer(output: site.output, host: host, port: port).run { Log.info($0) }
    }
}
