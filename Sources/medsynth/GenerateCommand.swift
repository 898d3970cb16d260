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
        <out>/tiles/, <out>/image.tif, <out>/image.dcm, <out>/masks/<finding>.png (phantom
        only) and <out>/meta.json.

        Examples:
          medsynth generate "PA chest radiograph, moderate right pleural effusion" --seed 7 --size 1024 --out effusion
          medsynth generate "chest x-ray, cardiomegaly" --generator diffusion --model models/roentgen \\
              --steps 25 --guidance 7.5 --scheduler dpm++2m-karras --size 512 --out diffused
        """)

    @Argument(help: "The prompt text, in radiology language.")
    var text: String

    @Option(help: "Seed (0…4294967295); it fixes the patient.")
    var seed: UInt32 = 0

    @Option(help: ArgumentHelp("Size in pixels: 1024 or WIDTHxHEIGHT (64…16384 per side).", valueName: "size"))
    var size: String = "1024"

    @Option(help: ArgumentHelp("Output folder.", valueName: "dir"))
    var out: String

    @Option(help: "phantom (built in) or diffusion (needs --model).")
    var generator: GeneratorKind = .phantom

    @Option(help: ArgumentHelp("Diffusers-format checkpoint folder, for --generator diffusion.", valueName: "dir"))
    var model: String?

    @Option(help: "Denoising steps (diffusion).")
    var steps: Int = DiffusionOptions.defaultSteps

    @Option(help: "Classifier-free guidance scale; 1 turns it off (diffusion).")
    var guidance: Double = DiffusionOptions.defaultGuidance

    @Option(help: ArgumentHelp("ddim, euler, euler-ancestral, dpm++2m or dpm++2m-karras; default: the checkpoint's own (diffusion).", valueName: "name"))
    var scheduler: String?

    @Option(help: ArgumentHelp("Negative prompt (diffusion).", valueName: "text"))
    var negative: String = ""

    func validate() throws {
        if generator == .diffusion && model == nil { throw ValidationError("--generator diffusion needs --model DIR") }
        if generator == .phantom && model != nil { throw ValidationError("--model is for --generator diffusion") }
        guard (1...1000).contains(steps) else { throw ValidationError("--steps must be 1…1000") }
        guard (0...50).contains(guidance) else { throw ValidationError("--guidance must be 0…50") }
        if let scheduler, !DiffusionOptions.schedulerNames.contains(scheduler) {
            throw ValidationError("--scheduler must be one of \(DiffusionOptions.schedulerNames.joined(separator: ", "))")
        }
    }

    func run() throws {
        let size = try parseSize(size)
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= PromptLimits.maxPromptCharacters else {
            throw ValidationError("the prompt text must have 1…\(PromptLimits.maxPromptCharacters) characters")
        }
        var spec = PromptSpec(source: "command line", text: text, seeds: [seed], size: size, generator: generator)
        if generator == .diffusion, let model {
            guard size.width % DiffusionOptions.sizeMultiple == 0, size.height % DiffusionOptions.sizeMultiple == 0 else {
                throw ValidationError("--size must be a multiple of \(DiffusionOptions.sizeMultiple) for the diffusion generator")
            }
            spec.diffusion = DiffusionOptions(model: model, steps: steps, guidance: guidance, scheduler: scheduler, negative: negative)
        }
        let job = try ImageJob.standalone(spec: spec, seed: seed, id: "generated")
        let output = URL(fileURLWithPath: out, isDirectory: true)
        let progress = StepProgress()
        let record = try BuildEngine.make(job, output: output, folder: "", progress: progress.show)
        progress.finish()
        for file in record.files { print(output.appendingPathComponent(file.path).path) }
        Log.info(String(format: "generated in %.2f s, exported in %.2f s", record.timings.generate, record.timings.export))
    }

    /// Denoising steps as a bar on a terminal, else a line every ten steps.
    final class StepProgress {
        private var shown = false

        func show(_ done: Int, _ total: Int) {
            if Log.isTerminal {
                let bar = ProgressReporter.barText(done, of: total)
                FileHandle.standardError.write(Data("\r\u{1B}[2K\(bar) step \(done)/\(total)".utf8))
                shown = true
            } else if done == total || done % 10 == 0 {
                Log.info("denoising step \(done)/\(total)")
            }
        }

        func finish() {
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        }
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

extension GeneratorKind: ExpressibleByArgument {}
