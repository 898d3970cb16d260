@testable import Diffusion
import Foundation
import SynthNumerics
import XCTest

/// The safetensors reader (dtypes, header validation, shards) and the weight checks that turn
/// a mismatched checkpoint into an error naming the file and tensor.
final class SafeTensorsTests: XCTestCase {
    func testRoundTripOfFloatHalfAndIntegerTensors() throws {
        let dir = try ModelFixtures.temporaryDirectory(self)
        let url = dir.appendingPathComponent("t.safetensors")
        let f = Tensor(shape: [2, 3], storage: [1, -2.5, 3e-3, 4, 1e10, -0])
        let h = Tensor(shape: [3], storage: [0.5, -1.25, 65504])
        try SafeTensorsWriter.write(["f": .float(f), "h": .half(h), "ids": .int64([49406, 7, -1], shape: [1, 3])],
                                    metadata: ["format": "pt"], to: url)
        let file = try SafeTensorsFile(contentsOf: url)
        XCTAssertEqual(file.names, ["f", "h", "ids"])
        XCTAssertEqual(file.metadata["format"], "pt")
        XCTAssertEqual(try file.tensor("f"), f)
        XCTAssertEqual(file.entries["h"]?.dtype, .f16)
        XCTAssertEqual(try file.tensor("h"), h)
        XCTAssertEqual(try file.integers("ids"), [49406, 7, -1])
        XCTAssertEqual(try file.tensor("ids").storage, [49406, 7, -1])
        XCTAssertThrowsError(try file.integers("f")) { XCTAssertTrue("\($0)".contains("not an integer type")) }
        XCTAssertThrowsError(try file.tensor("nope")) { XCTAssertEqual("\($0)", "\(url.path): tensor 'nope' is missing") }
    }

    func testBFloat16AndInt32AreReadFromRawBytes() throws {
        let dir = try ModelFixtures.temporaryDirectory(self)
        let url = dir.appendingPathComponent("raw.safetensors")
        // bf16 is the top half of a float32: 1.0 = 0x3F80, -2.0 = 0xC000, 0.15625 = 0x3E20.
        let bf16: [UInt16] = [0x3F80, 0xC000, 0x3E20]
        let i32: [Int32] = [5, -6]
        var data = Data()
        bf16.forEach { withUnsafeBytes(of: $0.littleEndian) { data.append(contentsOf: $0) } }
        i32.forEach { withUnsafeBytes(of: $0.littleEndian) { data.append(contentsOf: $0) } }
        try writeRaw(header: #"{"b":{"dtype":"BF16","shape":[3],"data_offsets":[0,6]},"i":{"dtype":"I32","shape":[2],"data_offsets":[6,14]}}"#,
                     data: data, to: url)
        let file = try SafeTensorsFile(contentsOf: url)
        XCTAssertEqual(try file.tensor("b").storage, [1, -2, 0.15625])
        XCTAssertEqual(try file.integers("i"), [5, -6])
    }

    func testHalfConversionIsExactForEveryBitPattern() {
        for bits in 0...UInt16.max {
            let expected = Float(Float16(bitPattern: bits))
            let actual = ElementConversion.halfTable[Int(bits)]
            if expected.isNaN { XCTAssertTrue(actual.isNaN) } else if actual != expected {
                XCTFail("half 0x\(String(bits, radix: 16)): \(actual) != \(expected)")
                return
            }
        }
    }

