import ArgumentParser
import Foundation
import Pipeline

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the gallery of a site: every prompt × seed into output/.",
        discussion: """
        Images whose prompt, seed, generator and exports are unchanged are not made again;
        images of removed prompt files and seeds are removed. Invalid prompt files are reported
        with file, line and column, shown as error cards in the gallery, and make the exit
        status 1, while every other file is still built.

        Examples:
          medsynth build
          medsynth build --site my-site --jobs 2 --json > summary.json
        """)

    @OptionGroup var siteOptions: SiteOptions

    @Option(help: ArgumentHelp("Images made at once (default: number of cores).", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Remake every image, even those that are up to date.")
    var force = false

    @Flag(help: "Print a machine-readable summary (JSON) on standard output instead of log lines.")
    var json = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let site = Site(root: siteOptions.siteURL, output: siteOptions.outputURL)
        let engine = BuildEngine(site: site, options: BuildOptions(jobs: jobs, force: force))
        let reporter = ProgressReporter(quiet: json)
        let summary = try engine.build(observer: reporter.handle)
        reporter.finish()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(summary), as: UTF8.self))
        } else {
            Log.info("built \(summary.built), up to date \(summary.skipped), renamed \(summary.relocated), removed \(summary.removed), errors \(summary.errors.count) in \(String(format: "%.2f", summary.seconds)) s")
            Log.info("open \(site.output.appendingPathComponent("index.html").path)")
        }
        if !summary.succeeded { throw InvalidInput() }
    }
}
