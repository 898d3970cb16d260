import Foundation

/// The text cleanup `CLIPTokenizer` applies when ftfy is not installed: transformers'
/// `BasicTokenizer(strip_accents=False, do_split_on_punc=False)`, whose words are joined
/// with single spaces. That is: drop NUL, U+FFFD and control/format/unassigned characters,
/// turn whitespace into spaces, pad CJK ideographs with spaces, NFC-normalize, split on
/// whitespace and lower-case each word as Python's `str.lower` does.
struct CLIPTextNormalizer: Sendable {
    /// The Unicode version of the Python that ran the reference tokenizer: characters newer
    /// than this are unassigned there, so `BasicTokenizer` deletes them. nil trusts Swift's tables.
    var unicodeVersion: Unicode.Version?

    func normalize(_ text: String) -> [Unicode.Scalar] {
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value == 0 || scalar.value == 0xfffd || isControl(scalar) { continue }
            if Self.isBasicWhitespace(scalar) {
                cleaned.append(" ")
            } else if Self.isCJKIdeograph(scalar.value) {
                cleaned.append(" ")
                cleaned.append(scalar)
                cleaned.append(" ")
            } else {
                cleaned.append(scalar)
            }
        }
        let composed = String(cleaned).precomposedStringWithCanonicalMapping
        let words = Self.splitOnPythonWhitespace(Array(composed.unicodeScalars))
        var output: [Unicode.Scalar] = []
        for (index, word) in words.enumerated() {
            if index > 0 { output.append(" ") }
            output.append(contentsOf: Self.pythonLowercased(word))
        }
        return output
    }

    /// `_is_control`: any "C*" category except tab, newline and carriage return.
    private func isControl(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\t" || scalar == "\n" || scalar == "\r" { return false }
        let properties = scalar.properties
        if let limit = unicodeVersion {
            guard let age = properties.age else { return true }
            if age.major > limit.major || (age.major == limit.major && age.minor > limit.minor) { return true }
        }
        switch properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned: return true
        default: return false
        }
    }

    /// `_is_whitespace`: space, tab, newline, carriage return, or category Zs.
    private static func isBasicWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" { return true }
        return scalar.properties.generalCategory == .spaceSeparator
    }

    /// `_is_chinese_char`: the CJK Unified Ideographs blocks and their extensions.
    private static func isCJKIdeograph(_ v: UInt32) -> Bool {
        (0x4e00...0x9fff).contains(v) || (0x3400...0x4dbf).contains(v) || (0x20000...0x2a6df).contains(v)
            || (0x2a700...0x2b73f).contains(v) || (0x2b740...0x2b81f).contains(v) || (0x2b820...0x2ceaf).contains(v)
            || (0xf900...0xfaff).contains(v) || (0x2f800...0x2fa1f).contains(v)
    }

    /// Python's `str.isspace()`: category Zs or bidirectional class WS, B or S.
    static func isPythonWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0d, 0x1c...0x20, 0x85, 0xa0, 0x1680, 0x2000...0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000:
            return true
        default:
            return false
        }
    }

    /// `str.split()` with no arguments.
    static func splitOnPythonWhitespace(_ scalars: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var words: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for scalar in scalars {
            if isPythonWhitespace(scalar) {
                if !current.isEmpty { words.append(current); current = [] }
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// `str.lower()`: full lower-case mappings, with capital sigma becoming final sigma
    /// at the end of a word (Unicode's Final_Sigma condition, as CPython implements it).
    static func pythonLowercased(_ word: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(word.count)
        for (index, scalar) in word.enumerated() {
            if scalar.value == 0x3a3 {
                output.append(isFinalSigma(word, at: index) ? "\u{3c2}" : "\u{3c3}")
            } else {
                output.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return output
    }

    private static func isFinalSigma(_ word: [Unicode.Scalar], at index: Int) -> Bool {
        var j = index - 1
        while j >= 0 && word[j].properties.isCaseIgnorable { j -= 1 }
        guard j >= 0 && word[j].properties.isCased else { return false }
        j = index + 1
        while j < word.count && word[j].properties.isCaseIgnorable { j += 1 }
        return j == word.count || !word[j].properties.isCased
    }
}
