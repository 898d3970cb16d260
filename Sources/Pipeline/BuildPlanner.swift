import Foundation
import Prompting

/// The jobs and errors of a site as its prompt files stand now.
public struct BuildPlan: Sendable {
    public var config: SiteConfig
    public var jobs: [ImageJob]
    public var errors: [PromptFileError]
    /// Number of prompt files read (valid or not).
    public var fileCount: Int
}

/// Reads every prompt file and expands prompts × seeds into jobs with stable ids.
public enum BuildPlanner {
    public static func plan(_ site: Site) throws -> BuildPlan {
        let config = try SiteConfig.load(siteRoot: site.root)
        var jobs: [ImageJob] = []
        var errors: [PromptFileError] = []
        var usedIDs: Set<String> = []
        let files = PromptScanner.scan(site)
        for file in files {
            if let problem = file.problem {
                errors.append(problem)
                continue
            }
            do {
                let data = try Data(contentsOf: file.url)
                let specs = try PromptFileParser.parse(data, file: file.path, config: config)
                for spec in specs {
                    let generator = Generators.generator(for: spec.generator)
                    for seed in spec.seeds {
                        var id = ImageID.make(for: spec, seed: seed)
                        // Two files that slug alike (a.md, a.yaml) keep apart by their extension.
                        if usedIDs.contains(id) { id += "-" + ImageID.slug((spec.source as NSString).pathExtension) }
                        usedIDs.insert(id)
                        jobs.append(ImageJob(spec: spec, seed: seed, id: id, generatorVersion: generator.version))
                    }
                }
            } catch let error as PromptFileError {
                errors.append(error)
            } catch {
                errors.append(PromptFileError(file: file.path, line: 0, column: 0, message: "cannot read: \(error.localizedDescription)"))
            }
        }
        return BuildPlan(config: config, jobs: jobs, errors: errors, fileCount: files.count)
    }
}
