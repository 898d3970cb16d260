import Foundation

/// Keeps a build from touching anything but its own output folder.
enum OutputGuard {
    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    /// Creates the output folder, or refuses one that would put user files at risk: the site
    /// itself, its prompts, or an existing non-empty folder that medsynth did not make.
    static func prepare(_ site: Site) throws {
        let output = site.output.resolvingSymlinksInPath().path
        let root = site.root.resolvingSymlinksInPath().path
        let prompts = site.prompts.resolvingSymlinksInPath().path
        if output == root || root.hasPrefix(output + "/") || output == "/" {
            throw Refusal(description: "the output folder \(output) contains the site; choose a folder inside or beside it, such as \(root)/output")
        }
        if output == prompts || output.hasPrefix(prompts + "/") || prompts.hasPrefix(output + "/") {
            throw Refusal(description: "the output folder \(output) overlaps prompts/; choose another folder")
        }
        let manager = FileManager.default
        if let contents = try? manager.contentsOfDirectory(atPath: output) {
            let ours = contents.contains(marker) || contents.contains(Manifest.fileName) || contents.allSatisfy { $0 == "README.md" || $0.hasPrefix(".") }
            guard ours else {
                throw Refusal(description: "the output folder \(output) already holds files that medsynth did not make; choose an empty or new folder")
            }
        }
        try manager.createDirectory(atPath: output, withIntermediateDirectories: true)
        let markerPath = (output as NSString).appendingPathComponent(marker)
        if !manager.fileExists(atPath: markerPath) {
            try AtomicFile.write(Data("This folder is written by medsynth build; its contents are regenerated.\n".utf8), to: URL(fileURLWithPath: markerPath))
        }
    }

    /// Marks a folder as medsynth's, so a crash before the first manifest doesn't lock it.
    static let marker = ".medsynth-output"
}
