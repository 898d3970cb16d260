import ArgumentParser
import Foundation
import Pipeline

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the prompt files and site config of a site without generating anything.",
        discussion: """
        Prints one line per problem (file:line:column: error: message) and exits 1 if any.

        Example:
          medsynth validate --site my-site
        """)

    @OptionGroup var siteOptions: SiteOptions

    func run() throws {
        let plan = try BuildPlanner.plan(Site(root: siteOptions.siteURL))
        for error in plan.errors { print(error.description) }
        Log.info("\(plan.fileCount) prompt files, \(plan.jobs.count) images, \(plan.errors.count) errors")
        if !plan.errors.isEmpty { throw InvalidInput() }
    }
}
