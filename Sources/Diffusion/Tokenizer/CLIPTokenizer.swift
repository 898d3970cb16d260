import Foundation

/// The CLIP text tokenizer of a diffusers checkpoint, equal to transformers' slow
/// `CLIPTokenizer` as diffusers loads it (without ftfy installed): added and special
/// tokens are split out of the raw text first, the rest is cleaned and lower-cased like
/// `BasicTokenizer`, cut by CLIP's regex, mapped to byte-level symbols and BPE-merged.
public struct CLIPTokenizer: Sendable {
    /// `model_max_length` from tokenizer_config.json (77 for Stable Diffusion); 77 when absent.
    public let maxLength: Int
    /// `<|startoftext|>` (or the configured bos_token), put before every text.
    public let bosTokenID: Int
    /// `<|endoftext|>` (or the configured eos_token), put after every text.
    public let eosTokenID: Int
    /// The configured pad_token (`<|endoftext|>` in SD 1.x, `!` in SD 2.x), filling to `maxLength`.
    public let padTokenID: Int
    /// The id unknown BPE symbols map to (`unk_token`), if it is in the vocabulary.
    public let unknownTokenID: Int?

    private let vocabulary: [String: Int]
    private let encoder: BytePairEncoder
    private let addedTokens: [String: AddedToken]
    private let splitter: AddedTokenSplitter
    private let normalizer: CLIPTextNormalizer
    private let splitSpecialTokens: Bool
    private let padOnLeft: Bool
    private let truncateOnLeft: Bool

    /// Loads `vocab.json`, `merges.txt` and, when present, `tokenizer_config.json`,
    /// `special_tokens_map.json`, `added_tokens.json` and `tokenizer.json` from a diffusers
    /// `tokenizer/` folder.
    ///
    /// - Parameter unicodeVersion: the Unicode version of the Python whose tokenizer is matched
    ///   (14.0 for Python 3.11, 15.0 for 3.12, 15.1 for 3.13): characters assigned later are
    ///   unassigned there and get deleted. nil uses Swift's own Unicode tables for that decision.
    public init(folder: URL, unicodeVersion: Unicode.Version? = (14, 0)) throws {
        let files = try TokenizerFiles(folder: folder)
        vocabulary = files.vocabulary
        encoder = BytePairEncoder(mergeLines: files.mergeLines)
        normalizer = CLIPTextNormalizer(unicodeVersion: unicodeVersion)
        splitSpecialTokens = files.splitSpecialTokens
        padOnLeft = files.padOnLeft
        truncateOnLeft = files.truncateOnLeft
        maxLength = files.modelMaxLength ?? 77

        // CLIPTokenizer's defaults, then what the folder sets.
        var specials = files.specialTokens
        let defaults = ["bos_token": "<|startoftext|>", "eos_token": "<|endoftext|>",
                        "unk_token": "<|endoftext|>", "pad_token": "<|endoftext|>"]
        for (key, content) in defaults where specials[key] == nil {
            specials[key] = AddedToken(content: content, id: -1)
        }

        // PreTrainedTokenizer.__init__: every special token becomes an added token; one that is
        // not in the vocabulary gets the next free id.
        var added: [String: AddedToken] = [:]
        for token in files.addedTokens { added[token.content] = token }
        var nextID = Set(vocabulary.keys).union(added.keys).count
        let ordered = TokenizerFiles.specialTokenKeys.compactMap { specials[$0] } + files.additionalSpecialTokens
        for var token in ordered where added[token.content] == nil && !token.content.isEmpty {
            token.special = true
            if let id = vocabulary[token.content] {
                token.id = id
            } else {
                token.id = nextID
                nextID += 1
            }
            added[token.content] = token
        }
        addedTokens = added
        splitter = AddedTokenSplitter(tokens: added.values.sorted { $0.id < $1.id }.map(\.content))

        let vocab = files.vocabulary
        func resolve(_ key: String) throws -> Int {
            let content = specials[key]!.content
            if let id = added[content]?.id ?? vocab[content] { return id }
            throw TokenizerError.malformedFile(folder.appendingPathComponent("vocab.json").path,
                                               reason: "\(key) \"\(content)\" has no id")
        }
        bosTokenID = try resolve("bos_token")
        eosTokenID = try resolve("eos_token")
        padTokenID = try resolve("pad_token")
        let unknown = specials["unk_token"]!.content
        unknownTokenID = added[unknown]?.id ?? vocab[unknown]
    }

