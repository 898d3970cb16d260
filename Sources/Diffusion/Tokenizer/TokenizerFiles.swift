import Foundation

/// What a diffusers `tokenizer/` folder says, read the way transformers'
/// `CLIPTokenizer.from_pretrained` reads it.
struct TokenizerFiles: Sendable {
    var vocabulary: [String: Int]
    /// merges.txt after the `#version` line, at most CLIP's 48,894 merges.
    var mergeLines: [[Unicode.Scalar]]
    /// Tokens matched in raw text, by id (before the special tokens are added).
    var addedTokens: [AddedToken]
    /// bos, eos, unk, sep, pad, cls, mask, then additional special tokens; nil where unset.
    var specialTokens: [String: AddedToken]
    var additionalSpecialTokens: [AddedToken]
    var modelMaxLength: Int?
    var splitSpecialTokens: Bool
    var padOnLeft: Bool
    var truncateOnLeft: Bool

    static let specialTokenKeys = ["bos_token", "eos_token", "unk_token", "sep_token", "pad_token", "cls_token", "mask_token"]

    init(folder: URL) throws {
        let vocabURL = folder.appendingPathComponent("vocab.json")
        let mergesURL = folder.appendingPathComponent("merges.txt")
        vocabulary = try Self.readVocabulary(vocabURL)
        mergeLines = try Self.readMerges(mergesURL)

        let configURL = folder.appendingPathComponent("tokenizer_config.json")
        let config = try Self.readObject(configURL) ?? [:]
        modelMaxLength = try Self.integer(config["model_max_length"], key: "model_max_length", file: configURL)
        splitSpecialTokens = config["split_special_tokens"] == .bool(true)
        padOnLeft = config["padding_side"] == .string("left")
        truncateOnLeft = config["truncation_side"] == .string("left")

        var settings = config
        var added: [AddedToken] = []
        if case .object(let decoder)? = config["added_tokens_decoder"] {
            for (key, value) in decoder {
                guard let id = Int(key), let token = Self.addedToken(value, id: id) else {
                    throw TokenizerError.malformedFile(configURL.path, reason: "added_tokens_decoder entry \(key) is not a token")
                }
                added.append(token)
            }
        } else {
            // Older folders: special_tokens_map.json overrides the config, and added tokens
            // come from added_tokens.json or tokenizer.json.
            let mapURL = folder.appendingPathComponent("special_tokens_map.json")
            if let map = try Self.readObject(mapURL) {
                for (key, value) in map { settings[key] = value }
            }
            let specialContents = Set(Self.specialTokenKeys.compactMap { Self.addedToken(settings[$0], id: -1)?.content })
            let addedURL = folder.appendingPathComponent("added_tokens.json")
            if let legacy = try Self.readObject(addedURL) {
                for (content, value) in legacy {
                    guard case .number(let id) = value else {
                        throw TokenizerError.malformedFile(addedURL.path, reason: "the id of \(content) is not a number")
                    }
                    added.append(AddedToken(content: content, id: Int(id), special: specialContents.contains(content)))
                }
            }
            let fastURL = folder.appendingPathComponent("tokenizer.json")
            if let fast = try Self.readObject(fastURL), case .array(let entries)? = fast["added_tokens"] {
                for entry in entries {
                    guard case .object(let fields) = entry, case .number(let id)? = fields["id"],
                          let token = Self.addedToken(entry, id: Int(id)) else {
                        throw TokenizerError.malformedFile(fastURL.path, reason: "an added_tokens entry is not a token")
                    }
                    added.removeAll { $0.id == token.id }
                    added.append(token)
                }
            }
        }
        addedTokens = added.sorted { $0.id < $1.id }

        var specials: [String: AddedToken] = [:]
        for key in Self.specialTokenKeys {
            if let token = Self.addedToken(settings[key], id: -1) { specials[key] = token }
        }
        specialTokens = specials
        if case .array(let items)? = settings["additional_special_tokens"] {
            additionalSpecialTokens = items.compactMap { Self.addedToken($0, id: -1) }
        } else {
            additionalSpecialTokens = []
        }
    }

    /// An `AddedToken` from its saved form: a plain string, or an object with `content` and flags.
    private static func addedToken(_ value: JSONConfigValue?, id: Int) -> AddedToken? {
        switch value {
        case .string(let content)?:
            return AddedToken(content: content, id: id)
        case .object(let fields)?:
            guard case .string(let content)? = fields["content"] else { return nil }
            return AddedToken(
                content: content, id: id,
                lstrip: fields["lstrip"] == .bool(true),
                rstrip: fields["rstrip"] == .bool(true),
                singleWord: fields["single_word"] == .bool(true),
                special: fields["special"] == .bool(true))
        default:
            return nil
        }
    }

    private static func readVocabulary(_ url: URL) throws -> [String: Int] {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw TokenizerError.missingFile(url.path) }
        do {
            return try JSONDecoder().decode([String: Int].self, from: data)
        } catch {
            throw TokenizerError.malformedFile(url.path, reason: "expected a JSON object of token to integer id")
        }
    }

    private static func readMerges(_ url: URL) throws -> [[Unicode.Scalar]] {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw TokenizerError.missingFile(url.path) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TokenizerError.malformedFile(url.path, reason: "not UTF-8 text")
        }
        // `read().strip().split("\n")[1 : 49152 - 256 - 2 + 1]`
        var scalars = Array(text.unicodeScalars)
        while let first = scalars.first, CLIPTextNormalizer.isPythonWhitespace(first) { scalars.removeFirst() }
        while let last = scalars.last, CLIPTextNormalizer.isPythonWhitespace(last) { scalars.removeLast() }
        let lines = scalars.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
        guard lines.count > 1 else { return [] }
        return Array(lines[1..<min(lines.count, 49152 - 256 - 2 + 1)])
    }

    /// A JSON object file, or nil when the file is absent.
    private static func readObject(_ url: URL) throws -> [String: JSONConfigValue]? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        guard case .object(let object)? = try? JSONDecoder().decode(JSONConfigValue.self, from: data) else {
            throw TokenizerError.malformedFile(url.path, reason: "not a JSON object")
        }
        return object
    }

    private static func integer(_ value: JSONConfigValue?, key: String, file: URL) throws -> Int? {
        switch value {
        case nil, .null?: return nil
        case .number(let number)?:
            // transformers writes a huge placeholder when no length is known.
            return number >= 1 && number < 1e9 ? Int(number) : nil
        default:
            throw TokenizerError.malformedFile(file.path, reason: "\(key) is not a number")
        }
    }
}
