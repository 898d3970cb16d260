/// CLIP's byte-pair encoding of one pre-tokenized piece: the last symbol carries the
/// end-of-word marker `</w>`, then the adjacent pair with the lowest merge rank is merged
/// everywhere, left to right, until no ranked pair is left (transformers' `CLIPTokenizer.bpe`).
struct BytePairEncoder: Sendable {
    struct Pair: Hashable, Sendable {
        var first: String
        var second: String
    }

    static let endOfWord = "</w>"

    private let ranks: [Pair: Int]

    /// `merges` are the lines after the `#version` header; lines that are not two
    /// symbols can never match and are kept only for their rank, as in Python.
    init(mergeLines: [[Unicode.Scalar]]) {
        var ranks: [Pair: Int] = [:]
        for (rank, line) in mergeLines.enumerated() {
            let parts = CLIPTextNormalizer.splitOnPythonWhitespace(line)
            guard parts.count == 2 else { continue }
            // A repeated merge keeps its later rank, like `dict(zip(merges, range(...)))`.
            ranks[Pair(first: Self.string(parts[0]), second: Self.string(parts[1]))] = rank
        }
        self.ranks = ranks
    }

    private static func string(_ scalars: [Unicode.Scalar]) -> String {
        String(String.UnicodeScalarView(scalars))
    }

    /// The BPE symbols of a piece given as byte-level symbols (one per UTF-8 byte).
    func encode(_ symbols: [String]) -> [String] {
        guard let last = symbols.last else { return [] }
        var word = symbols
        word[word.count - 1] = last + Self.endOfWord
        while word.count > 1 {
            var best: (rank: Int, pair: Pair)?
            for i in 0..<(word.count - 1) {
                let pair = Pair(first: word[i], second: word[i + 1])
                if let rank = ranks[pair], rank < (best?.rank ?? .max) { best = (rank, pair) }
            }
            guard let (_, pair) = best else { break }
            var merged: [String] = []
            merged.reserveCapacity(word.count)
            var i = 0
            while i < word.count {
                if i < word.count - 1 && word[i] == pair.first && word[i + 1] == pair.second {
                    merged.append(pair.first + pair.second)
                    i += 2
                } else {
                    merged.append(word[i])
                    i += 1
                }
            }
            word = merged
        }
        return word
    }
}
