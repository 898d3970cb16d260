import ArgumentParser
import Foundation
import Gallery

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new site: medsynth.yaml, example prompt files and the default gallery theme.",
        discussion: """
        Example:
          medsynth new my-site && medsynth build --site my-site
        """)

    @Argument(help: ArgumentHelp("Folder to create (must not exist, or be empty).", valueName: "dir"))
    var folder: String

    func run() throws {
        let root = URL(fileURLWithPath: folder, isDirectory: true)
        let manager = FileManager.default
        if let contents = try? manager.contentsOfDirectory(atPath: root.path), !contents.isEmpty {
            throw ValidationError("'\(folder)' already exists and is not empty; choose a new folder")
        }
        var files = SiteScaffold.files
        for (path, text) in defaultThemeFiles { files["templates/\(path)"] = text }
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let url = root.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        print("created \(root.path)")
        print("next: medsynth build --site \(folder)")
    }
}

/// What `medsynth new` writes besides the theme.
enum SiteScaffold {
    static let files: [String: String] = [
        "medsynth.yaml": """
        # Site configuration. Every key under `defaults` applies to every prompt that doesn't set it.
        title: My synthetic chest radiographs
        defaults:
          size: 512
          outputs: [preview, masks]

        """,
        "prompts/normal.yaml": """
        title: Normal PA chest
        prompt: PA chest radiograph of a 45-year-old woman, no acute cardiopulmonary abnormality
        seeds: [1, 2]

        """,
        "prompts/effusion.md": """
        ---
        title: Right pleural effusion
        tags: [pleural]
        count: 2
        seed: 10
        ---
        PA chest radiograph, moderate right pleural effusion, no pneumothorax.

        """,
    ]
}
