import SynthNumerics

/// Hands a model under construction the tensors it asks for, checking each name and shape,
/// and afterwards reports everything wrong at once: missing tensors, wrong shapes, and
/// tensors the model never asked for (a checkpoint for a different architecture).
///
/// Not thread-safe; a model is built on one thread.
public final class WeightReader {
    /// The folder being read.
    public let folder: ComponentFolder
    private let ignoredPrefixes: [String]
    private var used: Set<String> = []
    private var problems: [String] = []

    /// A reader over `folder`. Tensors under `ignoredPrefixes` may be present without being
    /// used (the VAE encoder when only decoding; transformers' `position_ids` buffer).
    public init(_ folder: ComponentFolder, ignoring ignoredPrefixes: [String] = []) {
        self.folder = folder
        self.ignoredPrefixes = ignoredPrefixes
    }

    /// Whether the weights contain `name` (to choose between naming schemes).
    public func contains(_ name: String) -> Bool { folder.entry(name) != nil }

    /// The tensor `name`, which must have `shape`. A missing or misshaped tensor is recorded
    /// (reported by `finish`) and zeros of `shape` stand in so construction can go on.
    public func tensor(_ name: String, shape: [Int]) -> Tensor {
        used.insert(name)
        guard let entry = folder.entry(name) else {
            problems.append("\(folder.weightsLabel): tensor '\(name)' is missing")
            return Tensor(zeros: shape)
        }
        guard entry.shape == shape else {
            problems.append("\(folder.label(of: name)): tensor '\(name)' has shape \(entry.shape), expected \(shape)")
            return Tensor(zeros: shape)
        }
        do {
            return try folder.tensor(name)
        } catch {
            problems.append("\(error)")
            return Tensor(zeros: shape)
        }
    }

    /// A view that prefixes every name with `prefix` + ".".
    public func scope(_ prefix: String) -> WeightScope { WeightScope(reader: self, prefix: prefix) }

    /// Throws a `WeightLoadingError` if any tensor was missing or misshaped, or if the weights
    /// hold tensors the model did not use.
    public func finish(model: String) throws {
        var all = problems
        for name in folder.tensorNames where !used.contains(name) && !ignoredPrefixes.contains(where: name.hasPrefix) {
            all.append("\(folder.label(of: name)): unexpected tensor '\(name)' (not part of \(model))")
        }
        if !all.isEmpty { throw WeightLoadingError(problems: all) }
    }
}

/// A name prefix over a `WeightReader`, mirroring PyTorch's module nesting: the scope
/// `down_blocks.0` asks for `resnets.0.norm1.weight` as `down_blocks.0.resnets.0.norm1.weight`.
public struct WeightScope {
    /// The reader tensors come from.
    public let reader: WeightReader
    /// Dotted prefix ("" at the root).
    public let prefix: String

    /// The full tensor name of `name` in this scope.
    public func path(_ name: String) -> String { prefix.isEmpty ? name : "\(prefix).\(name)" }

    /// A nested scope.
    public func scope(_ name: String) -> WeightScope { WeightScope(reader: reader, prefix: path(name)) }

    /// A nested scope for element `index` of a module list.
    public func scope(_ name: String, _ index: Int) -> WeightScope { scope("\(name).\(index)") }

    /// The tensor `name` in this scope, which must have `shape`.
    public func tensor(_ name: String, _ shape: [Int]) -> Tensor { reader.tensor(path(name), shape: shape) }

    /// Whether the weights contain `name` in this scope.
    public func contains(_ name: String) -> Bool { reader.contains(path(name)) }
}