    func testMalformedFilesAreRejectedWithTheirPath() throws {
        let dir = try ModelFixtures.temporaryDirectory(self)
        let short = dir.appendingPathComponent("short.safetensors")
        try Data([1, 2, 3]).write(to: short)
        XCTAssertThrowsError(try SafeTensorsFile(contentsOf: short)) { XCTAssertTrue("\($0)".hasPrefix(short.path)) }
        let outside = dir.appendingPathComponent("outside.safetensors")
        try writeRaw(header: #"{"w":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}"#, data: Data(count: 8), to: outside)
        XCTAssertThrowsError(try SafeTensorsFile(contentsOf: outside)) { XCTAssertTrue("\($0)".contains("outside the 8-byte data")) }
        let size = dir.appendingPathComponent("size.safetensors")
        try writeRaw(header: #"{"w":{"dtype":"F16","shape":[3],"data_offsets":[0,8]}}"#, data: Data(count: 8), to: size)
        XCTAssertThrowsError(try SafeTensorsFile(contentsOf: size)) { XCTAssertTrue("\($0)".contains("has 8 bytes")) }
    }

    // MARK: - Component folders and the weight check

    /// A one-layer CLIP text encoder with hidden size 4, written to `text_encoder/` in `dir`.
    func writeTinyTextEncoder(in dir: URL, editing edit: (inout [String: SafeTensorsWriter.Item]) -> Void = { _ in }) throws -> URL {
        let folder = dir.appendingPathComponent("text_encoder")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let config = #"{"hidden_size": 4, "intermediate_size": 6, "num_hidden_layers": 1, "num_attention_heads": 2, "vocab_size": 10, "max_position_embeddings": 8, "hidden_act": "gelu", "eos_token_id": 9}"#
        try Data(config.utf8).write(to: folder.appendingPathComponent("config.json"))
        var shapes: [String: [Int]] = [
            "text_model.embeddings.token_embedding.weight": [10, 4],
            "text_model.embeddings.position_embedding.weight": [8, 4],
            "text_model.final_layer_norm.weight": [4], "text_model.final_layer_norm.bias": [4],
        ]
        let layer = "text_model.encoder.layers.0."
        for p in ["q_proj", "k_proj", "v_proj", "out_proj"] {
            shapes[layer + "self_attn.\(p).weight"] = [4, 4]
            shapes[layer + "self_attn.\(p).bias"] = [4]
        }
        for n in ["layer_norm1", "layer_norm2"] { shapes[layer + n + ".weight"] = [4]; shapes[layer + n + ".bias"] = [4] }
        shapes[layer + "mlp.fc1.weight"] = [6, 4]; shapes[layer + "mlp.fc1.bias"] = [6]
        shapes[layer + "mlp.fc2.weight"] = [4, 6]; shapes[layer + "mlp.fc2.bias"] = [4]
        var items: [String: SafeTensorsWriter.Item] = [:]
        for (i, (name, shape)) in shapes.sorted(by: { $0.key < $1.key }).enumerated() {
            items[name] = .float(randomTensor(shape, seed: UInt64(i), scale: 0.5))
        }
        edit(&items)
        try SafeTensorsWriter.write(items, to: folder.appendingPathComponent("model.safetensors"))
        return folder
    }

    func testCompleteComponentLoadsAndRuns() throws {
        let dir = try ModelFixtures.temporaryDirectory(self)
        // transformers' position_ids buffer is tolerated.
        let folder = try writeTinyTextEncoder(in: dir) { $0["text_model.embeddings.position_ids"] = .int64(Array(0..<8), shape: [1, 8]) }
        let model = try CLIPTextModel.load(from: folder)
        let out = model.encode(inputIDs: [[1, 2, 9, 0], [3, 9, 9, 9]])
        XCTAssertEqual(out.lastHiddenState.shape, [2, 4, 4])
        XCTAssertEqual(out.hiddenStates.count, 2)
        // Pooled output is taken at the first end-of-text token.
        XCTAssertEqual(Array(out.pooled.storage[0..<4]), Array(out.lastHiddenState.storage[8..<12]))
        XCTAssertEqual(Array(out.pooled.storage[4..<8]), Array(out.lastHiddenState.storage[20..<24]))
    }

    func testMisshapedMissingAndUnexpectedTensorsAreAllReported() throws {
        let dir = try ModelFixtures.temporaryDirectory(self)
        let folder = try writeTinyTextEncoder(in: dir) { items in
            items["text_model.encoder.layers.0.mlp.fc1.weight"] = .float(Tensor(zeros: [6, 4, 1, 1]))
            items["text_model.final_layer_norm.bias"] = nil
            items["text_model.encoder.layers.1.mlp.fc1.weight"] = .float(Tensor(zeros: [6, 4]))
        }
        XCTAssertThrowsError(try CLIPTextModel.load(from: folder)) { error in
            let problems = (error as? WeightLoadingError)?.problems ?? []
            XCTAssertEqual(problems, [
                "text_encoder/model.safetensors: tensor 'text_model.encoder.layers.0.mlp.fc1.weight' has shape [6, 4, 1, 1], expected [6, 4]",
                "text_encoder/model.safetensors: tensor 'text_model.final_layer_norm.bias' is missing",
                "text_encoder/model.safetensors: unexpected tensor 'text_model.encoder.layers.1.mlp.fc1.weight' (not part of CLIPTextModel)",
            ])
        }
    }

    func testMissingFilesAndBadConfigAreNamed() throws {
        let dir = try ModelFixtures.temporaryDirectory(self)
        let empty = dir.appendingPathComponent("unet")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        XCTAssertThrowsError(try UNet2DConditionModel.load(from: empty)) { XCTAssertEqual("\($0)", "unet/config.json: file is missing or unreadable") }
        try Data(#"{"block_out_channels": "wide"}"#.utf8).write(to: empty.appendingPathComponent("config.json"))
        XCTAssertThrowsError(try UNet2DConditionModel.load(from: empty)) { XCTAssertTrue("\($0)".hasPrefix("unet: no diffusion_pytorch_model.safetensors")) }
        try SafeTensorsWriter.write([:], to: empty.appendingPathComponent("diffusion_pytorch_model.safetensors"))
        XCTAssertThrowsError(try UNet2DConditionModel.load(from: empty)) {
            XCTAssertTrue("\($0)".hasPrefix("unet/config.json: 'block_out_channels'"), "\($0)")
        }
    }

    func testShardedWeightsAreFoundThroughTheIndex() throws {
        let dir = try ModelFixtures.temporaryDirectory(self)
        let folder = try writeTinyTextEncoder(in: dir)
        // Split model.safetensors into two shards with an index, as large checkpoints ship.
        let whole = try SafeTensorsFile(contentsOf: folder.appendingPathComponent("model.safetensors"))
        var shards: [[String: SafeTensorsWriter.Item]] = [[:], [:]]
        var map: [String: String] = [:]
        for (i, name) in whole.names.enumerated() {
            shards[i % 2][name] = .float(try whole.tensor(name))
            map[name] = "model-0000\(i % 2 + 1)-of-00002.safetensors"
        }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("model.safetensors"))
        shards[1]["text_model.embeddings.token_embedding.weight"] = .float(Tensor(zeros: [11, 4]))
        for (i, shard) in shards.enumerated() {
            try SafeTensorsWriter.write(shard, to: folder.appendingPathComponent("model-0000\(i + 1)-of-00002.safetensors"))
        }
        let index = try JSONSerialization.data(withJSONObject: ["metadata": [:] as [String: String], "weight_map": map])
        try index.write(to: folder.appendingPathComponent("model.safetensors.index.json"))
        let component = try ComponentFolder(folder)
        XCTAssertEqual(component.tensorNames.count, whole.names.count)
        XCTAssertThrowsError(try CLIPTextModel.load(from: folder)) {
            XCTAssertEqual("\($0)", "text_encoder/model-00002-of-00002.safetensors: tensor 'text_model.embeddings.token_embedding.weight' has shape [11, 4], expected [10, 4]")
        }
    }

    func testFixtureUNetWithAConvProjectionWhereALinearBelongsIsRejected() throws {
        let source = try ModelFixtures.component("sd2-tiny", "unet")
        let dir = try ModelFixtures.temporaryDirectory(self)
        let unet = dir.appendingPathComponent("unet")
        try FileManager.default.createDirectory(at: unet, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source.appendingPathComponent("config.json"), to: unet.appendingPathComponent("config.json"))
        let original = try SafeTensorsFile(contentsOf: source.appendingPathComponent("diffusion_pytorch_model.safetensors"))
        var items: [String: SafeTensorsWriter.Item] = [:]
        for name in original.names { items[name] = .half(try original.tensor(name)) }
        let name = "down_blocks.0.attentions.0.proj_in.weight"
        let weight = try original.tensor(name)
        items[name] = .half(weight.reshaped(weight.shape + [1, 1]))
        try SafeTensorsWriter.write(items, to: unet.appendingPathComponent("diffusion_pytorch_model.safetensors"))
        XCTAssertThrowsError(try UNet2DConditionModel.load(from: unet)) {
            XCTAssertEqual("\($0)", "unet/diffusion_pytorch_model.safetensors: tensor '\(name)' has shape [16, 16, 1, 1], expected [16, 16]")
        }
    }

    func testUnsupportedConfigFeaturesAreNamed() throws {
        let source = try ModelFixtures.component("sd1-tiny", "unet")
        let dir = try ModelFixtures.temporaryDirectory(self)
        let unet = dir.appendingPathComponent("unet")
        try FileManager.default.copyItem(at: source, to: unet)
        var config = try JSONSerialization.jsonObject(with: Data(contentsOf: unet.appendingPathComponent("config.json"))) as! [String: Any]
        config["addition_embed_type"] = "text_time"
        try JSONSerialization.data(withJSONObject: config).write(to: unet.appendingPathComponent("config.json"))
        XCTAssertThrowsError(try UNet2DConditionModel.load(from: unet)) {
            XCTAssertEqual("\($0)", "unet/config.json: unsupported addition_embed_type text_time")
        }
    }

    /// Writes a safetensors file from a literal header and data.
    func writeRaw(header: String, data: Data, to url: URL) throws {
        var file = Data()
        withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian) { file.append(contentsOf: $0) }
        file.append(Data(header.utf8))
        file.append(data)
        try file.write(to: url)
    }
}
