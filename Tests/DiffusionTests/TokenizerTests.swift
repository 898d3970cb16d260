import Diffusion
import Foundation
import XCTest

/// `CLIPTokenizer` against transformers' slow `CLIPTokenizer` (no ftfy) on the fixture
/// tokenizers: sd1-tiny pads with `<|endoftext|>`, sd2-tiny with `!`, a special token.
final class TokenizerTests: XCTestCase {
    private func tokenizer(_ model: String) throws -> CLIPTokenizer {
        try CLIPTokenizer(folder: ReferenceFixtures.url("\(model)-tiny/tokenizer"))
    }

    func testSpecialTokenIDsAndLength() throws {
        let reference = try ReferenceFixtures.load(TokenizerReference.self, from: "tokenizer-reference.json")
        let sd1 = try tokenizer("sd1"), sd2 = try tokenizer("sd2")
        for tokenizer in [sd1, sd2] {
            XCTAssertEqual(tokenizer.maxLength, reference.model_max_length)
            XCTAssertEqual(tokenizer.bosTokenID, reference.bos_token_id)
            XCTAssertEqual(tokenizer.eosTokenID, reference.eos_token_id)
        }
        XCTAssertEqual(sd1.padTokenID, reference.sd1_pad_token_id)
        XCTAssertEqual(sd2.padTokenID, reference.sd2_pad_token_id)
    }

    func testTokensAndIDsMatchTransformers() throws {
        let reference = try ReferenceFixtures.load(TokenizerReference.self, from: "tokenizer-reference.json")
        let sd1 = try tokenizer("sd1"), sd2 = try tokenizer("sd2")
        XCTAssertEqual(reference.texts.count, 31)
        for item in reference.texts {
            let label = String(reflecting: item.text)
            XCTAssertEqual(sd1.tokenize(item.text), item.sd1_tokens, "sd1 tokens of \(label)")
            XCTAssertEqual(sd1.encode(item.text), item.sd1_ids, "sd1 ids of \(label)")
            XCTAssertEqual(sd1.encodePadded(item.text).map(Int.init), item.sd1_input_ids, "sd1 input_ids of \(label)")
            XCTAssertEqual(sd2.tokenize(item.text), item.sd2_tokens, "sd2 tokens of \(label)")
            XCTAssertEqual(sd2.encode(item.text), item.sd2_ids, "sd2 ids of \(label)")
            XCTAssertEqual(sd2.encodePadded(item.text).map(Int.init), item.sd2_input_ids, "sd2 input_ids of \(label)")
        }
    }

    func testPaddedOutputAlwaysHasTheModelLength() throws {
        let sd1 = try tokenizer("sd1")
        let long = String(repeating: "pleural effusion ", count: 100)
        let ids = sd1.encodePadded(long)
        XCTAssertEqual(ids.count, 77)
        XCTAssertEqual(ids.first, Int32(sd1.bosTokenID))
        XCTAssertEqual(ids.last, Int32(sd1.eosTokenID))
        XCTAssertGreaterThan(sd1.encode(long).count, 77)
    }

    func testMissingAndMalformedFilesAreNamed() throws {
        let source = try ReferenceFixtures.url("sd1-tiny/tokenizer")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clip-tokenizer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        XCTAssertThrowsError(try CLIPTokenizer(folder: folder)) { error in
            XCTAssertEqual(error as? TokenizerError, .missingFile(folder.appendingPathComponent("vocab.json").path))
        }
        try FileManager.default.copyItem(at: source.appendingPathComponent("vocab.json"), to: folder.appendingPathComponent("vocab.json"))
        XCTAssertThrowsError(try CLIPTokenizer(folder: folder)) { error in
            XCTAssertEqual(error as? TokenizerError, .missingFile(folder.appendingPathComponent("merges.txt").path))
        }
        try Data("#version: 0.2\n".utf8).write(to: folder.appendingPathComponent("merges.txt"))
        try Data("{not json".utf8).write(to: folder.appendingPathComponent("tokenizer_config.json"))
        XCTAssertThrowsError(try CLIPTokenizer(folder: folder)) { error in
            XCTAssertTrue("\(error)".contains("tokenizer_config.json"), "\(error)")
        }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("tokenizer_config.json"))
        try Data("[1, 2, 3]".utf8).write(to: folder.appendingPathComponent("vocab.json"))
        XCTAssertThrowsError(try CLIPTokenizer(folder: folder)) { error in
            XCTAssertTrue("\(error)".contains("vocab.json"), "\(error)")
        }
    }
}