    /// The token strings of `text`, without bos/eos (`tokenizer.tokenize(text)`).
    public func tokenize(_ text: String) -> [String] {
        if splitSpecialTokens { return bpeTokens(text) }
        var pieces = splitter.split(Array(text.unicodeScalars)).map { String(String.UnicodeScalarView($0)) }
        applyStripping(&pieces)
        var tokens: [String] = []
        for piece in pieces where !piece.isEmpty {
            if addedTokens[piece] != nil {
                tokens.append(piece)
            } else {
                tokens.append(contentsOf: bpeTokens(piece))
            }
        }
        return tokens
    }

    /// Token ids with bos and eos around them, neither truncated nor padded.
    public func encode(_ text: String) -> [Int] {
        [bosTokenID] + tokenize(text).map(id(of:)) + [eosTokenID]
    }

    /// What diffusers feeds the text encoder: `tokenizer(text, padding="max_length",
    /// max_length=model_max_length, truncation=True).input_ids`, exactly `maxLength` ids.
    public func encodePadded(_ text: String) -> [Int32] {
        var body = tokenize(text).map(id(of:))
        let room = max(maxLength - 2, 0)
        if body.count > room {
            body = truncateOnLeft ? Array(body.suffix(room)) : Array(body.prefix(room))
        }
        var ids = [bosTokenID] + body + [eosTokenID]
        let padding = [Int](repeating: padTokenID, count: max(maxLength - ids.count, 0))
        ids = padOnLeft ? padding + ids : ids + padding
        return ids.map { Int32(truncatingIfNeeded: $0) }
    }

    /// `_convert_token_to_id_with_added_voc`: added tokens first, then the vocabulary, else unk.
    private func id(of token: String) -> Int {
        addedTokens[token]?.id ?? vocabulary[token] ?? unknownTokenID ?? 0
    }

    /// The lstrip / rstrip / single_word rules `PreTrainedTokenizer.tokenize` applies around
    /// added tokens, in its order: the neighbours are judged as they were before stripping.
    private func applyStripping(_ pieces: inout [String]) {
        for i in pieces.indices {
            let piece = pieces[i]
            guard let token = addedTokens[piece] else { continue }
            let left = i > 0 ? pieces[i - 1] : ""
            let right = i < pieces.count - 1 ? pieces[i + 1] : ""
            if token.rstrip && !right.isEmpty { pieces[i + 1] = Self.strippingLeadingWhitespace(right) }
            if token.lstrip && !left.isEmpty { pieces[i - 1] = Self.strippingTrailingWhitespace(left) }
            if token.singleWord && !left.isEmpty && left.unicodeScalars.last != " " {
                pieces[i - 1] += piece
                pieces[i] = ""
            } else if token.singleWord && !right.isEmpty && right.unicodeScalars.first != " " {
                pieces[i + 1] = piece + pieces[i + 1]
                pieces[i] = ""
            }
        }
    }

    /// `_tokenize`: normalize, pre-tokenize, byte-encode and BPE one piece of text.
    private func bpeTokens(_ text: String) -> [String] {
        var tokens: [String] = []
        for piece in CLIPPreTokenizer.split(normalizer.normalize(text)) {
            // CLIP's BPE cache starts with the two special tokens mapped to themselves.
            if piece == "<|startoftext|>" || piece == "<|endoftext|>" {
                tokens.append(piece)
                continue
            }
            tokens.append(contentsOf: encoder.encode(ByteLevelAlphabet.symbols(for: piece)))
        }
        return tokens
    }

    private static func strippingLeadingWhitespace(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.drop(while: CLIPTextNormalizer.isPythonWhitespace)))
    }

    private static func strippingTrailingWhitespace(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        while let last = scalars.last, CLIPTextNormalizer.isPythonWhitespace(last) { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
