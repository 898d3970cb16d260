import Foundation
import Prompting

/// A prompt file found in `prompts/`, or the reason it can't be read.
struct ScannedFile: Sendable {
    /// Path relative to the site root, e.g. `prompts/chest/effusion.yaml`.
    var path: String
    var url: URL
    /// Set when the file must not be read (e.g. a link out of `prompts/`).
    var problem: PromptFileError?
}

/// Finds prompt files under `prompts/` in a stable (sorted) order.
enum PromptScanner {
    /// Names editors and tools leave behind while saving; never prompt files.
    static func isEditorLeftover(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name == "4913"
    }

    static func scan(_ site: Site) -> [ScannedFile] {
        let promptsRoot = site.prompts.resolvingSymlinksInPath().path
        var found: [ScannedFile] = []
        // `resolvedFolder` is where `folder` really is; only links need resolving again.
        func visit(_ folder: URL, resolvedFolder: String, depth: Int) {
            guard depth < 32, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
            for name in names.sorted() where !isEditorLeftover(name) {
                let url = folder.appendingPathComponent(name)
                var info = stat()
                guard lstat(url.path, &info) == 0 else { continue }
                var resolved = resolvedFolder + "/" + name
                var isFolder = (info.st_mode & S_IFMT) == S_IFDIR
                var exists = true
                if (info.st_mode & S_IFMT) == S_IFLNK {
                    resolved = url.resolvingSymlinksInPath().path
                    exists = stat(resolved, &info) == 0
                    isFolder = exists && (info.st_mode & S_IFMT) == S_IFDIR
                }
                let path = site.relativePath(url)
                guard resolved == promptsRoot || resolved.hasPrefix(promptsRoot + "/") else {
                    if PromptFileParser.isPromptFile(name) || isFolder {
                        found.append(ScannedFile(path: path, url: url, problem: PromptFileError(
                            file: path, line: 0, column: 0, message: "symbolic link points outside prompts/ (to \(resolved)); refusing to read it")))
                    }
                    continue
                }
                if !exists {
                    if PromptFileParser.isPromptFile(name) {
                        found.append(ScannedFile(path: path, url: url, problem: PromptFileError(
                            file: path, line: 0, column: 0, message: "broken symbolic link")))
                    }
                } else if isFolder {
                    visit(url, resolvedFolder: resolved, depth: depth + 1)
                } else if PromptFileParser.isPromptFile(name) {
                    found.append(ScannedFile(path: path, url: url, problem: nil))
                }
            }
        }
        visit(site.prompts, resolvedFolder: promptsRoot, depth: 0)
        return found.sorted { $0.path < $1.path }
    }
}
