import Foundation
import SynthNumerics

/// One component of a diffusers pipeline on disk (`unet/`, `vae/`, `text_encoder/`): its
/// `config.json` and its safetensors weights, either one file or shards listed in an index.
public struct ComponentFolder: @unchecked Sendable {
    // SafeTensorsFile is immutable and thread-safe; the dictionary and array are values.
    /// The folder.
    public let url: URL
    /// Raw `config.json`.
    public let configData: Data
    /// How the weights are named in messages: `<folder>/<file>` relative to the pipeline.
    public let weightsLabel: String
    let shards: [SafeTensorsFile]
    let shardOfTensor: [String: Int]

    /// Weight files looked for, in order: diffusers' name, transformers' name, then fp16 variants.
    static let singleFileNames = ["diffusion_pytorch_model.safetensors", "model.safetensors",
                                  "diffusion_pytorch_model.fp16.safetensors", "model.fp16.safetensors"]
    static let indexNames = ["diffusion_pytorch_model.safetensors.index.json", "model.safetensors.index.json",
                             "diffusion_pytorch_model.safetensors.index.fp16.json", "model.safetensors.index.fp16.json"]

    /// Opens `url`, reading `config.json` and mapping the weights (single file or shards).
    public init(_ url: URL) throws {
        self.url = url
        let name = url.lastPathComponent
        let fm = FileManager.default
        let configURL = url.appendingPathComponent("config.json")
        guard let config = fm.contents(atPath: configURL.path) else {
            throw WeightLoadingError("\(name)/config.json: file is missing or unreadable")
        }
        configData = config
        if let single = Self.singleFileNames.first(where: { fm.fileExists(atPath: url.appendingPathComponent($0).path) }) {
            let file = try Self.map(url.appendingPathComponent(single), label: "\(name)/\(single)")
            shards = [file]
            shardOfTensor = Dictionary(uniqueKeysWithValues: file.entries.keys.map { ($0, 0) })
            weightsLabel = "\(name)/\(single)"
            return
        }
        guard let index = Self.indexNames.first(where: { fm.fileExists(atPath: url.appendingPathComponent($0).path) }) else {
            throw WeightLoadingError("\(name): no \(Self.singleFileNames[0]) or \(Self.singleFileNames[1]) (nor a sharded index); .bin checkpoints must be converted to safetensors")
        }
        weightsLabel = "\(name)/\(index)"
        guard let data = fm.contents(atPath: url.appendingPathComponent(index).path),
              let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let map = json["weight_map"] as? [String: String]
        else { throw WeightLoadingError("\(weightsLabel): not a safetensors index (no weight_map)") }
        let files = Array(Set(map.values)).sorted()
        var opened: [SafeTensorsFile] = []
        for file in files { opened.append(try Self.map(url.appendingPathComponent(file), label: "\(name)/\(file)")) }
        var owner: [String: Int] = [:]
        for (i, shard) in opened.enumerated() {
            for tensor in shard.entries.keys { owner[tensor] = i }
        }
        shards = opened
        shardOfTensor = owner
    }

    /// Decodes `config.json`, naming the file if it does not parse.
    public func decodeConfig<Config: Decodable>(_ type: Config.Type) throws -> Config {
        do {
            return try JSONDecoder().decode(Config.self, from: configData)
        } catch {
            throw WeightLoadingError("\(url.lastPathComponent)/config.json: \(Self.describe(error))")
        }
    }

    /// Every tensor name in the weights.
    public var tensorNames: [String] { shardOfTensor.keys.sorted() }

    /// The header entry of a tensor, if present.
    public func entry(_ name: String) -> SafeTensorsEntry? {
        shardOfTensor[name].flatMap { shards[$0].entries[name] }
    }

    /// A tensor converted to Float32.
    public func tensor(_ name: String) throws -> Tensor {
        guard let shard = shardOfTensor[name] else { throw WeightLoadingError("\(weightsLabel): tensor '\(name)' is missing") }
        return try shards[shard].tensor(name)
    }

    /// Where a tensor lives, for messages: its shard's label, or the weights label when absent.
    func label(of name: String) -> String {
        guard let shard = shardOfTensor[name], shards.count > 1 else { return weightsLabel }
        return "\(url.lastPathComponent)/\(shards[shard].url.lastPathComponent)"
    }

    private static func map(_ file: URL, label: String) throws -> SafeTensorsFile {
        do {
            return try SafeTensorsFile(contentsOf: file)
        } catch let error as SafeTensorsError {
            throw WeightLoadingError("\(label): \(error.description.replacingOccurrences(of: file.path + ": ", with: ""))")
        }
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
             let DecodingError.dataCorrupted(context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "'\(path)': \(context.debugDescription)"
        case let DecodingError.keyNotFound(key, _):
            return "required key '\(key.stringValue)' is missing"
        default:
            return "\(error)"
        }
    }
}
