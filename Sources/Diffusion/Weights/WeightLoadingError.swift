/// A component folder whose weights do not fit the model its config describes, or that cannot be read.
///
/// Lists every problem found, one per line, each naming the file and tensor, e.g.
/// `unet/diffusion_pytorch_model.safetensors: tensor 'conv_in.weight' has shape [32, 4, 3, 3], expected [64, 4, 3, 3]`.
public struct WeightLoadingError: Error, CustomStringConvertible, Equatable {
    /// One line per problem.
    public let problems: [String]

    /// An error with the given problem lines.
    public init(problems: [String]) { self.problems = problems }

    /// An error with one problem line.
    public init(_ problem: String) { self.problems = [problem] }

    /// The problems, capped at 20 lines so a wholly wrong checkpoint stays readable.
    public var description: String {
        let shown = problems.prefix(20).joined(separator: "\n")
        return problems.count > 20 ? shown + "\n… and \(problems.count - 20) more" : shown
    }
}
