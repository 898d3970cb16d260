extension ClinicalParser {
    /// A set of phrases with the term each stands for, written as space-separated lower-case words.
    struct VocabularyEntry: Sendable {
        var phrases: [String]
        var term: Term
        /// Also accept the plural of each phrase's last word ("effusion" → "effusions").
        var pluralize: Bool

        init(_ term: Term, pluralize: Bool = false, _ phrases: [String]) {
            self.term = term
            self.pluralize = pluralize
            self.phrases = phrases
        }
    }

    /// A phrase found in the token stream.
    struct LexiconMatch: Sendable {
        var term: Term
        /// Number of tokens the phrase covers.
        var length: Int
        /// The phrase was matched in its plural form ("nodules"), which lets a number count it.
        var isPlural: Bool
    }

    /// Longest-match phrase lookup, indexed by first word so each position tries only a handful of
    /// phrases.
    struct Lexicon: Sendable {
        private struct Phrase: Sendable {
            var words: [String]
            var term: Term
            var isPlural: Bool
        }

        private let phrasesByFirstWord: [String: [Phrase]]

        init(_ entries: [VocabularyEntry]) {
            var index: [String: [Phrase]] = [:]
            for entry in entries {
                for phrase in entry.phrases {
                    let words = phrase.split(separator: " ").map(String.init)
                    guard let first = words.first else { continue }
                    index[first, default: []].append(Phrase(words: words, term: entry.term, isPlural: false))
                    if entry.pluralize, let plural = Lexicon.plural(of: words) {
                        index[plural[0], default: []].append(Phrase(words: plural, term: entry.term, isPlural: true))
                    }
                }
            }
            // Longest first; among equals, the earlier entry wins, so tables list specific terms first.
            phrasesByFirstWord = index.mapValues { phrases in
                phrases.enumerated()
                    .sorted { ($0.element.words.count, -$0.offset) > ($1.element.words.count, -$1.offset) }
                    .map(\.element)
            }
        }

        /// The longest phrase starting at `start`, matching only tokens for which `usable` is true.
        func match(_ tokens: [Token], at start: Int, usable: (Int) -> Bool) -> LexiconMatch? {
            guard let candidates = phrasesByFirstWord[tokens[start].text] else { return nil }
            for phrase in candidates {
                let end = start + phrase.words.count
                guard end <= tokens.count else { continue }
                var matches = true
                for offset in 0..<phrase.words.count {
                    let index = start + offset
                    let token = tokens[index]
                    let isWord = token.kind == .word || token.kind == .number
                    if !usable(index) || !isWord || token.text != phrase.words[offset] {
                        matches = false
                        break
                    }
                }
                if matches {
                    return LexiconMatch(term: phrase.term, length: phrase.words.count, isPlural: phrase.isPlural)
                }
            }
            return nil
        }

        /// English plural of the last word, for the regular patterns radiology nouns follow.
        static func plural(of words: [String]) -> [String]? {
            guard let last = words.last, last.count > 2 else { return nil }
            let pluralWord: String
            if last.hasSuffix("is") {
                pluralWord = String(last.dropLast(2)) + "es"          // atelectasis → atelectases
            } else if last.hasSuffix("s") || last.hasSuffix("x") || last.hasSuffix("ch") || last.hasSuffix("sh") {
                pluralWord = last + "es"                              // mass → masses
            } else if last.hasSuffix("y"), let beforeY = last.dropLast().last, !"aeiou".contains(beforeY) {
                pluralWord = String(last.dropLast()) + "ies"          // opacity → opacities
            } else {
                pluralWord = last + "s"
            }
            return words.dropLast() + [pluralWord]
        }
    }
}
