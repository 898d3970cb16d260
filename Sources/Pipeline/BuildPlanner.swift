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
    /// `cache` (kept by `watch` between builds) skips files unchanged since the last plan.
    public static func plan(_ site: Site, cache: PlanCache? = nil) throws -> BuildPlan {
        let configURL = site.root.appendingPathComponent(SiteConfig.fileName)
        cache?.noteConfig(FileStamp(path: configURL.path))
        let config = try SiteConfig.load(siteRoot: site.root)
        var jobs: [ImageJob] = []
        var errors: [PromptFileError] = []
        var usedIDs: Set<String> = []
        let files = PromptScanner.scan(site)
        cache?.keep(only: Set(files.map(\.path)))
        for file in files {
            if let problem = file.problem {
                errors.append(problem)
                continue
            }
            switch jobsOf(file, config: config, site: site, cache: cache) {
            case .failure(let error):
                errors.append(error)
            case .success(let fileJobs):
                for var job in fileJobs {
                    // Two files that slug alike (a.md, a.yaml) keep apart by their extension.
                    if usedIDs.contains(job.id) { job.id += "-" + ImageID.slug((job.spec.source as NSString).pathExtension) }
                    usedIDs.insert(job.id)
                    jobs.append(job)
                }
            }
        }
        return BuildPlan(config: config, jobs: jobs, errors: errors, fileCount: files.count)
    }

    private static func jobsOf(_ file: ScannedFile, config: SiteConfig, site: Site, cache: PlanCache?) -> Result<[ImageJob], PromptFileError> {
        let stamp = FileStamp(path: file.url.path)
        if let stamp, let known = cache?.outcome(for: file.path, stamp: stamp) { return known }
        let outcome: Result<[ImageJob], PromptFileError>
        do {
            let data = try Data(contentsOf: file.url)
            let specs = try PromptFileParser.parse(data, file: file.path, config: config)
            outcome = .success(try specs.flatMap { spec in
                let model = spec.diffusion.map { modelFolder($0.model, site: site) }
                let generator: any ImageGenerator
                do {
                    generator = try Generators.generator(for: spec, model: model)
                } catch {
                    throw PromptFileError(file: file.path, line: spec.line, column: 1, message: "\(error)")
                }
                return spec.seeds.map {
                    ImageJob(spec: spec, seed: $0, id: ImageID.make(for: spec, seed: $0), generatorVersion: generator.version, modelFolder: model)
                }
            })
        } catch let error as PromptFileError {
            outcome = .failure(error)
        } catch {
            outcome = .failure(PromptFileError(file: file.path, line: 0, column: 0, message: "cannot read: \(error.localizedDescription)"))
        }
        if let stamp { cache?.store(outcome, for: file.path, stamp: stamp) }
        return outcome
    }

    /// `diffusion.model` as written: relative to the site root unless absolute.
    static func modelFolder(_ path: String, site: Site) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path, isDirectory: true)
            : site.root.appendingPathComponent(path, isDirectory: true).standardizedFileURL
    }
}
