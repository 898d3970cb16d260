/// CLIP's pre-tokenization regex, `<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|
/// [\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+` with IGNORECASE, as a hand-written scanner: at each
/// position the first alternative that matches wins, and whitespace between matches is skipped.
enum CLIPPreTokenizer {
    private static let literals: [[Unicode.Scalar]] = [
        "<|startoftext|>", "<|endoftext|>", "'s", "'t", "'re", "'ve", "'m", "'ll", "'d",
    ].map { Array($0.unicodeScalars) }

    static func split(_ text: [Unicode.Scalar]) -> [String] {
        var pieces: [String] = []
        var i = 0
        while i < text.count {
            if let literal = literals.first(where: { matches($0, in: text, at: i) }) {
                pieces.append(String(String.UnicodeScalarView(text[i..<(i + literal.count)])))
                i += literal.count
                continue
            }
            let scalar = text[i]
            let end: Int
            if isLetter(scalar) {
                var j = i + 1
                while j < text.count && isLetter(text[j]) { j += 1 }
                end = j
            } else if isNumber(scalar) {
                end = i + 1
            } else if !isWhitespace(scalar) {
                var j = i + 1
                while j < text.count && !isLetter(text[j]) && !isNumber(text[j]) && !isWhitespace(text[j]) { j += 1 }
                end = j
            } else {
                i += 1
                continue
            }
            pieces.append(String(String.UnicodeScalarView(text[i..<end])))
            i = end
        }
        return pieces
    }

    /// Case-insensitive literal match, with the simple case folds that can reach these
    /// ASCII letters (ASCII capitals, and the long s U+017F, which folds to "s").
    private static func matches(_ literal: [Unicode.Scalar], in text: [Unicode.Scalar], at start: Int) -> Bool {
        guard start + literal.count <= text.count else { return false }
        for (offset, expected) in literal.enumerated() where fold(text[start + offset]) != expected {
            return false
        }
        return true
    }

    private static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x41...0x5a: return Unicode.Scalar(scalar.value + 0x20)!
        case 0x17f: return "s"
        case 0x212a: return "k"
        default: return scalar
        }
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    private static func isNumber(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    /// `\s` of Python's regex module: Unicode White_Space plus what `str.isspace` accepts.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || CLIPTextNormalizer.isPythonWhitespace(scalar)
    }
}
