import ArgumentParser
import Foundation
import Prompting

/// Exit statuses: 0 success, 1 when any prompt file was invalid or any image failed
/// (the others are still built), 2 on usage or system errors.
enum ExitStatus {
    static let invalidInput: Int32 = 1
    static let usageOrSystem: Int32 = 2
}

/// Thrown by commands that finished their work but found invalid prompt files.
struct InvalidInput: Error {}

@main
struct MedSynth: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "medsynth",
        abstract: "Generate labelled synthetic chest radiographs and a browsable gallery from prompt files.",
        discussion: """
        A site is a folder with prompts/ (prompt files), an optional medsynth.yaml and an
        optional templates/ folder; `medsynth build` turns it into output/.

        Example:
          medsynth new my-site && cd my-site && medsynth build
        """,
        subcommands: [BuildCommand.self, WatchCommand.self, ServeCommand.self, GenerateCommand.self, ValidateCommand.self, ExplainCommand.self,
                      NewCommand.self, VersionCommand.self])

    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch is InvalidInput {
            Foundation.exit(ExitStatus.invalidInput)
        } catch let error as PromptFileError {
            // An invalid medsynth.yaml: bad input, located like any prompt-file error.
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            Foundation.exit(ExitStatus.invalidInput)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)  // --help and --version print and exit 0.
            }
            FileHandle.standardError.write(Data("medsynth: \(fullMessage(for: error))\n".utf8))
            if error is ValidationError || code == .validationFailure {
                FileHandle.standardError.write(Data("Run 'medsynth help' for usage.\n".utf8))
            }
            Foundation.exit(ExitStatus.usageOrSystem)
        }
    }
}

/// Options every site command takes.
struct SiteOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The site folder (holds prompts/ and medsynth.yaml).", valueName: "dir"))
    var site: String = "."

    @Option(help: ArgumentHelp("Where to write the gallery (default: <site>/output).", valueName: "dir"))
    var output: String?

    var siteURL: URL { URL(fileURLWithPath: site, isDirectory: true) }
    var outputURL: URL? { output.map { URL(fileURLWithPath: $0, isDirectory: true) } }

    func validate() throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: site, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("site folder '\(site)' does not exist")
        }
    }
}
