import ArgumentParser
import Pipeline
import Phantom

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the versions of medsynth and its generators.",
        discussion: "Example:\n  medsynth version")

    func run() {
        print("medsynth \(MedSynthVersion.string)")
        print("phantom generator \(PhantomGenerator.version)")
    }
}
