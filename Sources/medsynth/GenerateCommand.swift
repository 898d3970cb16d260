import ArgumentParser
import Foundation
import Pipeline
import Prompting

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate one image with its masks and meta.json from a prompt text; no site needed.",
        discussion: """
        Writes <out>/image.png (16-bit grayscale), <out>/preview.jpg, <out>/thumb.jpg,
        <out>/masks/<finding>.png and <out>/meta.json.

        Example:
          medsynth generate "PA chest radiograph, moderate right pleural effusion" --seed 7 --size 1024 --out effusion
        """)

    @Argument(help: "The prompt text, in radiology language.")
    var text: String

    @Option(help: "Seed (0…4294967295); it fixes the patient.")
    var seed: UInt32 = 0

    @Option(help: ArgumentHelp("Size in pixels: 1024 or WIDTHxHEIGHT (64…16384 per side).", valueName: "size"))
    var size: String = "1024"

    @Option(help: ArgumentHelp("Output folder.", valueName: "dir"))
    var out: String

    func run() throws {
        let size = try parseSize(size)
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= PromptLimits.maxPromptCharacters else {
            throw ValidationError("the prompt text must have 1…\(PromptLimits.maxPromptCharacters) characters")
        }
        let spec = PromptSpec(source: "command line", text: text, seeds: [seed], size: size)
        let job = ImageJob(spec: spec, seed: seed, id: "generated", generatorVersion: PhantomImageGenerator().version)
        let output = URL(fileURLWithPath: out, isDirectory: true)
        let record = try BuildEngine.make(job, output: output, folder: "")
        for file in record.files { print(output.appendingPathComponent(file.path).path) }
        Log.info(String(format: "generated in %.2f s, exported in %.2f s", record.timings.generate, record.timings.export))
    }

    private func parseSize(_ raw: String) throws -> ImageSize {
        let parts = raw.lowercased().replacingOccurrences(of: "×", with: "x").split(separator: "x").compactMap { Int($0) }
        let range = ImageSize.allowedSides
        guard (parts.count == 1 || parts.count == 2), parts.allSatisfy(range.contains) else {
            throw ValidationError("--size must be N or WIDTHxHEIGHT with \(range.lowerBound)…\(range.upperBound) pixels per side, got '\(raw)'")
        }
        return ImageSize(width: parts[0], height: parts.last!)
    }
}
